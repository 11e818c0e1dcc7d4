import type { FormFamily } from '../domain/legal-form';

/**
 * Members' resolutions at a general meeting (written resolutions are in written-resolution.ts).
 *
 * Companies (CA 2006, text as amended by SI 2009/1632):
 * - s282(1): an ordinary resolution is passed by a simple majority; s282(3) on a show of hands, a
 *   simple majority of the votes cast by those entitled to vote; s282(4) on a poll, members
 *   representing a simple majority of the total voting rights of the members who (being entitled
 *   to) vote in person, by proxy or in advance.
 * - s283(1): a special resolution is passed by a majority of not less than 75%; s283(4) on a show
 *   of hands, not less than 75% of the votes cast; s283(5) on a poll, not less than 75% of the
 *   voting rights of those who vote.
 * - s283(6): at a meeting a resolution is not special unless the notice included its text and
 *   specified the intention to propose it as special; and if the notice did, it may only be passed
 *   as special.
 * Abstentions are not votes cast, so they count for neither side; a tie is not a majority.
 *
 * Societies: the registered rules set the majorities (the CCBS Act 2014 defines special
 * resolutions only for its own purposes, s111 and s113: see society-resolutions.ts). The app
 * applies the same bases with the rules' percentage, and, as companies must, requires a special
 * resolution to have been stated as special in the notice.
 *
 * Percentages compare in whole numbers (votes × 10,000 against basis points × votes cast), so
 * 74.99% never rounds up to 75%.
 */
export const COMPANY_SPECIAL_PCT = 75;
export const ORDINARY_SOURCE = { show_of_hands: 'CA 2006 s282(3)', poll: 'CA 2006 s282(4)' } as const;
export const SPECIAL_SOURCE = { show_of_hands: 'CA 2006 s283(4)', poll: 'CA 2006 s283(5)' } as const;
export const SPECIAL_NOTICE_SOURCE = 'CA 2006 s283(6)';
const SOCIETY_SOURCE = 'your registered rules';

export type ResolutionKind = 'ordinary' | 'special';
export type MeetingVoteMethod = 'show_of_hands' | 'poll';

export interface MeetingResolutionInput {
  kind: ResolutionKind;
  method: MeetingVoteMethod;
  /** Votes (show of hands) or voting rights (poll) for and against. */
  votesFor: number;
  votesAgainst: number;
  /** Recorded for the minutes; never part of the base. */
  abstentions?: number;
  family: FormFamily;
  /**
   * The special majority in per cent: a society's rules' figure; for a company 75 (s283), or a
   * higher figure its articles require. Defaults to 75.
   */
  specialPct?: number;
  /** The notice set out the resolution's text and stated it would be proposed as a special resolution. */
  noticeStatedSpecial: boolean;
}

export type ResolutionFailure = 'no_votes_cast' | 'tied' | 'no_majority' | 'below_special_majority' | 'not_stated_special' | 'stated_special';

export interface ResolutionResult {
  passed: boolean;
  /** Why it did not pass, or null. */
  failure: ResolutionFailure | null;
  /** The share of the votes cast that were for it, e.g. "74.9%", or null where none were cast. */
  percentFor: string | null;
  /** "Not passed as a special resolution on a poll: 749 for, 251 against (74.9% of the votes cast); not less than 75% … (CA 2006 s283(5))." */
  message: string;
}

/** "74.9%" from a part and a whole, never rounded up (74.996% shows as 74.99%). */
export function percentOf(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const hundredths = Math.floor((part * 10000) / whole);
  return `${Number((hundredths / 100).toFixed(2))}%`;
}

/** Whether `part` is at least `pct` per cent of `whole`, in whole numbers (pct to two decimal places). */
export function atLeastPercent(part: number, whole: number, pct: number): boolean {
  return whole > 0 && part * 10000 >= Math.round(pct * 100) * whole;
}

