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

/** How long a finished pack's worker is kept for another pack before it is ended. */
export const SPARE_WORKER_MS = 60_000;

/**
 * One finished worker, kept a while: starting a thread, loading pdf-lib and running its code
 * before V8 has optimised it cost 1 to 2.5 s of a 200-page pack, and a secretary often makes the
 * pack again after changing a paper. The price is memory: a kept worker held about 150 MB while it
 * waited (its heap is not collected until it is used again), hence a minute, not longer. It is
 * unref'd while it waits, so it never keeps the process alive.
 */
let spare: { worker: Worker; script: string; timer: NodeJS.Timeout } | null = null;

function takeWorker(script: string): Worker {
  if (spare && spare.script === script) {
    const { worker, timer } = spare;
    spare = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const worker = new Worker(script, { workerData: { task: 'board-pack' } });
  // A pack in progress reports its worker's error itself (below); this listener only keeps an
  // error from an idle worker (never expected: it runs nothing then) from being an unhandled
  // 'error' event, which would end the host. Such a worker has ended and is not kept.
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
  spare = { worker, script, timer };
  worker.once('exit', () => {
    if (spare?.worker === worker) {
      clearTimeout(timer);
      spare = null;
    }
  });
}

export function buildBoardPackInWorker(options: PackInWorker): Promise<{ pages: number; sizeBytes: number }> {
  const { onProgress, signal, script: given, onWorker, ...data } = options;
  const script = given ?? packWorkerScript();
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
      // Kept only after a pack that ran to its end: a worker that failed or was stopped is ended.
      if (reusable) keepWorker(worker, script);
      fn();
    };
    const onAbort = () => {
      // terminate() stops the worker's JavaScript wherever it is, even inside pdf-lib's save;
      // the promise rejects once it has stopped, so the caller can discard the half-written file.
      settle(() => {
        void worker.terminate().then(
          () => reject(signal!.reason),
          () => reject(signal!.reason),
        );
      });
    };
    const onMessage = (m: PackWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve({ pages: m.pages, sizeBytes: m.sizeBytes }), true);
      else if (m.type === 'refused') settle(() => reject(new AppError(m.code, m.message)), true);
    };
    const onError = (e: Error) => settle(() => reject(e));
    const onExit = (code: number) => settle(() => reject(new Error(`The board pack worker stopped (exit code ${code}) before it finished.`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ type: 'pack', data });
  });
}
