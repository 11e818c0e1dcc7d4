import type { Selectable } from 'kysely';

/** The hash-chained audit log (CA 2006 s1138), its payloads, head and the record states it vouches for. */
export interface AuditEventTable {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  /** 1: written before record states were vouched for; 2: covers `state_digest`. */
  chain_version: number;
  /** Digest of the record states this event vouches for (audit_state rows), or null. */
  state_digest: string | null;
  /**
   * The organisation whose record the event is about, or null for an event of the file itself
   * (migration 0022). Hashed from chain version 3; earlier events' assignments are vouched for by
   * the `audit.organisations_assigned` event's digest.
   */
  organisation_id: string | null;
}

export interface AuditStateTable {
  entity_type: string;
  entity_id: string;
  event_seq: number;
  state_hash: string;
}

export interface AuditPayloadTable {
  event_id: string;
  /** JSON {before, after}; null once redacted. */
  body: string | null;
  redacted_at: string | null;
  redacted_by: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_payload: AuditPayloadTable;
  audit_head: AuditHeadTable;
  audit_state: AuditStateTable;
}

export type AuditEventRow = Selectable<AuditEventTable>;
