import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { OrganisationRow } from '../db/schema';
import type { ExportedFile } from './export';
import type { BuiltReport } from './source';
import type { ReportWorkerData, ReportWorkerMessage, ReportWriteData } from './worker';

/**
 * Runs a report's builder on a worker thread (worker.ts) that reads the file itself, read-only,
 * in one read transaction, and resolves with what the builder made and the audit head it read.
 * The host's event loop only relays progress. The caller holds the file meanwhile
 * (ctx.store.openSnapshot) so a restore cannot replace it under the worker, as the board pack
 * does (main/core/meetings/pack-thread.ts, which this follows).
 */

/**
 * The worker's script: report-worker.cjs beside main.cjs in the Electron bundle (this module's
 * import.meta.url is the bundle's there), worker-entry.mjs (tsx) from the sources.
 */
export function reportWorkerScript(base: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(base));
  const bundled = join(dir, 'report-worker.cjs');
  return existsSync(bundled) ? bundled : join(dir, 'worker-entry.mjs');
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

let spare: { worker: Worker; script: string; timer: NodeJS.Timeout; onExit: () => void } | null = null;

function takeWorker(script: string): Worker {
  if (spare && spare.script === script) {
    const { worker, timer, onExit } = spare;
    spare = null;
    clearTimeout(timer);
    // Its listener for exiting while kept goes with it, or a worker used many times collects them.
    worker.off('exit', onExit);
    worker.ref();
    return worker;
  }
  const worker = new Worker(script, { workerData: { task: 'report' } });
  // A build in progress reports its worker's error itself; this keeps an idle worker's error
  // from being an unhandled 'error' event, which would end the host.
  worker.on('error', () => {});
  return worker;
}

function keepWorker(worker: Worker, script: string): void {
  if (spare) void spare.worker.terminate();
  worker.unref();
  const timer = setTimeout(() => {
    if (spare?.worker === worker) spare = null;
    void worker.terminate();
  }, SPARE_WORKER_MS);
  timer.unref();
  const onExit = () => {
    if (spare?.worker === worker) {
      clearTimeout(timer);
      spare = null;
    }
  };
  spare = { worker, script, timer, onExit };
  worker.once('exit', onExit);
}

/** Ends the kept worker now (tests, and a host closing). */
export async function endSpareReportWorker(): Promise<void> {
  const s = spare;
  spare = null;
  if (s) {
    clearTimeout(s.timer);
    await s.worker.terminate();
  }
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
  return converse({ onProgress, signal, script, onWorker }, { type: 'build', data }, (m) =>
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
  return converse(watch, { type: 'write', data }, (m) => (m.type === 'written' ? m.file : undefined));
}

/** Sends one message to a worker (a kept one if there is one) and resolves with what `answer` makes of its reply. */
function converse<T>(watch: Watch, message: { type: 'build'; data: ReportWorkerData } | { type: 'write'; data: ReportWriteData }, answer: (m: ReportWorkerMessage) => T | undefined): Promise<T> {
  const { onProgress, signal, onWorker } = watch;
  const script = watch.script ?? reportWorkerScript();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = takeWorker(script);
    onWorker?.(worker);
    let settled = false;
    const settle = (fn: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable) keepWorker(worker, script);
      fn();
    };
    const onAbort = () => {
      // terminate() stops the builder wherever it is; reject once it has stopped.
      settle(() => {
        void worker.terminate().then(
          () => reject(signal!.reason),
          () => reject(signal!.reason),
        );
      });
    };
    const onMessage = (m: ReportWorkerMessage) => {
      if (m.type === 'progress') return onProgress?.(m.done, m.total, m.label);
      if (m.type === 'refused') return settle(() => reject(new AppError(m.code, m.message, m.fieldErrors)), true);
      const value = answer(m);
      if (value !== undefined) settle(() => resolve(value), true);
    };
    const onError = (e: Error) => settle(() => reject(e));
    const onExit = (code: number) => settle(() => reject(new Error(`The report worker stopped (exit code ${code}) before it finished.`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(message);
  });
}
