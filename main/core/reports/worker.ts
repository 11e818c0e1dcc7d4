import { parentPort, workerData } from 'node:worker_threads';
import type { ReportDoc, ReportKind } from '../../../shared/contract/reports';
import type { OrganisationRow } from '../db/schema';
import { openSnapshot } from '../db/snapshot';
import { AppError } from '../errors';
import { BUILDERS } from './builders/index';
import { reportDocSchema } from '../../../shared/contract/reports';
import { exportReport, type ExportedFile } from './export';
import { assembleDoc, runBuilder, type ResolvedRequest } from './run';
import type { BuiltReport, ReportBuilder } from './source';

/**
 * The report worker thread (started by worker-thread.ts). It opens the database file itself,
 * read-only, in one read transaction (db/snapshot.ts: BEGIN and a first read fix what it sees),
 * reads the organisation and the audit head in that transaction, and runs the kind's builder over
 * it. Progress and the result go back by message; the host only relays them, so a report over a
 * million members never holds the host's event loop (issue 11: no task over 50 ms). Cancelling
 * terminates the thread wherever it is.
 *
 * Loaded as TypeScript through worker-entry.mjs (tsx) under Vitest and tsx, and as the prebuilt
 * report-worker.cjs beside main.cjs in the Electron bundle (tools/build-electron.mjs).
 *
 * A builder runs here unchanged: it reads only through `src.db` and calls `src.progress` and
 * `src.checkpoint` (the latter costs nothing here: the thread has no one else to serve).
 */

export interface ReportWorkerData {
  dbPath: string;
  organisationId: string;
  resolved: ResolvedRequest;
  today: string;
  /**
   * Tests only: a module (URL) whose `TEST_BUILDERS` stand in for BUILDERS' entries here, since a
   * builder put into BUILDERS on the host's thread does not exist in this one.
   */
  builderModule?: string;
  /**
   * reports.export: also put the document together (produced at this instant) and write it as
   * this format here, so neither building nor writing the file holds the host's event loop.
   */
  output?: { format: 'docx' | 'xlsx' | 'csv'; tableId?: string; sectionId?: string; charts?: { id: string; png: string }[]; producedAt: string };
}

/** How a file of a report is asked for: its format and, for a CSV or one part, the table or the part. */
export type ReportOutput = Omit<NonNullable<ReportWorkerData['output']>, 'producedAt'>;

/**
 * reports.export of a document already built (the one shown, main/core/reports/held.ts): only
 * written here as this format, so writing a large file does not hold the host's event loop.
 */
export interface ReportWriteData {
  doc: ReportDoc;
  output: ReportOutput;
}

export type ReportWorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; built: BuiltReport; head: { seq: number; hash: string }; org: OrganisationRow; file?: ExportedFile }
  /** A held document written (ReportWriteData). */
  | { type: 'written'; file: ExportedFile }
  /** A refusal to show as it is (an AppError on the host's side). */
  | { type: 'refused'; code: AppError['code']; message: string; fieldErrors?: Record<string, string> };

/** How often progress goes to the host at most: a builder may report every row, the host needs a few a second. */
export const PROGRESS_EVERY_MS = 25;

export async function buildInWorkerThread(data: ReportWorkerData, post: (m: ReportWorkerMessage) => void): Promise<void> {
  // The latest progress is sent at most every PROGRESS_EVERY_MS (and before the result), so a
  // builder reporting each of a million rows does not flood the host's event loop with messages.
  let sentAt = -Infinity;
  let pending: ReportWorkerMessage | null = null;
  const progress = (done: number, total: number, label: string) => {
    const m: ReportWorkerMessage = { type: 'progress', done, total, label };
    if (performance.now() - sentAt >= PROGRESS_EVERY_MS) {
      post(m);
      sentAt = performance.now();
      pending = null;
    } else pending = m;
  };
  const flush = () => {
    if (pending) post(pending);
    pending = null;
  };
  try {
    let builders: Partial<Record<ReportKind, ReportBuilder>> = BUILDERS;
    if (data.builderModule) {
      const mod = (await import(data.builderModule)) as { TEST_BUILDERS?: Partial<Record<ReportKind, ReportBuilder>> };
      builders = { ...BUILDERS, ...mod.TEST_BUILDERS };
    }
    let read: { built: BuiltReport; head: { seq: number; hash: string }; org: OrganisationRow };
    const snapshot = await openSnapshot(data.dbPath);
    try {
      const head = (await snapshot.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()) ?? { seq: 0, hash: '0'.repeat(64) };
      const org = await snapshot.db.selectFrom('organisation').selectAll().where('id', '=', data.organisationId).executeTakeFirst();
      if (!org) throw new AppError('NOT_FOUND', 'The organisation is no longer in this file.');
      const built = await runBuilder({
        db: snapshot.db,
        org,
        resolved: data.resolved,
        today: data.today,
        builders,
        progress,
        checkpoint: async () => {},
      });
      read = { built, head, org };
    } finally {
      // The records are read: the file is let go before the document is written.
      await snapshot.close();
    }
    flush();
    if (!data.output) return post({ type: 'done', ...read });
    // Checked against the contract here, as the host checks a build's result, before it is written.
    const doc = reportDocSchema.parse(assembleDoc(read.built, data.resolved, read.org, new Date(data.output.producedAt), read.head));
    const file = await exportReport(doc, data.output.format, { tableId: data.output.tableId, sectionId: data.output.sectionId, charts: data.output.charts });
    post({ type: 'done', ...read, file });
  } catch (e) {
    if (e instanceof AppError) return post({ type: 'refused', code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) });
    throw e;
  }
}

/** Writes a document already built as a file (ReportWriteData); a refusal (an unknown table or part) is answered as such. */
export async function writeInWorkerThread(data: ReportWriteData, post: (m: ReportWorkerMessage) => void): Promise<void> {
  try {
    const file = await exportReport(data.doc, data.output.format, { tableId: data.output.tableId, sectionId: data.output.sectionId, charts: data.output.charts });
    post({ type: 'written', file });
  } catch (e) {
    if (e instanceof AppError) return post({ type: 'refused', code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) });
    throw e;
  }
}

// Only as a worker started for this (the module can be imported for its types and function).
if (parentPort && (workerData as { task?: string } | null)?.task === 'report') {
  const port = parentPort;
  port.on('message', (m: { type: 'build'; data: ReportWorkerData } | { type: 'write'; data: ReportWriteData }) => {
    // An exception is an unhandled rejection, which ends the worker and reaches the host as its
    // 'error' event; such a worker is never used again.
    if (m.type === 'build') void buildInWorkerThread(m.data, (r) => port.postMessage(r));
    else if (m.type === 'write') void writeInWorkerThread(m.data, (r) => port.postMessage(r));
  });
}
