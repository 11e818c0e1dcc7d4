import type { FormFamily } from '../domain/legal-form';
import { addDays, formatLegalDate, isLegalDate } from './legal-date';
import { COMPANY_SPECIAL_PCT, percentOf } from './resolution-result';
import { listNames } from './time-of-day';

/**
 * Written resolutions of members (CA 2006 Part 13 Chapter 2, s288-s300).
 *
 * - s281(1)-(2), s288(1): only a private company's members may pass a written resolution; a public
 *   company's must meet.
 * - s288(2): not available for (a) removing a director under s168 or (b) removing an auditor
 *   under s510 before the end of their term.
 * - s289(1): the eligible members are those who would have been entitled to vote on the resolution
 *   on the circulation date; s289(2): if that changes during the day, those entitled when the first
 *   copy was sent. s290: the circulation date is the day copies are sent (the first, if several).
 * - s282(2), s283(2): the base is the total voting rights of eligible members, not of those who
 *   reply: an ordinary resolution needs more than half, a special one not less than 75%; s283(3):
 *   it is special only if it stated it was proposed as special, and then only as special.
 * - s296(1), (4): a member agrees when the company receives an authenticated document; the
 *   resolution is passed when the required majority have agreed, so on the day the agreement
 *   that reaches the majority is received.
 * - s297(1): it lapses if not passed before the end of the period in the articles or, if none,
 *   "the period of 28 days beginning with the circulation date"; s297(2): agreement signified after
 *   that period is ineffective. "Beginning with" counts the circulation date as the first day, so
 *   the 28th and last day is the circulation date plus 27 days: circulated on 2 March, agreement
 *   received on 29 March counts; received on 30 March it is ineffective. The app counts a period
 *   the articles set (in days) the same way.
 *
 * A society has no statutory written-resolution procedure: the CCBS Act 2014 is silent, and its
 * registered rules decide whether members may decide in writing and on what terms. Where they do,
 * the app applies the same shape with the rules' period and majority, citing the rules.
 */
export const WRITTEN_RESOLUTION_LAPSE_DAYS = 28;
export const LAPSE_SOURCE = 'CA 2006 s297';
export const ELIGIBLE_MEMBERS_SOURCE = 'CA 2006 s289';
const SOCIETY_SOURCE = 'your registered rules';

export type WrittenResolutionPurpose = 'general' | 'remove_director' | 'remove_auditor';

export interface Availability {
  available: boolean;
  /** False where no statute gives the procedure and the governing document alone decides. */
  statutory: boolean;
  message: string;
}

/** Whether members may pass this resolution in writing at all. */
export function writtenResolutionAvailability(opts: {
  family: FormFamily;
  /** Every company in the app is private; 'public' is here so the rule never offers it where it does not belong. */
  company?: 'private' | 'public';
  purpose?: WrittenResolutionPurpose;
  /** For a society: whether its registered rules let members decide in writing. */
  rulesAllow?: boolean;
}): Availability {
  const purpose = opts.purpose ?? 'general';
  if (opts.family === 'society') {
    if (opts.rulesAllow) {
      return { available: true, statutory: false, message: `The CCBS Act 2014 has no written-resolution procedure; ${SOCIETY_SOURCE} let members decide in writing, on the terms the rules set.` };
    }
    return {
      available: false,
      statutory: false,
      message: `The CCBS Act 2014 has no written-resolution procedure; members may decide in writing only if ${SOCIETY_SOURCE} say so. Check the rules, or call a general meeting.`,
    };
  }
  if (opts.company === 'public') {
    return { available: false, statutory: true, message: "A public company's members can pass resolutions only at a meeting (CA 2006 s281(2)); written resolutions are for private companies (s288(1))." };
  }
  if (purpose === 'remove_director') {
    return {
      available: false,
      statutory: true,
      message: 'A resolution under CA 2006 s168 removing a director before the end of their period of office cannot be passed as a written resolution (s288(2)(a)); it needs a general meeting, with special notice (s168(2), s312).',
    };
  }
  if (purpose === 'remove_auditor') {
    return {
      available: false,
      statutory: true,
      message: 'A resolution under CA 2006 s510 removing an auditor before the end of their term of office cannot be passed as a written resolution (s288(2)(b)); it needs a general meeting, with special notice (s511).',
    };
  }
  return { available: true, statutory: true, message: "A private company's members may pass this as a written resolution (CA 2006 s288)." };
}

export interface MemberOnRegister {
  id: string;
  name?: string;
  /** Voting rights on the resolution: 1 a member, or one a share (CA 2006 s284). */
  votes: number;
  admittedOn: string;
  ceasedOn: string | null;
  /** False where the member's class carries no vote on this resolution. */
  entitledToVote?: boolean;
}

