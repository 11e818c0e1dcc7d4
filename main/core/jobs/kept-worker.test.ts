import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { converse, KeptWorker, type Heard } from './kept-worker';

/**
 * The worker a board pack or a report runs on: kept for the next job after it answers or refuses,
 * ended after it fails, exits or is cancelled, and reused without collecting listeners (the board
 * pack's copy of this code added one 'exit' listener each time its worker was kept).
 */
const dir = mkdtempSync(join(tmpdir(), 'mg-kept-worker-'));
const script = join(dir, 'echo.mjs');
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.type === 'answer') { parentPort.postMessage({ type: 'progress' }); parentPort.postMessage({ type: 'done', value: m.value }); }
  else if (m.type === 'refuse') parentPort.postMessage({ type: 'refused', message: 'No.' });
  else if (m.type === 'throw') setTimeout(() => { throw new Error('broken'); });
  else if (m.type === 'exit') process.exit(3);
  // 'wait': never answers.
});
`,
);

type Reply = { type: 'progress' } | { type: 'done'; value: number } | { type: 'refused'; message: string };
const hear = (m: Reply): Heard<number> => (m.type === 'done' ? { value: m.value } : m.type === 'refused' ? { refused: new Error(m.message) } : undefined);

const pool = new KeptWorker({ task: 'test' }, 60_000);
afterEach(() => pool.end());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(message: unknown, signal?: AbortSignal) {
  let worker: Worker | undefined;
  const answer = converse<Reply, number>(pool, { script, signal, onWorker: (w) => (worker = w), what: 'test' }, message, hear);
  return { answer, worker: () => worker! };
}

describe('a kept worker', () => {
  it('answers, is kept and used again for the next job, without collecting exit listeners', async () => {
    const first = ask({ type: 'answer', value: 1 });
    expect(await first.answer).toBe(1);
    const exitListeners = first.worker().listenerCount('exit');
    for (let i = 2; i <= 25; i++) {
      const next = ask({ type: 'answer', value: i });
      expect(await next.answer).toBe(i);
      expect(next.worker()).toBe(first.worker());
    }
    expect(first.worker().listenerCount('exit')).toBe(exitListeners);
    expect(first.worker().listenerCount('message')).toBe(0);
  });

  it('is kept after a refusal, and not after an error or an early exit', async () => {
    const refused = ask({ type: 'refuse' });
    await expect(refused.answer).rejects.toThrow('No.');
    const after = ask({ type: 'answer', value: 7 });
    expect(await after.answer).toBe(7);
    expect(after.worker()).toBe(refused.worker());

    const broken = ask({ type: 'throw' });
    await expect(broken.answer).rejects.toThrow('broken');
    const exited = ask({ type: 'exit' });
    expect(exited.worker()).not.toBe(broken.worker());
    await expect(exited.answer).rejects.toThrow('The test worker stopped (exit code 3) before it finished.');
    const fresh = ask({ type: 'answer', value: 8 });
    expect(await fresh.answer).toBe(8);
    expect(fresh.worker()).not.toBe(exited.worker());
  });

  it('is ended when the job is cancelled, and the promise rejects once it has stopped', async () => {
    const stop = new AbortController();
    const waiting = ask({ type: 'wait' }, stop.signal);
    const exited = new Promise<number>((resolve) => waiting.worker().once('exit', resolve));
    stop.abort(new Error('cancelled'));
    await expect(waiting.answer).rejects.toThrow('cancelled');
    expect(typeof (await exited)).toBe('number');
    const next = ask({ type: 'answer', value: 2 });
    expect(await next.answer).toBe(2);
    expect(next.worker()).not.toBe(waiting.worker());
  });

  it('is ended by end()', async () => {
    const job = ask({ type: 'answer', value: 1 });
    await job.answer;
    const exited = new Promise<number>((resolve) => job.worker().once('exit', resolve));
    await pool.end();
    expect(typeof (await exited)).toBe('number');
  });
});
