import { type DateFormat, type ImportPlan } from '../../../../shared/contract/hr-import';
import { changeLabel, changeValue } from '../../lib/changes';
import { MONTH_NAMES } from '../../lib/dates';

/** A changed particular's name as the member page names it ("Address line 1"). */
export function planFieldLabel(field: string): string {
  return changeLabel(field);
}

/** A value in the plan (sent as text) as a secretary reads it: dates in full, hours with their unit, "(none)" for empty. */
export function planValue(field: string, value: string): string {
  if (field === 'employee.weeklyHours' && value !== '' && Number.isFinite(Number(value))) return changeValue(field, Number(value));
  return changeValue(field, value);
}

/** How many rows of a list the plan carries against how many there are. */
export function shownOf(shown: number, total: number): string | null {
  return total > shown ? `Showing the first ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}.` : null;
}

/** Whether applying the plan would change anything at all. */
export function hasChanges(plan: Pick<ImportPlan, 'counts'>): boolean {
  return plan.counts.admit + plan.counts.cease + plan.counts.update > 0;
}

/** A date from the file's sample written out in the chosen format, to show what the format means. */
export function dateFormatExample(format: DateFormat, sample: string | undefined): string {
  if (!sample) return format === 'dmy' ? '31/01/2024 is 31 January 2024' : '2024-01-31 is 31 January 2024';
  const v = sample.trim();
  const m = format === 'dmy' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(v) : /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})/.exec(v);
  if (!m) return `${v} does not look like ${format === 'dmy' ? 'day/month/year' : 'year-month-day'}`;
  const [d, mo, y] = format === 'dmy' ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  const month = MONTH_NAMES[Number(mo) - 1];
  return month ? `${v} is ${Number(d)} ${month} ${y}` : `${v} has no month ${Number(mo)}`;
}

