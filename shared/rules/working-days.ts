import { addDays, fromDayNumber, toDayNumber, weekday } from './legal-date';

/**
 * Working days as CA 2006 s1173 defines them: not a Saturday, Sunday, Christmas Day, Good
 * Friday, or a bank holiday under the Banking and Financial Dealings Act 1971 in the part of
 * the UK concerned (for a company, the part where it is registered). Holidays are computed from
 * the Act's Schedule 1 and the substitutions and extra days proclaimed under its s1(3), which
 * GOV.UK publishes as the bank holidays list; the tests check 2020-2028 against that list.
 *
 * Reliable from 1978 (when the early May holiday began); the one-off days are listed from 1995.
 */
export type UkPart = 'england' | 'wales' | 'scotland' | 'northern_ireland';

/** Days proclaimed as extra bank holidays (1971 Act s1(3)), and where. */
const ONE_OFF: Record<string, UkPart[] | 'all'> = {
  '1995-05-08': 'all', // 50th anniversary of VE Day (moved early May holiday)
  '1999-12-31': 'all', // Millennium
  '2002-06-03': 'all', // Golden Jubilee
  '2002-06-04': 'all', // spring holiday moved for the Golden Jubilee
  '2011-04-29': 'all', // Royal wedding
  '2012-06-04': 'all', // spring holiday moved for the Diamond Jubilee
  '2012-06-05': 'all', // Diamond Jubilee
  '2020-05-08': 'all', // VE Day 75 (moved early May holiday)
  '2022-06-02': 'all', // spring holiday moved for the Platinum Jubilee
  '2022-06-03': 'all', // Platinum Jubilee
  '2022-09-19': 'all', // State funeral of Queen Elizabeth II
  '2023-05-08': 'all', // Coronation of King Charles III
  '2026-06-15': ['scotland'], // Scotland at the FIFA World Cup (GOV.UK list, added February 2026)
};
// Regular holidays that were moved by proclamation in those years.
const MOVED_AWAY: Record<string, true> = {
  '1995-05-01': true,
  '2002-05-27': true,
  '2012-05-28': true,
  '2020-05-04': true,
  '2022-05-30': true,
};
/** The first early May bank holiday was in 1978; St Andrew's Day came with the 2007 Act. */
const EARLY_MAY_FROM = 1978;
const ST_ANDREWS_FROM = 2007;

/** Easter Sunday in the Gregorian calendar ('YYYY-MM-DD'); Good Friday and Easter Monday follow from it. */
export function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First Monday on or after a date. */
function mondayOnOrAfter(date: string): string {
  const w = weekday(date);
  return addDays(date, (7 - w) % 7);
}

/** Last Monday of a month. */
function lastMonday(year: number, month: number): string {
  const nextMonthFirst = month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1);
  const last = addDays(nextMonthFirst, -1);
  return addDays(last, -weekday(last));
}

/** A fixed-date holiday falling at a weekend moves to the next free weekday. */
function substitute(dates: string[]): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (const d of dates) {
    let day = d;
    while (weekday(day) >= 5 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push(day);
  }
  return out;
}

/** The bank holidays of one year in one part of the UK, as 'YYYY-MM-DD' dates. */
export function bankHolidays(year: number, part: UkPart): Set<string> {
  const easter = easterSunday(year);
  const days: string[] = [];
  const scotland = part === 'scotland';
  // Scotland's statutory list (1971 Act Sch 1 para 2) lacks Easter Monday and has the first Monday
  // of August for summer; its spring holiday, Boxing Day and weekend substitutes come by
  // proclamation each year, as GOV.UK lists them.
  // New Year (Scotland also 2 January), with substitutes.
  days.push(...substitute(scotland ? [ymd(year, 1, 1), ymd(year, 1, 2)] : [ymd(year, 1, 1)]));
  if (part === 'northern_ireland') days.push(...substitute([ymd(year, 3, 17)]));
  days.push(addDays(easter, -2)); // Good Friday
  if (!scotland) days.push(addDays(easter, 1)); // Easter Monday
  if (year >= EARLY_MAY_FROM) days.push(mondayOnOrAfter(ymd(year, 5, 1))); // Early May
  days.push(lastMonday(year, 5)); // Spring
  if (part === 'northern_ireland') days.push(...substitute([ymd(year, 7, 12)]));
  days.push(scotland ? mondayOnOrAfter(ymd(year, 8, 1)) : lastMonday(year, 8)); // Summer
  // St Andrew's Day Bank Holiday (Scotland) Act 2007: 30 November, or the Monday after it at a weekend.
  if (scotland && year >= ST_ANDREWS_FROM) days.push(...substitute([ymd(year, 11, 30)]));
  days.push(...substitute([ymd(year, 12, 25), ymd(year, 12, 26)]));
  const set = new Set(days.filter((d) => !MOVED_AWAY[d]));
  for (const [d, parts] of Object.entries(ONE_OFF)) {
    if (d.startsWith(`${year}-`) && (parts === 'all' || parts.includes(part))) set.add(d);
  }
  return set;
}

const cache = new Map<string, Set<string>>();
function holidaysFor(year: number, part: UkPart): Set<string> {
  const key = `${year}:${part}`;
  let set = cache.get(key);
  if (!set) {
    set = bankHolidays(year, part);
    cache.set(key, set);
  }
  return set;
}

/** Whether a date is a working day in that part of the UK (CA 2006 s1173). */
export function isWorkingDay(date: string, part: UkPart): boolean {
  if (weekday(date) >= 5) return false;
  return !holidaysFor(Number(date.slice(0, 4)), part).has(date);
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number, part: UkPart): string {
  let day = toDayNumber(date);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromDayNumber(day), part)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * When a request to inspect or copy the register of members must be met: within five working
 * days of receipt (CA 2006 s116 and s117(1)).
 */
export function inspectionDueDate(receivedOn: string, part: UkPart): { due: string; source: string } {
  return { due: addWorkingDays(receivedOn, 5, part), source: 'CA 2006 s117(1): within 5 working days (s1173)' };
}
