import { describe, expect, test } from 'vitest';
import { eligibilitySummary, shareTermsSummary, voteCapSummary, votingSummary } from './class-terms';

describe('a class’s terms in words', () => {
  test('eligibility lists only the conditions set, and only for an employee class', () => {
    const eligibility = { minAgeYears: 18, minWeeklyHours: 7.5, minServiceMonths: 1 };
    expect(eligibilitySummary({ isEmployeeClass: true, eligibility })).toBe('age 18 or over, at least 7.5 contracted hours a week, 1 month’s service');
    expect(eligibilitySummary({ isEmployeeClass: true, eligibility: { ...eligibility, minAgeYears: null, minWeeklyHours: null, minServiceMonths: 6 } })).toBe('6 months’ service');
    expect(eligibilitySummary({ isEmployeeClass: false, eligibility })).toBeNull();
  });

  test('no service, no hours and no age are no conditions, not "0 months’ service"', () => {
    expect(eligibilitySummary({ isEmployeeClass: true, eligibility: { minAgeYears: 18, minWeeklyHours: 0, minServiceMonths: 0 } })).toBe('age 18 or over');
    expect(eligibilitySummary({ isEmployeeClass: true, eligibility: { minAgeYears: 0, minWeeklyHours: 0, minServiceMonths: 0 } })).toBeNull();
  });

  test('voting rights', () => {
    expect(votingSummary({ votingRights: 'per_member', votesPerMember: 1 })).toBe('One vote per member');
    expect(votingSummary({ votingRights: 'per_member', votesPerMember: 3 })).toBe('3 votes per member');
    expect(votingSummary({ votingRights: 'per_share', votesPerMember: 1 })).toBe('One vote per share');
    expect(votingSummary({ votingRights: 'none', votesPerMember: 1 })).toBe('Non-voting');
  });

  test('share terms with the nominal value in pounds', () => {
    expect(shareTermsSummary({ shareTerms: { nominalPence: 50, withdrawable: true, transferable: false, maxHolding: 2000, redeemable: false, numbered: false } })).toBe(
      '£0.50 shares, withdrawable, not transferable, at most 2,000 each',
    );
    expect(shareTermsSummary({ shareTerms: null })).toBeNull();
  });

  test('a company’s shares are never called withdrawable or not: redeemable and numbered are said instead', () => {
    expect(shareTermsSummary({ shareTerms: { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, redeemable: true, numbered: true } }, 'company')).toBe(
      '£1.00 shares, redeemable, transferable, numbered',
    );
    expect(shareTermsSummary({ shareTerms: { nominalPence: 100, withdrawable: false, transferable: false, maxHolding: null, redeemable: false, numbered: false } }, 'company')).toBe(
      '£1.00 shares, not transferable',
    );
  });

  test('a cap on the share of the votes names its rule', () => {
    expect(voteCapSummary({ voteCap: { pct: 12.5, source: 'Rule 14(b)' } })).toBe('At most 12.5% of the votes in a ballot (Rule 14(b))');
    expect(voteCapSummary({ voteCap: null })).toBeNull();
  });
});
