import { addDays, daysInMonth, formatLegalDate, fromDayNumber, isLegalDate, toDayNumber, weekday } from '../../../../../shared/rules/legal-date';

/**
 * The contract calendar's month as a grid of weeks, Monday first as in the UK, built from legal
 * dates' digits (day numbers), never from a Date: no browser zone or clock change (BST starts on
 * the last Sunday of March and ends on the last Sunday of October) can shift or repeat a day.
 */

/** A month as 'YYYY-MM'. */
export type Month = string;

export interface GridDay {
  date: string;
  /** Day of the month, 1 to 31. */
  day: number;
  /** Whether it belongs to the month shown (the first and last weeks borrow days either side). */
  inMonth: boolean;
}

/** Weekday names, Monday first; `short` for the grid's column headings. */
export const WEEKDAYS: readonly { short: string; long: string }[] = [
  { short: 'Mon', long: 'Monday' },
  { short: 'Tue', long: 'Tuesday' },
  { short: 'Wed', long: 'Wednesday' },
  { short: 'Thu', long: 'Thursday' },
  { short: 'Fri', long: 'Friday' },
  { short: 'Sat', long: 'Saturday' },
  { short: 'Sun', long: 'Sunday' },
];

const MONTH = /^(\d{4})-(\d{2})$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1800 && Number(m[1]) <= 2999;
}

/** The month a date falls in. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

function parts(month: Month): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The month `n` months after (or before, for a negative n) `month`, across year ends. */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function firstOfMonth(month: Month): string {
  return `${month}-01`;
}

export function lastOfMonth(month: Month): string {
  const [y, m] = parts(month);
  return `${month}-${pad(daysInMonth(y, m))}`;
}

/** "March 2026". */
export function monthLabel(month: Month): string {
  return formatLegalDate(firstOfMonth(month)).split(' ').slice(1).join(' ');
}

/** "Tuesday 3 March 2026": how a day of the grid is read out. */
export function longDay(date: string): string {
  return `${WEEKDAYS[weekday(date)]!.long} ${formatLegalDate(date)}`;
}

/**
 * The weeks shown for a month: from the Monday on or before the 1st to the Sunday on or after
 * the last day, so every row is a whole week, Monday to Sunday (four to six rows).
 */
export function monthGrid(month: Month): GridDay[][] {
  const first = firstOfMonth(month);
  const last = lastOfMonth(month);
  const start = toDayNumber(first) - weekday(first);
  const end = toDayNumber(last) + (6 - weekday(last));
  const weeks: GridDay[][] = [];
  for (let d = start; d <= end; d += 7) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      const date = fromDayNumber(d + i);
      week.push({ date, day: Number(date.slice(8, 10)), inMonth: date.startsWith(month) });
    }
    weeks.push(week);
  }
  return weeks;
}

/** The first and last dates the month's grid shows (a Monday and a Sunday). */
export function gridRange(month: Month): { from: string; to: string } {
  const weeks = monthGrid(month);
  return { from: weeks[0]![0]!.date, to: weeks[weeks.length - 1]![6]!.date };
}

/** The same day of the month `n` months on, or that month's last day if it is shorter (31 January → 28 February). */
export function sameDayInMonth(date: string, n: number): string {
  const month = addMonths(monthOf(date), n);
  const [y, m] = parts(month);
  return `${month}-${pad(Math.min(Number(date.slice(8, 10)), daysInMonth(y, m)))}`;
}

/**
 * Where a key press in the grid moves the focus, as the date-picker grid of the WAI-ARIA
 * Authoring Practices does: arrows by a day or a week, Home and End to the week's Monday and
 * Sunday, Page Up and Page Down by a month (with Shift, by a year). Null for any other key.
 */
export function moveByKey(date: string, key: string, shift = false): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -weekday(date));
    case 'End':
      return addDays(date, 6 - weekday(date));
    case 'PageUp':
      return sameDayInMonth(date, shift ? -12 : -1);
    case 'PageDown':
      return sameDayInMonth(date, shift ? 12 : 1);
    default:
      return null;
  }
}

/** Entries grouped by their date, each day's in the order given. */
export function byDay<T extends { dueOn: string }>(entries: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const e of entries) {
    const list = days.get(e.dueOn);
    if (list) list.push(e);
    else days.set(e.dueOn, [e]);
  }
  return days;
}

/** A month from the address (?month=2026-03), or the month of `today` when it is missing or not a month. */
export function monthFromSearch(value: string | null, today: string): Month {
  return value && isMonth(value) ? value : monthOf(today);
}

/** A date from the address (?day=2026-03-04) if it is a real date in `month`; otherwise today if in the month, else the 1st. */
export function dayInMonth(value: string | null, month: Month, today: string): string {
  if (value && isLegalDate(value) && value.startsWith(month)) return value;
  return today.startsWith(month) ? today : firstOfMonth(month);
}
