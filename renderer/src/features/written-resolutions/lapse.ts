import { addDays, isLegalDate } from '../../../../shared/rules/legal-date';

/**
 * The last day a written resolution circulated on `circulatedOn` can pass: it lapses if not
 * passed before the end of the period in the articles, or "the period of 28 days beginning with
 * the circulation date" (CA 2006 s297(1)). The period begins with (so counts) the circulation
 * day itself: circulated on 1 March, 28 days run to the end of 28 March.
 * Shown in the form as a preview; the core fixes the date when it records the circulation.
 */
export function lastDayToPass(circulatedOn: string, periodDays: number): string | null {
  if (!isLegalDate(circulatedOn) || !Number.isInteger(periodDays) || periodDays < 1) return null;
  return addDays(circulatedOn, periodDays - 1);
}
