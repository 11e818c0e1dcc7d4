import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { AppErrorBody } from '../../../shared/result';
import type { JobStatus } from '../../../shared/contract/jobs';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { logError } from '../log';

/**
 * Long jobs (backups, checks, imports, restores) run on the host's event loop in slices: each
 * calls `checkpoint()` often, which gives the loop back once the slice has run for SLICE_MS.
 * No slice runs much past that, so the window never freezes and other calls are answered.
 */
export const SLICE_MS = 15;
const KEEP_FINISHED_MS = 30 * 60 * 1000;

export interface JobHandle {
  progress(done: number, total: number, message?: string): void;
  /** Yields to the event loop if this slice has run long enough. */
  checkpoint(): Promise<void>;
  /**
   * Aborted when the job is cancelled (JobRunner.cancel), with the AppError the job should end
   * with as its reason. A job that runs work elsewhere (a worker thread) stops that work on it.
   */
  readonly signal: AbortSignal;
}

export interface JobSpec {
  kind: string;
  label: string;
  /** Holds the database: mutations are refused (LOCKED) until it finishes. */
  exclusive?: boolean;
  /**
   * The job watches its handle's signal and stops part-way when it is aborted, leaving nothing
   * behind (the board pack terminates its worker and discards the half-written file). Only such
   * jobs can be cancelled, and only they offer a Cancel button; others run to their end.
   */
  cancellable?: boolean;
}

interface JobRecord {
  status: JobStatus;
  exclusive: boolean;
  promise: Promise<void>;
  cancel: AbortController;
}

export class JobRunner {
  readonly #jobs = new Map<string, JobRecord>();
  #exclusive: JobRecord | null = null;
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  get exclusive(): JobStatus | null {
    return this.#exclusive?.status ?? null;
  }

  /** The jobs still running (switching organisation waits for them: main/core/group). */
  get running(): JobStatus[] {
    return [...this.#jobs.values()].filter((r) => r.status.state === 'running').map((r) => ({ ...r.status }));
  }

  start<R>(spec: JobSpec, run: (job: JobHandle) => Promise<R>): string {
    if (spec.exclusive && this.#exclusive) {
      throw new AppError('LOCKED', `${this.#exclusive.status.label} is still running; try again when it finishes.`);
    }
    this.#sweep();
    const id = randomToken();
    const status: JobStatus = {
      id,
      kind: spec.kind,
      label: spec.label,
      state: 'running',
      done: 0,
      total: 0,
      message: '',
      cancellable: spec.cancellable ?? false,
      startedAt: this.#now().toISOString(),
      finishedAt: null,
    };
    let sliceStart = performance.now();
    const cancel = new AbortController();
    const handle: JobHandle = {
      signal: cancel.signal,
      progress: (done, total, message) => {
        status.done = done;
        status.total = total;
        // Once cancelled, the status keeps saying so while the job stops.
        if (message !== undefined && !cancel.signal.aborted) status.message = message;
      },
      checkpoint: async () => {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToLoop();
          sliceStart = performance.now();
        }
      },
    };
    const record: JobRecord = { status, exclusive: spec.exclusive ?? false, promise: Promise.resolve(), cancel };
    if (record.exclusive) this.#exclusive = record;
    record.promise = (async () => {
      // Let the caller's answer ("job started") go out before the first slice runs.
      await yieldToLoop();
      sliceStart = performance.now();
      try {
        // Cancelled before its first slice (the caller cancelled straight away): never started.
        if (status.cancellable) cancel.signal.throwIfAborted();
        status.result = await run(handle);
        status.state = 'succeeded';
      } catch (e) {
        status.state = 'failed';
        status.error = toErrorBody(e, spec.kind);
      } finally {
        status.finishedAt = this.#now().toISOString();
        if (this.#exclusive === record) this.#exclusive = null;
      }
    })();
    this.#jobs.set(id, record);
    return id;
  }

  get(id: string): JobStatus {
    const record = this.#jobs.get(id);
    if (!record) throw new AppError('NOT_FOUND', 'That job is not known (it may have finished more than 30 minutes ago).');
    return { ...record.status };
  }

  /**
   * Asks a running cancellable job to stop: its signal is aborted with the AppError it should end
   * with, and it ends as failed with that error once it has stopped. Until then it is still
   * running (it may be mid-way through a slice, or terminating a worker), so the status answered
   * says "running"; the caller follows it with get(). A job that does not watch its signal runs
   * to its end and keeps its outcome: it did finish, so it is not reported as cancelled.
   *
   * Idempotent: asking again, while it stops or after it has stopped because of a cancel, answers
   * its status. Refused (CONFLICT) for a job that finished on its own (there is nothing to stop
   * and its outcome stands) and for one that cannot stop part-way.
   */
  cancel(id: string): JobStatus {
    const record = this.#jobs.get(id);
    if (!record) throw new AppError('NOT_FOUND', 'That job is not known (it may have finished more than 30 minutes ago).');
    const { status } = record;
    if (record.cancel.signal.aborted) return { ...status };
    if (status.state !== 'running') {
      throw new AppError('CONFLICT', `${status.label} has already ${status.state === 'succeeded' ? 'finished' : 'stopped'}, so it cannot be cancelled.`);
    }
    if (!status.cancellable) {
      throw new AppError('CONFLICT', `${status.label} cannot be stopped part-way; it will finish on its own.`);
    }
    status.message = 'Cancelling';
    record.cancel.abort(new AppError('CONFLICT', `${status.label} was cancelled; nothing was made.`));
    return { ...status };
  }

  /** Resolves when every job started so far has finished (used at shutdown and in tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.#jobs.values()].map((j) => j.promise));
  }

  #sweep(): void {
    const cutoff = this.#now().getTime() - KEEP_FINISHED_MS;
    for (const [id, r] of this.#jobs) {
      if (r.status.finishedAt && Date.parse(r.status.finishedAt) < cutoff) this.#jobs.delete(id);
    }
  }
}

function toErrorBody(e: unknown, kind: string): AppErrorBody {
  if (e instanceof AppError) {
    return e.fieldErrors ? { code: e.code, message: e.message, fieldErrors: e.fieldErrors } : { code: e.code, message: e.message };
  }
  const ref = logError(`job ${kind}`, e);
  return { code: 'INTERNAL', message: `The job stopped because of an unexpected problem (reference ${ref}). Your saved records are unchanged.` };
}
