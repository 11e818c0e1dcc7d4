import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * `PRAGMA integrity_check` reads every page and cannot be sliced, so on a large file it would
 * freeze the host for seconds. It runs here on a worker thread with its own read-only
 * connection. The worker's source is inline so it works the same under tsx, Vitest and the
 * Electron bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  // Nothing in the file's schema may run code while it is checked (a restore candidate is untrusted).
  db.pragma('trusted_schema = OFF');
  const rows = db.pragma(workerData.quick ? 'quick_check' : 'integrity_check');
  // SQLite may pack several problems into one row under a '*** in database main ***' heading;
  // split them so each message is one line a person can read. (No backslashes: this is a template.)
  const messages = rows
    .flatMap((r) => String(Object.values(r)[0]).split(String.fromCharCode(10)))
    .map((m) => m.trim())
    .filter((m) => m !== '' && !(m.startsWith('*** in database ') && m.endsWith(' ***')));
  parentPort.postMessage({ ok: messages.length === 1 && messages[0] === 'ok', messages: messages.slice(0, 20) });
} catch (e) {
  parentPort.postMessage({ ok: false, messages: [String(e && e.code === 'SQLITE_NOTADB' ? 'the file is not a database' : (e && e.message) || e)] });
} finally {
  if (db) db.close();
}
`;

export interface IntegrityReport {
  ok: boolean;
  /** 'ok', or SQLite's descriptions of what is wrong (at most 20). */
  messages: string[];
}

function driverPath(): string {
  const base = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(base).resolve('better-sqlite3');
}

export function checkIntegrityInWorker(path: string, options: { quick?: boolean } = {}): Promise<IntegrityReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, driver: driverPath(), quick: options.quick ?? false },
    });
    let settled = false;
    worker.once('message', (m: IntegrityReport) => {
      settled = true;
      resolve(m);
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`integrity worker exited with code ${code}`));
    });
  });
}
