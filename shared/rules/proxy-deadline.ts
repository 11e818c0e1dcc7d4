import type { UkPart } from './working-days';
import { formatLocalDateTime, subtractWorkingHours, type LocalDateTime } from './working-hours';

/**
 * Proxy deadlines at a company's general meetings (CA 2006 s327). Any provision of the articles is
 * void in so far as it requires a proxy appointment (or a document relating to it) to be received
 * earlier than 48 hours before the meeting or adjourned meeting, or, for a poll taken more than
 * 48 hours after it was demanded, 24 hours before the time appointed for the poll (s327(2)). In
 * calculating those periods no account is taken of any part of a day that is not a working day
 * (s327(3)).
 *
 * 48 hours is a ceiling, not a default: the articles may set a later deadline (fewer hours) or
 * none, in which case an appointment may be lodged at any time before the meeting.
 * A society's rules decide whether it allows proxies at all; the Act gives its members no right to one.
 */
export const PROXY_DEADLINE_SOURCE = 'CA 2006 s327(2)-(3)';
export const PROXY_MAX_HOURS = 48;
export const POLL_PROXY_MAX_HOURS = 24;

export interface ProxyDeadlineOptions {
  /** A poll taken more than 48 hours after it was demanded: the limit is 24 hours before the poll (s327(2)(b)). */
  pollAfterDemand?: boolean;
}

export interface LawfulProxyDeadline {
  /** The earliest deadline the articles may lawfully set. */
  at: LocalDateTime;
  hours: number;
  source: string;
}

/**
 * The earliest lawful proxy deadline: 48 working hours before the meeting (24 before a poll taken
 * more than 48 hours after it was demanded).
 *
 * @example
 * latestProxyDeadline('2026-10-05T10:00', 'england').at // '2026-10-01T10:00' (Monday → the Thursday before)
 */
export function latestProxyDeadline(meetingAt: LocalDateTime, part: UkPart, opts: ProxyDeadlineOptions = {}): LawfulProxyDeadline {
  const hours = opts.pollAfterDemand ? POLL_PROXY_MAX_HOURS : PROXY_MAX_HOURS;
  return { at: subtractWorkingHours(meetingAt, hours, part), hours, source: PROXY_DEADLINE_SOURCE };
}

/**
 * The deadline a rule of "N hours before the meeting" gives, counting working hours only as s327(3)
 * does (most articles copy that wording). Pair with proxyDeadlineVerdict to check N is lawful.
 */
export function proxyDeadlineFromRules(meetingAt: LocalDateTime, hoursBefore: number, part: UkPart): LocalDateTime {
  return subtractWorkingHours(meetingAt, hoursBefore, part);
}

export interface ProxyDeadlineVerdict {
  ok: boolean;
  earliestLawful: LocalDateTime;
  message: string;
}

/**
 * Whether a proposed deadline for receiving proxy appointments is lawful. `null` means the rules
 * set none, which is always lawful.
 */
export function proxyDeadlineVerdict(deadline: LocalDateTime | null, meetingAt: LocalDateTime, part: UkPart, opts: ProxyDeadlineOptions = {}): ProxyDeadlineVerdict {
  const lawful = latestProxyDeadline(meetingAt, part, opts);
  const what = opts.pollAfterDemand ? 'the poll' : 'the meeting';
  const limit = `${PROXY_DEADLINE_SOURCE}: a proxy appointment cannot be required more than ${lawful.hours} hours before ${what}, not counting days that are not working days, so the earliest lawful deadline is ${formatLocalDateTime(lawful.at)}`;
  if (deadline === null) {
    return { ok: true, earliestLawful: lawful.at, message: `No deadline is set, so appointments may be received up to the start of ${what}.` };
  }
  // The same wall-clock format throughout, so the strings compare in time order.
  if (deadline < lawful.at) {
    return { ok: false, earliestLawful: lawful.at, message: `${limit}; ${formatLocalDateTime(deadline)} was set.` };
  }
  if (deadline > meetingAt) {
    return { ok: false, earliestLawful: lawful.at, message: `The deadline, ${formatLocalDateTime(deadline)}, is after the start of ${what} at ${formatLocalDateTime(meetingAt)}.` };
  }
  return { ok: true, earliestLawful: lawful.at, message: `${limit}; ${formatLocalDateTime(deadline)} is lawful.` };
}
