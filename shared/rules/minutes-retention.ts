import type { FormFamily } from '../domain/legal-form';
import { addDays, addYears, formatLegalDate, isLegalDate } from './legal-date';

/**
 * How long minutes and records of decisions must be kept.
 *
 * Companies:
 * - minutes of directors' meetings: "kept for at least ten years from the date of the meeting"
 *   (CA 2006 s248(2)); the app treats a committee of the board, whose members are directors, the
 *   same way;
 * - records of the directors' unanimous and majority decisions, including those taken in writing:
 *   at least 10 years from the date of the decision (Model Articles art 15);
 * - minutes of general meetings and copies of members' resolutions passed otherwise than at a
 *   general meeting: at least ten years from the date of the meeting or resolution (s355(1)-(2)).
 * "From the date" leaves that day out, so ten years from 12 May 2016 end with 12 May 2026, and
 * the record may go from 13 May 2026: one day later than the anniversary, never one day early.
 * A longer period the articles set is kept; a shorter one cannot displace the statute.
 *
 * Societies: the CCBS Act 2014 sets no period for keeping minutes (its registered rules provide
 * for meetings, Sch 1 para 5). The rules decide; where they are silent the app keeps minutes 10
 * years anyway, and says why: it is the period the Companies Act sets for the same records, so a
 * society's record is as good as a company's when it converts or amalgamates (CCBS Act 2014
 * s112) or must show the FCA how a special resolution was passed (s111(5)); it outlasts the usual
 * six-year limitation period for claims (Limitation Act 1980 s2 and s5); and a documented, reasoned
 * period is what UK GDPR storage limitation asks for (Article 5(1)(e)). It is not a statutory period.
 */
export const MINUTES_RETENTION_YEARS = 10;

export const MINUTES_KINDS = ['board_meeting', 'committee_meeting', 'board_written_decision', 'general_meeting', 'members_written_resolution'] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

export const MINUTES_KIND_LABEL: Record<MinutesKind, string> = {
  board_meeting: 'Minutes of a board meeting',
  committee_meeting: 'Minutes of a committee of the board',
  board_written_decision: 'A decision of the directors in writing',
  general_meeting: 'Minutes of a general meeting',
  members_written_resolution: "A members' written resolution",
};

const COMPANY_SOURCE: Record<MinutesKind, string> = {
  board_meeting: 'CA 2006 s248(2): at least ten years from the date of the meeting',
  committee_meeting: 'CA 2006 s248(2): at least ten years from the date of the meeting (a committee of directors is treated as a meeting of directors)',
  board_written_decision: 'Model Articles art 15: at least 10 years from the date of the decision',
  general_meeting: 'CA 2006 s355(1)(b) and (2): at least ten years from the date of the meeting',
  members_written_resolution: 'CA 2006 s355(1)(a) and (2): at least ten years from the date of the resolution',
};

const SOCIETY_DEFAULT_REASON =
  'the CCBS Act 2014 sets no period for keeping minutes and your rules set none, so the app keeps them 10 years: the period the Companies Act sets for the same records (CA 2006 s248, s355), longer than the usual six-year limitation period for claims (Limitation Act 1980 s2, s5), and a documented period as UK GDPR storage limitation expects (Article 5(1)(e)); it is not a statutory period';

export interface MinutesRetention {
  years: number;
  /** The last day the record must be kept. */
  keepUntil: string;
  /** The first day it may be deleted. */
  deletableFrom: string;
  statutory: boolean;
  source: string;
}

/**
 * How long a record must be kept, from the date of the meeting, decision or resolution.
 * `rulesYears` is a period the articles or rules set (for a company, used only where longer
 * than the statute's).
 *
 * @example
 * minutesRetention('board_meeting', '2016-05-12', 'company').deletableFrom // '2026-05-13'
 */
export function minutesRetention(kind: MinutesKind, heldOn: string, family: FormFamily, rulesYears: number | null = null): MinutesRetention {
  if (!isLegalDate(heldOn)) throw new RangeError(`The date of the meeting or decision must be a date; ${heldOn} given.`);
  if (rulesYears !== null && !(Number.isInteger(rulesYears) && rulesYears >= 0)) {
    throw new RangeError(`A retention period is a whole number of years; ${rulesYears} given.`);
  }
  let years: number;
  let statutory: boolean;
  let source: string;
  if (family === 'company') {
    statutory = true;
    years = Math.max(MINUTES_RETENTION_YEARS, rulesYears ?? 0);
    source = years > MINUTES_RETENTION_YEARS ? `your articles: ${years} years (${COMPANY_SOURCE[kind]})` : COMPANY_SOURCE[kind];
  } else {
    statutory = false;
    years = rulesYears ?? MINUTES_RETENTION_YEARS;
    source = rulesYears !== null ? `your registered rules: ${rulesYears} year${rulesYears === 1 ? '' : 's'} (the CCBS Act 2014 sets no period for keeping minutes)` : SOCIETY_DEFAULT_REASON;
  }
  const keepUntil = addYears(heldOn, years);
  return { years, keepUntil, deletableFrom: addDays(keepUntil, 1), statutory, source };
}

/** The first day a record may be deleted (see minutesRetention). */
export function earliestDeletionDate(kind: MinutesKind, heldOn: string, family: FormFamily, rulesYears: number | null = null): string {
  return minutesRetention(kind, heldOn, family, rulesYears).deletableFrom;
}

/**
 * Why a record may not be deleted today, or null when it may. "Minutes of a board meeting of
 * 12 May 2020 must be kept until 12 May 2030 (CA 2006 s248(2): …); they may be deleted from
 * 13 May 2030."
 */
export function minutesDeletionRefusal(kind: MinutesKind, heldOn: string, family: FormFamily, today: string, rulesYears: number | null = null): string | null {
  if (!isLegalDate(today)) throw new RangeError(`Today must be a date; ${today} given.`);
  const r = minutesRetention(kind, heldOn, family, rulesYears);
  if (today >= r.deletableFrom) return null;
  const what = `${MINUTES_KIND_LABEL[kind]} of ${formatLegalDate(heldOn)}`;
  const they = kind === 'board_written_decision' || kind === 'members_written_resolution' ? 'it' : 'they';
  return `${what} must be kept until ${formatLegalDate(r.keepUntil)} (${r.source}); ${they} may be deleted from ${formatLegalDate(r.deletableFrom)}.`;
}
