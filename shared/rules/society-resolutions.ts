import { addMonths } from './eligibility';
import { addDays, formatLegalDate } from './legal-date';

/**
 * The special resolutions the CCBS Act 2014 itself defines for a society's structural changes.
 * Each is passed at one general meeting and confirmed at a second, held at least 14 days and no
 * more than one month from the day of the first; "eligible members" are those entitled under the
 * rules to vote, and voting includes voting by proxy where the rules allow proxies.
 *
 * - s111 (amalgamation of societies, s109; transfer of engagements to another society, s110):
 *   at least two-thirds of the eligible members who vote, confirmed by over half of those who vote.
 * - s113 (conversion into a company, amalgamation with a company, transfer of engagements to a
 *   company, s112): at least 75% of the eligible members who vote, with at least 50% of the eligible
 *   members voting, confirmed by over 50% of those who vote.
 *
 * Other special resolutions (say, to amend the rules) follow the society's own rules instead.
 */
export const SOCIETY_RESOLUTION_KINDS = [
  'amalgamation',
  'transfer_of_engagements',
  'conversion_to_company',
  'amalgamation_with_company',
  'transfer_to_company',
] as const;
export type SocietyResolutionKind = (typeof SOCIETY_RESOLUTION_KINDS)[number];

export const SOCIETY_RESOLUTION_LABEL: Record<SocietyResolutionKind, string> = {
  amalgamation: 'Amalgamation with another society',
  transfer_of_engagements: 'Transfer of engagements to another society',
  conversion_to_company: 'Conversion into a company',
  amalgamation_with_company: 'Amalgamation with a company',
  transfer_to_company: 'Transfer of engagements to a company',
};

/** A share of votes as a ratio, so thresholds compare in whole numbers. */
export interface Threshold {
  numerator: number;
  denominator: number;
  /** "at least" (true) or "over" (false). */
  atLeast: boolean;
  words: string;
}

export interface SocietySpecialResolutionRule {
  kind: SocietyResolutionKind;
  /** The section defining the resolution, e.g. 'CCBS Act 2014 s111'. */
  section: string;
  /** Share of the eligible members who vote that must vote for it at the first meeting. */
  firstMeeting: Threshold;
  /** Share of the eligible members that must vote at all at the first meeting, or null. */
  turnout: Threshold | null;
  /** Share of those voting at the second meeting that must confirm it. */
  confirmation: Threshold;
  secondMeeting: { minDaysAfterFirst: number; maxMonthsAfterFirst: number };
  /** One sentence for the secretary, citing the section. */
  summary: string;
  /** What must happen once it is confirmed. */
  afterConfirmation: string;
}

const TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, atLeast: true, words: 'at least two-thirds' };
const THREE_QUARTERS: Threshold = { numerator: 3, denominator: 4, atLeast: true, words: 'at least 75%' };
const HALF_VOTING: Threshold = { numerator: 1, denominator: 2, atLeast: true, words: 'at least half' };
const OVER_HALF: Threshold = { numerator: 1, denominator: 2, atLeast: false, words: 'over half' };

/**
 * The statutory requirements for a society's special resolution of a given kind.
 *
 * @example
 * societySpecialResolutionRule('transfer_of_engagements').firstMeeting.words // 'at least two-thirds'
 */
export function societySpecialResolutionRule(kind: SocietyResolutionKind): SocietySpecialResolutionRule {
  const secondMeeting = { minDaysAfterFirst: 14, maxMonthsAfterFirst: 1 };
  if (kind === 'amalgamation' || kind === 'transfer_of_engagements') {
    return {
      kind,
      section: 'CCBS Act 2014 s111',
      firstMeeting: TWO_THIRDS,
      turnout: null,
      confirmation: OVER_HALF,
      secondMeeting,
      summary: `${SOCIETY_RESOLUTION_LABEL[kind]} needs a special resolution under CCBS Act 2014 s111: passed by at least two-thirds of the eligible members who vote at a general meeting, then confirmed by over half of those who vote at a second general meeting held at least 14 days and no more than one month after the first.`,
      afterConfirmation:
        'Within 14 days of confirmation, send the FCA a copy signed by the chair of the second meeting and countersigned by the secretary; the resolution takes effect only when the FCA registers it (CCBS Act 2014 s111(5)-(7)).',
    };
  }
  return {
    kind,
    section: 'CCBS Act 2014 s113',
    firstMeeting: THREE_QUARTERS,
    turnout: HALF_VOTING,
    confirmation: OVER_HALF,
    secondMeeting,
    summary: `${SOCIETY_RESOLUTION_LABEL[kind]} needs a special resolution under CCBS Act 2014 s112-s113: passed by at least 75% of the eligible members who vote at a general meeting at which at least half of the eligible members vote, then confirmed by over half of those who vote at a second general meeting held at least 14 days and no more than one month after the first.`,
    afterConfirmation:
      'The society’s registration becomes void once it is registered as a company, amalgamates with one or transfers all its engagements to one (CCBS Act 2014 s112(2)); s114 sets out the further steps for a conversion.',
  };
}

