import {
  currentEndOn,
  deriveStatus,
  describeTermLength,
  generateDuties,
  nthMonthlyDate,
  maximumEndOn,
  maximumTerm,
  validateTerms,
  type ContractTermsInput,
  type Duty,
  type TermProblem,
} from '../../../shared/rules/procurement/contract-terms';

/**
 * The one place the contracts core meets the law of contract terms
 * (shared/rules/procurement/contract-terms.ts): the contract's facts as the rules read them, and
 * what they answer (current and maximum end, status, problems with the terms, dated duties).
 */
export type TermsContract = ContractTermsInput;
export type GeneratedDuty = Duty;
export { currentEndOn, deriveStatus, generateDuties, maximumEndOn };

/** "4 years 11 months", or null without a start or an end. */
export function maximumTermWords(t: TermsContract): string | null {
  const m = maximumTerm(t);
  return m === null ? null : describeTermLength(m);
}

/**
 * The problems with the terms, each against the form's field (the rules' `awardedOn` is the
 * form's `awardOn`). The rules name the extension
 * options as a whole ('extensions') when the term with every option is too long; the form shows
 * that against the length of the last option still open, the one that takes it over.
 */
export function termProblems(t: TermsContract): TermProblem[] {
  // A declined option's deadlines no longer bind anyone (the rules still compare them with the
  // end, which moves back when an earlier option is declined), so they are not held against it.
  const declined = new Set(t.extensions.map((x, i) => (x.declinedOn !== null ? i : -1)).filter((i) => i >= 0));
  const moot = (field: string) => {
    const m = /^extensions\.(\d+)\.(decisionBy|noticeBy)$/.exec(field);
    return m !== null && declined.has(Number(m[1]));
  };
  return validateTerms(t).filter((p) => !moot(p.field)).map((p) => {
    // The rules call the award date `awardedOn`; the form and the contract's fields call it `awardOn`.
    if (p.field === 'awardedOn') return { field: 'awardOn', message: p.message };
    if (p.field !== 'extensions') return p;
    const open = t.extensions.map((x, i) => ({ x, i })).filter(({ x }) => x.declinedOn === null);
    const last = open.sort((a, b) => a.x.position - b.x.position).at(-1);
    return last ? { field: `extensions.${last.i}.lengthMonths`, message: p.message } : p;
  });
}

/** The same day `months` months later, clamped to the month's last day (31 January + 1 month: 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  return nthMonthlyDate(date, months, 1);
}
