import { addDays, formatLegalDate, isLegalDate, weekday } from './legal-date';
import { isWorkingDay, type UkPart } from './working-days';

/**
 * Periods of hours "in the calculation of which no account is taken of any part of a day that is
 * not a working day": CA 2006 s1147(5) (deemed delivery of documents) and s327(3) (proxy
 * deadlines), with working days as s1173 defines them (see working-days.ts).
 *
 * Times are UK wall-clock date-times, 'YYYY-MM-DDTHH:MM' in Europe/London local time, counted
 * by the clock on the wall. That is exact, not an approximation: the clocks change at 01:00 UTC
 * on the last Sunday of March and of October, and a Sunday is never a working day, so no hour
 * that counts is ever a missing or a repeated one.
 */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  return m !== null && isLegalDate(m[1]!);
}

/** The legal date a date-time falls on. */
export function dateOf(at: LocalDateTime): string {
  return split(at).date;
}

function split(at: LocalDateTime): { date: string; minute: number } {
  const m = LOCAL_DATE_TIME.exec(at);
  if (!m || !isLegalDate(m[1]!)) throw new RangeError(`Not a UK date and time (YYYY-MM-DDTHH:MM): ${at}`);
  return { date: m[1]!, minute: Number(m[2]) * 60 + Number(m[3]) };
}

function join(date: string, minute: number): LocalDateTime {
  return `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function toMinutes(hours: number): number {
  const minutes = Math.round(hours * 60);
  if (!Number.isFinite(hours) || hours < 0 || Math.abs(minutes - hours * 60) > 1e-6) {
    throw new RangeError(`A period of hours must be zero or more whole minutes; ${hours} given.`);
  }
  return minutes;
}

/**
 * The moment `hours` working hours after `start`. Time on a day that is not a working day does
 * not count, so a period begun at a weekend starts to run at 00:00 on the next working day. A
 * period that ends exactly at midnight ends at 00:00 on the next calendar day.
 *
 * @example
 * addWorkingHours('2026-09-11T15:00', 48, 'england') // '2026-09-15T15:00' (Friday → Tuesday)
 */
export function addWorkingHours(start: LocalDateTime, hours: number, part: UkPart): LocalDateTime {
  let remaining = toMinutes(hours);
  let { date, minute } = split(start);
  if (remaining === 0) return start;
  for (;;) {
    if (!isWorkingDay(date, part)) {
      date = addDays(date, 1);
      minute = 0;
      continue;
    }
    const left = MINUTES_PER_DAY - minute;
    if (remaining < left) return join(date, minute + remaining);
    remaining -= left;
    date = addDays(date, 1);
    minute = 0;
    if (remaining === 0) return join(date, 0);
  }
}

/**
 * The moment `hours` working hours before `end`: the earliest moment from which `hours` working
 * hours run to `end`. Time on a day that is not a working day does not count, so from a meeting
 * on a Monday the count runs back through Friday.
 *
 * @example
 * subtractWorkingHours('2026-10-05T10:00', 48, 'england') // '2026-10-01T10:00' (Monday → Thursday)
 */
export function subtractWorkingHours(end: LocalDateTime, hours: number, part: UkPart): LocalDateTime {
  let remaining = toMinutes(hours);
  let { date, minute } = split(end);
  if (remaining === 0) return end;
  for (;;) {
    if (!isWorkingDay(date, part)) {
      date = addDays(date, -1);
      minute = MINUTES_PER_DAY;
      continue;
    }
    if (remaining <= minute) return join(date, minute - remaining);
    remaining -= minute;
    date = addDays(date, -1);
    minute = MINUTES_PER_DAY;
  }
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A date-time as en-GB text for messages: "15:00 on Tuesday 15 September 2026". */
export function formatLocalDateTime(at: LocalDateTime): string {
  const { date } = split(at);
  return `${at.slice(11)} on ${formatDayDate(date)}`;
}

/** A legal date with its weekday: "Tuesday 15 September 2026". */
export function formatDayDate(date: string): string {
  return `${WEEKDAYS[weekday(date)]} ${formatLegalDate(date)}`;
}

// Built once: constructing a formatter costs far more than formatting with it.
const UK_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The UK wall-clock date-time of an instant. Pure: the caller passes the clock. */
export function ukLocalDateTimeOf(instant: Date): LocalDateTime {
  const parts = Object.fromEntries(UK_WALL_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
