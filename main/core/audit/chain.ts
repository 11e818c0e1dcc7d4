import { createHash } from 'node:crypto';

/**
 * The audit chain: each event's hash covers its own fields, the digest of its payload, the
 * digest of the record states it vouches for (version 2, see ./state.ts) and the previous
 * event's hash. Changing, removing, inserting or reordering any stored event breaks every hash
 * after it, which `verify` recomputes.
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Version 1 events (written before record states were vouched for) and version 2 events (written
 * before the log was kept per organisation, migration 0022) keep their formulas, so no hash the
 * file's backups, exports and printed fingerprints hold ever changes. Version 3 covers the
 * organisation the event belongs to.
 */
export const CHAIN_VERSION = 3;

export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  payloadHash: string;
  /** Version 2 only: the digest of the states the event vouches for, or null for none. */
  stateDigest?: string | null;
  /** Version 3 only: the organisation the event belongs to, or null for an event of the file itself. */
  organisationId?: string | null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function eventHash(prevHash: string, e: ChainedFields, version: number = CHAIN_VERSION): string {
  // A JSON array fixes field order and escapes separators, so no two events share an input.
  if (version === 1) {
    return sha256Hex(JSON.stringify(['mg-audit-v1', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash]));
  }
  if (version === 3) {
    return sha256Hex(
      JSON.stringify(['mg-audit-v3', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash, e.stateDigest ?? null, e.organisationId ?? null]),
    );
  }
  return sha256Hex(
    JSON.stringify(['mg-audit-v2', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash, e.stateDigest ?? null]),
  );
}

