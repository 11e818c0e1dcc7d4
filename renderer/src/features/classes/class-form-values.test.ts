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
    });
  });
});
