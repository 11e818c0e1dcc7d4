import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * What the board pack (meetings/pack-thread.ts) and the reports (reports/worker-thread.ts) share
 * in running a job on a worker thread: finding the worker's script, keeping one finished worker a
 * while for the next job, and one conversation with it (a message out; progress, an answer, a
 * refusal, an error or an exit back; a cancel that ends the thread).
 */

/**
 * A worker's script: `bundled` beside this module in the Electron bundle (whose import.meta.url
 * is the bundle's there), else `entry`, which loads the TypeScript worker through tsx (a worker
 * thread does not inherit tsx's loader from the thread that starts it).
 */
export function workerScript(base: string, bundled: string, entry: string): string {
  const dir = dirname(fileURLToPath(base));
  const built = join(dir, bundled);
  return existsSync(built) ? built : join(dir, entry);
}

/**
 * One finished worker, kept for `keepMs` for the next job with the same script: starting a thread
 * and loading a job's libraries before V8 has optimised them costs a second or more, and a
 * secretary often asks again soon (a pack after changing a paper, an export after a build). The
 * price is memory (a kept worker's heap is not collected until it is used again), hence a minute.
 * A kept worker is unref'd, so it never keeps the process alive.
 */
export class KeptWorker {
  #spare: { worker: Worker; script: string; timer: NodeJS.Timeout; onExit: () => void } | null = null;

  constructor(
    private readonly workerData: unknown,
    readonly keepMs: number,
  ) {}

  /** The kept worker if it runs this script, else a new one. */
  take(script: string): Worker {
    const s = this.#spare;
    if (s && s.script === script) {
      this.#spare = null;
      clearTimeout(s.timer);
      // Its listener for exiting while kept goes with it, or a worker used many times collects them.
      s.worker.off('exit', s.onExit);
      s.worker.ref();
      return s.worker;
    }
    const worker = new Worker(script, { workerData: this.workerData });
    // A job in progress reports its worker's error itself (converse); this keeps an error of an
    // idle worker (never expected: it runs nothing then) from being an unhandled 'error' event,
    // which would end the host. Such a worker has ended and is not kept.
    worker.on('error', () => {});
    return worker;
  }

  /** Keeps a worker that finished its job, ending the one kept before. */
  keep(worker: Worker, script: string): void {
    if (this.#spare) void this.#spare.worker.terminate();
    worker.unref();
    const timer = setTimeout(() => {
      if (this.#spare?.worker === worker) this.#spare = null;
      void worker.terminate();
    }, this.keepMs);
    timer.unref();
    const onExit = () => {
      if (this.#spare?.worker === worker) {
        clearTimeout(timer);
        this.#spare = null;
      }
    };
    this.#spare = { worker, script, timer, onExit };
    worker.once('exit', onExit);
  }

  /** Ends the kept worker now (tests, and a host closing). */
  async end(): Promise<void> {
    const s = this.#spare;
    this.#spare = null;
    if (s) {
      clearTimeout(s.timer);
      s.worker.off('exit', s.onExit);
      await s.worker.terminate();
    }
  }
}

/** What a worker's message means to the job: nothing yet (progress), its answer, or a refusal. */
export type Heard<T> = undefined | { value: T } | { refused: Error };

export interface Conversation {
  script: string;
  /** Aborting it terminates the worker; the promise rejects with the signal's reason once it has stopped. */
  signal?: AbortSignal | undefined;
  /** Sees the worker as it starts (tests watch it). */
  onWorker?: ((worker: Worker) => void) | undefined;
  /** What the worker does, for the message when it stops early ("board pack"). */
  what: string;
}

/**
 * Sends one message to a worker (the kept one if it runs this script) and resolves with the value
 * `hear` makes of a reply, or rejects with a refusal, the worker's error, its early exit or the
 * cancel. A worker that answered or refused is kept for the next job; one that failed, exited or
 * was stopped is not.
 */
export function converse<M, T>(pool: KeptWorker, c: Conversation, message: unknown, hear: (m: M) => Heard<T>): Promise<T> {
  const { script, signal, onWorker } = c;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = pool.take(script);
    onWorker?.(worker);
    let settled = false;
    const settle = (fn: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable) pool.keep(worker, script);
      fn();
    };
    const onAbort = () => {
      // terminate() stops the worker's JavaScript wherever it is (inside pdf-lib's save, say); the
      // promise rejects once it has stopped, so the caller can discard a half-written file.
      settle(() => {
        void worker.terminate().then(
          () => reject(signal!.reason),
          () => reject(signal!.reason),
        );
      });
    };
    const onMessage = (m: M) => {
      const heard = hear(m);
      if (heard === undefined) return;
      if ('value' in heard) settle(() => resolve(heard.value), true);
      else settle(() => reject(heard.refused), true);
    };
    const onError = (e: Error) => settle(() => reject(e));
    const onExit = (code: number) => settle(() => reject(new Error(`The ${c.what} worker stopped (exit code ${code}) before it finished.`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(message);
  });
}
