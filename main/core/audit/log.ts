import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import type { DB } from '../db/schema';
import { insertMany } from '../db/batch-insert';
import { uuidv7 } from '../db/ids';
import { GENESIS_HASH, eventHash, sha256Hex } from './chain';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** One line for the log list. No personal data: that belongs in before/after. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface Actor {
  actor: string;
  at: string;
}

const INSERT_BATCH = 200;

/**
 * Appends events to the chain inside the caller's transaction, so the change and its record
 * commit or roll back together. Reads the head once and writes it once per call.
 */
export async function appendAudit(trx: Kysely<DB>, who: Actor, entries: readonly AuditEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const events = [];
  const payloads = [];
  for (const entry of entries) {
    seq += 1;
    const id = uuidv7();
    const body = JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null });
    const payloadHash = sha256Hex(body);
    const fields = {
      seq,
      id,
      at: who.at,
      actor: who.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      payloadHash,
    };
    const hash = eventHash(prev, fields);
    events.push({
      id,
      seq,
      at: who.at,
      actor: who.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      payload_hash: payloadHash,
      prev_hash: prev,
      hash,
    });
    payloads.push({ event_id: id, body, redacted_at: null, redacted_by: null });
    prev = hash;
  }
  await insertMany(trx, 'audit_event', events, INSERT_BATCH);
  await insertMany(trx, 'audit_payload', payloads, INSERT_BATCH);
  if (head) {
    await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
  } else {
    await trx.insertInto('audit_head').values({ id: 1, seq, hash: prev }).execute();
  }
  return events.map((e) => e.id);
}
