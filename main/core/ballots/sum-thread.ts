import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addTallies, tallyFromJson, type Ciphertext } from '../../../shared/ballot';
import { sodiumGroup } from '../../../shared/ballot/group-sodium';
import { AppError } from '../errors';
import type { SumWorkerData, SumWorkerMessage } from './sum-worker';

/**
 * The close's homomorphic sum on worker threads, one per core (two at most: the machines this is
 * for have two), each adding up its share of the sealed box; the host adds their partial sums.
 * The host's event loop only relays progress, so the window stays responsive through the close.
 * The caller holds the file meanwhile (ctx.store.openSnapshot) so a restore cannot replace it.
 */
export function sumWorkerScript(base: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(base));
  const bundled = join(dir, 'sum-worker.cjs');
  return existsSync(bundled) ? bundled : join(dir, 'sum-worker-entry.mjs');
}

export async function sumInWorkers(options: {
  dbPath: string;
  shape: number[];
  entries: SumWorkerData['entries'];
  onProgress: (done: number) => void;
  signal: AbortSignal;
  workers?: number;
  /** The worker's script, if not sumWorkerScript()'s (the bundle's test runs the built one). */
  script?: string;
}): Promise<Ciphertext<Uint8Array>[][]> {
  const { dbPath, shape, entries, onProgress, signal } = options;
  const n = Math.max(1, Math.min(options.workers ?? Math.min(2, availableParallelism()), entries.length));
  const size = Math.ceil(entries.length / n);
  const shares = Array.from({ length: n }, (_, i) => entries.slice(i * size, (i + 1) * size));
  const started: Worker[] = [];
  let done = 0;
  const stopAll = () => Promise.all(started.map((w) => w.terminate()));
  const onAbort = () => void stopAll();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const parts = await Promise.all(
      shares.map(
        (share) =>
          new Promise<{ alpha: string; beta: string }[][]>((resolve, reject) => {
            if (signal.aborted) return reject(signal.reason as Error);
            const worker = new Worker(options.script ?? sumWorkerScript(), { workerData: { dbPath, shape, entries: share } satisfies SumWorkerData });
            started.push(worker);
            worker.on('message', (m: SumWorkerMessage) => {
              if (m.type === 'progress') {
                done += m.done;
                onProgress(done);
              } else if (m.type === 'done') resolve(m.tally);
              else reject(new AppError('CONFLICT', m.message));
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (signal.aborted ? reject(signal.reason as Error) : reject(new Error(`The worker adding up the ballots stopped (exit code ${code}) before it finished.`))));
          }),
      ),
    );
    const G = await sodiumGroup();
    return addTallies(
      G,
      parts.map((p) => tallyFromJson(G, p)),
    );
  } catch (e) {
    await stopAll();
    throw e;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