export interface EligibleMembers {
  eligible: { id: string; votes: number }[];
  /** The base for a written resolution (s282(2), s283(2)). */
  totalVotes: number;
  /** Admitted or ceased on the circulation date itself: eligible only if entitled when the first copy was sent (s289(2)). */
  sameDay: { id: string; name: string; change: 'admitted' | 'ceased'; counted: boolean }[];
  message: string;
}

/**
 * The eligible members of a written resolution: those entitled to vote on it on the circulation
 * date (s289(1)). A member admitted on that day is counted and one who ceased on it is not, as the
 * register reads that day; both are listed so the secretary can check them against the time the
 * first copy was sent (s289(2)).
 */
export function eligibleMembersOn(members: readonly MemberOnRegister[], circulatedOn: string): EligibleMembers {
  if (!isLegalDate(circulatedOn)) throw new RangeError(`The circulation date must be a date; ${circulatedOn} given.`);
  const eligible: EligibleMembers['eligible'] = [];
  const sameDay: EligibleMembers['sameDay'] = [];
  let totalVotes = 0;
  for (const m of members) {
    if (!(Number.isInteger(m.votes) && m.votes >= 0)) throw new RangeError(`${m.name ?? 'A member'}'s votes must be a whole number, 0 or more; ${m.votes} given.`);
    if (m.entitledToVote === false || m.votes === 0) continue;
    const member = m.admittedOn <= circulatedOn && (m.ceasedOn === null || m.ceasedOn > circulatedOn);
    if (m.admittedOn === circulatedOn) sameDay.push({ id: m.id, name: m.name ?? 'A member', change: 'admitted', counted: member });
    else if (m.ceasedOn === circulatedOn) sameDay.push({ id: m.id, name: m.name ?? 'A member', change: 'ceased', counted: false });
    if (!member) continue;
    eligible.push({ id: m.id, votes: m.votes });
    totalVotes += m.votes;
  }
  const n = eligible.length;
  let message = `${n} eligible member${n === 1 ? '' : 's'} holding ${totalVotes} vote${totalVotes === 1 ? '' : 's'}: those entitled to vote on the circulation date, ${formatLegalDate(circulatedOn)} (${ELIGIBLE_MEMBERS_SOURCE}(1)).`;
  const admitted = sameDay.filter((s) => s.change === 'admitted').map((s) => s.name);
  const ceased = sameDay.filter((s) => s.change === 'ceased').map((s) => s.name);
  if (admitted.length || ceased.length) {
    const parts = [
      ...(admitted.length ? [`${listNames(admitted)} (admitted that day, counted)`] : []),
      ...(ceased.length ? [`${listNames(ceased)} (ceased that day, not counted)`] : []),
    ];
    message += ` Check ${listNames(parts)}: where entitlement changes on the circulation date, the eligible members are those entitled when the first copy was sent (${ELIGIBLE_MEMBERS_SOURCE}(2)).`;
  }
  return { eligible, totalVotes, sameDay, message };
}

export interface LapsePeriod {
  /** The last day on which agreement received counts. */
  lastDay: string;
  days: number;
  /** "The period of 28 days beginning with the circulation date, 2 March 2026, ends on 29 March 2026: …" */
  message: string;
}

/**
 * The period for agreeing to a written resolution: `days` days beginning with the circulation
 * date, so the last day is the circulation date plus `days` − 1 (s297(1)).
 *
 * @example
 * lapsePeriod('2026-03-02').lastDay // '2026-03-29'
 */
export function lapsePeriod(circulatedOn: string, days: number = WRITTEN_RESOLUTION_LAPSE_DAYS, source?: string): LapsePeriod {
  if (!isLegalDate(circulatedOn)) throw new RangeError(`The circulation date must be a date; ${circulatedOn} given.`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`The period for agreeing is a whole number of days, at least one; ${days} given.`);
  const lastDay = addDays(circulatedOn, days - 1);
  const whose = source ? `set by ${source}` : days === WRITTEN_RESOLUTION_LAPSE_DAYS ? `(${LAPSE_SOURCE}(1)(b))` : 'set by the articles';
  return {
    lastDay,
    days,
    message: `The period of ${days} day${days === 1 ? '' : 's'} ${whose}, beginning with the circulation date, ${formatLegalDate(circulatedOn)}, ends on ${formatLegalDate(lastDay)}: agreement received by the end of that day counts; the resolution lapses if not passed by then, and agreement received later is ineffective (${LAPSE_SOURCE}).`,
  };
}

export interface WrittenAgreement {
  memberId: string;
  name?: string;
  votes: number;
  /** The day the company received the authenticated document (s296(1)). */
  receivedOn: string;
}

