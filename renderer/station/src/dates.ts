// Dates on the phone page in the UK's form in both languages ("1 May 2026", "1 Mai 2026") whatever
// the phone's own locale: legal dates are never turned into a Date (shared/rules/legal-date.ts),
// and an instant is read in Europe/London, where the meeting is.
import type { TFunction } from 'i18next';
import { isLegalDate, ukDateOf } from '../../../shared/rules/legal-date';

/** A legal date ('YYYY-MM-DD') in the chosen language: "28 November 2026" / "28 Tachwedd 2026". */
export function formatDate(t: TFunction, date: string): string {
  if (!isLegalDate(date)) return date;
  return t('date.long', { day: Number(date.slice(8, 10)), month: t(`date.month${Number(date.slice(5, 7))}`), year: date.slice(0, 4) });
}

// Numbers only, so the locale given here decides nothing the voter reads but the 24-hour clock.
const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** An ISO instant as the UK time and date: { time: "14:05", date: "1 May 2026" }. */
export function formatInstant(t: TFunction, iso: string): { time: string; date: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { time: iso, date: '' };
  return { time: UK_TIME.format(at), date: formatDate(t, ukDateOf(at)) };
}
