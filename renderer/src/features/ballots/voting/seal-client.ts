// Runs sealBallot in a Web Worker (Vite bundles `new Worker(new URL(…), { type: 'module' })` as its
// own chunk; the app's CSP allows workers from 'self'), and falls back to the main thread where a
// worker cannot start, after yielding so that "Sealing your ballot…" is painted first.
import type { BallotJson } from '../../../../../shared/ballot/ballot';
import type { ElectionPublic } from '../../../../../shared/ballot/election';
import type { SealRequest, SealResponse } from './seal';

export interface Sealed {
  ballot: BallotJson;
  tracker: string;
}

/** One sealer per ballot screen: the worker starts when the screen opens, so its code is loaded by the time the voter casts. */
export interface Sealer {
  seal(election: ElectionPublic, marks: number[][]): Promise<Sealed>;
  /** Ends the worker (nothing of the voter's is left in it). */
  close(): void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./seal.worker.ts', import.meta.url), { type: 'module', name: 'seal-ballot' });
  } catch {
    return null;
  }
}

/** Gives the browser a frame to paint before the main thread is busy for a few hundred milliseconds. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function sealHere(election: ElectionPublic, marks: number[][]): Promise<Sealed> {
  await afterPaint();
  const { sealBallot } = await import('./seal');
  return sealBallot(election, marks);
}

/** Longer than any device takes to seal (a slow phone: a second or two); past it the worker is presumed stuck. */
const WORKER_TIMEOUT_MS = 30_000;

export function createSealer(): Sealer {
  let worker = startWorker();
  // A worker whose script cannot load (an old browser, a stricter policy) reports an error event, possibly
  // before any ballot is sent: from then on ballots are sealed on the main thread instead.
  let broken = worker === null;
  const onStartError = (e: Event) => {
    e.preventDefault();
    broken = true;
  };
  worker?.addEventListener('error', onStartError);

  const sealInWorker = (w: Worker, request: SealRequest) =>
    new Promise<Sealed>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      const onMessage = (e: MessageEvent<SealResponse>) => {
        done();
        if (e.data.ok) resolve({ ballot: e.data.ballot, tracker: e.data.tracker });
        else reject(new Error(e.data.message));
      };
      const onError = (e: Event) => {
        e.preventDefault();
        done();
        reject(new WorkerUnavailable());
      };
      const timer = setTimeout(() => {
        done();
        reject(new WorkerUnavailable());
      }, WORKER_TIMEOUT_MS);
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(request);
    });

  return {
    async seal(election, marks) {
      if (!broken && worker) {
        try {
          return await sealInWorker(worker, { election, marks });
        } catch (e) {
          if (!(e instanceof WorkerUnavailable)) throw e;
          broken = true;
        }
      }
      worker?.terminate();
      worker = null;
      return sealHere(election, marks);
    },
    close() {
      worker?.terminate();
      worker = null;
      broken = true;
    },
  };
}

class WorkerUnavailable extends Error {
  constructor() {
    super('The sealing worker could not start.');
  }
}
