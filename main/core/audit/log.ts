import type { AuditAction } from '../../../shared/domain/audit-actions';
import type { WriteDb } from '../context';
import { insertMany } from '../db/batch-insert';
import { uuidv7 } from '../db/ids';
import { CHAIN_VERSION, GENESIS_HASH, eventHash, sha256Hex } from './chain';
import { hasOwner, ownersOf } from './owner';
import { readStates, refKey, stateDigest, type RecordRef, type StateReaders } from './state';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** One line for the log list. No personal data: that belongs in before/after. */
  summary: string;
  before?: unknown;
  after?: unknown;
  /**
   * The records this event leaves in a new state, whose state the log then vouches for. By
   * default the event's own entity when its type has a state reader; list them when the event
   * changes others too (an organisation set up with its governing rules) or none.
   */
  records?: readonly RecordRef[];
  /**
   * The organisation the event belongs to (the log shows an organisation its own events and the
   * file's). By default the organisation of the event's entity, else of the records it lists when
   * they are all one organisation's, else the current organisation; null for an event of the file
   * itself (a restore, the baseline, an upgrade).
   */
  organisationId?: string | null;
}

export interface Actor {
  actor: string;
  at: string;
}

interface Pending {
  id: string;
  entry: AuditEntry;
  refs: readonly RecordRef[];
}

const INSERT_BATCH = 200;

/**
 * Appends events to the chain inside a mutation's transaction, so the change and its record
 * commit or roll back together. Events are buffered and written by `flush()`, which the
 * mutation wrapper calls after the handler has made every change: the states the events vouch
 * for are read then, as they will commit. A handler that needs its event to exist before it
 * finishes (an erasure that points at it) flushes early.
 */
export class AuditWriter {
  readonly #db: WriteDb;
  readonly #who: Actor;
  readonly #readers: StateReaders;
  #pending: Pending[] = [];
  #written = 0;
  #ownChanges = 0;

  readonly #current: () => Promise<string | null>;

  /** `current` answers the organisation the mutation acts for (the current one), for events whose records cannot say. */
  constructor(db: WriteDb, who: Actor, readers: StateReaders, current: () => Promise<string | null> = async () => null) {
    this.#db = db;
    this.#who = who;
    this.#readers = readers;
    this.#current = current;
  }

  /** Buffers events; returns their ids (assigned now, written at flush). */
  append(entries: AuditEntry | readonly AuditEntry[]): string[] {
    const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
    return list.map((entry) => {
      const id = uuidv7();
      const refs = entry.records ?? (entry.entityId !== null && this.#readers.has(entry.entityType) ? [{ type: entry.entityType, id: entry.entityId }] : []);
      for (const r of refs) if (!this.#readers.has(r.type)) throw new Error(`Audit event ${entry.action} vouches for “${r.type}” records, which have no state reader.`);
      this.#pending.push({ id, entry, refs });
      return id;
    });
  }

  /** Rows the writer itself inserted or updated (the log's own tables), to tell them from record changes. */
  get ownChanges(): number {
    return this.#ownChanges;
  }

  /** Events appended so far, written or not. */
  get count(): number {
    return this.#written + this.#pending.length;
  }

  async flush(): Promise<void> {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    // Each record's state is recorded once, on the last event of this batch that names it.
    const lastFor = new Map<string, number>();
    pending.forEach((p, i) => p.refs.forEach((r) => lastFor.set(refKey(r), i)));
    const refs = [...lastFor.keys()].map((k) => {
      const [type, id] = k.split('\u0000') as [string, string];
      return { type, id };
    });
    const hashes = await readStates(this.#db, this.#readers, refs);
    const organisations = await this.#organisationsOf(pending);

    const head = await this.#db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    let seq = head?.seq ?? 0;
    let prev = head?.hash ?? GENESIS_HASH;
    const events = [];
    const payloads = [];
    const states = [];
    for (let i = 0; i < pending.length; i++) {
      const { id, entry, refs: own } = pending[i]!;
      seq += 1;
      const vouched = own.filter((r) => lastFor.get(refKey(r)) === i).map((r) => ({ type: r.type, id: r.id, hash: hashes.get(refKey(r))! }));
      const digest = stateDigest(vouched);
      const body = JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null });
      const payloadHash = sha256Hex(body);
      const fields = {
        seq,
        id,
        at: this.#who.at,
        actor: this.#who.actor,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        summary: entry.summary,
        payloadHash,
        stateDigest: digest,
        organisationId: organisations[i]!,
      };
      const hash = eventHash(prev, fields, CHAIN_VERSION);
      events.push({
        id,
        seq,
        at: fields.at,
        actor: fields.actor,
        action: fields.action,
        entity_type: fields.entityType,
        entity_id: fields.entityId,
        summary: fields.summary,
        payload_hash: payloadHash,
        prev_hash: prev,
        hash,
        chain_version: CHAIN_VERSION,
        state_digest: digest,
        organisation_id: fields.organisationId,
      });
      payloads.push({ event_id: id, body, redacted_at: null, redacted_by: null });
      for (const v of vouched) states.push({ event_seq: seq, entity_type: v.type, entity_id: v.id, state_hash: v.hash });
      prev = hash;
    }
    await insertMany(this.#db, 'audit_event', events, INSERT_BATCH);
    await insertMany(this.#db, 'audit_payload', payloads, INSERT_BATCH);
    await insertMany(this.#db, 'audit_state', states, INSERT_BATCH);
    if (head) await this.#db.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
    else await this.#db.insertInto('audit_head').values({ id: 1, seq, hash: prev }).execute();
    this.#written += pending.length;
    // Rows this flush inserted or updated (no trigger writes on insert into the log's tables), so
    // the mutation wrapper can tell the handler's own changes from the log's without asking SQLite.
    this.#ownChanges += events.length + payloads.length + states.length + 1;
  }

  /** Each pending event's organisation (see AuditEntry.organisationId), read after the handler's changes. */
  async #organisationsOf(pending: readonly Pending[]): Promise<(string | null)[]> {
    const asked: RecordRef[] = [];
    for (const { entry, refs } of pending) {
      if (entry.organisationId !== undefined) continue;
      if (entry.entityId !== null && hasOwner(entry.entityType)) asked.push({ type: entry.entityType, id: entry.entityId });
      asked.push(...refs);
    }
    const owners = asked.length > 0 ? await ownersOf(this.#db, asked) : new Map<string, string>();
    let current: string | null | undefined;
    const out: (string | null)[] = [];
    for (const { entry, refs } of pending) {
      if (entry.organisationId !== undefined) {
        out.push(entry.organisationId);
        continue;
      }
      const own = entry.entityId !== null ? owners.get(refKey({ type: entry.entityType, id: entry.entityId })) : undefined;
      if (own !== undefined) {
        out.push(own);
        continue;
      }
      const listed = new Set(refs.map((r) => owners.get(refKey(r))).filter((o): o is string => o !== undefined));
      if (listed.size === 1) {
        out.push([...listed][0]!);
        continue;
      }
      // Asked once per flush (null, no organisation yet, is an answer too).
      if (current === undefined) current = await this.#current();
      out.push(current);
    }
    return out;
  }
}
