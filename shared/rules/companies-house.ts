import { addDays, daysBetween, formatLegalDate } from './legal-date';

/**
 * What a company must file at Companies House when its board or its people with significant
 * control change, by when, and the identity verification its directors need. Companies only:
 * a co-operative or community benefit society registers with the FCA and keeps its register of
 * officers itself (CCBS Act 2014 s30(1) and (3)).
 *
 * Sources, checked on legislation.gov.uk and GOV.UK:
 * - The Economic Crime and Corporate Transparency Act 2023 (Commencement No. 6 and Transitional
 *   Provisions) Regulations 2025 brought into force on 18 November 2025 the abolition of the
 *   company's own registers of directors, directors' residential addresses, secretaries and people
 *   with significant control (ECCTA 2023 Sch 2, which omits CA 2006 ss161A-167F, the register of
 *   secretaries and the PSC register), and mandatory identity verification of directors and
 *   individual PSCs.
 * - Notices to the registrar (as inserted by ECCTA 2023 Sch 2): CA 2006 s167G (a person becomes
 *   or ceases to be a director), s167H (a change in a director's required information), s279G and
 *   s279H (the same for a secretary), each within "the period of 14 days beginning with the day"
 *   of the change; s790LA (a person with significant control the company has had confirmation
 *   of), within 14 days beginning with the day of that confirmation.
 * - Before 18 November 2025 the notice periods ran "within the period of 14 days from" the change
 *   (CA 2006 s167(1), s276(1) as they then stood), and PSC changes were entered in the company's
 *   own register within 14 days and notified within a further 14 days (s790VA).
 * - CA 2006 s167M: an individual must not act as a director unless their identity is verified
 *   (s1110A); s167G(3)(c): the notice of a new director states that it is.
 * - Companies House: a verified person is given a personal code, "an 11 character code".
 */

/** The day ECCTA 2023 abolished the company's own registers and made identity verification mandatory. */
export const ECCTA_COMMENCEMENT = '2025-11-18';
export const ECCTA_COMMENCEMENT_SOURCE =
  'Economic Crime and Corporate Transparency Act 2023 (Commencement No. 6 and Transitional Provisions) Regulations 2025';

export const FILING_FORMS = ['AP01', 'AP03', 'TM01', 'TM02', 'CH01', 'CH03', 'PSC01', 'PSC02', 'PSC07', 'PSC08', 'PSC09'] as const;
export type FilingForm = (typeof FILING_FORMS)[number];

export interface FilingFormInfo {
  /** Companies House's own title for the form. */
  title: string;
  /** Whether it concerns the board (directors and secretary) or people with significant control. */
  kind: 'officer' | 'psc';
  /** The duty it discharges, as cited to the secretary. */
  source: string;
}

export const FILING_FORM_INFO: Record<FilingForm, FilingFormInfo> = {
  AP01: { title: 'Appoint a director', kind: 'officer', source: 'CA 2006 s167G' },
  AP03: { title: 'Appoint a secretary', kind: 'officer', source: 'CA 2006 s279G' },
  TM01: { title: 'Terminate the appointment of a director', kind: 'officer', source: 'CA 2006 s167G' },
  TM02: { title: 'Terminate the appointment of a secretary', kind: 'officer', source: 'CA 2006 s279G' },
  CH01: { title: 'Change the details of a director', kind: 'officer', source: 'CA 2006 s167H' },
  CH03: { title: 'Change the details of a secretary', kind: 'officer', source: 'CA 2006 s279H' },
  PSC01: { title: 'Give notice of an individual person with significant control', kind: 'psc', source: 'CA 2006 s790LA' },
  PSC02: { title: 'Give notice of a relevant legal entity with significant control', kind: 'psc', source: 'CA 2006 s790LA' },
  PSC07: { title: 'Give notice that a person with significant control has ceased', kind: 'psc', source: 'CA 2006 Part 21A Chapter 2A' },
  PSC08: { title: 'Give notice of a PSC statement', kind: 'psc', source: 'CA 2006 Part 21A Chapter 2A' },
  PSC09: { title: 'Withdraw a PSC statement', kind: 'psc', source: 'CA 2006 Part 21A Chapter 2A' },
};