export interface WrittenResolutionInput {
  kind: 'ordinary' | 'special';
  family: FormFamily;
  company?: 'private' | 'public';
  purpose?: WrittenResolutionPurpose;
  /** For a society: whether its rules let members decide in writing. */
  rulesAllow?: boolean;
  /** The resolution stated that it was proposed as a special resolution (s283(3)). */
  statedAsSpecial: boolean;
  circulatedOn: string;
  /** The articles' (or rules') period in days; 28 by default (s297(1)(b)). */
  periodDays?: number;
  periodSource?: string;
  /** Total voting rights of eligible members (eligibleMembersOn). */
  totalEligibleVotes: number;
  /** Ids of eligible members, to refuse agreement from anyone else (optional). */
  eligibleIds?: ReadonlySet<string>;
  agreements: readonly WrittenAgreement[];
  /** Today's date, to tell a resolution still open from one that has lapsed. */
  today: string;
  /** A society's rules' special majority, or a company's higher figure; 75 by default. */
  specialPct?: number;
}

export type WrittenResolutionStatus = 'passed' | 'open' | 'lapsed' | 'not_available';

export interface WrittenResolutionResult {
  status: WrittenResolutionStatus;
  passed: boolean;
  /** The day the agreement reaching the majority was received (s296(4)). */
  passedOn: string | null;
  lastDay: string;
  /** Votes of members whose agreement counts (received in time). */
  agreedVotes: number;
  /** Votes needed for the majority. */
  neededVotes: number;
  /** Agreements received after the period: ineffective (s297(2)). */
  late: WrittenAgreement[];
  message: string;
}

/** The smallest number of votes meeting the majority on a base of `total`. */
function votesNeeded(kind: 'ordinary' | 'special', total: number, pct: number): number {
  if (kind === 'ordinary') return Math.floor(total / 2) + 1;
  const bp = Math.round(pct * 100);
  // Exact in whole numbers: the least n with n × 10,000 ≥ bp × total.
  return Math.max(1, Math.floor((bp * total + 9999) / 10000));
}

/** What is wrong with the recorded agreements, one sentence each. */
export function writtenResolutionProblems(r: WrittenResolutionInput): string[] {
  const problems: string[] = [];
  if (!isLegalDate(r.circulatedOn) || !isLegalDate(r.today)) problems.push('The circulation date and today must be dates.');
  if (!(Number.isInteger(r.totalEligibleVotes) && r.totalEligibleVotes >= 0)) problems.push(`The total voting rights of eligible members must be a whole number; ${r.totalEligibleVotes} given.`);
  if (r.family === 'company' && r.specialPct !== undefined && r.specialPct < COMPANY_SPECIAL_PCT) {
    problems.push(`CA 2006 s283(2) requires a written special resolution to be agreed by members with not less than 75% of the total voting rights of eligible members; ${r.specialPct}% given.`);
  }
  const seen = new Set<string>();
  let sum = 0;
  for (const a of r.agreements) {
    const who = a.name ?? 'A member';
    if (seen.has(a.memberId)) problems.push(`${who}'s agreement is recorded twice; a member agrees once, and cannot revoke it (CA 2006 s296(3)).`);
    seen.add(a.memberId);
    if (!(Number.isInteger(a.votes) && a.votes > 0)) problems.push(`${who}'s votes must be a whole number, 1 or more; ${a.votes} given.`);
    if (!isLegalDate(a.receivedOn)) problems.push(`${who}'s agreement needs the date it was received.`);
    else if (isLegalDate(r.circulatedOn) && a.receivedOn < r.circulatedOn) {
      problems.push(`${who}'s agreement is dated ${formatLegalDate(a.receivedOn)}, before the resolution was circulated on ${formatLegalDate(r.circulatedOn)}.`);
    } else if (isLegalDate(r.today) && a.receivedOn > r.today) problems.push(`${who}'s agreement is dated ${formatLegalDate(a.receivedOn)}, after today.`);
    if (r.eligibleIds && !r.eligibleIds.has(a.memberId)) {
      problems.push(`${who} was not an eligible member on the circulation date, so cannot agree to it (${ELIGIBLE_MEMBERS_SOURCE}(1)).`);
    }
    sum += a.votes;
  }
  if (problems.length === 0 && sum > r.totalEligibleVotes) {
    problems.push(`The agreements carry ${sum} votes, more than the ${r.totalEligibleVotes} votes of all eligible members.`);
  }
  return problems;
}

/**
 * Where a members' written resolution stands: passed (and on which day), still open, or lapsed;
 * always on the total voting rights of eligible members. Throws a RangeError carrying the first of
 * `writtenResolutionProblems`.
 */
