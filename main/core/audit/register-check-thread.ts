import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../jobs/kept-worker';
import type { RegisterCheckWorkerData, RegisterCheckWorkerMessage } from './register-check-worker';
import type { RegisterCheck } from './verify-all';

/**
 * Runs the start-up comparison of the registers with the audit log (verify-all.ts
 * checkRegistersAgainstLog) on a worker thread (register-check-worker.ts), so the host's event
 * loop, which serves the window, only waits for its one answer. The worker opens the file itself,
 * read-only; the caller holds the file meanwhile (Core #usingFile) so a restore cannot replace it
 * under the worker, and ends the worker (the signal) when the core closes or a restore begins.
 */

/**
 * The worker's script: register-check-worker.cjs beside main.cjs in the Electron bundle (this
 * module's import.meta.url is the bundle's there), register-check-worker-entry.mjs (tsx) from the
 * sources.
 */
export function registerCheckWorkerScript(base: string = import.meta.url): string {
  return workerScript(base, 'register-check-worker.cjs', 'register-check-worker-entry.mjs');
}

/**
 * The worker could not be started (its script is missing, or the thread failed before it had
 * loaded the registry): the caller may run the check on its own thread instead.
 */
export class RegisterWorkerUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegisterWorkerUnavailable';
  }
}

export interface RegisterCheckInWorker {
  dbPath: string;
  backupsDir: string;
  /** The worker's script, if not registerCheckWorkerScript()'s (tests run the bundled one, or a missing one). */
  script?: string;
  /** Aborting it terminates the worker; the promise rejects with the signal's reason once it has stopped. */
  signal?: AbortSignal;
  /** Whether the running worker may not keep the process alive by itself (the core's background check). */
  unref?: boolean;
  /** Sees the worker as it starts (tests watch it exit). */
  onWorker?: (worker: Worker) => void;
}

export function checkRegistersInWorker(options: RegisterCheckInWorker): Promise<RegisterCheck> {
  const { signal, onWorker } = options;
  const script = options.script ?? registerCheckWorkerScript();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (!existsSync(script)) return reject(new RegisterWorkerUnavailable(`The register check's worker script is missing: ${script}`));
    let worker: Worker;
    try {
      const workerData: RegisterCheckWorkerData = { task: 'register-check', dbPath: options.dbPath, backupsDir: options.backupsDir };
      worker = new Worker(script, { workerData });
    } catch (e) {
      return reject(new RegisterWorkerUnavailable(`The register check's worker could not start: ${(e as Error).message}`, { cause: e }));
    }
    // Never an unhandled 'error' event (which would end the host), whatever happens after settling.
    worker.on('error', () => {});
    if (options.unref) worker.unref();
    onWorker?.(worker);
    let ready = false;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      fn();
    };
    // A finished worker ends by itself; this makes sure of it, and the promise does not wait for it.
    const end = () => void worker.terminate().catch(() => {});
    const onAbort = () => {
      // terminate() stops the check wherever it is (and closes the worker's connection); the
      // promise rejects once it has stopped, so the caller knows the file is no longer read.
      settle(() => {
        void worker.terminate().then(
          () => reject(signal!.reason),
          () => reject(signal!.reason),
        );
      });
    };
    const onMessage = (m: RegisterCheckWorkerMessage) => {
      if (m.type === 'ready') ready = true;
      else if (m.type === 'done')
        settle(() => {
          end();
          resolve(m.check);
        });
      else if (m.type === 'failed')
        settle(() => {
          end();
          reject(new Error(m.message));
        });
    };
    const onError = (e: Error) =>
      settle(() => {
        end();
        reject(ready ? e : new RegisterWorkerUnavailable(`The register check's worker failed as it started: ${e.message}`, { cause: e }));
      });
    const onExit = (code: number) =>
      settle(() => {
        const message = `The register check's worker stopped (exit code ${code}) before it finished.`;
        reject(ready ? new Error(message) : new RegisterWorkerUnavailable(message));
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}
