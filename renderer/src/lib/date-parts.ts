import { daysInMonth } from '../../../shared/rules/legal-date';
import { MONTH_NAMES } from './dates';

/**
 * The three boxes of a date input (day, month, year) as typed, turned into a legal date or into
 * the specific message GOV.UK's date-input pattern gives ("Date of birth must include a month").
 * Nothing here reads the browser's locale: the order is always day, month, year.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_PARTS: DateParts = { day: '', month: '', year: '' };

/**
 * What a date input holds in its form while the boxes do not make a date: a marker no one can
 * type, then the message to show. The contract's schemas refuse it as they refuse any non-date,
 * and `dateInputProblem` gives the specific message back.
 */
const PROBLEM = '\u0000';

export function isDateInputProblem(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PROBLEM);
}

/** The specific message a date input's value carries, if its boxes do not make a date. */
export function dateInputProblem(value: unknown): string | undefined {
  return isDateInputProblem(value) ? value.slice(PROBLEM.length) : undefined;
}

/** Month as typed: 3, 03, Mar or March. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

function listMissing(missing: string[]): string {
  return missing.length === 1 ? `a ${missing[0]}` : `a ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
}

/**
 * The form value for what is typed: '' when all three boxes are empty, 'YYYY-MM-DD' for a real
 * date, otherwise a problem (see `dateInputProblem`) naming what is wrong, in the words of the
 * field's label.
 */
export function partsToValue(parts: DateParts, label: string): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return '';
  const missing = [day === '' ? 'day' : null, month === '' ? 'month' : null, year === '' ? 'year' : null].filter((m): m is string => m !== null);
  if (missing.length > 0) return PROBLEM + `${label} must include ${listMissing(missing)}.`;
  if (!/^\d+$/.test(year) || year.length !== 4) return PROBLEM + `${label} must include a year with 4 numbers, for example 2026.`;
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === null) return PROBLEM + `${label} must be a real date.`;
  const value = `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  // A real date outside the register's range (1750) goes to the field's schema, which says the
  // range ("Dates before 1 January 1800 are not accepted…"); only an impossible date is "not real".
  return isCalendarDate(value) ? value : PROBLEM + `${label} must be a real date.`;
}

/** A day that exists in the Gregorian calendar, whatever the year ('1750-01-01' yes, '2026-02-30' no). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** The boxes for a value the form already holds: a legal date is split, anything else is empty. */
export function valueToParts(value: string | null | undefined): DateParts {
  if (!value || !isCalendarDate(value)) return EMPTY_PARTS;
  return { day: String(Number(value.slice(8, 10))), month: String(Number(value.slice(5, 7))), year: value.slice(0, 4) };
}
