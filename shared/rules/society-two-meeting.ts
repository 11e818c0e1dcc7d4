import { addMonths } from './eligibility';
import { addDays, daysBetween, formatLegalDate, isLegalDate } from './legal-date';
import {
  meetsThreshold,
  societySpecialResolutionRule,
  societySpecialResolutionVerdict,
  type ResolutionVote,
  type SocietyResolutionKind,
  type SocietySpecialResolutionVerdict,
} from './society-resolutions';

/**
 * Planning and checking the second (confirming) meeting of a society's two-meeting special
 * resolution: CCBS Act 2014 s111(2)(e) (amalgamation or transfer of engagements between
 * societies) and s113(2)(f) (conversion into, amalgamation with or transfer to a company): the
 * second meeting is held at least 14 days, and no more than one month, from the day of the first.
 *
 * How the days are counted:
 * - "at least 14 days from the day of the first meeting": the day of the first meeting is not
 *   counted, so the earliest day is the first meeting's date plus 14 (first on Monday 2 March,
 *   earliest Monday 16 March; 15 March, 13 days after, is too early).
 * - "no more than one month": a month is a calendar month (Interpretation Act 1978 Sch 1), which
 *   ends on the same date of the next month (first on 2 March, last day 2 April), or, where the
 *   next month has no such date, on its last day (first on 31 January, last day 28 February, or
 *   29 February in a leap year): the corresponding date rule (Dodds v Walker [1981] 1 WLR 1027).
 *   addMonths gives exactly that.
 * Both ends are included. societySpecialResolutionVerdict computes the same window; this module
 * adds the words, the check of a proposed date, and which step of the whole procedure failed.
 */
export interface SecondMeetingWindow {
  earliest: string;
  latest: string;
  /** The provision, e.g. 'CCBS Act 2014 s111(2)(e)'. */
  source: string;
  message: string;
}

function windowSource(kind: SocietyResolutionKind): string {
  const rule = societySpecialResolutionRule(kind);
  return `${rule.section}(2)(${rule.section.endsWith('s111') ? 'e' : 'f'})`;
}

/**
 * The days on which the confirming meeting may be held.
 *
 * @example
 * secondMeetingWindow('transfer_of_engagements', '2026-03-02') // { earliest: '2026-03-16', latest: '2026-04-02', … }
 */
export function secondMeetingWindow(kind: SocietyResolutionKind, firstHeldOn: string): SecondMeetingWindow {
  if (!isLegalDate(firstHeldOn)) throw new RangeError(`The date of the first meeting must be a date; ${firstHeldOn} given.`);
  const rule = societySpecialResolutionRule(kind);
  const earliest = addDays(firstHeldOn, rule.secondMeeting.minDaysAfterFirst);
  const latest = addMonths(firstHeldOn, rule.secondMeeting.maxMonthsAfterFirst);
  const source = windowSource(kind);
  return {
    earliest,
    latest,
    source,
    message: `Hold the confirming meeting on any day from ${formatLegalDate(earliest)} to ${formatLegalDate(latest)}: at least 14 days after the first meeting on ${formatLegalDate(firstHeldOn)}, not counting that day, and no more than one calendar month after it (${source}).`,
  };
}

export interface SecondMeetingDateVerdict {
  ok: boolean;
  problem: 'too_early' | 'too_late' | null;
  /** Days from the first meeting to the second (the first's day not counted). */
  daysAfter: number;
  window: SecondMeetingWindow;
  message: string;
}

/** Whether a (proposed or actual) date for the confirming meeting is within the window. */
export function secondMeetingDateVerdict(kind: SocietyResolutionKind, firstHeldOn: string, secondHeldOn: string): SecondMeetingDateVerdict {
  if (!isLegalDate(secondHeldOn)) throw new RangeError(`The date of the second meeting must be a date; ${secondHeldOn} given.`);
  const window = secondMeetingWindow(kind, firstHeldOn);
  const daysAfter = daysBetween(firstHeldOn, secondHeldOn);
  const days = `${daysAfter} day${Math.abs(daysAfter) === 1 ? '' : 's'}`;
  const on = `The second meeting on ${formatLegalDate(secondHeldOn)}`;
  if (secondHeldOn < window.earliest) {
    const when = daysAfter <= 0 ? `is not after the first meeting on ${formatLegalDate(firstHeldOn)}` : `is ${days} after the first meeting on ${formatLegalDate(firstHeldOn)}`;
    return {
      ok: false,
      problem: 'too_early',
      daysAfter,
      window,
      message: `${on} ${when}; it must be at least 14 days after (${window.source}), so ${formatLegalDate(window.earliest)} at the earliest.`,
    };
  }
  if (secondHeldOn > window.latest) {
    return {
      ok: false,
      problem: 'too_late',
      daysAfter,
      window,
      message: `${on} is more than one month after the first meeting on ${formatLegalDate(firstHeldOn)} (${window.source}); ${formatLegalDate(window.latest)} is the last day it may be held.`,
    };
  }
  return {
    ok: true,
    problem: null,
    daysAfter,
    window,
    message: `${on} is ${days} after the first meeting, within the window from ${formatLegalDate(window.earliest)} to ${formatLegalDate(window.latest)} (${window.source}).`,
  };
}

