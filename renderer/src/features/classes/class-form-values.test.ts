import { describe, expect, test } from 'vitest';
import { classInputSchema, type MembershipClass } from '../../../../shared/contract/classes';
import { CLASS_PRESETS, classValues, defaultShareTerms, toClassInput } from './class-form-values';

describe('class input from the form', () => {
  test('every suggested class is valid as it stands, with and without shares', () => {
    for (const preset of CLASS_PRESETS) {
      expect(classInputSchema.safeParse(toClassInput({ ...preset.values, shareTerms: defaultShareTerms('society') }, true)).success).toBe(true);
      expect(classInputSchema.parse(toClassInput({ ...preset.values, shareTerms: defaultShareTerms('company') }, false)).shareTerms).toBeNull();
    }
  });

  test('the nominal value is entered in pounds and sent in pence', () => {
    const values = { ...CLASS_PRESETS[0]!.values, shareTerms: { ...defaultShareTerms('society'), nominalPence: '0.50', maxHolding: '2000' } };
    expect(classInputSchema.parse(toClassInput(values, true)).shareTerms).toEqual({ nominalPence: 50, withdrawable: true, transferable: false, maxHolding: 2000, redeemable: false, numbered: false });
  });

  test('eligibility is kept only for an employee class', () => {
    const values = { ...CLASS_PRESETS[0]!.values, isEmployeeClass: false, shareTerms: defaultShareTerms('company') };
    expect(toClassInput(values, false).eligibility).toEqual({ minAgeYears: null, minWeeklyHours: null, minServiceMonths: null });
  });

  test('a bad number is refused on its field', () => {
    const values = { ...CLASS_PRESETS[0]!.values, eligibility: { minAgeYears: 'eighteen', minWeeklyHours: '', minServiceMonths: '' }, shareTerms: defaultShareTerms('company') };
    const result = classInputSchema.safeParse(toClassInput(values, false));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['eligibility.minAgeYears']);
  });

  test('a stored class comes back as the same input', () => {
    const stored: MembershipClass = {
      id: '01900000-0000-7000-8000-000000000001',
      name: 'Employee',
      description: null,
      votingRights: 'per_member',
      votesPerMember: 2,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
      voteCap: { pct: 12.5, source: 'Rule 14(b)' },
      currentMembers: 3,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const input = classInputSchema.parse(toClassInput(classValues(stored), true));
    expect(input).toEqual({
      name: 'Employee',
      description: undefined,
      votingRights: 'per_member',
      votesPerMember: 2,
      isEmployeeClass: true,
      eligibility: stored.eligibility,
      shareTerms: stored.shareTerms,
      voteCap: stored.voteCap,
    });
  });

  test('a cap on the share of the votes is sent only while ticked, and may be typed with a per cent sign', () => {
    const base = { ...CLASS_PRESETS[1]!.values, shareTerms: defaultShareTerms('society') };
    expect(classInputSchema.parse(toClassInput({ ...base, voteCap: { capped: false, pct: '10', source: 'Rule 14(b)' } }, true)).voteCap).toBeNull();
    expect(classInputSchema.parse(toClassInput({ ...base, voteCap: { capped: true, pct: '10 %', source: 'Rule 14(b)' } }, true)).voteCap).toEqual({ pct: 10, source: 'Rule 14(b)' });
  });

  test('a cap that is empty, out of range, too precise or on a class with no vote is refused on its field', () => {
    const base = { ...CLASS_PRESETS[1]!.values, shareTerms: defaultShareTerms('society') };
    const problems = (values: typeof base) => classInputSchema.safeParse(toClassInput(values, true)).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ ...base, voteCap: { capped: true, pct: '', source: '' } })).toEqual([
      'voteCap.pct: Enter the cap as a percentage of the votes, such as 10.',
      'voteCap.source: Enter the rule that sets the cap.',
    ]);
    expect(problems({ ...base, voteCap: { capped: true, pct: '100', source: 'Rule 9' } })).toEqual(['voteCap.pct: The cap must be less than 100% of the votes; a class that may hold all of them has no cap.']);
    expect(problems({ ...base, voteCap: { capped: true, pct: '0', source: 'Rule 9' } })).toEqual(['voteCap.pct: The cap must be more than 0% of the votes.']);
    expect(problems({ ...base, voteCap: { capped: true, pct: '10.125', source: 'Rule 9' } })).toEqual(['voteCap.pct: Use at most two decimal places for the cap.']);
    expect(problems({ ...base, votingRights: 'none', voteCap: { capped: true, pct: '10', source: 'Rule 9' } })).toEqual([
      'voteCap.pct: A class with no voting rights has no votes to cap. Choose how its members vote, or take off the cap.',
    ]);
  });
});
