import { createHash } from 'node:crypto';

/**
 * The audit chain: each event's hash covers its own fields, the digest of its payload and the
 * previous event's hash. Changing, removing, inserting or reordering any stored event breaks
 * every hash after it, which `verify` recomputes.
 */
export const GENESIS_HASH = '0'.repeat(64);

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
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  // A JSON array fixes field order and escapes separators, so no two events share an input.
  return sha256Hex(
    JSON.stringify(['mg-audit-v1', prevHash, e.seq, e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.summary, e.payloadHash]),
  );
}
