import type Database from 'better-sqlite3';
import { CHAIN_VERSION, GENESIS_HASH, eventHash, sha256Hex } from '../core/audit/chain';
import { stateDigest, stateHash } from '../core/audit/state';
import { uuidv7 } from '../core/db/ids';

/**
 * The audit log's work written in raw better-sqlite3, for the benchmarks' raw side and set-up:
 * an event of the current chain version chained to the head (stamped with the member's organisation), its payload, and the state of the member it vouches
 * for (read back as the member state reader reads it: the row without its search keys, with
 * its share ledger), as `AuditWriter` writes them. Call inside the caller's transaction.
 */
export function rawMemberAudit(db: Database.Database, actor: string) {
  const insertEvent = db.prepare(
    `insert into audit_event (id, seq, at, actor, action, entity_type, entity_id, summary, payload_hash, prev_hash, hash, chain_version, state_digest, organisation_id)
     values (?, ?, ?, ?, ?, 'member', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayload = db.prepare('insert into audit_payload (event_id, body, redacted_at, redacted_by) values (?, ?, null, null)');
  const insertState = db.prepare("insert into audit_state (entity_type, entity_id, event_seq, state_hash) values ('member', ?, ?, ?)");
  const memberRow = db.prepare('select * from member where id = ?');
  const ledger = db.prepare('select * from share_transaction where member_id = ? order by id');
  const readHead = db.prepare('select seq, hash from audit_head where id = 1');
  const writeHead = db.prepare('insert into audit_head (id, seq, hash) values (1, ?, ?) on conflict(id) do update set seq = excluded.seq, hash = excluded.hash');
  let head: { seq: number; hash: string } | null = null;

  return {
    /** Appends one event about a member, vouching for the member's state as it is now. */
    append(at: string, action: string, memberId: string, summary: string, before: unknown, after: unknown): void {
      head ??= (readHead.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
      const seq = head.seq + 1;
      const id = uuidv7();
      const body = JSON.stringify({ before: before ?? null, after: after ?? null });
      const { sort_key: _s, given_key: _g, email_key: _e, ...own } = memberRow.get(memberId) as Record<string, unknown>;
      const shareLedger = (ledger.all(memberId) as Record<string, unknown>[]).map(({ organisation_id: _o, member_id: _m, ...t }) => t);
      const hash = stateHash({ type: 'member', id: memberId }, { ...own, shareLedger });
      const digest = stateDigest([{ type: 'member', id: memberId, hash }]);
      const organisationId = own['organisation_id'] as string;
      const fields = { seq, id, at, actor, action, entityType: 'member', entityId: memberId, summary, payloadHash: sha256Hex(body), stateDigest: digest, organisationId };
      const eventHashValue = eventHash(head.hash, fields, CHAIN_VERSION);
      insertEvent.run(id, seq, at, actor, action, memberId, summary, fields.payloadHash, head.hash, eventHashValue, CHAIN_VERSION, digest, organisationId);
      insertPayload.run(id, body);
      insertState.run(memberId, seq, hash);
      head = { seq, hash: eventHashValue };
    },
    /** Writes the head once the caller's events are appended. */
    finish(): void {
      if (head) writeHead.run(head.seq, head.hash);
      head = null;
    },
  };
}
