import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleValues } from '../../../shared/rules/governing-rules';
import { expectOk, openTestCore, runJob, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';
import { eventHash, sha256Hex } from './chain';
import { verifyAuditChain, type ChainReport } from './verify';

/**
 * The audit log is the app's precaution against falsification (CA 2006 s1138). These tests
 * play an attacker with the sqlite3 shell: drop the triggers, then change, remove, insert or
 * reorder stored events, and check that verify names the first event that no longer fits.
 */
let t: TestCore;
let raw: BetterSqlite3.Database;

interface EventRow {
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
}

beforeEach(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const rules = defaultRuleValues('company_limited_by_guarantee');
  for (const days of [15, 21, 28]) expectOk(await t.core.dispatch('rules.update', { ...rules, gmNoticeClearDays: days }));
  expectOk(await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, name: 'Riverside Care Mutual Ltd' }));
  raw = t.core.raw;
});
afterEach(async () => {
  await t.cleanup();
});

function dropTriggers(): void {
  raw.exec(`drop trigger audit_event_no_update; drop trigger audit_event_no_delete;
            drop trigger audit_payload_no_delete; drop trigger audit_payload_redact_only;`);
}
function event(seq: number): EventRow {
  return raw.prepare('select * from audit_event where seq = ?').get(seq) as EventRow;
}
/** A forged event an attacker who knows the hashing scheme would write after `prev`. */
function forge(seq: number, prevHash: string, summary: string): { row: EventRow; body: string } {
  const body = JSON.stringify({ before: null, after: { forged: true } });
  const fields = {
    seq,
    id: `0190f000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    at: '2026-11-28T09:00:00.000Z',
    actor: 'intruder',
    action: 'rules.updated',
    entityType: 'governing_rules',
    entityId: null,
    summary,
    payloadHash: sha256Hex(body),
  };
  return {
    body,
    row: {
      id: fields.id,
      seq,
      at: fields.at,
      actor: fields.actor,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: null,
      summary,
      payload_hash: fields.payloadHash,
      prev_hash: prevHash,
      hash: eventHash(prevHash, { ...fields, stateDigest: null, organisationId: null }),
      chain_version: 3,
      state_digest: null,
      organisation_id: null,
    },
  };
}
function insertForged(f: { row: EventRow; body: string }): void {
  raw.prepare(
    `insert into audit_event (id, seq, at, actor, action, entity_type, entity_id, summary, payload_hash, prev_hash, hash, chain_version, state_digest, organisation_id)
     values (@id, @seq, @at, @actor, @action, @entity_type, @entity_id, @summary, @payload_hash, @prev_hash, @hash, @chain_version, @state_digest, @organisation_id)`,
  ).run(f.row);
  raw.prepare('insert into audit_payload (event_id, body) values (?, ?)').run(f.row.id, f.body);
}
/** Deletes an event the way a careful intruder would: its payload and the record states beside it too. */
function deleteEvent(seq: number): void {
  const id = event(seq).id;
  raw.exec('drop trigger if exists audit_state_no_delete');
  raw.prepare('delete from audit_state where event_seq = ?').run(seq);
  raw.prepare('delete from audit_payload where event_id = ?').run(id);
  raw.prepare('delete from audit_event where id = ?').run(id);
}

async function expectBrokenAt(seq: number, problem: RegExp): Promise<void> {
  const report: ChainReport = await verifyAuditChain(raw);
  expect(report.ok).toBe(false);
  if (report.ok) return;
  expect(report.brokenSeq).toBe(seq);
  expect(report.problem).toContain(`#${seq}`);
  expect(report.problem).toMatch(problem);
}

describe('verifyAuditChain on an untouched log', () => {
  it('reports ok with the number of events and the head hash the app recorded', async () => {
    const report = await verifyAuditChain(raw);
    const head = raw.prepare('select seq, hash from audit_head').get() as { seq: number; hash: string };
    expect(head.seq).toBe(5);
    expect(report).toEqual({ ok: true, events: 5, headHash: head.hash });
    expect(event(5).hash).toBe(head.hash);
  });

  it('reports the same through the audit.verify job, with the file integrity checked', async () => {
    const status = await runJob(t.core, 'audit.verify', {});
    expect(status.state).toBe('succeeded');
    expect(status.result).toMatchObject({ ok: true, events: 5, integrity: 'ok' });
  });

  it('gives the same answer when read in small batches', async () => {
    const progress: number[] = [];
    const report = await verifyAuditChain(raw, { batchSize: 2, onProgress: (done) => progress.push(done) });
    expect(report.ok && report.events).toBe(5);
    expect(progress).toEqual([2, 4, 5]);
  });

  it('accepts a payload erased by a later removal of register entries (CA 2006 s121)', async () => {
    await t.core.mutate('test', async (tx) => {
      tx.audit([{ action: 'register.entries_removed', entityType: 'register', entityId: null, summary: '1 entry removed', after: { memberNumbers: [1] } }]);
    });
    raw.prepare('update audit_payload set body = null, redacted_at = ?, redacted_by = ? where event_id = ?').run(
      '2026-11-28T10:00:00.000Z',
      event(6).id,
      event(2).id,
    );
    expect(await verifyAuditChain(raw)).toMatchObject({ ok: true, events: 6 });
  });

  it('names an erasure claimed by a later event that is not a lawful removal', async () => {
    raw.prepare('update audit_payload set body = null, redacted_at = ?, redacted_by = ? where event_id = ?').run(
      '2026-11-28T10:00:00.000Z',
      event(5).id,
      event(2).id,
    );
    const report = await verifyAuditChain(raw);
    expect(report).toMatchObject({ ok: false, brokenSeq: 2 });
    expect(!report.ok && report.problem).toContain('no later event that lawfully erased it');
  });
});

describe('the append-only triggers', () => {
  it('refuse changing or deleting an audit event', () => {
    expect(() => raw.prepare("update audit_event set summary = 'x' where seq = 1").run()).toThrow(/cannot be changed/);
    expect(() => raw.prepare('delete from audit_event where seq = 5').run()).toThrow(/cannot be deleted/);
  });

  it('refuse deleting a payload or rewriting its body', () => {
    expect(() => raw.prepare('delete from audit_payload').run()).toThrow(/cannot be deleted/);
    expect(() => raw.prepare(`update audit_payload set body = '{"before":null,"after":null}'`).run()).toThrow(/can only be redacted/);
  });

  it('refuse an erasure that does not say which event erased it', () => {
    expect(() => raw.prepare("update audit_payload set body = null, redacted_at = '2026-11-28T10:00:00.000Z'").run()).toThrow(
      /can only be redacted/,
    );
  });
});

describe('verifyAuditChain detects tampering', () => {
  beforeEach(() => dropTriggers());

  it('names the event whose summary was changed', async () => {
    raw.prepare("update audit_event set summary = 'Governing rules changed: nothing to see' where seq = 3").run();
    await expectBrokenAt(3, /does not match its hash/);
  });

  it('names the event whose organisation was changed or cleared, so the log cannot be made to show it to another', async () => {
    expect(event(3).organisation_id).not.toBeNull();
    raw.prepare("update audit_event set organisation_id = 'another-organisation' where seq = 3").run();
    await expectBrokenAt(3, /does not match its hash/);
    raw.prepare('update audit_event set organisation_id = null where seq = 3').run();
    await expectBrokenAt(3, /does not match its hash/);
  });

  it('names the event whose before/after record was changed', async () => {
    const id = event(2).id;
    raw.prepare(`update audit_payload set body = '{"before":{"gmNoticeClearDays":14},"after":{"gmNoticeClearDays":7}}' where event_id = ?`).run(id);
    await expectBrokenAt(2, /before\/after record that was changed/);
  });

  it('names the event whose before/after record was deleted', async () => {
    raw.prepare('delete from audit_payload where event_id = ?').run(event(4).id);
    await expectBrokenAt(4, /lost its before\/after record/);
  });

  it('names the event whose record was erased with no later event to account for it', async () => {
    const id = event(2).id;
    raw.prepare("update audit_payload set body = null, redacted_at = '2026-11-28T10:00:00.000Z', redacted_by = ? where event_id = ?").run(id, id);
    await expectBrokenAt(2, /erased before\/after record/);
  });

  it('names the missing event when one in the middle is deleted', async () => {
    deleteEvent(3);
    await expectBrokenAt(3, /#3 is missing/);
  });

  it('names the last event when it is deleted from the end', async () => {
    deleteEvent(5);
    await expectBrokenAt(5, /ends at #4.*#5/);
  });

  it('names the event after a forged one inserted in the middle, even when the forgery is hashed correctly', async () => {
    // Renumber #3..#5 to #4..#6 via negative values, as SQLite checks UNIQUE row by row.
    raw.prepare('update audit_event set seq = -seq where seq >= 3').run();
    raw.prepare('update audit_event set seq = -seq + 1 where seq < 0').run();
    // The record states beside the moved events move with them, as a careful intruder would do.
    raw.exec('drop trigger if exists audit_state_no_update');
    raw.prepare('update audit_state set event_seq = -event_seq where event_seq >= 3').run();
    raw.prepare('update audit_state set event_seq = -event_seq + 1 where event_seq < 0').run();
    insertForged(forge(3, event(2).hash, 'Governing rules changed: proxies switched off'));
    // The forgery itself fits after #2; the old #3, now #4, no longer follows it.
    await expectBrokenAt(4, /does not follow the event before it/);
  });

  it('names a forged event appended at the end when the head was not updated', async () => {
    insertForged(forge(6, event(5).hash, 'Governing rules changed: quorum 1'));
    await expectBrokenAt(6, /added outside the app/);
  });

  it('names the first of two events whose order was swapped', async () => {
    raw.prepare('update audit_event set seq = -1 where seq = 2').run();
    raw.prepare('update audit_event set seq = 2 where seq = 3').run();
    raw.prepare('update audit_event set seq = 3 where seq = -1').run();
    await expectBrokenAt(2, /does not follow the event before it/);
  });

  it('names the last event when the head hash no longer matches it', async () => {
    // Change the first character to a different one (a fixed 'f' would change nothing for 1 head in 16).
    raw.prepare("update audit_head set hash = (case when substr(hash, 1, 1) = 'f' then 'e' else 'f' end) || substr(hash, 2)").run();
    await expectBrokenAt(5, /does not match the head/);
  });

  it('changes the head hash when the whole log is rewritten, which is why hosts print it', async () => {
    const recorded = (await verifyAuditChain(raw)) as { ok: true; headHash: string };
    // An attacker who rehashes every event and the head produces a chain that verifies on its
    // own; only a head hash noted elsewhere (a backup's, the CLI's output) shows the change.
    raw.prepare("update audit_event set summary = summary || ' (edited)' where seq = 1").run();
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 5; seq++) {
      const e = event(seq);
      const hash = eventHash(prev, {
        seq,
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
      });
      raw.prepare('update audit_event set prev_hash = ?, hash = ? where seq = ?').run(prev, hash, seq);
      prev = hash;
    }
    raw.prepare('update audit_head set hash = ?').run(prev);
    const after = await verifyAuditChain(raw);
    expect(after.ok).toBe(true);
    expect(after.ok && after.headHash).not.toBe(recorded.headHash);
  });
});
