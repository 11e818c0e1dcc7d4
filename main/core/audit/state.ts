import { createHash } from 'node:crypto';
import type { ReadDb } from '../context';

/**
 * What the audit log vouches for: the state of each record after its last event.
 *
 * Every event names the records it leaves in a new state (by default its own entity); when
 * the event is written, the current state of each is read, hashed and stored beside the event
 * in `audit_state`, and a digest of that list is part of the event's chained hash. `verify`
 * then proves the registers are what the log says: every record's state now must equal the
 * state its last event recorded, and no record may exist without one. Editing a name in the
 * file with a database tool, or inserting a row, therefore shows up as a mismatch naming the
 * record, even though the chain itself is intact.
 *
 * A state is a record's own columns (not derived ones such as search keys or counters), as a
 * JSON object with sorted keys and null values left out, so a migration that adds a nullable
 * column leaves every existing state hash as it was.
 */
export interface RecordRef {
  type: string;
  id: string;
}

export type RecordState = Record<string, unknown>;

/** How an area reads the state of its records of one type. */
export interface StateReader {
  /** The entity type in audit events, e.g. 'member'. */
  readonly type: string;
  /** Words for verify's messages: "member 12", "the class Employee". */
  describe(db: ReadDb, id: string): Promise<string>;
  /** Current states of these records; an id missing from the map does not exist. */
  read(db: ReadDb, ids: readonly string[]): Promise<Map<string, RecordState>>;
  /** Ids of every record of this type, ascending, after `after` (keyset pages, for verify). */
  ids(db: ReadDb, after: string | null, limit: number): Promise<string[]>;
  /**
   * Further checks verify runs over records of this type beyond their state (sealed minutes
   * against their recorded SHA-256): each finding names the record and says what is wrong.
   */
  check?(db: ReadDb, checkpoint?: () => Promise<void>): Promise<{ checked: number; findings: { id: string; message: string }[] }>;
}

export type StateReaders = ReadonlyMap<string, StateReader>;

/** The hash recorded for a record that no longer exists (a removed entry). */
export const ABSENT = 'absent';

/** JSON with sorted keys and nulls left out; nested arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      out[key] = normalise(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function stateHash(ref: RecordRef, state: RecordState | undefined): string {
  if (state === undefined) return ABSENT;
  return createHash('sha256').update(canonicalJson(['mg-state-v1', ref.type, ref.id, state]), 'utf8').digest('hex');
}

/** The digest of one event's list of vouched states, in the order stored (type, id). */
export function stateDigest(states: readonly { type: string; id: string; hash: string }[]): string | null {
  if (states.length === 0) return null;
  const sorted = [...states].sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify(['mg-states-v1', ...sorted.map((s) => [s.type, s.id, s.hash])]), 'utf8')
    .digest('hex');
}

/** Reads the states of many records of many types, in chunks. */
export async function readStates(db: ReadDb, readers: StateReaders, refs: readonly RecordRef[]): Promise<Map<string, string>> {
  const byType = new Map<string, string[]>();
  for (const r of refs) {
    let ids = byType.get(r.type);
    if (!ids) byType.set(r.type, (ids = []));
    ids.push(r.id);
  }
  const hashes = new Map<string, string>();
  for (const [type, ids] of byType) {
    const reader = readers.get(type);
    if (!reader) throw new Error(`No state reader for records of type “${type}”.`);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const states = await reader.read(db, chunk);
      for (const id of chunk) hashes.set(refKey({ type, id }), stateHash({ type, id }, states.get(id)));
    }
  }
  return hashes;
}

export function refKey(ref: RecordRef): string {
  return `${ref.type}\u0000${ref.id}`;
}

/** The tables whose records are keyed by a text `id` column and whose state is their own columns. */
type RowTable =
  | 'decision'
  | 'decision_vote'
  | 'written_resolution'
  | 'written_resolution_signatory'
  | 'meeting'
  | 'agenda_item'
  | 'paper'
  | 'attendance'
  | 'proxy_appointment'
  | 'short_notice_consent'
  | 'resolution'
  | 'meeting_declaration'
  | 'committee'
  | 'committee_member'
  | 'ballot'
  | 'ballot_question'
  | 'ballot_choice'
  | 'ballot_trustee'
  | 'ballot_share'
  | 'ballot_roll'
  | 'ballot_paper_batch';

/**
 * The usual reader: a record's state is its row, every column, read by id; its ids walk the
 * primary key. Areas whose records need more (a derived state, a check) write their own.
 */
export function rowStateReader(table: RowTable, describe: (db: ReadDb, id: string) => Promise<string>): StateReader {
  return {
    type: table,
    describe,
    read: async (db, ids) => {
      const rows = (await db.selectFrom(table).selectAll().where('id', 'in', ids).execute()) as { id: string }[];
      return new Map(rows.map((r) => [r.id, { ...r }]));
    },
    ids: async (db, after, limit) => {
      let q = db.selectFrom(table).select('id').orderBy('id').limit(limit);
      if (after !== null) q = q.where('id', '>', after);
      return (await q.execute()).map((r) => r.id);
    },
  };
}
