import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { converse, KeptWorker, workerScript } from '../jobs/kept-worker';
import type { PackWorkerData, PackWorkerMessage } from './pack-worker';

/**
 * Builds the board pack on a worker thread (pack-worker.ts) and resolves when the PDF is written
 * to `outPath`. The host's event loop only relays progress: before this, pdf-lib's font
 * subsetting and the final save of a 200-page pack held it for up to 290 ms at a time.
 *
 * Why the worker opens the database itself (read-only, as db/integrity.ts does) rather than being
 * handed the model: a big pack's papers are ~90 MB, which the host would first have to read (on
 * its own event loop) and then copy to the worker; the worker reading them costs the host nothing
 * and shows the pack one state of the file (one read transaction). The caller holds the file
 * meanwhile (ctx.store.openSnapshot) so a restore cannot replace it under the worker.
 */

/**
 * The worker's script. The Electron bundle has pack-worker.cjs beside main.cjs (this module's
 * import.meta.url is the bundle's there); from the sources it is pack-worker-entry.mjs, which loads
 * pack-worker.ts through tsx.
 */
export function packWorkerScript(base: string = import.meta.url): string {
  return workerScript(base, 'pack-worker.cjs', 'pack-worker-entry.mjs');
}

export interface PackInWorker extends PackWorkerData {
  onProgress?: (done: number, total: number) => void;
  /** Aborting it terminates the worker; the promise rejects with the signal's reason once it has stopped. */
  signal?: AbortSignal;
  /** The worker's script, if not packWorkerScript()'s (the bundle's test runs the built one). */
  script?: string;
  /** Sees the worker as it starts (tests watch it exit). */
  onWorker?: (worker: Worker) => void;
}

/** How long a finished pack's worker is kept for another pack before it is ended (a kept worker held about 150 MB while it waited). */
export const SPARE_WORKER_MS = 60_000;

const PACK_WORKERS = new KeptWorker({ task: 'board-pack' }, SPARE_WORKER_MS);

/** Ends the kept worker now (tests, and a host closing). */
export function endSparePackWorker(): Promise<void> {
  return PACK_WORKERS.end();
}

export function buildBoardPackInWorker(options: PackInWorker): Promise<{ pages: number; sizeBytes: number }> {
  const { onProgress, signal, script, onWorker, ...data } = options;
  return converse<PackWorkerMessage, { pages: number; sizeBytes: number }>(
    PACK_WORKERS,
    { script: script ?? packWorkerScript(), signal, onWorker, what: 'board pack' },
    { type: 'pack', data },
    (m) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') return { value: { pages: m.pages, sizeBytes: m.sizeBytes } };
      else if (m.type === 'refused') return { refused: new AppError(m.code, m.message) };
      return undefined;
    },
  );
}
