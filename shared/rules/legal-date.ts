/**
 * Legal dates are calendar dates ('YYYY-MM-DD') with no time and no time zone: a member is
 * admitted on a day, not at an instant. They are compared as strings (which sorts correctly
 * for this format) and never turned into a Date at midnight, which would shift with the zone.
 */
const LEGAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLegalDate(value: string): boolean {
  const m = LEGAL_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1800 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 for a legal date; pure integer arithmetic (no Date, no zone). */
export function toDayNumber(date: string): number {
  const m = LEGAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a legal date: ${date}`);
  let y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // Howard Hinnant's days_from_civil.
  y -= mo <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const mo = Number(date.slice(5, 7));
  let d = Number(date.slice(8, 10));
  // 29 February plus a year lands on 28 February, as anniversaries do in UK law.
  d = Math.min(d, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A legal date as en-GB text: "28 November 2026". */
export function formatLegalDate(date: string): string {
  if (!isLegalDate(date)) return date;
  const months = [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ];
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** Today's legal date in the UK, from an instant. Pure: the caller passes the clock. */
// en-CA formats as YYYY-MM-DD; the Europe/London zone gives the UK calendar day. Built once:
// constructing a formatter costs far more than formatting with it.
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function ukDateOf(instant: Date): string {
  return UK_DAY.format(instant);
}
