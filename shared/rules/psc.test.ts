import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, formFamily } from '../domain/legal-form';
import {
  EOT_REGISTRABLE_REASON,
  PSC_NATURES,
  PSC_NATURE_INFO,
  PSC_STATEMENTS,
  natureProblems,
  pscApplies,
  pscWarnings,
  statementProblem,
  statementsAvailableFor,
} from './psc';

// The tests of main/core/board/psc-rules.ts, carried over unchanged: without a legal form the rules behave as before.
describe('pscWarnings', () => {
  it('warns, citing s790LA, when there is neither a PSC nor a statement', () => {
    const w = pscWarnings({ currentPeople: 0, currentStatements: [] });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^The PSC record has no person with significant control and no statement: Companies House must be told of the company’s registrable people \(CA 2006 s790LA\), or given a statement \(form PSC08\)/);
  });

  it('is silent for a register with the "no registrable person" statement, or with a PSC', () => {
    expect(pscWarnings({ currentPeople: 0, currentStatements: ['no_registrable_person'] })).toEqual([]);
    expect(pscWarnings({ currentPeople: 2, currentStatements: [] })).toEqual([]);
  });

  it('flags a PSC beside a statement that there is none, and the two holding statements', () => {
    expect(pscWarnings({ currentPeople: 1, currentStatements: ['no_registrable_person'] })).toEqual([expect.stringMatching(/also states that there is no registrable person/)]);
    expect(pscWarnings({ currentPeople: 0, currentStatements: ['steps_not_completed'] })).toEqual([expect.stringMatching(/s790CB/)]);
    expect(pscWarnings({ currentPeople: 1, currentStatements: ['psc_not_identified'] })).toEqual([expect.stringMatching(/has not identified/)]);
  });

  it('tells a company owned through an employee ownership trust that its trustee is registrable', () => {
    const empty = pscWarnings({ currentPeople: 0, currentStatements: [], legalForm: 'eot_company' });
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatch(/s790LA/);
    expect(empty[0]).toMatch(/employee ownership trust .* TCGA 1992 s236M/);
    expect(empty[0]).not.toMatch(/records that there is no registrable person/);
    expect(pscWarnings({ currentPeople: 0, currentStatements: ['no_registrable_person'], legalForm: 'eot_company' })).toEqual([
      `The PSC record states that there is no registrable person, which cannot be right here. ${EOT_REGISTRABLE_REASON} Then withdraw the statement.`,
    ]);
    expect(pscWarnings({ currentPeople: 1, currentStatements: [], legalForm: 'eot_company' })).toEqual([]);
  });
});

describe('statementProblem', () => {
  const empty = { currentPeople: 0, currentStatements: [] };

  it('accepts "no registrable person" on an empty register', () => {
    expect(statementProblem(empty, 'no_registrable_person', '2024-05-01')).toBeNull();
    expect(statementProblem({ ...empty, legalForm: 'company_limited_by_guarantee' }, 'no_registrable_person', '2024-05-01')).toBeNull();
  });

  it('refuses "no registrable person" for a company owned through an employee ownership trust', () => {
    expect(statementProblem({ ...empty, legalForm: 'eot_company' }, 'no_registrable_person', '2024-05-01')).toBe(EOT_REGISTRABLE_REASON);
    expect(statementProblem({ ...empty, legalForm: 'eot_company' }, 'steps_not_completed', '2024-05-01')).toBeNull();
  });

  it('refuses every statement for a society, which has no PSC record', () => {
    expect(statementProblem({ ...empty, legalForm: 'cooperative_society' }, 'steps_not_completed', '2024-05-01')).toMatch(/^A co-operative society makes no PSC statements\. People with significant control are a matter for companies \(CA 2006 Part 21A applies to companies\)/);
  });

  it('refuses the same statement twice', () => {
    expect(statementProblem({ currentPeople: 0, currentStatements: ['no_registrable_person'] }, 'no_registrable_person', '2024-05-01', '2020-01-01')).toBe(
      'The PSC record already carries the statement that there is no registrable person (made 1 January 2020).',
    );
  });

  it('refuses "no registrable person" beside a current PSC or another statement, and others beside it', () => {
    expect(statementProblem({ currentPeople: 1, currentStatements: [] }, 'no_registrable_person', '2024-05-01')).toMatch(/names a person with significant control/);
    expect(statementProblem({ currentPeople: 0, currentStatements: ['steps_not_completed'] }, 'no_registrable_person', '2024-05-01')).toMatch(/withdraw it/);
    expect(statementProblem({ currentPeople: 0, currentStatements: ['no_registrable_person'] }, 'psc_not_identified', '2024-05-01')).toMatch(/withdraw it/);
  });

  it('lets the two holding statements stand together and beside a PSC', () => {
    expect(statementProblem({ currentPeople: 1, currentStatements: ['steps_not_completed'] }, 'psc_not_identified', '2024-05-01')).toBeNull();
  });

  it('refuses a statement dated before the PSC regime began on 6 April 2016', () => {
    expect(statementProblem(empty, 'no_registrable_person', '2016-04-05')).toMatch(/began on 6 April 2016/);
    expect(statementProblem(empty, 'no_registrable_person', '2016-04-06')).toBeNull();
  });
});

