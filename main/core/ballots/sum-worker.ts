import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { addTallies, tallyToJson, trackerOf, weightedTally, type BallotJson, type Ciphertext } from '../../../shared/ballot';
import { sodiumGroup } from '../../../shared/ballot/group-sodium';

/**
 * One of the close's worker threads (sum-thread.ts): adds up a share of the sealed box,
 * homomorphically, and sends back its partial sum. It opens the file itself, read-only, and
 * reads its ballots by slot, so the ~11 KB ballots never cross between threads; each ballot must
 * still hash to its tracker (a ballot edited in the file is refused, naming its tracker). On two
 * cores two of these halve the close (libsodium's add decodes and re-encodes its operands, ~25 µs
 * per ciphertext, which made the sum the longest part of closing a large ballot).
 *
 * Loaded as TypeScript through sum-worker-entry.mjs (tsx) under Vitest and tsx, and as the prebuilt
 * sum-worker.cjs beside main.cjs in the Electron bundle (tools/build-electron.mjs).
 */
export interface SumWorkerData {
  dbPath: string;
  shape: number[];
  entries: { slot: number; tracker: string; weight: number }[];
}

export type SumWorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; tally: { alpha: string; beta: string }[][] }
  | { type: 'refused'; message: string };

const SLICE = 25;
const PAGE = 200;

async function run(data: SumWorkerData): Promise<SumWorkerMessage> {
  const G = await sodiumGroup();
  const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
  try {
    const read = db.prepare('select slot, ballot from ballot_slot_ballot where slot = ?');
    let tally: Ciphertext<Uint8Array>[][] = data.shape.map((n) => Array.from({ length: n }, () => ({ A: G.identity, B: G.identity })));
    // One read transaction: the worker sees one state of the file.
    db.exec('begin');
    for (let at = 0; at < data.entries.length; at += PAGE) {
      const page = data.entries.slice(at, at + PAGE);
      const parsed: { weight: number; ballot: BallotJson }[] = [];
      for (const e of page) {
        const row = read.get(e.slot) as { ballot: string } | undefined;
        if (!row) return { type: 'refused', message: `The ballot with tracker ${e.tracker.slice(0, 16)}… is missing from the box: the file was changed outside the app. Nothing was decrypted.` };
        const ballot = JSON.parse(row.ballot) as BallotJson;
        if (trackerOf(ballot) !== e.tracker) return { type: 'refused', message: `The ballot with tracker ${e.tracker.slice(0, 16)}… was changed outside the app: it no longer matches its tracker. Nothing was decrypted.` };
        parsed.push({ weight: e.weight, ballot });
      }
      for (let i = 0; i < parsed.length; i += SLICE) {
        const slice = parsed.slice(i, i + SLICE);
        tally = addTallies(G, [tally, weightedTally(G, data.shape, slice)]);
        parentPort!.postMessage({ type: 'progress', done: slice.length } satisfies SumWorkerMessage);
      }
    }
    db.exec('commit');
    return { type: 'done', tally: tallyToJson(G, tally) };
  } finally {
    db.close();
  }
}

// No top-level await: the Electron bundle is CommonJS.
void run(workerData as SumWorkerData)
  .catch((e: unknown): SumWorkerMessage => ({ type: 'refused', message: `The ballots could not be added up: ${e instanceof Error ? e.message : String(e)}` }))
  .then((m) => parentPort!.postMessage(m));