/** The votes at one of the two meetings. */
export interface ResolutionVote {
  heldOn: string;
  /** Members entitled under the rules to vote on it. */
  eligibleMembers: number;
  votesFor: number;
  votesAgainst: number;
}

export interface SocietySpecialResolutionVerdict {
  rule: SocietySpecialResolutionRule;
  firstPassed: boolean;
  /** Null until the second meeting has been held. */
  confirmed: boolean | null;
  passed: boolean;
  /** The days on which the second meeting may be held. */
  secondMeetingWindow: { earliest: string; latest: string };
  /** One sentence per requirement, each citing its provision. */
  messages: string[];
}

/** Whether `part` of `whole` meets a threshold, in whole numbers; nothing voting never meets one. */
export function meetsThreshold(t: Threshold, part: number, whole: number): boolean {
  return meets(t, part, whole);
}

function meets(t: Threshold, part: number, whole: number): boolean {
  if (whole === 0) return false;
  const lhs = part * t.denominator;
  const rhs = t.numerator * whole;
  return t.atLeast ? lhs >= rhs : lhs > rhs;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'none voted' : `${Number(((100 * part) / whole).toFixed(2))}%`;
}

function checkVote(v: ResolutionVote): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (![v.eligibleMembers, v.votesFor, v.votesAgainst].every(whole) || v.votesFor + v.votesAgainst > v.eligibleMembers) {
    throw new RangeError('Votes for and against must be whole numbers that together do not exceed the eligible members.');
  }
}

/**
 * Whether a society's special resolution of this kind has been passed at its first meeting and
 * confirmed at its second (pass `second` as null or omit it before the second meeting).
 */
export function societySpecialResolutionVerdict(kind: SocietyResolutionKind, first: ResolutionVote, second: ResolutionVote | null = null): SocietySpecialResolutionVerdict {
  const rule = societySpecialResolutionRule(kind);
  checkVote(first);
  if (second) checkVote(second);
  const s = rule.section;
  const sub = (forS111: string, forS113: string) => `${s}(2)(${rule.section.endsWith('s111') ? forS111 : forS113})`;
  const messages: string[] = [];

  const voting = first.votesFor + first.votesAgainst;
  const inFavour = meets(rule.firstMeeting, first.votesFor, voting);
  messages.push(
    `First meeting: ${first.votesFor} of the ${voting} eligible members who voted were in favour (${percent(first.votesFor, voting)}); ${rule.firstMeeting.words} is needed (${sub('a', 'a')}).`,
  );
  let turnoutMet = true;
  if (rule.turnout) {
    turnoutMet = meets(rule.turnout, voting, first.eligibleMembers);
    messages.push(
      `${voting} of the ${first.eligibleMembers} eligible members voted (${percent(voting, first.eligibleMembers)}); ${rule.turnout.words} of them must vote (${s}(2)(b)).`,
    );
  }
  const firstPassed = inFavour && turnoutMet;

  const window = { earliest: addDays(first.heldOn, rule.secondMeeting.minDaysAfterFirst), latest: addMonths(first.heldOn, rule.secondMeeting.maxMonthsAfterFirst) };
  let confirmed: boolean | null = null;
  if (second) {
    const inWindow = second.heldOn >= window.earliest && second.heldOn <= window.latest;
    messages.push(
      `The second meeting must be held at least 14 days and no more than one month after the first, between ${formatLegalDate(window.earliest)} and ${formatLegalDate(window.latest)} (${sub('e', 'f')}); it was held on ${formatLegalDate(second.heldOn)}.`,
    );
    const votingAgain = second.votesFor + second.votesAgainst;
    const confirming = meets(rule.confirmation, second.votesFor, votingAgain);
    messages.push(
      `Second meeting: ${second.votesFor} of the ${votingAgain} eligible members who voted confirmed it (${percent(second.votesFor, votingAgain)}); ${rule.confirmation.words} is needed (${sub('c', 'd')}).`,
    );
    confirmed = firstPassed && inWindow && confirming;
  } else if (firstPassed) {
    messages.push(`Hold the confirming meeting between ${formatLegalDate(window.earliest)} and ${formatLegalDate(window.latest)} (${sub('e', 'f')}).`);
  }
  return { rule, firstPassed, confirmed, passed: confirmed === true, secondMeetingWindow: window, messages };
}
