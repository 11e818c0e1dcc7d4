import { addYears, formatLegalDate } from './legal-date';

/**
 * What a company must give Companies House about each new director (CA 2006 s167G(3)(a), which
 * since 18 November 2025 replaces the particulars of the company's own register of directors,
 * formerly s163) and who may be a director (s157). Societies' registers of officers follow their
 * rules (CCBS Act 2014 s30(3) asks only for names and addresses), so these apply to companies only.
 */
export const DIRECTOR_PARTICULARS_SOURCE = 'CA 2006 s167G(3)';

export type RequiredDirectorParticular = 'dateOfBirth' | 'nationality' | 'countryOfResidence';

/**
 * As the register's particulars were (former s163(1)) and the notice's required information is:
 * name and any former name, a service address, the country or state of usual residence,
 * nationality, business occupation (if any) and date of birth. Name and service
 * address are always required; former names and occupation are "if any", so may be empty.
 */
export const REQUIRED_DIRECTOR_PARTICULARS: Record<RequiredDirectorParticular, string> = {
  dateOfBirth: 'date of birth',
  nationality: 'nationality',
  countryOfResidence: 'country of usual residence',
};

export interface DirectorParticularsLike {
  dateOfBirth?: string | null | undefined;
  nationality?: string | null | undefined;
  countryOfResidence?: string | null | undefined;
}

/** The particulars a company director's entry lacks, in form order. */
export function missingDirectorParticulars(p: DirectorParticularsLike): RequiredDirectorParticular[] {
  return (Object.keys(REQUIRED_DIRECTOR_PARTICULARS) as RequiredDirectorParticular[]).filter((k) => !p[k]);
}

/** "date of birth, nationality and country of usual residence" */
export function listParticulars(keys: readonly RequiredDirectorParticular[]): string {
  const words = keys.map((k) => REQUIRED_DIRECTOR_PARTICULARS[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const MINIMUM_DIRECTOR_AGE = 16;

/**
 * CA 2006 s157: a person may not be appointed a director of a company unless they have
 * attained the age of 16. Returns the problem, or null when the appointment is lawful.
 */
export function directorAgeProblem(dateOfBirth: string, appointedOn: string): string | null {
  const sixteenth = addYears(dateOfBirth, MINIMUM_DIRECTOR_AGE);
  if (appointedOn >= sixteenth) return null;
  return `CA 2006 s157: a director of a company must be at least 16; they turn 16 on ${formatLegalDate(sixteenth)}.`;
}
