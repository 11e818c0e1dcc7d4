import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, formFamily } from '../domain/legal-form';
import { societyJurisdictionProblem } from './society-jurisdiction';

describe('societyJurisdictionProblem', () => {
  it('refuses a society in Northern Ireland, naming the 1969 Act and citing s2(2)(d)', () => {
    expect(societyJurisdictionProblem('community_benefit_society', 'northern_ireland')).toBe(
      'A community benefit society whose registered office is in Northern Ireland is registered under the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969, not the Co-operative and Community Benefit Societies Act 2014, which covers societies with their registered office in Great Britain or the Channel Islands (CCBS Act 2014 s2(2)(d)). This app keeps registers under the 2014 Act only.',
    );
    expect(societyJurisdictionProblem('cooperative_society', 'northern_ireland')).toMatch(/^A co-operative society whose registered office is in Northern Ireland/);
  });

  it('accepts a society anywhere in Great Britain, and a company anywhere in the UK', () => {
    for (const form of LEGAL_FORMS) {
      for (const part of ['england', 'wales', 'scotland', 'northern_ireland'] as const) {
        const refused = formFamily(form) === 'society' && part === 'northern_ireland';
        expect(societyJurisdictionProblem(form, part) !== null, `${form} in ${part}`).toBe(refused);
      }
    }
  });
});
