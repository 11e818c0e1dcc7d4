import type { FormFamily } from '../domain/legal-form';
import { formatLegalDate, isLegalDate } from './legal-date';
import { isTimeOfDay } from './time-of-day';
import { isLocalDateTime } from './working-hours';

/**
 * Checks on the dates and times a secretary records for a meeting, each returning the message to
 * show beside the field that caused it, or null. They catch what the law or plain sense rules out:
 * a meeting that ends before it starts, one dated before the organisation existed (a company
 * exists from the date of incorporation on its certificate, CA 2006 s15-s16; a society from its
 * registration, CCBS Act 2014 s3(3)), notice given after the meeting, a director recorded as present
 * on a day they did not hold office, and arrival and departure times that cannot be true.
 */

const badTime = (what: string, value: string) => `Enter ${what} as a time like 18:30 (24-hour clock); ${JSON.stringify(value)} is not one.`;

/** The meeting's end time, if recorded, must be after its start. */
export function endTimeProblem(startsAt: string, endsAt: string | null): string | null {
  if (!isTimeOfDay(startsAt)) return badTime('the start time', startsAt);
  if (endsAt === null) return null;
  if (!isTimeOfDay(endsAt)) return badTime('the end time', endsAt);
  if (endsAt < startsAt) return `The meeting ends at ${endsAt}, before it starts at ${startsAt}.`;
  if (endsAt === startsAt) return `The meeting ends at ${endsAt}, the moment it starts; enter the time it closed.`;
  return null;
}

/**
 * A meeting cannot be held before the organisation exists: for a company, the date of
 * incorporation (CA 2006 s15-s16); for a society, the date of registration (CCBS Act 2014 s3(3)).
 */
export function meetingBeforeOrganisationProblem(heldOn: string, existsFrom: string | null, family: FormFamily): string | null {
  if (!isLegalDate(heldOn)) return `Enter the date of the meeting as a date; ${JSON.stringify(heldOn)} is not one.`;
  if (existsFrom === null || heldOn >= existsFrom) return null;
  const what = family === 'company' ? 'the company was incorporated' : 'the society was registered';
  return `The meeting is dated ${formatLegalDate(heldOn)}, before ${what} on ${formatLegalDate(existsFrom)}.`;
}

/**
 * Notice cannot be given after the meeting. `sentAt` is a date ('YYYY-MM-DD') or a date and time
 * ('YYYY-MM-DDTHH:MM'); with a time and the meeting's start time, notice sent on the day of the
 * meeting after it began is caught too. Whether the notice was long enough is for notice.ts.
 */
export function noticeAfterMeetingProblem(sentAt: string, heldOn: string, startsAt: string | null = null): string | null {
  const withTime = isLocalDateTime(sentAt);
  if (!withTime && !isLegalDate(sentAt)) return `Enter the date the notice was sent as a date; ${JSON.stringify(sentAt)} is not one.`;
  const sentOn = sentAt.slice(0, 10);
  if (sentOn > heldOn) return `The notice is dated ${formatLegalDate(sentOn)}, after the meeting on ${formatLegalDate(heldOn)}.`;
  if (sentOn === heldOn && withTime && startsAt !== null && isTimeOfDay(startsAt) && sentAt.slice(11) >= startsAt) {
    return `The notice was sent at ${sentAt.slice(11)} on ${formatLegalDate(heldOn)}, after the meeting started at ${startsAt}.`;
  }
  return null;
}

/**
 * A director can be recorded as present as a director only on a day they held office: appointed
 * on or before the meeting date, and not ceased before it (one who ceases on the day may have
 * attended before ceasing).
 */
export function directorNotInOfficeProblem(director: { name: string; appointedOn: string | null; ceasedOn: string | null }, meetingOn: string): string | null {
  const { name, appointedOn, ceasedOn } = director;
  if (appointedOn !== null && appointedOn > meetingOn) {
    return `${name} was appointed a director on ${formatLegalDate(appointedOn)}, after this meeting on ${formatLegalDate(meetingOn)}, so cannot be recorded as present as a director; record them as in attendance instead.`;
  }
  if (ceasedOn !== null && ceasedOn < meetingOn) {
    return `${name} ceased to be a director on ${formatLegalDate(ceasedOn)}, before this meeting on ${formatLegalDate(meetingOn)}, so cannot be recorded as present as a director; record them as in attendance instead.`;
  }
  return null;
}

/**
 * Arrival and departure times for one person: arrival no earlier than the start (record the start
 * time for someone there from the beginning) and not after the end; departure after arrival.
 */
export function attendanceTimesProblem(
  person: { name: string; arrivedAt: string | null; leftAt: string | null },
  meeting: { startsAt: string; endsAt: string | null },
): string | null {
  const { name, arrivedAt, leftAt } = person;
  if (arrivedAt !== null && !isTimeOfDay(arrivedAt)) return badTime(`${name}'s arrival`, arrivedAt);
  if (leftAt !== null && !isTimeOfDay(leftAt)) return badTime(`${name}'s departure`, leftAt);
  if (arrivedAt !== null && isTimeOfDay(meeting.startsAt) && arrivedAt < meeting.startsAt) {
    return `${name}'s arrival at ${arrivedAt} is before the meeting started at ${meeting.startsAt}; leave it blank, or enter ${meeting.startsAt}, if they were there from the start.`;
  }
  if (arrivedAt !== null && meeting.endsAt !== null && isTimeOfDay(meeting.endsAt) && arrivedAt >= meeting.endsAt) {
    return `${name}'s arrival at ${arrivedAt} is not before the meeting ended at ${meeting.endsAt}.`;
  }
  if (leftAt !== null && isTimeOfDay(meeting.startsAt) && leftAt <= meeting.startsAt) {
    return `${name}'s departure at ${leftAt} is not after the meeting started at ${meeting.startsAt}; record them as absent or sending apologies if they did not attend.`;
  }
  if (arrivedAt !== null && leftAt !== null && leftAt <= arrivedAt) {
    return leftAt === arrivedAt ? `${name}'s departure at ${leftAt} is the same as their arrival.` : `${name}'s departure at ${leftAt} is before their arrival at ${arrivedAt}.`;
  }
  return null;
}
