import { formatLegalDate, isLegalDate, ukDateOf } from '../../../shared/rules/legal-date';

/**
 * The renderer's one date formatter. Every date a secretary reads is British ("30 November 2026"),
 * whatever the browser's language or zone: legal dates are formatted from their digits (never
 * through a Date, which a zone could shift a day), and instants are shown in UK time.
 */
export { formatLegalDate, isLegalDate };

/** Month names, January first, taken from the legal-date formatter so there is one table. */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) => formatLegalDate(`2000-${String(i + 1).padStart(2, '0')}-01`).split(' ')[1]!);

/** A legal date in a table column: "4 Jan 2024". */
export function formatShortDate(date: string): string {
  if (!isLegalDate(date)) return date;
  const [day, month, year] = formatLegalDate(date).split(' ');
  return `${day} ${month!.slice(0, 3)} ${year}`;
}

/** A financial year end 'MM-DD' as "31 March" (2000 is a leap year, so 29 February reads too). */
export function formatYearEnd(mmdd: string): string {
  const date = `2000-${mmdd}`;
  return isLegalDate(date) ? formatLegalDate(date).split(' ').slice(0, 2).join(' ') : mmdd;
}

// Built once: a formatter costs far more to make than to use. Hour and minute only; the day
// comes from the legal-date formatter so the month reads the same as everywhere else.
const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** An ISO instant as UK local time: "28 Nov 2026, 10:02" (GMT or BST as the date requires). */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatShortDate(ukDateOf(at))}, ${UK_TIME.format(at)}`;
}

/** Today's date in the UK, as a legal date: the default for dates of things that have just happened. */
export function todayUk(): string {
  return ukDateOf(new Date());
}