function checkInput(r: MeetingResolutionInput): void {
  const count = (n: number | undefined, what: string) => {
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) throw new RangeError(`${what} must be a whole number, 0 or more; ${n} given.`);
  };
  count(r.votesFor, 'Votes for');
  count(r.votesAgainst, 'Votes against');
  count(r.abstentions, 'Abstentions');
  const pct = r.specialPct;
  if (pct !== undefined && !(pct > 50 && pct <= 100)) throw new RangeError(`A special majority is more than 50% and at most 100%; ${pct}% given.`);
  if (r.family === 'company' && pct !== undefined && pct < COMPANY_SPECIAL_PCT) {
    throw new RangeError(`CA 2006 s283(1) requires a special resolution to pass by not less than 75%; ${pct}% given.`);
  }
}

/**
 * The result of a members' resolution at a general meeting, on the base the law sets.
 *
 * @example
 * meetingResolutionResult({ kind: 'special', method: 'poll', votesFor: 749, votesAgainst: 251, family: 'company', noticeStatedSpecial: true }).passed
 * // false (74.9%)
 */
export function meetingResolutionResult(r: MeetingResolutionInput): ResolutionResult {
  checkInput(r);
  const cast = r.votesFor + r.votesAgainst;
  const how = r.method === 'poll' ? 'on a poll' : 'on a show of hands';
  const abst = r.abstentions ? `, ${r.abstentions} abstaining (abstentions are not votes cast)` : '';
  const share = cast ? ` (${percentOf(r.votesFor, cast)} of the votes cast)` : '';
  const counts = `${r.votesFor} for, ${r.votesAgainst} against${abst}${share}`;
  const percentFor = cast ? percentOf(r.votesFor, cast) : null;
  const company = r.family === 'company';

  if (r.kind === 'special' && !r.noticeStatedSpecial) {
    const why = company
      ? `the notice of the meeting did not set out its text and state the intention to propose it as a special resolution (${SPECIAL_NOTICE_SOURCE}(a))`
      : `the notice did not set out its text and state that it would be proposed as a special resolution, which your registered rules require (as ${SPECIAL_NOTICE_SOURCE} does for companies)`;
    return { passed: false, failure: 'not_stated_special', percentFor, message: `Not passed as a special resolution ${how}: ${why}; ${counts}.` };
  }
  if (r.kind === 'ordinary' && r.noticeStatedSpecial) {
    return {
      passed: false,
      failure: 'stated_special',
      percentFor,
      message: `The notice stated this as a special resolution, so it can be passed only as one (${company ? `${SPECIAL_NOTICE_SOURCE}(b)` : `${SOCIETY_SOURCE}; ${SPECIAL_NOTICE_SOURCE}(b) for companies`}); record it as special.`,
    };
  }

  if (r.kind === 'ordinary') {
    const source = company ? ORDINARY_SOURCE[r.method] : `${SOCIETY_SOURCE}; ${ORDINARY_SOURCE[r.method]} for companies`;
    const passed = r.votesFor > r.votesAgainst;
    const failure: ResolutionFailure | null = passed ? null : cast === 0 ? 'no_votes_cast' : r.votesFor === r.votesAgainst ? 'tied' : 'no_majority';
    const tie = failure === 'tied' ? '; a tie is not a majority' : failure === 'no_votes_cast' ? '; no votes were cast' : '';
    return {
      passed,
      failure,
      percentFor,
      message: `${passed ? 'Passed' : 'Not passed'} as an ordinary resolution ${how}: ${counts}; a simple majority of the votes cast is needed${tie} (${source}).`,
    };
  }

  const pct = r.specialPct ?? COMPANY_SPECIAL_PCT;
  const source = company
    ? pct > COMPANY_SPECIAL_PCT
      ? `${SPECIAL_SOURCE[r.method]} and your articles`
      : SPECIAL_SOURCE[r.method]
    : SOCIETY_SOURCE;
  const passed = atLeastPercent(r.votesFor, cast, pct);
  const failure: ResolutionFailure | null = passed ? null : cast === 0 ? 'no_votes_cast' : 'below_special_majority';
  const none = cast === 0 ? '; no votes were cast' : '';
  return {
    passed,
    failure,
    percentFor,
    message: `${passed ? 'Passed' : 'Not passed'} as a special resolution ${how}: ${counts}; not less than ${pct}% of the votes cast is needed${none} (${source}).`,
  };
}
