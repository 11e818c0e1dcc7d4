import { describe, expect, it } from 'vitest';
import { LEGAL_FORM_INFO, LEGAL_FORMS } from '../../../shared/domain/legal-form';
import { electronicCommsText, registerColumns } from './columns';

const keys = (form: (typeof LEGAL_FORMS)[number], view: 'full' | 'inspection') => registerColumns(view, LEGAL_FORM_INFO[form]).map((c) => c.key);

describe('register columns', () => {
  it('gives a company limited by guarantee the s113 particulars, with e-mail only in the full register', () => {
    expect(keys('company_limited_by_guarantee', 'inspection')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'className', 'admittedOn', 'ceasedOn']);
    expect(keys('company_limited_by_guarantee', 'full')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'email', 'noticesByEmail', 'className', 'admittedOn', 'ceasedOn']);
  });

  it('adds shares held, amount paid and joint holders for companies with a share capital, in both views (s113(3), (5))', () => {
    for (const form of ['cic_limited_by_shares', 'eot_company'] as const) {
      expect(keys(form, 'inspection')).toEqual(expect.arrayContaining(['sharesHeld', 'amountPaid', 'jointHolders']));
      expect(keys(form, 'inspection')).not.toContain('email');
      expect(keys(form, 'full')).toEqual(expect.arrayContaining(['sharesHeld', 'amountPaid', 'email']));
    }
  });

  it('gives societies e-mail, its purposes, shares and loans in full; the inspection copy leaves out only shares and property (CCBS Act 2014 s103(1)(b), s30(2)(c)-(d))', () => {
    for (const form of ['cooperative_society', 'community_benefit_society'] as const) {
      expect(keys(form, 'full')).toEqual(
        expect.arrayContaining(['email', 'emailPurposes', 'sharesHeld', 'amountPaid', 'loansAndDeposits', 'admittedOn', 'ceasedOn']),
      );
      expect(keys(form, 'inspection')).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'email', 'emailPurposes', 'className', 'admittedOn', 'ceasedOn']);
    }
  });

  it('shows share numbers where a class’s shares are numbered (CA 2006 s113(3)(a)(i))', () => {
    expect(registerColumns('inspection', LEGAL_FORM_INFO.eot_company, { numbered: true }).map((c) => c.key)).toEqual(expect.arrayContaining(['sharesHeld', 'shareNumbers', 'amountPaid']));
    expect(keys('eot_company', 'inspection')).not.toContain('shareNumbers');
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

  it('shows the agreement to notices by e-mail in the full register only, with its dates (CA 2006 Sch 5 para 6)', () => {
    for (const form of LEGAL_FORMS) {
      expect(keys(form, 'full')).toContain('noticesByEmail');
      expect(keys(form, 'inspection')).not.toContain('noticesByEmail');
    }
    expect(electronicCommsText({ electronic_comms_agreed_on: null, electronic_comms_revoked_on: null })).toBe('');
    expect(electronicCommsText({ electronic_comms_agreed_on: '2024-05-01', electronic_comms_revoked_on: null })).toBe('Agreed 1 May 2024');
    expect(electronicCommsText({ electronic_comms_agreed_on: '2024-05-01', electronic_comms_revoked_on: '2026-11-02' })).toBe('Agreed 1 May 2024; withdrawn 2 November 2026');
  });
});
