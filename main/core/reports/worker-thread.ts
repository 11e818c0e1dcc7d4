import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { converse, KeptWorker, workerScript } from '../jobs/kept-worker';
import type { OrganisationRow } from '../db/schema';
import type { ExportedFile } from './export';
import type { BuiltReport } from './source';
import type { ReportWorkerData, ReportWorkerMessage, ReportWriteData } from './worker';

/**
 * Runs a report's builder on a worker thread (worker.ts) that reads the file itself, read-only,
 * in one read transaction, and resolves with what the builder made and the audit head it read.
 * The host's event loop only relays progress. The caller holds the file meanwhile
 * (ctx.store.openSnapshot) so a restore cannot replace it under the worker, as the board pack
 * does (main/core/meetings/pack-thread.ts); both keep a finished worker and talk to it through
 * jobs/kept-worker.ts.
 */

/**
 * The worker's script: report-worker.cjs beside main.cjs in the Electron bundle (this module's
 * import.meta.url is the bundle's there), worker-entry.mjs (tsx) from the sources.
 */
export function reportWorkerScript(base: string = import.meta.url): string {
  return workerScript(base, 'report-worker.cjs', 'worker-entry.mjs');
}

export interface ReportInWorker extends ReportWorkerData {
  onProgress?: (done: number, total: number, label: string) => void;
  /** Aborting it terminates the worker; the promise rejects with the signal's reason once it has stopped. */
  signal?: AbortSignal;
  script?: string;
  /** Sees the worker as it starts (tests watch it). */
  onWorker?: (worker: Worker) => void;
}

/** How long a finished report's worker is kept for the next (a build is often followed by an export). */
export const SPARE_WORKER_MS = 60_000;

const REPORT_WORKERS = new KeptWorker({ task: 'report' }, SPARE_WORKER_MS);

/** Ends the kept worker now (tests, and a host closing). */
export function endSpareReportWorker(): Promise<void> {
  return REPORT_WORKERS.end();
}

export interface FromWorker {
  built: BuiltReport;
  head: { seq: number; hash: string };
  org: OrganisationRow;
  /** The file, when asked for one (`output`). */
  file?: ExportedFile;
}

export function buildReportInWorker(options: ReportInWorker): Promise<FromWorker> {
  const { onProgress, signal, script, onWorker, ...data } = options;
  return talk({ onProgress, signal, script, onWorker }, { type: 'build', data }, (m) =>
    m.type === 'done' ? { built: m.built, head: m.head, org: m.org, ...(m.file ? { file: m.file } : {}) } : undefined,
  );
}

/** How a conversation with the worker is watched: progress, a cancel, which script, the worker as it starts. */
type Watch = Pick<ReportInWorker, 'onProgress' | 'signal' | 'script' | 'onWorker'>;

/**
 * Writes a document already built (the one shown: held.ts) as a file on the worker thread, so
 * writing a large DOCX or XLSX does not hold the host's event loop. Nothing is read or built.
 */
export function writeReportInWorker(data: ReportWriteData, watch: Watch = {}): Promise<ExportedFile> {
  return talk(watch, { type: 'write', data }, (m) => (m.type === 'written' ? m.file : undefined));
}

/** Sends one message to a worker (a kept one if there is one) and resolves with what `answer` makes of its reply. */
function talk<T>(watch: Watch, message: { type: 'build'; data: ReportWorkerData } | { type: 'write'; data: ReportWriteData }, answer: (m: ReportWorkerMessage) => T | undefined): Promise<T> {
  const { onProgress, signal, onWorker } = watch;
  return converse<ReportWorkerMessage, T>(REPORT_WORKERS, { script: watch.script ?? reportWorkerScript(), signal, onWorker, what: 'report' }, message, (m) => {
    if (m.type === 'progress') {
      onProgress?.(m.done, m.total, m.label);
      return undefined;
    }
    if (m.type === 'refused') return { refused: new AppError(m.code, m.message, m.fieldErrors) };
    const value = answer(m);
    return value === undefined ? undefined : { value };
  });
}
