import type { ReportBlock, ReportDoc, ReportRequest, ReportSection } from '../../../shared/contract/reports';
import type { ReadDb } from '../context';
import type { OrganisationRow } from '../db/schema';

/**
 * What a report builder sees: one read transaction of the file (a snapshot on the host, or the
 * report worker's own read-only connection), the organisation, the resolved period and ways to
 * report progress and to yield. A builder reads only through `db` (never a host, never ctx), so
 * the same function runs on the host, in the report worker and in the benchmark.
 *
 * Every figure is as at `period.to` (and over `period.from`…`period.to` for a period report),
 * computed from the registers' dated entries and, where a table keeps only today's state (the
 * governing rules, a class's name), from the audit log rolled back to the date
 * (main/core/contracts/reports/organisation-on-date.ts, register-on-date.ts). Never today's state.
 */
export interface ReportSource {
  readonly db: ReadDb;
  readonly org: OrganisationRow;
  readonly request: ReportRequest;
  /** The period: `from` null for an as-at report. Both 'YYYY-MM-DD', inclusive. */
  readonly period: { from: string | null; to: string };
  /** Today in the UK (for "produced on"; never for a figure). */
  readonly today: string;
  /** Reports how far the build has got (a step of the whole). */
  progress(done: number, total: number, label: string): void;
  /**
   * Yields to the event loop and throws if the job was cancelled: call it between steps, so no
   * step holds the host for more than a few tens of milliseconds.
   */
  checkpoint(): Promise<void>;
}

/** What a builder returns; the runner adds the request, organisation, period, producedAt and audit head. */
export interface BuiltReport {
  title: string;
  sections: ReportSection[];
  missing: ReportDoc['missing'];
}

export type ReportBuilder = (src: ReportSource) => Promise<BuiltReport>;

/** Small helpers for builders, so every report formats alike. */
export const count = (n: number, trace?: { set: string; params: Record<string, string | number | boolean | null> }) => ({
  display: n.toLocaleString('en-GB'),
  value: n,
  ...(trace ? { trace } : {}),
});

export const text = (t: string, tone?: 'normal' | 'note' | 'law'): ReportBlock => ({ type: 'text', text: t, ...(tone ? { tone } : {}) });
