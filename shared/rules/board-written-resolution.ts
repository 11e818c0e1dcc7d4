import type { FormFamily } from '../domain/legal-form';
import { formatLegalDate, isLegalDate } from './legal-date';
import { listNames } from './time-of-day';

/**
 * Decisions of the directors in writing (Model Articles for private companies, SI 2008/3229
 * Sch 1 and Sch 2, art 8):
 * - art 8(1): a decision is taken when all eligible directors indicate to each other by any means
 *   that they share a common view on a matter; art 8(2): it may take the form of a resolution in
 *   writing signed by each eligible director, or to which each has otherwise agreed in writing.
 * - art 8(3): eligible directors are those who would have been entitled to vote on the matter had
 *   it been proposed at a directors' meeting, so a director conflicted under art 14 is not one.
 * - art 8(4): no decision may be taken this way if the eligible directors would not have formed a
 *   quorum at such a meeting (art 11(2)).
 * The decision is taken when the last eligible director agrees: the app records that day.
 *
 * A society's directors may decide in writing only if its registered rules say so (the CCBS Act
 * 2014 is silent; the governing rule boardWrittenResolutions records it); where they do, the app
 * applies the same unanimity and quorum test and cites the rules.
 */
export const UNANIMOUS_SOURCE = 'Model Articles art 8(1)-(2)';
export const ELIGIBLE_DIRECTORS_SOURCE = 'Model Articles art 8(3)';
export const WRITTEN_QUORUM_SOURCE = 'Model Articles art 8(4)';

export interface DirectorResponse {
  directorId: string;
  /** True for agreement in writing; false where the director disagrees or declines. */
  agreed: boolean;
  /** The day the director indicated it. */
  on: string;
}

export interface BoardWrittenResolutionInput {
  family: FormFamily;
  /** Whether the governing document lets the directors decide in writing (boardWrittenResolutions). */
  rulesAllow: boolean;
  /** Directors in office when the resolution was circulated. */
  directors: readonly { id: string; name: string }[];
  /** Directors conflicted on the matter. */
  conflicted: Iterable<string>;
  /** Whether conflicted directors are left out (default true: art 14(1)). */
  conflictedExcluded?: boolean;
  quorum: { required: number; source: string };
  responses: readonly DirectorResponse[];
}

export type BoardWrittenStatus = 'taken' | 'awaiting' | 'not_taken' | 'not_available';

export interface BoardWrittenResult {
  status: BoardWrittenStatus;
  /** The day the last eligible director agreed. */
  takenOn: string | null;
  eligible: { id: string; name: string }[];
  awaiting: { id: string; name: string }[];
  dissenting: { id: string; name: string }[];
  /** Conflicted directors who responded anyway: their response neither counts nor is needed. */
  ineligibleResponses: { id: string; name: string }[];
  message: string;
}

/** What is wrong with the recorded responses, one sentence each. */
export function boardWrittenResolutionProblems(r: BoardWrittenResolutionInput): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(r.quorum.required) || r.quorum.required < 1) problems.push(`A quorum is a whole number of directors, at least one; ${r.quorum.required} given.`);
  const ids = new Set(r.directors.map((d) => d.id));
  const nameOf = new Map(r.directors.map((d) => [d.id, d.name]));
  const seen = new Set<string>();
  for (const x of r.responses) {
    if (!ids.has(x.directorId)) problems.push('A response is recorded from someone who was not a director when the resolution was circulated.');
    else if (seen.has(x.directorId)) problems.push(`${nameOf.get(x.directorId)}'s response is recorded twice.`);
    seen.add(x.directorId);
    if (!isLegalDate(x.on)) problems.push(`${nameOf.get(x.directorId) ?? 'A director'}'s response needs the date it was given.`);
  }
  return problems;
}

/**
 * Whether a decision of the directors in writing has been taken, and on which day. Throws a
 * RangeError carrying the first of `boardWrittenResolutionProblems`.
 */
export function boardWrittenResolution(r: BoardWrittenResolutionInput): BoardWrittenResult {
  const problems = boardWrittenResolutionProblems(r);
  if (problems.length) throw new RangeError(problems[0]);
  const company = r.family === 'company';
  const cite = (s: string) => (company ? s : 'your registered rules');
  const empty = { takenOn: null, eligible: [], awaiting: [], dissenting: [], ineligibleResponses: [] };
  if (!r.rulesAllow) {
    return {
      ...empty,
      status: 'not_available',
      message: company
        ? 'Your articles do not let the directors take decisions in writing; take it at a meeting.'
        : 'Your registered rules do not let the directors take decisions in writing (the CCBS Act 2014 is silent); take it at a meeting.',
    };
  }
  const conflicted = new Set(r.conflicted);
  const excludeConflicted = r.conflictedExcluded ?? true;
  const eligible = r.directors.filter((d) => !(excludeConflicted && conflicted.has(d.id)));
  const leftOut = r.directors.filter((d) => excludeConflicted && conflicted.has(d.id));
  const byId = new Map(r.responses.map((x) => [x.directorId, x]));
  const ineligibleResponses = leftOut.filter((d) => byId.has(d.id));
  const dissenting = eligible.filter((d) => byId.get(d.id)?.agreed === false);
  const awaiting = eligible.filter((d) => !byId.has(d.id));
  const names = (xs: readonly { name: string }[]) => listNames(xs.map((x) => x.name));
  const conflictNote = leftOut.length
    ? ` ${names(leftOut)}, conflicted, ${leftOut.length === 1 ? 'is not an eligible director' : 'are not eligible directors'}, so their agreement is neither needed nor counted (${cite(ELIGIBLE_DIRECTORS_SOURCE)}).`
    : '';
  const base = { eligible, awaiting, dissenting, ineligibleResponses };

  if (eligible.length < r.quorum.required) {
    return {
      ...base,
      status: 'not_taken',
      takenOn: null,
      message: `It cannot be taken in writing: only ${eligible.length} director${eligible.length === 1 ? ' is' : 's are'} eligible to vote on it, fewer than the quorum of ${r.quorum.required} (${cite(WRITTEN_QUORUM_SOURCE)}; ${r.quorum.source}).${conflictNote} Take it at a meeting.`,
    };
  }
  if (dissenting.length) {
    return {
      ...base,
      status: 'not_taken',
      takenOn: null,
      message: `Not taken: ${names(dissenting)} did not agree, and a decision in writing needs every eligible director to share the same view (${cite(UNANIMOUS_SOURCE)}). It may be put to a meeting instead.`,
    };
  }
  if (awaiting.length) {
    return {
      ...base,
      status: 'awaiting',
      takenOn: null,
      message: `Awaiting agreement from ${names(awaiting)}: all ${eligible.length} eligible directors must agree in writing (${cite(UNANIMOUS_SOURCE)}).${conflictNote}`,
    };
  }
  const takenOn = eligible.map((d) => byId.get(d.id)!.on).reduce((a, b) => (a > b ? a : b));
  return {
    ...base,
    status: 'taken',
    takenOn,
    message: `Taken on ${formatLegalDate(takenOn)}, when the last of the ${eligible.length} eligible directors agreed in writing (${cite(UNANIMOUS_SOURCE)}).${conflictNote}`,
  };
}
