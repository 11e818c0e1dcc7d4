import { afterEach, describe, expect, it, vi } from 'vitest';
import { VALID_INPUTS } from '../contract-samples';
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

  describe('cancel', () => {
    it('stops a job that honours its signal: it ends failed with the cancellation, and asking again is harmless', async () => {
      const jobs = new JobRunner();
      const reached = gate();
      let sawReason: unknown;
      const id = jobs.start({ kind: 'test.pack', label: 'Board pack for Board, 10 December 2026', cancellable: true }, async (job) => {
        job.progress(1, 40);
        reached.open();
        // Stands in for a worker: it stops only when told to, rejecting with the signal's reason.
        await new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject((sawReason = job.signal.reason))));
        job.progress(2, 40, 'Never reached');
      });
      expect(jobs.get(id).cancellable).toBe(true);
      await reached.promise;

      const answered = jobs.cancel(id);
      expect(answered).toMatchObject({ id, state: 'running', message: 'Cancelling', cancellable: true });
      // Asking again while it stops changes nothing and is not refused.
      expect(jobs.cancel(id)).toMatchObject({ state: 'running', message: 'Cancelling' });
      await jobs.idle();

      const expected = { code: 'CONFLICT', message: 'Board pack for Board, 10 December 2026 was cancelled; nothing was made.' };
      expect(sawReason).toBeInstanceOf(AppError);
      expect(jobs.get(id)).toMatchObject({ state: 'failed', done: 1, error: expected, finishedAt: expect.any(String) });
      // Still harmless once it has stopped: the answer is its (cancelled) status.
      expect(jobs.cancel(id)).toMatchObject({ state: 'failed', error: expected });
    });

    it('never starts a job cancelled before its first slice', async () => {
      const jobs = new JobRunner();
      let ran = false;
      const id = jobs.start({ kind: 'test.pack', label: 'Board pack for Board, 10 December 2026', cancellable: true }, async () => {
        ran = true;
      });
      jobs.cancel(id);
      await jobs.idle();
      expect(ran).toBe(false);
      expect(jobs.get(id)).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: 'Board pack for Board, 10 December 2026 was cancelled; nothing was made.' } });
    });

    it('lets a job that ignores its signal run to its end, keeping its outcome', async () => {
      const jobs = new JobRunner();
      const hold = gate();
      const reached = gate();
      const id = jobs.start({ kind: 'test.stubborn', label: 'Stubborn', cancellable: true }, async (job) => {
        reached.open();
        await hold.promise;
        job.progress(3, 3, 'Done anyway');
        return { made: true };
      });
      await reached.promise;
      expect(jobs.cancel(id).state).toBe('running');
      hold.open();
      await jobs.idle();
      // It did finish (and made its result), so it is not reported as cancelled.
      expect(jobs.get(id)).toMatchObject({ state: 'succeeded', result: { made: true }, message: 'Cancelling', finishedAt: expect.any(String) });
    });

    it('frees the database when a cancelled exclusive job stops', async () => {
      const jobs = new JobRunner();
      const id = jobs.start({ kind: 'test.import', label: 'The HR import', exclusive: true, cancellable: true }, (job) =>
        new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason))),
      );
      jobs.cancel(id);
      // The hold lasts until the job has actually stopped, never merely because it was asked.
      expect(jobs.exclusive).toMatchObject({ id });
      await jobs.idle();
      expect(jobs.exclusive).toBeNull();
    });

    it('refuses to cancel a job that has already finished, and leaves its outcome alone', async () => {
      const jobs = new JobRunner();
      const done = jobs.start({ kind: 'test.pack', label: 'Board pack for Board, 10 December 2026', cancellable: true }, async () => ({ fileId: 'f' }));
      const failed = jobs.start({ kind: 'test.pack', label: 'Board pack for AGM, 1 December 2026', cancellable: true }, async () => {
        throw new AppError('VALIDATION', 'Paper “Accounts” has changed since it was attached.');
      });
      await jobs.idle();
      expect(() => jobs.cancel(done)).toThrow(
        expect.objectContaining({ code: 'CONFLICT', message: 'Board pack for Board, 10 December 2026 has already finished, so it cannot be cancelled.' }),
      );
      expect(() => jobs.cancel(failed)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'Board pack for AGM, 1 December 2026 has already stopped, so it cannot be cancelled.' }));
      expect(jobs.get(done)).toMatchObject({ state: 'succeeded', result: { fileId: 'f' } });
      expect(jobs.get(failed).error?.code).toBe('VALIDATION');
    });

    it('refuses to cancel a job that cannot stop part-way, and one it does not know', async () => {
      const jobs = new JobRunner();
      const hold = gate();
      const id = jobs.start({ kind: 'test.export', label: 'Exporting the register of members' }, () => hold.promise);
      expect(jobs.get(id).cancellable).toBe(false);
      expect(() => jobs.cancel(id)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'Exporting the register of members cannot be stopped part-way; it will finish on its own.' }));
      expect(jobs.get(id)).toMatchObject({ state: 'running', message: '' });
      expect(() => jobs.cancel('0'.repeat(32))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      hold.open();
      await jobs.idle();
      expect(jobs.get(id).state).toBe('succeeded');
    });
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

  it('answers jobs.cancel while an exclusive job holds the database, when mutations are refused', async () => {
    const t = await core();
    const id = t.core.jobs.start({ kind: 'test.restore', label: 'Restoring a backup', exclusive: true, cancellable: true }, (job) =>
      new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason))),
    );
    const refused = await t.core.dispatch('classes.create', VALID_INPUTS['classes.create']);
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(expectOk(await t.core.dispatch('jobs.cancel', { id }))).toMatchObject({ id, state: 'running', cancellable: true, message: 'Cancelling' });
    await t.core.jobs.idle();
    expect(expectOk(await t.core.dispatch('jobs.get', { id }))).toMatchObject({
      state: 'failed',
      error: { code: 'CONFLICT', message: 'Restoring a backup was cancelled; nothing was made.' },
    });
    expect(await t.core.dispatch('jobs.cancel', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
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