describe('statementsAvailableFor', () => {
  it('offers a company all three statements, an EOT-owned company two, and a society none', () => {
    for (const form of LEGAL_FORMS) {
      const available = statementsAvailableFor(form).filter((a) => a.available).map((a) => a.statement);
      if (formFamily(form) === 'society') expect(available, form).toEqual([]);
      else if (form === 'eot_company') expect(available).toEqual(['steps_not_completed', 'psc_not_identified']);
      else expect(available, form).toEqual([...PSC_STATEMENTS]);
      expect(pscApplies(form)).toBe(formFamily(form) === 'company');
    }
    expect(statementsAvailableFor('eot_company')[0]).toEqual({ statement: 'no_registrable_person', available: false, reason: EOT_REGISTRABLE_REASON });
  });
});

describe('nature of control', () => {
  it('keeps the eight direct natures the register already stores, with the Regulations’ wording', () => {
    expect(PSC_NATURES.slice(0, 8)).toEqual([
      'shares_25_to_50',
      'shares_50_to_75',
      'shares_75_to_100',
      'votes_25_to_50',
      'votes_50_to_75',
      'votes_75_to_100',
      'appoint_remove_directors',
      'significant_influence',
    ]);
    expect(PSC_NATURE_INFO.shares_25_to_50.statement).toBe('The person holds, directly or indirectly, more than 25% but not more than 50% of the shares in the company.');
    expect(PSC_NATURE_INFO.votes_50_to_75.statement).toBe('The person holds, directly or indirectly, more than 50% but less than 75% of the voting rights in the company.');
    expect(PSC_NATURE_INFO.shares_75_to_100.statement).toBe('The person holds, directly or indirectly, 75% or more of the shares in the company.');
    expect(PSC_NATURE_INFO.appoint_remove_directors.statement).toBe('The person holds the right, directly or indirectly, to appoint or remove a majority of the board of directors of the company.');
    expect(PSC_NATURE_INFO.significant_influence.statement).toBe('The person has the right to exercise, or actually exercises, significant influence or control over the company.');
    expect(PSC_NATURE_INFO.shares_25_to_50.label).toBe('Holds more than 25% but not more than 50% of the shares');
  });

  it('adds control through a trust and through a firm, for each condition', () => {
    expect(PSC_NATURES).toHaveLength(24);
    expect(PSC_NATURE_INFO.shares_50_to_75_as_trust).toMatchObject({
      kind: 'shares',
      capacity: 'trust',
      band: '50_to_75',
      companiesHouse: 'ownership-of-shares-50-to-75-percent-as-trust',
      source: 'CA 2006 Sch 1A para 6 (the fifth condition, with the first)',
      statement:
        'The person has the right to exercise, or actually exercises, significant influence or control over the activities of a trust, and the trustees of that trust (in their capacity as such) hold, directly or indirectly, more than 50% but less than 75% of the shares in the company.',
    });
    expect(PSC_NATURE_INFO.significant_influence_as_firm.statement).toBe(
      'The person has the right to exercise, or actually exercises, significant influence or control over the activities of a firm that, under the law by which it is governed, is not a legal person; and the members of that firm (in their capacity as such) have the right to exercise, or actually exercise, significant influence or control over the company.',
    );
    expect(PSC_NATURE_INFO.appoint_remove_directors_as_firm.companiesHouse).toBe('right-to-appoint-and-remove-directors-as-firm');
    expect(PSC_NATURE_INFO.votes_75_to_100_as_trust.label).toBe('Controls a trust whose trustees hold 75% or more of the voting rights');
  });

  it('maps every nature to a distinct Companies House code and cites Sch 1A', () => {
    const codes = PSC_NATURES.map((n) => PSC_NATURE_INFO[n].companiesHouse);
    expect(new Set(codes).size).toBe(PSC_NATURES.length);
    for (const n of PSC_NATURES) expect(PSC_NATURE_INFO[n].source, n).toMatch(/^CA 2006 Sch 1A para [2-6] /);
    expect(PSC_NATURE_INFO.votes_25_to_50.companiesHouse).toBe('voting-rights-25-to-50-percent');
    expect(PSC_NATURE_INFO.significant_influence.companiesHouse).toBe('significant-influence-or-control');
  });

  it('allows one band of shares and one of votes in each capacity', () => {
    expect(natureProblems([])).toEqual(['Choose at least one nature of control.']);
    expect(natureProblems(['shares_50_to_75', 'votes_50_to_75', 'shares_25_to_50_as_trust', 'votes_25_to_50_as_firm'])).toEqual([]);
    expect(natureProblems(['shares_25_to_50', 'shares_50_to_75'])).toEqual(['Choose only one band for shares.']);
    expect(natureProblems(['votes_25_to_50_as_trust', 'votes_75_to_100_as_trust'])).toEqual(['Choose only one band for voting rights held through a trust.']);
  });
});