export const TWO_MEETING_STEPS = ['first_meeting_majority', 'first_meeting_turnout', 'second_meeting_date', 'confirmation'] as const;
export type TwoMeetingStep = (typeof TWO_MEETING_STEPS)[number];
export const TWO_MEETING_STEP_LABEL: Record<TwoMeetingStep, string> = {
  first_meeting_majority: 'the vote at the first meeting',
  first_meeting_turnout: 'the turnout at the first meeting',
  second_meeting_date: 'the date of the second meeting',
  confirmation: 'the confirmation at the second meeting',
};

export interface TwoMeetingVerdict {
  stage: 'awaiting_second_meeting' | 'passed' | 'failed';
  /** The first step that failed, in the order the procedure takes them. */
  failedStep: TwoMeetingStep | null;
  window: SecondMeetingWindow;
  /** One sentence: where the resolution stands and, if it failed, which step and why. */
  message: string;
  /** Every requirement, one sentence each (from societySpecialResolutionVerdict). */
  messages: string[];
  verdict: SocietySpecialResolutionVerdict;
}

/**
 * The whole two-meeting procedure: passed, waiting for the confirming meeting, or failed at a
 * named step, with the reason.
 */
export function twoMeetingVerdict(kind: SocietyResolutionKind, first: ResolutionVote, second: ResolutionVote | null = null): TwoMeetingVerdict {
  const verdict = societySpecialResolutionVerdict(kind, first, second);
  const rule = verdict.rule;
  const window = secondMeetingWindow(kind, first.heldOn);
  const voting = first.votesFor + first.votesAgainst;
  // societySpecialResolutionVerdict writes its sentences in this order: first meeting, turnout
  // (s113 only), then either the window and the confirmation, or where to hold the second meeting.
  const turnoutAt = rule.turnout ? 1 : -1;
  const afterFirst = rule.turnout ? 2 : 1;
  const failures: [TwoMeetingStep, boolean, string][] = [
    ['first_meeting_majority', meetsThreshold(rule.firstMeeting, first.votesFor, voting), verdict.messages[0]!],
    ['first_meeting_turnout', rule.turnout ? meetsThreshold(rule.turnout, voting, first.eligibleMembers) : true, verdict.messages[turnoutAt] ?? ''],
  ];
  if (second) {
    const date = secondMeetingDateVerdict(kind, first.heldOn, second.heldOn);
    failures.push(['second_meeting_date', date.ok, date.message]);
    failures.push(['confirmation', meetsThreshold(rule.confirmation, second.votesFor, second.votesFor + second.votesAgainst), verdict.messages[afterFirst + 1]!]);
  }
  const failed = failures.find(([, ok]) => !ok);
  if (failed) {
    const [step, , why] = failed;
    return { stage: 'failed', failedStep: step, window, verdict, messages: verdict.messages, message: `Not passed: it failed at ${TWO_MEETING_STEP_LABEL[step]}. ${why}` };
  }
  if (!second) {
    return {
      stage: 'awaiting_second_meeting',
      failedStep: null,
      window,
      verdict,
      messages: verdict.messages,
      message: `Passed at the first meeting; it must now be confirmed by ${rule.confirmation.words} of the eligible members who vote at a second meeting. ${window.message}`,
    };
  }
  return {
    stage: 'passed',
    failedStep: null,
    window,
    verdict,
    messages: verdict.messages,
    message: `Passed and confirmed as a special resolution under ${rule.section}. ${rule.afterConfirmation}`,
  };
}
