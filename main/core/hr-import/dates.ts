import type { DateFormat } from '../../../shared/contract/hr-import';
import { daysInMonth } from '../../../shared/rules/legal-date';

/**
 * Dates as HR exports write them. UK systems write day/month/year (31/01/2024, 31-01-2024,
 * 31.01.2024); others year-month-day. An ISO date (2024-01-31) cannot be misread, so it is
 * accepted whichever format is chosen. A time of day after the date (spreadsheets add
 * "00:00") is ignored. Impossible dates (31/02/2024) are refused, never rolled over.
 */
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type DateResult = { date: string; error?: undefined } | { date?: undefined; error: string };

const EXAMPLE: Record<DateFormat, string> = { dmy: 'day/month/year, such as 31/01/2024', ymd: 'year-month-day, such as 2024-01-31' };

/** Parses one cell (already trimmed, not empty) as a date in `format`; `what` names it in messages. */
export function parseHrDate(raw: string, format: DateFormat, what: string): DateResult {
  let y: number;
  let m: number;
  let d: number;
  const ymd = YMD.exec(raw);
  const dmy = ymd ? null : format === 'dmy' ? DMY.exec(raw) : null;
  if (ymd) {
    y = Number(ymd[1]);
    m = Number(ymd[2]);
    d = Number(ymd[3]);
  } else if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  } else {
    const hint = format === 'ymd' && DMY.test(raw) ? ' (it looks like day/month/year: choose that date format)' : '';
    return { error: `Enter the ${what} as ${EXAMPLE[format]}${hint}.` };
  }
  if (m < 1 || m > 12) return { error: `${raw} is not a real date: there is no month ${m}.` };
  if (y < 1800 || y > 2999) return { error: `${raw} is not a date the register can hold (the year must be between 1800 and 2999).` };
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return { error: `${raw} is not a real date: ${MONTHS[m - 1]} ${y} has ${max} days.` };
  return { date: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` };
}

/** The format the sample suggests: year first if any date cell starts with a four-digit year. */
export function guessDateFormat(cells: readonly string[]): DateFormat {
  let ymd = 0;
  let dmy = 0;
  for (const c of cells) {
    const v = c.trim();
    if (YMD.test(v)) ymd += 1;
    else if (DMY.test(v)) dmy += 1;
  }
  return ymd > dmy ? 'ymd' : 'dmy';
}
