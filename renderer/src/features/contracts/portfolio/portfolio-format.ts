import type { Portfolio } from '../../../../../shared/contract/contract-reports';
import { formatPence } from '../../../../../shared/rules/shareholding';

/**
 * Figures of the portfolio as the board reads them: money in pounds, shares as percentages, the
 * long tail of small commissioners or services gathered into one bar so a chart stays legible.
 * The tables beside the charts always list every row.
 */

export interface Bar {
  name: string;
  pence: number;
  /** Whether this bar gathers several rows ("All others"). */
  others?: boolean;
}

/** The largest `max - 1` rows by value and, if there are more, one "All others (n)" bar with the rest. */
export function topWithOthers(rows: readonly Bar[], max: number): Bar[] {
  const sorted = [...rows].sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name, 'en-GB'));
  if (sorted.length <= max) return sorted;
  const kept = sorted.slice(0, max - 1);
  const rest = sorted.slice(max - 1);
  return [...kept, { name: `All others (${rest.length})`, pence: rest.reduce((s, r) => s + r.pence, 0), others: true }];
}

/** Pounds for a chart's axis: "£0", "£900", "£45k", "£1.2m", "£3bn" (the tables give them in full). */
export function compactPounds(pence: number): string {
  const pounds = pence / 100;
  const sign = pounds < 0 ? '-' : '';
  const v = Math.abs(pounds);
  const short = (n: number, unit: string) => `${sign}£${Number(n.toFixed(n < 10 ? 1 : 0)).toLocaleString('en-GB')}${unit}`;
  if (v >= 1e9) return short(v / 1e9, 'bn');
  if (v >= 1e6) return short(v / 1e6, 'm');
  if (v >= 1e3) return short(v / 1e3, 'k');
  return `${sign}£${Math.round(v).toLocaleString('en-GB')}`;
}

/** Whole pounds for a headline figure: "£2,145,000" (rounded to the pound; the tables give pence). */
export function wholePounds(pence: number): string {
  // Half a pound rounds away from zero either side, as a person rounds it.
  const pounds = Math.round(Math.abs(pence) / 100);
  return `${pence < 0 && pounds > 0 ? '-' : ''}£${pounds.toLocaleString('en-GB')}`;
}

/** A share from 0 to 1 as "42.3%" (one decimal place; whole numbers without it). */
export function shareText(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${p.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}

/** The contracts ending within 6, 12 and 18 months of the date, as rows for the chart and its table. */
export function endingRows(ending: Portfolio['ending']): { label: string; months: number; contracts: number; pence: number }[] {
  return [
    { label: 'Within 6 months', months: 6, contracts: ending.within6, pence: ending.within6Pence },
    { label: 'Within 12 months', months: 12, contracts: ending.within12, pence: ending.within12Pence },
    { label: 'Within 18 months', months: 18, contracts: ending.within18, pence: ending.within18Pence },
  ];
}

/** The one-sentence text alternative of the income-by-commissioner chart. */
export function commissionerSentence(p: Pick<Portfolio, 'byCommissioner' | 'annualIncomePence'>): string {
  if (p.byCommissioner.length === 0) return 'No contract brings in income on this date.';
  const top = [...p.byCommissioner].sort((a, b) => b.annualPence - a.annualPence)[0]!;
  const n = p.byCommissioner.length;
  return `${n === 1 ? 'One commissioner pays' : `${n} commissioners pay`} ${formatPence(p.annualIncomePence)} a year in all; ${top.name} pays the most, ${formatPence(top.annualPence)} (${shareText(top.share)}).`;
}

/** The text alternative of the income-by-service chart. */
export function serviceSentence(p: Pick<Portfolio, 'byService'>): string {
  if (p.byService.length === 0) return 'No service brings in income on this date.';
  const top = [...p.byService].sort((a, b) => b.annualPence - a.annualPence)[0]!;
  const n = p.byService.length;
  return `Income comes from ${n === 1 ? 'one service category' : `${n} service categories`}; the largest is ${top.description} (${top.code}), ${formatPence(top.annualPence)} a year.`;
}

/** The text alternative of the contracts-ending chart. */
export function endingSentence(ending: Portfolio['ending']): string {
  const rows = endingRows(ending);
  return rows.map((r) => `${r.label.toLowerCase()}: ${r.contracts === 1 ? '1 contract' : `${r.contracts.toLocaleString('en-GB')} contracts`} worth ${formatPence(r.pence)} a year`).join('; ').replace(/^w/, 'W') + '.';
}

/** What the largest commissioner's share means, in words: the concentration risk. */
export function concentrationSentence(p: Pick<Portfolio, 'largestShare' | 'largestCommissioner' | 'annualIncomePence'>): string {
  if (!p.largestCommissioner || p.annualIncomePence === 0) return 'There is no contract income on this date, so no concentration to measure.';
  const share = shareText(p.largestShare);
  const words =
    p.largestShare >= 1
      ? 'all of the mutual’s contract income'
      : p.largestShare >= 0.5
        ? 'half or more of the mutual’s contract income'
        : p.largestShare >= 0.25
          ? 'a quarter or more of the mutual’s contract income'
          : 'less than a quarter of the mutual’s contract income';
  return `${p.largestCommissioner} pays ${share} of annual contract income: ${words}. Losing that commissioner would take away ${formatPence(Math.round(p.annualIncomePence * p.largestShare))} a year.`;
}