export function writtenResolutionResult(r: WrittenResolutionInput): WrittenResolutionResult {
  const problems = writtenResolutionProblems(r);
  if (problems.length) throw new RangeError(problems[0]);
  const period = lapsePeriod(r.circulatedOn, r.periodDays ?? WRITTEN_RESOLUTION_LAPSE_DAYS, r.periodSource);
  const company = r.family === 'company';
  const pct = r.specialPct ?? COMPANY_SPECIAL_PCT;
  const neededVotes = votesNeeded(r.kind, r.totalEligibleVotes, pct);
  const base = { lastDay: period.lastDay, neededVotes };
  const availability = writtenResolutionAvailability(r);
  if (!availability.available) {
    return { ...base, status: 'not_available', passed: false, passedOn: null, agreedVotes: 0, late: [], message: availability.message };
  }
  if (r.kind === 'ordinary' && r.statedAsSpecial) {
    const why = company ? 'CA 2006 s283(3)(b)' : `${SOCIETY_SOURCE}; CA 2006 s283(3)(b) for companies`;
    return { ...base, status: 'not_available', passed: false, passedOn: null, agreedVotes: 0, late: [], message: `The resolution stated that it was proposed as a special resolution, so it can be passed only as one (${why}); record it as special.` };
  }
  if (r.kind === 'special' && !r.statedAsSpecial) {
    const why = company ? 'CA 2006 s283(3)(a)' : `${SOCIETY_SOURCE}; CA 2006 s283(3)(a) for companies`;
    return { ...base, status: 'not_available', passed: false, passedOn: null, agreedVotes: 0, late: [], message: `A written resolution is special only if it stated that it was proposed as a special resolution (${why}); this one did not.` };
  }

  const inTime = r.agreements.filter((a) => a.receivedOn <= period.lastDay).sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  const late = r.agreements.filter((a) => a.receivedOn > period.lastDay);
  let agreedVotes = 0;
  let passedOn: string | null = null;
  let votesWhenPassed = 0;
  for (const a of inTime) {
    agreedVotes += a.votes;
    if (passedOn === null && r.totalEligibleVotes > 0 && agreedVotes >= neededVotes) passedOn = a.receivedOn;
  }
  // Everything received on the day it passed counts towards the figure for that day.
  if (passedOn !== null) for (const a of inTime) if (a.receivedOn <= passedOn) votesWhenPassed += a.votes;

  const majority =
    r.kind === 'ordinary'
      ? `a simple majority of the total voting rights of eligible members (${company ? 'CA 2006 s282(2)' : SOCIETY_SOURCE})`
      : `not less than ${pct}% of the total voting rights of eligible members (${company ? `CA 2006 s283(2)${pct > COMPANY_SPECIAL_PCT ? ' and your articles' : ''}` : SOCIETY_SOURCE})`;
  const share = `${agreedVotes} of the ${r.totalEligibleVotes} votes of eligible members (${percentOf(agreedVotes, r.totalEligibleVotes)})`;
  const kindWords = r.kind === 'ordinary' ? 'an ordinary' : 'a special';
  if (passedOn !== null) {
    return {
      ...base,
      status: 'passed',
      passed: true,
      passedOn,
      agreedVotes,
      late,
      message: `Passed as ${kindWords} resolution on ${formatLegalDate(passedOn)}, when members with ${votesWhenPassed} of the ${r.totalEligibleVotes} votes of eligible members (${percentOf(votesWhenPassed, r.totalEligibleVotes)}) had agreed; ${majority} is needed, and it is passed when that majority has agreed (${company ? 'CA 2006 s296(4)' : SOCIETY_SOURCE}).`,
    };
  }
  const lateNote = late.length
    ? ` ${late.length === 1 ? 'One agreement' : `${late.length} agreements`} received after ${formatLegalDate(period.lastDay)} ${late.length === 1 ? 'is' : 'are'} ineffective (${LAPSE_SOURCE}(2)).`
    : '';
  if (r.today > period.lastDay) {
    return {
      ...base,
      status: 'lapsed',
      passed: false,
      passedOn: null,
      agreedVotes,
      late,
      message: `Lapsed at the end of ${formatLegalDate(period.lastDay)} without passing: ${share} agreed in time; ${neededVotes} were needed, ${majority} (${LAPSE_SOURCE}(1)).${lateNote}`,
    };
  }
  return {
    ...base,
    status: 'open',
    passed: false,
    passedOn: null,
    agreedVotes,
    late,
    message: `Not yet passed: ${share} have agreed; ${neededVotes} are needed, ${majority}, by the end of ${formatLegalDate(period.lastDay)} (${LAPSE_SOURCE}).`,
  };
}
