import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ballotProblem, type Prepared } from '../../../shared/ballot';
import { logError } from '../log';
import type { CheckAnswer, CheckRequest } from './check-worker';

/**
 * Checking a cast ballot's proofs on two threads at once (issue 8: cast p99 ≤ 50 ms on two
 * cores, where one ballot's 25 proofs alone took about 43 ms at p99 on one). The host checks one
 * share of the proofs (shared/ballot/ballot.ts proofShares) while a worker thread checks the
 * other; the ballot is refused if either share finds a problem. The shape and group elements are
 * checked whole by both. On one core, or if the worker cannot start or stops, the host checks
 * every proof itself, as before: the worker only ever makes the check faster, never weaker.
 */
export function checkWorkerScript(base: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(base));
  const bundled = join(dir, 'check-worker.cjs');
  return existsSync(bundled) ? bundled : join(dir, 'check-worker-entry.mjs');
}

interface Pending {
  resolve(problem: string | null): void;
  reject(e: Error): void;
}

class CheckWorker {
  readonly #worker: Worker;
  readonly ready: Promise<void>;
  readonly #pending = new Map<number, Pending>();
  readonly #sent = new Set<string>();
  #next = 1;
  broken = false;

  constructor(script: string) {
    this.#worker = new Worker(script);
    this.#worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.#worker.once('message', () => resolve());
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`exit ${code}`)));
    });
    this.ready.catch(() => undefined);
    this.#worker.on('message', (m: CheckAnswer | { ready: true }) => {
      if (!('id' in m)) return;
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m.problem);
    });
    const fail = (e: Error) => {
      this.broken = true;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`The proof-checking thread stopped (exit code ${code}).`)));
  }

  check(p: Prepared<Uint8Array>, ballot: unknown, share: { index: number; of: number }): Promise<string | null> {
    const id = this.#next++;
    const fingerprint = p.election.fingerprint;
    const request: CheckRequest = { id, fingerprint, ballot, share, ...(this.#sent.has(fingerprint) ? {} : { election: p.election }) };
    this.#sent.add(fingerprint);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Held while a check is pending, so a host with nothing else to do still waits for it.
      this.#worker.ref();
      this.#worker.postMessage(request);
    });
  }

  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

let worker: CheckWorker | null = null;
let disabled = availableParallelism() < 2;
let scriptOverride: string | null = null;
/** How many shares of ballots each side checked (for tests: that the worker did its share). */
const counts = { worker: 0, host: 0 };

function theWorker(): CheckWorker | null {
  if (disabled) return null;
  if (!worker || worker.broken) {
    try {
      worker = new CheckWorker(scriptOverride ?? checkWorkerScript());
    } catch (e) {
      logError('ballot check worker', e);
      disabled = true;
      return null;
    }
  }
  return worker;
}

/**
 * The problem with a cast ballot (ballotProblem), its proofs checked on two threads when there
 * are two cores. Starts the worker on first use; `warmUp` starts it ahead (at the opening).
 */
export async function checkBallot(p: Prepared<Uint8Array>, ballot: unknown): Promise<string | null> {
  const w = theWorker();
  const whole = () => {
    counts.host += 2;
    return ballotProblem(p, ballot);
  };
  if (!w) return whole();
  try {
    await w.ready;
  } catch (e) {
    logError('ballot check worker', e);
    return whole();
  }
  const theirs = w.check(p, ballot, { index: 1, of: 2 });
  // A failure of the worker's half is caught below and that half checked here instead.
  theirs.catch(() => undefined);
  counts.host += 1;
  const mine = ballotProblem(p, ballot, { index: 0, of: 2 });
  if (mine) return mine;
  try {
    const problem = await theirs;
    counts.worker += 1;
    return problem;
  } catch (e) {
    logError('ballot check worker', e);
    counts.host += 1;
    return ballotProblem(p, ballot, { index: 1, of: 2 });
  }
}

export function checkCounts(): { worker: number; host: number } {
  return { ...counts };
}

/** Starts the worker ahead of the first cast (it loads libsodium, and under tsx TypeScript). */
export function warmUpChecks(): void {
  theWorker()?.ready.catch(() => undefined);
}

/** For tests: stop the worker; choose whether one is used at all, and which script it runs. */
export async function stopCheckWorker(options: { disable?: boolean; script?: string | null } = {}): Promise<void> {
  if (options.disable !== undefined) disabled = options.disable;
  if (options.script !== undefined) scriptOverride = options.script;
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
