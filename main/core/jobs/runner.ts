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
        if (message !== undefined) status.message = message;
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
   * Asks a running job to stop: its signal is aborted and the job ends as failed with the reason
   * once it has stopped (a job that does not watch its signal runs to its end). False if the
   * job had already finished.
   */
  cancel(id: string): boolean {
    const record = this.#jobs.get(id);
    if (!record) throw new AppError('NOT_FOUND', 'That job is not known (it may have finished more than 30 minutes ago).');
    if (record.status.state !== 'running') return false;
    record.cancel.abort(new AppError('CONFLICT', `${record.status.label} was cancelled; nothing was made.`));
    return true;
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
