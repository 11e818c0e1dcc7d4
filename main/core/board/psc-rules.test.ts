import { describe, expect, it } from 'vitest';
import { pscWarnings, statementProblem } from './psc-rules';

describe('pscWarnings', () => {
  it('warns, citing s790M, when there is neither a PSC nor a statement', () => {
    const w = pscWarnings({ currentPeople: 0, currentStatements: [] });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^The register has no PSC and no statement: CA 2006 s790M requires one of the statements when/);
  });

  it('is silent for a register with the "no registrable person" statement, or with a PSC', () => {
    expect(pscWarnings({ currentPeople: 0, currentStatements: ['no_registrable_person'] })).toEqual([]);
    expect(pscWarnings({ currentPeople: 2, currentStatements: [] })).toEqual([]);
  });

  it('flags a PSC beside a statement that there is none, and the two holding statements', () => {
    expect(pscWarnings({ currentPeople: 1, currentStatements: ['no_registrable_person'] })).toEqual([expect.stringMatching(/also states that there is no registrable person/)]);
    expect(pscWarnings({ currentPeople: 0, currentStatements: ['steps_not_completed'] })).toEqual([expect.stringMatching(/s790D/)]);
    expect(pscWarnings({ currentPeople: 1, currentStatements: ['psc_not_identified'] })).toEqual([expect.stringMatching(/has not identified/)]);
  });
});

describe('statementProblem', () => {
  const empty = { currentPeople: 0, currentStatements: [] };

  it('accepts "no registrable person" on an empty register', () => {
    expect(statementProblem(empty, 'no_registrable_person', '2024-05-01')).toBeNull();
  });

  it('refuses the same statement twice', () => {
    expect(statementProblem({ currentPeople: 0, currentStatements: ['no_registrable_person'] }, 'no_registrable_person', '2024-05-01', '2020-01-01')).toBe(
      'The register already carries the statement that there is no registrable person (made 1 January 2020).',
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
