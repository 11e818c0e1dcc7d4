import { describe, expect, it } from 'vitest';
import { LEGAL_FORM_INFO, LEGAL_FORMS } from '../../../shared/domain/legal-form';
import { registerColumns } from './columns';

const keys = (form: (typeof LEGAL_FORMS)[number], view: 'full' | 'inspection') => registerColumns(view, LEGAL_FORM_INFO[form]).map((c) => c.key);

describe('register columns', () => {
  it('gives a company limited by guarantee the s113 particulars, with e-mail only in the full register', () => {
    expect(keys('company_limited_by_guarantee', 'inspection')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'className', 'admittedOn', 'ceasedOn']);
    expect(keys('company_limited_by_guarantee', 'full')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'email', 'className', 'admittedOn', 'ceasedOn']);
  });

  it('adds shares held and amount paid for companies with a share capital, in both views (s113(3))', () => {
    for (const form of ['cic_limited_by_shares', 'eot_company'] as const) {
      expect(keys(form, 'inspection')).toEqual(expect.arrayContaining(['sharesHeld', 'amountPaid']));
      expect(keys(form, 'inspection')).not.toContain('email');
      expect(keys(form, 'full')).toEqual(expect.arrayContaining(['sharesHeld', 'amountPaid', 'email']));
    }
  });

  it('gives societies e-mail, its purposes, shares and loans in full, and none of them in the inspection copy (CCBS s30, s103)', () => {
    for (const form of ['cooperative_society', 'community_benefit_society'] as const) {
      expect(keys(form, 'full')).toEqual(
        expect.arrayContaining(['email', 'emailPurposes', 'sharesHeld', 'amountPaid', 'loansAndDeposits', 'admittedOn', 'ceasedOn']),
      );
      expect(keys(form, 'inspection')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'className', 'admittedOn', 'ceasedOn']);
    }
  });

  it('never puts date of birth, telephone or employment details in any view', () => {
    for (const form of LEGAL_FORMS) {
      for (const view of ['full', 'inspection'] as const) {
        const all = registerColumns(view, LEGAL_FORM_INFO[form]).map((c) => `${c.key} ${c.label}`.toLowerCase()).join(' ');
        expect(all).not.toMatch(/birth|phone|employ|hours|service area/);
      }
    }
  });

  it('says why every column is there', () => {
    for (const form of LEGAL_FORMS) {
      for (const c of registerColumns('full', LEGAL_FORM_INFO[form])) expect(c.source.length).toBeGreaterThan(10);
    }
  });
});
