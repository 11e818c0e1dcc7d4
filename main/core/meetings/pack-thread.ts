import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
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
  const dir = dirname(fileURLToPath(base));
  const bundled = join(dir, 'pack-worker.cjs');
  return existsSync(bundled) ? bundled : join(dir, 'pack-worker-entry.mjs');
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

export function buildBoardPackInWorker(options: PackInWorker): Promise<{ pages: number; sizeBytes: number }> {
  const { onProgress, signal, script, onWorker, ...data } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(script ?? packWorkerScript(), { workerData: { task: 'board-pack', data } });
    onWorker?.(worker);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      // terminate() stops the worker's JavaScript wherever it is, even inside pdf-lib's save;
      // the caller discards the half-written file once this promise has rejected.
      settle(() => {
        void worker.terminate().then(
          () => reject(signal!.reason),
          () => reject(signal!.reason),
        );
      });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: PackWorkerMessage) => {
      if (m.type === 'progress') {
        if (!settled) onProgress?.(m.done, m.total);
      } else if (m.type === 'done') settle(() => resolve({ pages: m.pages, sizeBytes: m.sizeBytes }));
      else if (m.type === 'refused') settle(() => reject(new AppError(m.code, m.message)));
    });
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`The board pack worker stopped (exit code ${code}) before it finished.`))));
  });
}
