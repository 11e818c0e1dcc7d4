import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logError } from '../log';

/**
 * Moves the write-ahead log back into the database file on a worker thread, with a connection
 * of its own, so no commit on the host ever pays for it. PASSIVE: it copies what no reader
 * still needs and never waits for, or blocks, the app's own connections.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
  const [r] = db.pragma(workerData.mode === 'TRUNCATE' ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

export interface CheckpointOutcome {
  ok: boolean;
  /** Frames in the log and how many were copied into the file. */
  log?: number;
  checkpointed?: number;
  message?: string;
}

function driverPath(): string {
  const base = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(base).resolve('better-sqlite3');
}

/**
 * `TRUNCATE` also empties the log file once every frame is in the database (waiting up to a second
 * for readers), so pages written recently no longer sit in the log in the order they were written:
 * the ballot box asks for it after casts (main/core/ballots/cast.ts).
 */
export function checkpointInWorker(dbPath: string, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): Promise<CheckpointOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: dbPath, driver: driverPath(), mode } });
    let settled = false;
    const done = (o: CheckpointOutcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    worker.once('message', done);
    worker.once('error', (e) => done({ ok: false, message: e.message }));
    worker.once('exit', (code) => done({ ok: false, message: `checkpoint worker exited with code ${code}` }));
  });
}

/** Log size above which a checkpoint is worth a thread: about 4 MB, SQLite's own default. */
export const CHECKPOINT_AT_BYTES = 4 * 1024 * 1024;

/**
 * Watches the log's size and checkpoints it in the background when it has grown. Cheap when
 * idle: a stat every few seconds. One checkpoint at a time.
 */
export class Checkpointer {
  readonly #dbPath: string;
  #running: Promise<CheckpointOutcome> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(dbPath: string) {
    this.#dbPath = dbPath;
  }

  start(intervalMs = 3000): void {
    this.#timer = setInterval(() => void this.maybe(), intervalMs);
    this.#timer.unref();
  }

  walBytes(): number {
    try {
      return statSync(`${this.#dbPath}-wal`).size;
    } catch {
      return 0;
    }
  }

  /** Checkpoints if the log is over the threshold (or `force`), unless one is already running. */
  maybe(force = false): Promise<CheckpointOutcome> | null {
    if (this.#running) return this.#running;
    if (!force && this.walBytes() < CHECKPOINT_AT_BYTES) return null;
    this.#running = checkpointInWorker(this.#dbPath).then((o) => {
      this.#running = null;
      if (!o.ok) logError('checkpoint', new Error(o.message));
      return o;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
