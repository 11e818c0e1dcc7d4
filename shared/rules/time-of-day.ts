/**
 * Times of day at a meeting, 'HH:MM' on the UK wall clock (24-hour). Two such strings compare in
 * time order as strings, so the rules compare them directly; a meeting that runs past midnight is
 * not modelled (a board meets in an evening, not overnight).
 */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/** Throws a RangeError naming what was wrong, for inputs the contract should already have checked. */
export function checkTimeOfDay(value: string | null | undefined, what: string): void {
  if (value !== null && value !== undefined && !TIME_OF_DAY.test(value)) {
    throw new RangeError(`${what} must be a time like 18:30 (24-hour clock); ${JSON.stringify(value)} given.`);
  }
}

/** How attendance is recorded; 'present' is the contract's word for present in person. */
export const ATTENDANCE_STATES = ['present', 'present_in_person', 'present_electronically', 'apologies', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/**
 * Present in person or by electronic means: both count, since CA 2006 s360A lets a meeting be held
 * with people in different places, and Model Articles art 10 counts a director who can communicate
 * with the others as participating.
 */
export function attends(status: AttendanceState): boolean {
  return status === 'present' || status === 'present_in_person' || status === 'present_electronically';
}

export interface AttendanceInterval {
  status: AttendanceState;
  /** When they arrived, or null for "from the start". */
  arrivedAt: string | null;
  /** When they left, or null for "still here" / "stayed to the end". */
  leftAt: string | null;
}

/**
 * Whether someone was there at a moment. Someone who arrives at 19:40 is there at 19:40; someone
 * who leaves at 19:40 is not (they were not there for what was decided at 19:40). With `at` null
 * ("while the item is taken", time unknown), whoever has arrived and not left counts. A departure
 * at or after the meeting's end is no departure from any item: the meeting closed with them there.
 */
export function presentAt(a: AttendanceInterval, at: string | null, endsAt: string | null = null): boolean {
  if (!attends(a.status)) return false;
  const left = a.leftAt !== null && !(endsAt !== null && a.leftAt >= endsAt);
  if (at === null) return !left;
  if (a.arrivedAt !== null && a.arrivedAt > at) return false;
  return !(left && a.leftAt! <= at);
}

/** "J. Patel", "J. Patel and A. Khan", "J. Patel, A. Khan and B. Lee". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
