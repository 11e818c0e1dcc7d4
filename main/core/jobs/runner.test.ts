import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors';
import { expectOk, openTestCore, type TestCore } from '../testing';
import { JobRunner } from './runner';

/** A promise the test resolves when it chooses, to hold a job at a known point. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // CPU work standing in for a slice of an import or a verify.
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  vi.restoreAllMocks();
});
async function core(): Promise<TestCore> {
  const t = await openTestCore();
  cleanups.push(() => t.cleanup());
  return t;
}

describe('JobRunner', () => {
  it('reports progress while running and the result when done', async () => {
    const jobs = new JobRunner(() => new Date('2026-11-28T10:00:00Z'));
    const step = gate();
    const reached = gate();
    const id = jobs.start({ kind: 'test.count', label: 'Counting' }, async (job) => {
      job.progress(1, 3, 'First of three');
      reached.open();
      await step.promise;
      job.progress(3, 3);
      return { counted: 3 };
    });
    expect(jobs.get(id)).toMatchObject({ state: 'running', done: 0, total: 0 });
    await reached.promise;
    expect(jobs.get(id)).toMatchObject({ state: 'running', done: 1, total: 3, message: 'First of three', finishedAt: null });
    step.open();
    await jobs.idle();
    expect(jobs.get(id)).toMatchObject({
      state: 'succeeded',
      done: 3,
      total: 3,
      message: 'First of three',
      result: { counted: 3 },
      startedAt: '2026-11-28T10:00:00.000Z',
      finishedAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('hands out copies of the status, so a caller cannot change the job', async () => {
    const jobs = new JobRunner();
    const id = jobs.start({ kind: 'test.noop', label: 'Nothing' }, async () => 1);
    const seen = jobs.get(id);
    seen.state = 'failed';
    expect(jobs.get(id).state).toBe('running');
    await jobs.idle();
  });

  it('keeps the code, message and field errors of an AppError a job throws', async () => {
    const jobs = new JobRunner();
    const id = jobs.start({ kind: 'test.refuse', label: 'Refusing' }, async () => {
      throw new AppError('VALIDATION', 'That file is not a backup.', { file: 'Choose a backup file.' });
    });
    await jobs.idle();
    expect(jobs.get(id)).toMatchObject({
      state: 'failed',
      error: { code: 'VALIDATION', message: 'That file is not a backup.', fieldErrors: { file: 'Choose a backup file.' } },
    });
  });

  it('turns any other failure into INTERNAL with a reference and no internals', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const jobs = new JobRunner();
    const id = jobs.start({ kind: 'test.crash', label: 'Crashing' }, async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /home/secretary/records.sqlite');
    });
    await jobs.idle();
    const status = jobs.get(id);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('INTERNAL');
    expect(status.error?.message).toMatch(/reference [0-9a-f]{6}\)/);
    expect(status.error?.message).not.toMatch(/SQLITE|malformed|secretary/);
    const ref = /reference ([0-9a-f]{6})/.exec(status.error!.message)![1]!;
    expect(logged.mock.calls.some((c) => String(c[0]).includes(ref) && String(c[0]).includes('SQLITE_CORRUPT'))).toBe(true);
  });

  it('allows one exclusive job at a time, alongside ordinary ones, and frees the hold when it ends', async () => {
    const jobs = new JobRunner();
    const hold = gate();
    jobs.start({ kind: 'test.restore', label: 'Restoring', exclusive: true }, () => hold.promise);
    expect(jobs.exclusive).toMatchObject({ label: 'Restoring', state: 'running' });

    let refusal: unknown;
    try {
      jobs.start({ kind: 'test.import', label: 'Importing members', exclusive: true }, async () => {});
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('LOCKED');
    expect((refusal as AppError).message).toMatch(/Restoring is still running/);
    const ordinary = jobs.start({ kind: 'test.verify', label: 'Verifying' }, async () => 'fine');

    hold.open();
    await jobs.idle();
    expect(jobs.exclusive).toBeNull();
    expect(jobs.get(ordinary).state).toBe('succeeded');
    jobs.start({ kind: 'test.import', label: 'Importing members', exclusive: true }, async () => {});
    await jobs.idle();
  });

  it('frees the hold when an exclusive job fails', async () => {
    const jobs = new JobRunner();
    jobs.start({ kind: 'test.restore', label: 'Restoring', exclusive: true }, async () => {
      throw new AppError('VALIDATION', 'Not a backup.');
    });
    await jobs.idle();
    expect(jobs.exclusive).toBeNull();
  });

  it('answers NOT_FOUND for a job it does not know', () => {
    expect(() => new JobRunner().get('0'.repeat(32))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('forgets finished jobs after 30 minutes, but never running ones', async () => {
    let now = new Date('2026-11-28T10:00:00Z');
    const jobs = new JobRunner(() => now);
    const hold = gate();
    const long = jobs.start({ kind: 'test.long', label: 'Long' }, () => hold.promise);
    const quick = jobs.start({ kind: 'test.quick', label: 'Quick' }, async () => {});
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(jobs.get(quick).state).toBe('succeeded');
    now = new Date('2026-11-28T10:31:00Z');
    jobs.start({ kind: 'test.next', label: 'Next' }, async () => {});
    expect(() => jobs.get(quick)).toThrow(/not known/);
    expect(jobs.get(long).state).toBe('running');
    hold.open();
    await jobs.idle();
  });
});

describe('a long job on the core', () => {
  it('gives the event loop back between slices, so calls are answered while it runs', async () => {
    const t = await core();
    const started = gate();
    let slices = 0;
    const id = t.core.jobs.start({ kind: 'test.cpu', label: 'Crunching' }, async (job) => {
      // About 300 ms of CPU work in 5 ms pieces, checkpointing after each as real jobs do.
      for (let i = 0; i < 60; i++) {
        spin(5);
        slices += 1;
        job.progress(i + 1, 60);
        if (i === 0) started.open();
        await job.checkpoint();
      }
    });
    await started.promise;

    // A macrotask (a timer, an IPC message, an HTTP request) only runs if the job yields to
    // the event loop, not merely to the microtask queue.
    const seenByTimer = await new Promise<{ state: string; slices: number }>((resolve) =>
      setTimeout(() => resolve({ state: t.core.jobs.get(id).state, slices }), 0),
    );
    const status = expectOk(await t.core.dispatch('app.status', {}));
    const stateAfterCall = t.core.jobs.get(id).state;
    const progress = expectOk(await t.core.dispatch('jobs.get', { id })) as { done: number; total: number };

    expect(seenByTimer.state).toBe('running');
    expect(seenByTimer.slices).toBeLessThan(60);
    expect(status).toMatchObject({ appVersion: expect.any(String) });
    expect(stateAfterCall).toBe('running');
    expect(progress.total).toBe(60);
    expect(progress.done).toBeLessThan(60);

    await t.core.jobs.idle();
    expect(t.core.jobs.get(id)).toMatchObject({ state: 'succeeded', done: 60 });
  });

  it('answers "job started" before the job’s first slice runs', async () => {
    const jobs = new JobRunner();
    let ran = false;
    jobs.start({ kind: 'test.flag', label: 'Flagging' }, async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    // Not even once the caller's own promise chain (the dispatcher's reply) has settled.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(ran).toBe(false);
    await jobs.idle();
    expect(ran).toBe(true);
  });
});
