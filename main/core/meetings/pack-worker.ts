import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { buildBoardPack } from './print/board-pack';
import type { BoardPackModel, MeetingHeading, PackItem, PaperKind } from './print/models';

/**
 * The board pack's worker thread (started by pack-thread.ts). It opens the database file itself,
 * read-only, reads the agenda and every paper's bytes, checks each against its SHA-256, builds
 * the PDF and writes it to the export file it was given. Nothing of the ~90 MB of papers of a big
 * pack crosses between threads, and neither the reads nor pdf-lib's font subsetting and final
 * save ever hold up the host's event loop, so the window stays responsive (issue 7).
 *
 * Loaded as TypeScript through pack-worker-entry.mjs (tsx) under Vitest and tsx, and as the prebuilt
 * pack-worker.cjs beside main.cjs in the Electron bundle (tools/build-electron.mjs).
 */

export interface PackWorkerData {
  dbPath: string;
  meetingId: string;
  meeting: MeetingHeading;
  issuedOn: string | null;
  /** The export file to write (its .part path: the host commits or discards it). */
  outPath: string;
}

export type PackWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; pages: number; sizeBytes: number }
  /** A refusal the secretary should read as it is (an AppError on the host's side). */
  | { type: 'refused'; code: 'CONFLICT' | 'NOT_FOUND'; message: string };

interface ItemRow {
  id: string;
  parent_id: string | null;
  position: number;
  title: string;
  presenter: string | null;
  purpose: PackItem['purpose'];
  minutes_allotted: number | null;
}

interface PaperRow {
  agenda_item_id: string;
  title: string;
  file_name: string;
  kind: PaperKind;
  document_id: string;
}

class Refused extends Error {
  constructor(
    readonly code: 'CONFLICT' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/** Items in agenda order: top-level by position, each followed by its sub-items (as quorum.ts orderItems, without its imports). */
function ordered(items: ItemRow[]): { top: ItemRow[]; children: Map<string, ItemRow[]> } {
  const byPos = (a: ItemRow, b: ItemRow) => a.position - b.position || (a.id < b.id ? -1 : 1);
  const top = items.filter((i) => i.parent_id === null).sort(byPos);
  const children = new Map<string, ItemRow[]>();
  for (const i of items) if (i.parent_id !== null) children.set(i.parent_id, [...(children.get(i.parent_id) ?? []), i]);
  for (const list of children.values()) list.sort(byPos);
  return { top, children };
}

/** The pack's model, read in one read transaction so the pack shows one state of the meeting. */
export function readPackModel(db: Database.Database, data: Pick<PackWorkerData, 'meetingId' | 'meeting' | 'issuedOn'>): BoardPackModel {
  db.exec('begin');
  try {
    const items = db
      .prepare('select id, parent_id, position, title, presenter, purpose, minutes_allotted from agenda_item where meeting_id = ?')
      .all(data.meetingId) as ItemRow[];
    const listed = db
      .prepare(
        `select p.agenda_item_id, p.title, p.file_name, p.kind, p.document_id
           from paper p join agenda_item i on i.id = p.agenda_item_id
          where i.meeting_id = ? order by p.position`,
      )
      .all(data.meetingId) as PaperRow[];
    const document = db.prepare('select bytes, sha256 from document where id = ?');
    const papers = listed.map((p) => {
      const d = document.get(p.document_id) as { bytes: Buffer; sha256: string } | undefined;
      if (!d) throw new Refused('NOT_FOUND', `The stored copy of ${p.file_name} is missing from the file. Run Verify in Settings › Audit log.`);
      // A paper whose bytes no longer match the hash recorded when it was attached has been
      // altered in the file: the pack refuses, as reading the paper does (documents.ts readPaper).
      if (createHash('sha256').update(d.bytes).digest('hex') !== d.sha256) {
        throw new Refused(
          'CONFLICT',
          `The stored copy of ${p.file_name} no longer matches the SHA-256 recorded when it was attached; the file may have been altered outside the app. Run Verify in Settings › Audit log.`,
        );
      }
      return { ...p, bytes: new Uint8Array(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength) };
    });
    const toItem = (i: ItemRow): PackItem => ({
      title: i.title,
      presenter: i.presenter,
      purpose: i.purpose,
      minutesAllotted: i.minutes_allotted,
      startsAt: null,
      papers: papers.filter((p) => p.agenda_item_id === i.id).map((p) => ({ title: p.title, fileName: p.file_name, kind: p.kind, bytes: p.bytes })),
    });
    const { top, children } = ordered(items);
    return {
      meeting: data.meeting,
      items: top.map((t) => ({ ...toItem(t), children: (children.get(t.id) ?? []).map(toItem) })),
      issuedOn: data.issuedOn,
    };
  } finally {
    db.exec('commit');
  }
}

async function run(data: PackWorkerData, post: (m: PackWorkerMessage) => void): Promise<void> {
  let model: BoardPackModel;
  const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
  try {
    // Nothing in the file's schema may run code here.
    db.pragma('trusted_schema = OFF');
    db.pragma('busy_timeout = 2000');
    model = readPackModel(db, data);
  } catch (e) {
    if (e instanceof Refused) return post({ type: 'refused', code: e.code, message: e.message });
    throw e;
  } finally {
    db.close();
  }
  const info: { pages?: number } = {};
  const bytes = await buildBoardPack(model, (done, total) => post({ type: 'progress', done, total }), info);
  writeFileSync(data.outPath, bytes);
  post({ type: 'done', pages: info.pages ?? 0, sizeBytes: bytes.length });
}

// Only as a worker started for this (the module can be imported for readPackModel alone). The
// thread serves one pack at a time and may be kept for the next (pack-thread.ts): a second pack
// then skips loading pdf-lib and runs on code V8 has already optimised.
if (parentPort && (workerData as { task?: string } | null)?.task === 'board-pack') {
  const port = parentPort;
  port.on('message', (m: { type: 'pack'; data: PackWorkerData }) => {
    // An exception is an unhandled rejection, which ends the worker and reaches the host as its
    // 'error' event (logged there); such a worker is never used again.
    if (m.type === 'pack') void run(m.data, (r) => port.postMessage(r));
  });
}
