import { ageOn } from '../../../shared/rules/eligibility';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RegisterCtx } from '../context';
import { AppError } from '../errors';

/** Legal events are recorded when they have happened, not before. */
export function assertNotFuture(rc: Pick<RegisterCtx, 'today'>, date: string, field: string, what: string): void {
  if (date > rc.today) {
    throw AppError.field(field, `${what} cannot be in the future (today is ${formatLegalDate(rc.today)}).`);
  }
}

/**
 * Why a date is too early for the organisation's records: nothing in its registers can happen
 * before it exists. A company is a body corporate from the date of incorporation (CA 2006
 * s16(2)); a registered society by virtue of its registration (CCBS Act 2014 s3(3)). Admissions,
 * cessations, share transactions, appointments, declarations of interest, PSC dates and
 * inspection requests are all dated on or after that day. Null when the date is fine.
 */
export function beforeIncorporationProblem(rc: Pick<RegisterCtx, 'org' | 'form'>, date: string, what: string): string | null {
  const from = rc.org.incorporated_on;
  if (date >= from) return null;
  const [verb, source] = rc.form.family === 'society' ? ['registered', 'CCBS Act 2014 s3(3)'] : ['incorporated', 'CA 2006 s16(2)'];
  return `${what} cannot be dated before ${formatLegalDate(from)}, when ${rc.org.name} was ${verb}: it exists from that day (${source}). ${formatLegalDate(date)} was given.`;
}

/** Refuses a date before the organisation was incorporated or registered (see `beforeIncorporationProblem`). */
export function assertNotBeforeIncorporation(rc: Pick<RegisterCtx, 'org' | 'form'>, date: string, field: string, what: string): void {
  const problem = beforeIncorporationProblem(rc, date, what);
  if (problem) throw AppError.field(field, problem);
}

/**
 * The oldest age the register accepts. The oldest person on record lived to 122; a date of birth
 * that makes someone older than 120 today is a typing mistake in the year (1800 for 1980).
 */
export const OLDEST_AGE = 120;

/** Why a date of birth cannot be right (in the future, or an age over 120 today), or null. */
export function dateOfBirthProblem(today: string, dateOfBirth: string): string | null {
  if (dateOfBirth > today) return `A date of birth cannot be in the future (today is ${formatLegalDate(today)}).`;
  const age = ageOn(dateOfBirth, today);
  if (age > OLDEST_AGE) {
    return `A date of birth of ${formatLegalDate(dateOfBirth)} would make them ${age} today; ages over ${OLDEST_AGE} are not accepted, so check the year.`;
  }
  return null;
}

/** Refuses a date of birth in the future or more than 120 years ago. */
export function assertPlausibleDateOfBirth(rc: Pick<RegisterCtx, 'today'>, dateOfBirth: string, field: string): void {
  const problem = dateOfBirthProblem(rc.today, dateOfBirth);
  if (problem) throw AppError.field(field, problem);
}
