import { describe, expect, it } from 'vitest';
import { CONFLICT_SOURCE, conflictRuleFor, conflictedDirectors, interestInForce, organisationKey, sameOrganisation, type DeclaredInterest } from './conflicts';

const A = 'officer-a';
const B = 'officer-b';
const C = 'officer-c';

function interest(officerId: string, relatedOrganisation: string | null, declaredOn = '2025-01-10', endedOn: string | null = null): DeclaredInterest {
  return { officerId, relatedOrganisation, declaredOn, endedOn };
}

describe('organisationKey and sameOrganisation', () => {
  it('ignores case, accents, punctuation, a leading "The" and a trailing legal suffix', () => {
    expect(organisationKey('The Riverside Hospice Ltd.')).toBe('riverside hospice');
    expect(sameOrganisation('Riverside Hospice', 'RIVERSIDE HOSPICE LIMITED')).toBe(true);
    expect(sameOrganisation('Café Direct C.I.C.', 'cafe direct')).toBe(true);
    expect(sameOrganisation('Leeds Community Interest Company', 'Leeds')).toBe(true);
    expect(sameOrganisation('Smith & Sons', 'Smith and Sons Ltd')).toBe(true);
  });

  it('keeps words that tell organisations apart', () => {
    expect(sameOrganisation('Riverside Hospice', 'Riverside Hospital')).toBe(false);
    expect(sameOrganisation('Leeds City Council', 'Leeds')).toBe(false);
    expect(sameOrganisation('Riverside Hospice Trading Ltd', 'Riverside Hospice')).toBe(false);
  });

  it('never strips a name down to nothing, and an empty name matches nothing', () => {
    expect(organisationKey('Limited')).toBe('limited');
    expect(organisationKey('The')).toBe('the');
    expect(sameOrganisation('', '')).toBe(false);
    expect(sameOrganisation('  ', 'Ltd')).toBe(false);
  });
});

describe('interestInForce', () => {
  it('is in force from the day declared through the day it ends', () => {
    const i = interest(A, 'X', '2025-03-01', '2025-03-31');
    expect(interestInForce(i, '2025-02-28')).toBe(false);
    expect(interestInForce(i, '2025-03-01')).toBe(true);
    expect(interestInForce(i, '2025-03-31')).toBe(true);
    expect(interestInForce(i, '2025-04-01')).toBe(false);
    expect(interestInForce(interest(A, 'X', '2025-03-01'), '2099-01-01')).toBe(true);
  });
});

describe('conflictedDirectors', () => {
  const interests = [
    interest(A, 'Riverside Hospice'),
    interest(B, 'Leeds City Council'),
    interest(C, 'The Riverside Hospice Ltd', '2025-06-01'),
    interest(A, 'riverside hospice', '2025-02-01'),
    interest(B, 'Riverside Hospice', '2024-01-01', '2024-12-31'),
    interest(C, null),
  ];

  it('names each director with a current interest in the organisation once, in declaration order', () => {
    expect(conflictedDirectors(interests, 'Riverside Hospice')).toEqual([A, C]);
    expect(conflictedDirectors(interests, 'Leeds City Council')).toEqual([B]);
  });

  it('judges on a date: interests not yet declared or already ended do not count', () => {
    expect(conflictedDirectors(interests, 'Riverside Hospice', '2025-05-01')).toEqual([A]);
    expect(conflictedDirectors(interests, 'Riverside Hospice', '2024-06-01')).toEqual([B]);
    expect(conflictedDirectors(interests, 'Riverside Hospice', '2024-12-31')).toEqual([B]);
    expect(conflictedDirectors(interests, 'Riverside Hospice', '2025-01-01')).toEqual([]);
  });

  it('finds no one for an unrelated or empty organisation, or from no declarations', () => {
    expect(conflictedDirectors(interests, 'Harrogate Hospice')).toEqual([]);
    expect(conflictedDirectors(interests, '   ')).toEqual([]);
    expect(conflictedDirectors([], 'Riverside Hospice')).toEqual([]);
  });
});

describe('conflictRuleFor', () => {
  it('cites the Companies Act and Model Articles art 14 for a company', () => {
    expect(conflictRuleFor('company')).toMatchObject({ source: CONFLICT_SOURCE, statutory: true });
    expect(conflictRuleFor('company').summary).toMatch(/CA 2006 s177.*s182.*Model Articles art 14/);
  });

  it('says plainly that the law gives a society no rule and its registered rules decide', () => {
    const rule = conflictRuleFor('society');
    expect(rule.statutory).toBe(false);
    expect(rule.source).toMatch(/^your registered rules/);
    expect(rule.source).not.toMatch(/Model Articles|CA 2006/);
    expect(rule.summary).toMatch(/^The CCBS Act 2014 sets no rule on directors’ conflicts of interest: your registered rules decide\./);
  });
});
