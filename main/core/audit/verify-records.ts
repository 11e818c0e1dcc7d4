import type Database from 'better-sqlite3';
import type { ReadDb } from '../context';
import { ABSENT, stateHash, type StateReaders } from './state';

export interface RecordMismatch {
  type: string;
  id: string;
  /** "member 12", "the class Employee". */
  record: string;
  problem: 'changed' | 'unrecorded' | 'deleted' | 'check';
  /** The reader's own words for a failed `check` (StateReader.check). */
  message?: string;
}

export interface RecordsReport {
  checked: number;
  mismatches: RecordMismatch[];
  /** More mismatches than listed (the list stops at LIMIT). */
  more: number;
}

const PAGE = 2000;
const LIMIT = 50;

/**
 * Proves the registers are what the audit log says they are: for every record type with a
 * state reader, each record's state now must equal the state its last event recorded, no
 * record may exist without an event, and none the log says exists may be missing. Both sides
 * are read in id order in pages and merged, so memory stays flat on a large register.
 */
export async function verifyRecords(
  raw: Database.Database,
  db: ReadDb,
  readers: StateReaders,
  options: { checkpoint?: () => Promise<void>; onProgress?: (done: number, total: number) => void } = {},
): Promise<RecordsReport> {
  const report: RecordsReport = { checked: 0, mismatches: [], more: 0 };
  const note = async (type: string, id: string, problem: RecordMismatch['problem'], message?: string) => {
    if (report.mismatches.length >= LIMIT) {
      report.more += 1;
      return;
    }
    const reader = readers.get(type)!;
    const record = await reader.describe(db, id).catch(() => `${type} ${id}`);
    report.mismatches.push({ type, id, record, problem, ...(message === undefined ? {} : { message }) });
  };
  // The last recorded state of each record: SQLite returns the row holding max(event_seq).
  const expectedPage = raw.prepare(
    `select entity_id as id, state_hash as hash, max(event_seq) as seq from audit_state
      where entity_type = ? and entity_id > ? group by entity_id order by entity_id limit ?`,
  );
  const total = Number(raw.prepare('select count(*) from (select distinct entity_type, entity_id from audit_state)').pluck().get());
  for (const [type, reader] of readers) {
    let expected: { id: string; hash: string }[] = [];
    let expectedAfter = '';
    let expectedDone = false;
    let ei = 0;
    const nextExpected = (): { id: string; hash: string } | undefined => {
      if (ei >= expected.length && !expectedDone) {
        expected = expectedPage.all(type, expectedAfter, PAGE) as { id: string; hash: string }[];
        ei = 0;
        if (expected.length < PAGE) expectedDone = true;
        if (expected.length > 0) expectedAfter = expected[expected.length - 1]!.id;
      }
      return expected[ei];
    };
    let actualAfter: string | null = null;
    for (;;) {
      const ids = await reader.ids(db, actualAfter, PAGE);
      const states = ids.length > 0 ? await reader.read(db, ids) : new Map();
      for (const id of ids) {
        // Records the log knows of that come before this one and no longer exist.
        for (let e = nextExpected(); e && e.id < id; e = nextExpected()) {
          if (e.hash !== ABSENT) await note(type, e.id, 'deleted');
          ei += 1;
        }
        const e = nextExpected();
        const hash = stateHash({ type, id }, states.get(id));
        if (!e || e.id !== id) await note(type, id, 'unrecorded');
        else {
          if (e.hash !== hash) await note(type, id, 'changed');
          ei += 1;
        }
        report.checked += 1;
      }
      options.onProgress?.(report.checked, total);
      await options.checkpoint?.();
      if (ids.length < PAGE) break;
      actualAfter = ids[ids.length - 1]!;
    }
    for (let e = nextExpected(); e; e = nextExpected()) {
      if (e.hash !== ABSENT) await note(type, e.id, 'deleted');
      ei += 1;
    }
  }
  for (const [type, reader] of readers) {
    if (!reader.check) continue;
    const result = await reader.check(db, options.checkpoint);
    report.checked += result.checked;
    for (const f of result.findings) await note(type, f.id, 'check', f.message);
    await options.checkpoint?.();
  }
  return report;
}

export function describeMismatch(m: RecordMismatch): string {
  switch (m.problem) {
    case 'changed':
      return `${m.record} was changed outside the app (it differs from its last audit event)`;
    case 'unrecorded':
      return `${m.record} exists but no audit event records it (it was added outside the app)`;
    case 'deleted':
      return `${m.record} is missing although the audit log records it (it was deleted outside the app)`;
    case 'check':
      return `${m.record}: ${m.message ?? 'failed its check'}`;
  }
}
