import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOCIETY_RESOLUTION_KINDS, societySpecialResolutionRule, societySpecialResolutionVerdict, type ResolutionVote } from './society-resolutions';

const vote = (heldOn: string, votesFor: number, votesAgainst: number, eligibleMembers = 100): ResolutionVote => ({ heldOn, eligibleMembers, votesFor, votesAgainst });

describe('societySpecialResolutionRule', () => {
  it('uses s111 for amalgamations and transfers between societies: two-thirds, then over half', () => {
    for (const kind of ['amalgamation', 'transfer_of_engagements'] as const) {
      const rule = societySpecialResolutionRule(kind);
      expect(rule).toMatchObject({ section: 'CCBS Act 2014 s111', turnout: null, secondMeeting: { minDaysAfterFirst: 14, maxMonthsAfterFirst: 1 } });
      expect(rule.firstMeeting).toMatchObject({ numerator: 2, denominator: 3, atLeast: true });
      expect(rule.confirmation).toMatchObject({ numerator: 1, denominator: 2, atLeast: false });
      expect(rule.summary).toMatch(/CCBS Act 2014 s111: passed by at least two-thirds of the eligible members who vote/);
      expect(rule.afterConfirmation).toMatch(/s111\(5\)-\(7\)/);
    }
  });

  it('uses s112-s113 for a conversion into, amalgamation with or transfer to a company: 75% with half voting, then over half', () => {
    for (const kind of ['conversion_to_company', 'amalgamation_with_company', 'transfer_to_company'] as const) {
      const rule = societySpecialResolutionRule(kind);
      expect(rule.section).toBe('CCBS Act 2014 s113');
      expect(rule.firstMeeting).toMatchObject({ numerator: 3, denominator: 4, atLeast: true });
      expect(rule.turnout).toMatchObject({ numerator: 1, denominator: 2, atLeast: true });
      expect(rule.summary).toMatch(/CCBS Act 2014 s112-s113: passed by at least 75% .* at least half of the eligible members vote/);
    }
  });
});

describe('societySpecialResolutionVerdict: transfer of engagements (s111)', () => {
  it('passes at exactly two-thirds of those voting and fails just below, abstentions aside', () => {
    expect(societySpecialResolutionVerdict('transfer_of_engagements', vote('2026-03-02', 20, 10)).firstPassed).toBe(true);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', vote('2026-03-02', 19, 10)).firstPassed).toBe(false);
    // No turnout requirement under s111: 3 of 100 members voting is enough.
    expect(societySpecialResolutionVerdict('transfer_of_engagements', vote('2026-03-02', 2, 1)).firstPassed).toBe(true);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', vote('2026-03-02', 0, 0)).firstPassed).toBe(false);
  });

  it('says when the confirming meeting may be held: 14 days to one month after the first', () => {
    const v = societySpecialResolutionVerdict('transfer_of_engagements', vote('2026-01-31', 20, 10));
    expect(v.secondMeetingWindow).toEqual({ earliest: '2026-02-14', latest: '2026-02-28' });
    expect(v.confirmed).toBeNull();
    expect(v.passed).toBe(false);
    expect(v.messages).toEqual([
      'First meeting: 20 of the 30 eligible members who voted were in favour (66.67%); at least two-thirds is needed (CCBS Act 2014 s111(2)(a)).',
      'Hold the confirming meeting between 14 February 2026 and 28 February 2026 (CCBS Act 2014 s111(2)(e)).',
    ]);
  });

  it('needs the second meeting inside the window and over half of those voting to confirm', () => {
    const first = vote('2026-03-02', 20, 10);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', first, vote('2026-03-16', 11, 10)).passed).toBe(true);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', first, vote('2026-04-02', 11, 10)).passed).toBe(true);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', first, vote('2026-03-15', 11, 10)).passed).toBe(false);
    expect(societySpecialResolutionVerdict('transfer_of_engagements', first, vote('2026-04-03', 11, 10)).passed).toBe(false);
    // Exactly half is not over half.
    const tied = societySpecialResolutionVerdict('transfer_of_engagements', first, vote('2026-03-16', 10, 10));
    expect(tied.confirmed).toBe(false);
    expect(tied.messages.at(-1)).toBe('Second meeting: 10 of the 20 eligible members who voted confirmed it (50%); over half is needed (CCBS Act 2014 s111(2)(c)).');
  });

  it('cannot be confirmed if it failed at the first meeting', () => {
    expect(societySpecialResolutionVerdict('amalgamation', vote('2026-03-02', 1, 10), vote('2026-03-20', 50, 0))).toMatchObject({ firstPassed: false, confirmed: false, passed: false });
  });
});

describe('societySpecialResolutionVerdict: conversion into a company (s112-s113)', () => {
  it('needs 75% of those voting and half the eligible members voting', () => {
    expect(societySpecialResolutionVerdict('conversion_to_company', vote('2026-03-02', 39, 13)).firstPassed).toBe(true); // 75%, 52 voted
    expect(societySpecialResolutionVerdict('conversion_to_company', vote('2026-03-02', 38, 13)).firstPassed).toBe(false); // 74.5%
    expect(societySpecialResolutionVerdict('conversion_to_company', vote('2026-03-02', 45, 4)).firstPassed).toBe(false); // only 49 of 100 voted
    const v = societySpecialResolutionVerdict('conversion_to_company', vote('2026-03-02', 45, 5));
    expect(v.firstPassed).toBe(true);
    expect(v.messages.slice(0, 2)).toEqual([
      'First meeting: 45 of the 50 eligible members who voted were in favour (90%); at least 75% is needed (CCBS Act 2014 s113(2)(a)).',
      '50 of the 100 eligible members voted (50%); at least half of them must vote (CCBS Act 2014 s113(2)(b)).',
    ]);
  });

  it('cites s113(2)(d) and (f) for the confirming meeting', () => {
    const v = societySpecialResolutionVerdict('conversion_to_company', vote('2026-03-02', 45, 5), vote('2026-03-20', 30, 29));
    expect(v.passed).toBe(true);
    expect(v.messages.join(' ')).toMatch(/s113\(2\)\(f\).*s113\(2\)\(d\)/);
  });
});

describe('societySpecialResolutionVerdict for every kind', () => {
  it('passes the first meeting exactly when the votes meet the threshold and turnout in whole numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOCIETY_RESOLUTION_KINDS), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (kind, f, a, rest) => {
        const eligible = f + a + rest;
        const v = societySpecialResolutionVerdict(kind, vote('2026-03-02', f, a, eligible));
        const voting = f + a;
        const s111 = kind === 'amalgamation' || kind === 'transfer_of_engagements';
        const expected = voting > 0 && (s111 ? 3 * f >= 2 * voting : 4 * f >= 3 * voting && 2 * voting >= eligible);
        expect(v.firstPassed).toBe(expected);
      }),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => societySpecialResolutionVerdict('amalgamation', vote('2026-03-02', 60, 50, 100))).toThrow(RangeError);
    expect(() => societySpecialResolutionVerdict('amalgamation', vote('2026-03-02', 1.5, 0))).toThrow(RangeError);
  });
});
