import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing';
import { GENESIS_HASH, eventHash, sha256Hex } from './chain';
import type { Actor, AuditEntry } from './log';
import { verifyAuditChain } from './verify';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await t.cleanup();
});

const who = { actor: 'Company Secretary', at: '2026-11-28T10:15:00.000Z' };
const entry = (n: number): AuditEntry => ({
  action: 'rules.updated',
  entityType: 'governing_rules',
  entityId: 'org-1',
  summary: `Change ${n}`,
  before: { gmQuorum: n },
  after: { gmQuorum: n + 1 },
});

interface Stored {
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
  chain_version: number;
  state_digest: string | null;
  organisation_id: string | null;
  body: string;
}
/** One mutation that records these events (and changes nothing else). */
function record(entries: AuditEntry[], as: Actor = who, fail?: Error): Promise<void> {
  return t.core.mutate(
    'test',
    async (tx) => {
      tx.audit(entries);
      if (fail) throw fail;
    },
    as,
  );
}
function stored(): Stored[] {
  return t.core.raw
    .prepare('select e.*, p.body from audit_event e join audit_payload p on p.event_id = e.id order by e.seq')
    .all() as Stored[];
}
function head(): { seq: number; hash: string } | undefined {
  return t.core.raw.prepare('select seq, hash from audit_head').get() as { seq: number; hash: string } | undefined;
}

describe('the audit writer', () => {
  it('writes nothing when the caller’s transaction fails after appending', async () => {
    await record([entry(1)]);
    const headBefore = head();

    await expect(record([entry(2), entry(3)], who, new Error('the change itself failed'))).rejects.toThrow('the change itself failed');

    expect(stored().map((e) => e.summary)).toEqual(['Change 1']);
    expect(head()).toEqual(headBefore);
    expect(t.core.raw.prepare('select count(*) from audit_payload').pluck().get()).toBe(1);
  });

  it('links each event to the one before it, starting from the genesis hash', async () => {
    await record([entry(1), entry(2)]);
    await record([entry(3)], { ...who, actor: 'Chair' });
    await record([entry(4)]);

    const events = stored();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev_hash).toBe(events[i - 1]!.hash);
    for (const e of events) {
      expect(e.payload_hash).toBe(sha256Hex(e.body));
      expect(e.hash).toBe(
        eventHash(e.prev_hash, {
          seq: e.seq,
          id: e.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          summary: e.summary,
          payloadHash: e.payload_hash,
          stateDigest: e.state_digest,
          organisationId: e.organisation_id,
        }),
      );
      expect(e.chain_version).toBe(3);
    }
    expect(events[2]!.actor).toBe('Chair');
    expect(head()).toEqual({ seq: 4, hash: events[3]!.hash });
  });

  it('stores before and after as the payload, null when not given', async () => {
    await record([entry(1), { action: 'data.restored', entityType: 'database', entityId: null, summary: 'Restored' }]);
    const [first, second] = stored();
    expect(JSON.parse(first!.body)).toEqual({ before: { gmQuorum: 1 }, after: { gmQuorum: 2 } });
    expect(JSON.parse(second!.body)).toEqual({ before: null, after: null });
    expect(second!.entity_id).toBeNull();
  });

  it('keeps the chain whole across the insert batches of a large append', async () => {
    const many = Array.from({ length: 450 }, (_, i) => entry(i));
    await record(many);
    const report = await verifyAuditChain(t.core.raw);
    expect(report).toEqual({ ok: true, events: 450, headHash: head()!.hash });
    expect(head()!.seq).toBe(450);
  });

  it('does nothing for an empty list, not even creating the head', async () => {
    await record([]);
    expect(stored()).toEqual([]);
    expect(head()).toBeUndefined();
  });
});

describe('eventHash', () => {
  const base = {
    seq: 1,
    id: 'id-1',
    at: who.at,
    actor: 'a',
    action: 'rules.updated',
    entityType: 'governing_rules',
    entityId: null,
    summary: 's',
    payloadHash: sha256Hex('{}'),
  };
  it('changes when any chained field changes', () => {
    const h = eventHash(GENESIS_HASH, base);
    const variants = [
      eventHash('1'.repeat(64), base),
      eventHash(GENESIS_HASH, { ...base, seq: 2 }),
      eventHash(GENESIS_HASH, { ...base, id: 'id-2' }),
      eventHash(GENESIS_HASH, { ...base, at: '2026-11-28T10:15:00.001Z' }),
      eventHash(GENESIS_HASH, { ...base, actor: 'b' }),
      eventHash(GENESIS_HASH, { ...base, action: 'organisation.updated' }),
      eventHash(GENESIS_HASH, { ...base, entityType: 'organisation' }),
      eventHash(GENESIS_HASH, { ...base, entityId: '' }),
      eventHash(GENESIS_HASH, { ...base, summary: 's ' }),
      eventHash(GENESIS_HASH, { ...base, payloadHash: sha256Hex('[]') }),
    ];
    expect(new Set([h, ...variants]).size).toBe(variants.length + 1);
  });

  it('covers the state digest from version 2, and keeps version 1 events’ formula', () => {
    const v2 = eventHash(GENESIS_HASH, { ...base, stateDigest: null });
    expect(eventHash(GENESIS_HASH, { ...base, stateDigest: 'a'.repeat(64) })).not.toBe(v2);
    expect(eventHash(GENESIS_HASH, base, 1)).not.toBe(v2);
    expect(eventHash(GENESIS_HASH, { ...base, stateDigest: 'a'.repeat(64) }, 1)).toBe(eventHash(GENESIS_HASH, base, 1));
  });

  it('cannot be fooled by moving text between neighbouring fields', () => {
    const a = eventHash(GENESIS_HASH, { ...base, actor: 'ab', action: 'c' });
    const b = eventHash(GENESIS_HASH, { ...base, actor: 'a', action: 'bc' });
    expect(a).not.toBe(b);
  });
});
