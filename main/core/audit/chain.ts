import { createHash } from 'node:crypto';

/**
 * The audit chain: each event's hash covers its own fields, the digest of its payload, the
 * digest of the record states it vouches for (version 2, see ./state.ts) and the previous
 * event's hash. Changing, removing, inserting or reordering any stored event breaks every hash
 * after it, which `verify` recomputes.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Version 1 events (written before record states were vouched for) keep their formula. */
export const CHAIN_VERSION = 2;

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
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function eventHash(prevHash: string, e: ChainedFields, version: number = CHAIN_VERSION): string {
  // A JSON array fixes field order and escapes separators, so no two events share an input.
  if (version === 1) {
    return sha256Hex(JSON.stringify(['mg-audit-v1', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash]));
  }
  return sha256Hex(
    JSON.stringify(['mg-audit-v2', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash, e.stateDigest ?? null]),
  );
}