export interface FilingDeadline {
  /** The last day the notice may be given, 'YYYY-MM-DD'. */
  dueOn: string;
  /** Why, in words a secretary can check. */
  source: string;
}

/**
 * The last day to file a form for a change on `eventOn` (for a PSC, the day the company had
 * confirmation of it). From 18 November 2025 the 14 days begin with the day of the change, so
 * the last day is 13 days after it; before then they ran from the change (14 days after it), and
 * a PSC change had 14 days to reach the company's register and 14 more to reach the registrar.
 *
 * @example
 * filingDeadline('AP01', '2026-12-01') // { dueOn: '2026-12-14', source: 'CA 2006 s167G: within 14 days beginning with the day of the change' }
 */
export function filingDeadline(form: FilingForm, eventOn: string): FilingDeadline {
  const info = FILING_FORM_INFO[form];
  if (eventOn >= ECCTA_COMMENCEMENT) {
    return { dueOn: addDays(eventOn, 13), source: `${info.source}: within 14 days beginning with the day of the ${info.kind === 'psc' ? 'company’s confirmation of the change' : 'change'}` };
  }
  if (info.kind === 'psc') {
    return { dueOn: addDays(eventOn, 28), source: 'CA 2006 s790M and s790VA as they stood before 18 November 2025: 14 days to enter the change in the PSC register and 14 more to notify Companies House' };
  }
  const old = form === 'AP03' || form === 'TM02' || form === 'CH03' ? 's276(1)' : 's167(1)';
  return { dueOn: addDays(eventOn, 14), source: `CA 2006 ${old} as it stood before 18 November 2025: within 14 days from the change` };
}

/** Days from `today` to the due day: negative once overdue, 0 on the last day. */
export function daysToDue(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

/** "Due today", "Due in 3 days (14 December 2026)", "Overdue by 2 days (was due 14 December 2026)". */
export function dueWords(dueOn: string, today: string): string {
  const days = daysToDue(dueOn, today);
  if (days === 0) return `Due today (${formatLegalDate(dueOn)})`;
  if (days > 0) return `Due in ${days} day${days === 1 ? '' : 's'} (${formatLegalDate(dueOn)})`;
  return `Overdue by ${-days} day${days === -1 ? '' : 's'} (was due ${formatLegalDate(dueOn)})`;
}

// ---------------------------------------------------------------------------------------------
// Identity verification (CA 2006 s167M, s1110A)

export const IDENTITY_SOURCE = 'CA 2006 s167M';

/** Companies House opened identity verification, voluntarily at first, on 8 April 2025. */
export const IDENTITY_VERIFICATION_OPENED = '2025-04-08';

/**
 * A Companies House personal code: 11 letters and digits (Companies House: "an 11 character
 * code"), usually written in three groups, as FT5-15ED-7JY5. Spaces and hyphens are ignored
 * and letters folded to capitals; the result is the grouped form, or null if it cannot be one.
 */
export function normalisePersonalCode(raw: string): string | null {
  const compact = raw.replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{11}$/.test(compact)) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3, 7)}-${compact.slice(7)}`;
}

export const PERSONAL_CODE_PROBLEM = 'Enter the personal code Companies House gave when the identity was verified: 11 letters and numbers, such as FT5-15ED-7JY5.';

/**
 * What the secretary should be told about a current company director's identity verification, or
 * null when all is in order. Every director must be verified since 18 November 2025 (those
 * already in office then had a transitional period of up to 12 months, to their company's next
 * confirmation statement, under the Commencement No. 6 Regulations).
 */
export function identityProblem(director: { name: string; verifiedOn: string | null }, today: string): string | null {
  if (director.verifiedOn !== null) return null;
  if (today < ECCTA_COMMENCEMENT) return null;
  return `${director.name}’s identity is not recorded as verified. Since ${formatLegalDate(ECCTA_COMMENCEMENT)} a director must not act unless their identity is verified with Companies House (${IDENTITY_SOURCE}); record the date and their personal code once it is.`;
}

/** Why a society has no Companies House filings and no identity verification to record. */
export const SOCIETY_NO_FILINGS =
  'A co-operative or community benefit society files nothing about its officers at Companies House and its officers need no Companies House identity verification: it is registered with the FCA, and keeps its register of officers itself, as part of its register of members and officers (CCBS Act 2014 s30(1) and (3)).';
