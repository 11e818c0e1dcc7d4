import type { ReportBlock, ReportDoc, ReportRequest, ReportSection, ReportTable } from '../../../../shared/contract/reports';
import { REPORT_KINDS, type ReportKind } from '../../../../shared/contract/reports';
import { addDays, addYears, formatLegalDate, isLegalDate, ukDateOf } from '../../../../shared/rules/legal-date';

/**
 * What the report screens say about a ReportDoc, as pure functions: the period and "produced"
 * lines, the request carried in the address, the table of contents and the lookups the blocks
 * need. Every date is British whatever the browser's language (formatLegalDate, Europe/London).
 */

/** "As at 31 March 2026" for an as-at report, "1 April 2025 to 31 March 2026" for a period. */
export function periodText(period: ReportDoc['period']): string {
  return period.from === null ? `As at ${formatLegalDate(period.to)}` : `${formatLegalDate(period.from)} to ${formatLegalDate(period.to)}`;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** "Produced 1 December 2026 at 15:04 from audit event 1,234 (hash abcd 1234 5678…)". */
export function producedText(doc: Pick<ReportDoc, 'producedAt' | 'auditHead'>): string {
  const at = new Date(doc.producedAt);
  const when = Number.isNaN(at.getTime()) ? doc.producedAt : `${formatLegalDate(ukDateOf(at))} at ${UK_TIME.format(at)}`;
  const hash = doc.auditHead.hash.slice(0, 12).replace(/(.{4})(?=.)/g, '$1 ');
  return `Produced ${when} from audit event ${doc.auditHead.seq.toLocaleString('en-GB')} (hash ${hash}…)`;
}

/** The request as the report page's address carries it: `annual?asAt=2026-03-31&from=2025-04-01`. */
export function reportPath(request: ReportRequest): string {
  const q = new URLSearchParams({ asAt: request.asAt });
  if (request.from) q.set('from', request.from);
  if (request.meetingId) q.set('meetingId', request.meetingId);
  return `/reports/${request.kind}?${q.toString()}`;
}

/** The request from the report page's address, or why it is not one. */
export function requestFromAddress(kind: string | undefined, search: URLSearchParams): { ok: true; request: ReportRequest } | { ok: false; problem: string } {
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind)) return { ok: false, problem: 'There is no such report. Choose one from the list of reports.' };
  const asAt = search.get('asAt') ?? '';
  if (!isLegalDate(asAt)) return { ok: false, problem: 'The report’s date is missing or is not a date. Choose the report again from the list of reports.' };
  const from = search.get('from');
  if (from !== null && (!isLegalDate(from) || from > asAt)) return { ok: false, problem: 'The start of the period must be a date on or before the report’s date.' };
  const meetingId = search.get('meetingId');
  const request: ReportRequest = { kind: kind as ReportKind, asAt };
  if (from) request.from = from;
  if (meetingId) request.meetingId = meetingId;
  return { ok: true, request };
}

/** One entry of the table of contents. */
export interface ContentsEntry {
  id: string;
  title: string;
  children: ContentsEntry[];
}

export function contentsOf(sections: ReportSection[]): ContentsEntry[] {
  return sections.map((s) => ({ id: s.id, title: s.title, children: contentsOf(s.sections ?? []) }));
}

/** The element id a section's heading has on the page (prefixed, so a section never shares an id with the app's own). */
export const sectionAnchor = (id: string) => `rpt-${id}`;

function* walk(sections: ReportSection[]): Generator<ReportBlock> {
  for (const s of sections) {
    yield* s.blocks;
    yield* walk(s.sections ?? []);
  }
}

/** Every table of the document by id, for the charts drawn from them and the CSV links. */
export function tablesById(doc: Pick<ReportDoc, 'sections'>): Map<string, ReportTable> {
  const tables = new Map<string, ReportTable>();
  for (const b of walk(doc.sections)) if (b.type === 'table') tables.set(b.id, b);
  return tables;
}

/** The ids of the charts the document draws, in order (the DOCX receives each as a picture). */
export function chartIds(doc: Pick<ReportDoc, 'sections'>): string[] {
  const ids: string[] = [];
  for (const b of walk(doc.sections)) if (b.type === 'chart') ids.push(b.id);
  return ids;
}

/**
 * The section a "could not fill" entry belongs to, named by its id or by its title (builders
 * write either), anywhere in the document; null if none is found.
 */
export function findSection(sections: ReportSection[], key: string): { id: string; title: string } | null {
  for (const s of sections) {
    if (s.id === key || s.title === key) return { id: s.id, title: s.title };
    const inner = findSection(s.sections ?? [], key);
    if (inner !== null) return inner;
  }
  return null;
}

/** A chart's rows: its label column's text and each value column's number (a missing number is 0, shown as such in the table too). */
export function chartData(table: ReportTable, labelKey: string, valueKeys: string[]): Record<string, string | number>[] {
  return table.rows.map((row) => {
    const out: Record<string, string | number> = { label: row[labelKey]?.display ?? '' };
    for (const k of valueKeys) out[k] = row[k]?.value ?? 0;
    return out;
  });
}

/**
 * Whether a column holds money: every value shown in pounds ("£4,125,000.00"), its number being
 * pence (the contract's rule for money), so the chart labels it in pounds, not as a count.
 */
export function isMoneyColumn(table: ReportTable, key: string): boolean {
  const shown = table.rows.map((r) => r[key]?.display ?? '').filter((d) => d !== '');
  return shown.length > 0 && shown.every((d) => /^-?£/.test(d));
}

/** A statement's status in words (never colour alone, WCAG 1.4.1). */
export const STATUS_WORDS: Record<'met' | 'notMet' | 'cannotJudge' | 'info', string> = {
  met: 'Met',
  notMet: 'Not met',
  cannotJudge: 'Cannot judge from the records',
  info: 'For information',
};

/** The spoken name of a traceable value: what it is and that it opens its records. */
export function traceName(display: string, what: string): string {
  return `${display}, ${what}: show the records`;
}

/** The default start of a period ending `asAt`: the day after the same date a year before (the contract's rule). */
export function defaultFrom(asAt: string): string {
  return addDays(addYears(asAt, -1), 1);
}
