import type { RawBuilder } from 'kysely';
import type { ReportBlock, ReportDoc, ReportSection, ReportTable, ReportValue, Trace } from '../../../../shared/contract/reports';
import { addDays, addYears, formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { ReportSource } from '../source';

/**
 * Small helpers shared by the annual governance report's sections (builders/annual-*.ts) and its
 * trace sets (trace/annual.ts): the period, raw grouped queries, values with traces, tables.
 */

export type Params = Record<string, string | number | boolean | null>;

/** What each section returns: its part of the document and what it could not fill. */
export interface SectionResult {
  section: ReportSection;
  missing: ReportDoc['missing'];
}

/** The period of the report: `from`…`to` inclusive, and `start`, the day before `from` (the register "at the start of the period" is as it stood at the end of that day). */
export interface AnnualPeriod {
  from: string;
  to: string;
  start: string;
}

/** The report's period: the request's, or, for an as-at request without a start, the year to its date. */
export function periodOf(src: Pick<ReportSource, 'period'>): AnnualPeriod {
  const to = src.period.to;
  const from = src.period.from ?? addDays(addYears(to, -1), 1);
  return { from, to, start: addDays(from, -1) };
}

export const periodWords = (p: AnnualPeriod) => `from ${formatLegalDate(p.from)} to ${formatLegalDate(p.to)}`;

/** Runs a raw statement on the report's read transaction. */
export async function all<T>(db: ReadDb, q: RawBuilder<T>): Promise<T[]> {
  return (await q.execute(db as never)).rows;
}

/** A count, with its trace. */
export function n(value: number, set?: string, params?: Params): ReportValue {
  return { display: value.toLocaleString('en-GB'), value, ...(set ? { trace: { set, params: params ?? {} } satisfies Trace } : {}) };
}

export const words = (display: string): ReportValue => ({ display });

export function pct(num: number, den: number): ReportValue {
  if (den <= 0) return { display: '—', value: null };
  const v = Math.round((num / den) * 1000) / 10;
  return { display: `${v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`, value: v };
}

export function table(
  id: string,
  title: string,
  columns: ReportTable['columns'],
  rows: ReportTable['rows'],
  opts: { total?: ReportTable['total']; empty?: string; note?: string } = {},
): ReportBlock {
  return { type: 'table', id, title, columns, rows, ...(opts.total ? { total: opts.total } : {}), ...(opts.empty ? { empty: opts.empty } : {}), ...(opts.note ? { note: opts.note } : {}) };
}

export type FigureItem = Extract<ReportBlock, { type: 'figures' }>['items'][number];
export const figures = (items: FigureItem[]): ReportBlock => ({ type: 'figures', items });

export const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'en-GB');

export const plural = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;

/** Routes of the app's pages (renderer/src/features/*). */
export const href = {
  member: (id: string) => `#/register/members/${id}`,
  officer: (id: string) => `#/officers/${id}`,
  meeting: (id: string) => `#/meetings/${id}`,
  ballot: (id: string) => `#/ballots/${id}`,
  contract: (id: string) => `#/contracts/${id}`,
  decisions: () => `#/decisions`,
  writtenResolution: (id: string) => `#/written-resolutions/${id}`,
};

export function str(p: Params, key: string): string {
  const v = p[key];
  if (typeof v !== 'string') throw new Error(`The trace needs '${key}'.`);
  return v;
}
export function optStr(p: Params, key: string): string | null {
  const v = p[key];
  return typeof v === 'string' ? v : null;
}
