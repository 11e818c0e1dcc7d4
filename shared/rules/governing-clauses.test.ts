import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS } from '../domain/legal-form';
import { NO_CLAUSES, clauseProblems, suggestedProfitBasis } from './governing-clauses';

describe('the s33 clauses of the governing document', () => {
  it('suggests for every legal form how profits are usually dealt with, citing the law and saying what to quote', () => {
    for (const form of LEGAL_FORMS) {
      const s = suggestedProfitBasis(form);
      expect(s.why, form).toMatch(/\((CA 2006|Community Interest Company Regulations 2005|Co-operative and Community Benefit Societies Act 2014)[^)]*\)|no share capital/);
      expect(s.why, form).toMatch(/Quote /);
    }
    expect(suggestedProfitBasis('cic_limited_by_guarantee').basis).toBe('not_for_profit');
    expect(suggestedProfitBasis('cic_limited_by_shares').basis).toBe('members_only');
    expect(suggestedProfitBasis('cic_limited_by_shares').why).toContain('within the cap the Regulator sets');
    expect(suggestedProfitBasis('cooperative_society').basis).toBe('members_only');
    expect(suggestedProfitBasis('community_benefit_society').basis).toBe('not_for_profit');
    expect(suggestedProfitBasis('company_limited_by_guarantee').why).toContain('without it, a guarantee company may still distribute');
  });

  it('pairs each answer with its clause, and accepts nothing recorded or the employee control clause alone', () => {
    expect(clauseProblems(NO_CLAUSES)).toEqual({});
    expect(clauseProblems({ ...NO_CLAUSES, employeeControlClause: 'Article 15' })).toEqual({});
    expect(Object.keys(clauseProblems({ ...NO_CLAUSES, objectsPublicServices: false }))).toEqual(['objectsClause']);
    expect(Object.keys(clauseProblems({ ...NO_CLAUSES, objectsClause: 'Article 3' }))).toEqual(['objectsPublicServices']);
    expect(Object.keys(clauseProblems({ ...NO_CLAUSES, profitBasis: 'other' }))).toEqual(['profitClause']);
    expect(Object.keys(clauseProblems({ ...NO_CLAUSES, profitClause: 'Article 4' }))).toEqual(['profitBasis']);
  });
});
