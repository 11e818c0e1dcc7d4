import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { eventHash } from './chain';
import { verifyAuditChain } from './verify';

/**
 * Migration 0022 assigns the organisations of the events written before the log was kept per
 * organisation (chain versions 1 and 2), and the `audit.organisations_assigned` event the next
 * start records vouches for them. If the app stops between the migration committing and that
 * event being written, the event never exists: verify must then report the unvouched
 * assignments (else anyone could move an old event to another organisation unseen), and the
 * next start must record the event from what the file then holds.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Rewrites the file's log as migrations up to 0021 and the version 2 writer left it. */
function backTo0021(path: string): void {
  const raw = new Database(path);
  raw.exec('drop trigger audit_event_no_update');
  raw.exec('drop index audit_event_organisation; alter table audit_event drop column organisation_id');
  raw.prepare("delete from schema_migration where name = '0022_audit_organisation'").run();
  const rows = raw.prepare('select * from audit_event order by seq').all() as {
    seq: number;
    id: string;
    at: string;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string | null;
    summary: string;
    payload_hash: string;
    state_digest: string | null;
  }[];
  const set = raw.prepare('update audit_event set hash = ?, prev_hash = ?, chain_version = 2 where seq = ?');
  let prev = '0'.repeat(64);
  raw.transaction(() => {
    for (const r of rows) {
      const hash = eventHash(
        prev,
        { seq: r.seq, id: r.id, at: r.at, actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, summary: r.summary, payloadHash: r.payload_hash, stateDigest: r.state_digest },
        2,
      );
      set.run(hash, prev, r.seq);
      prev = hash;
    }
    raw.prepare('update audit_head set hash = ? where id = 1').run(prev);
  })();
  raw.exec(`create trigger audit_event_no_update before update on audit_event
    begin select raise(abort, 'audit events cannot be changed'); end`);
  raw.close();
}

/** A version 2 file upgraded by 0022 whose start stopped before the assigned event was written. */
async function crashedAfter0022(): Promise<{ path: string; events: number }> {
  t = await openTestCore({ now: () => NOW });
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Staff', null);
  await admit(t.core, cls, person('Sam', 'Oldfile'), { admittedOn: '2020-01-06' });
  const events = Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
  await t.core.close();
  backTo0021(t.dbPath);
  // The migration commits (openStore runs it) and the app is killed before the core records the event.
  const store = await openStore(t.dbPath);
  expect(store.migration.applied).toContain('0022_audit_organisation');
  await store.db.destroy();
  return { path: t.dbPath, events };
}

describe('an upgrade to 0022 interrupted before its assigned event was recorded', () => {
  it('verify names the first old event whose organisation nothing vouches for, even one moved to another organisation', async () => {
    const { path, events } = await crashedAfter0022();
    const raw = new Database(path);
    try {
      expect(raw.prepare("select count(*) from audit_event where action = 'audit.organisations_assigned'").pluck().get()).toBe(0);
      const first = raw.prepare('select seq from audit_event where organisation_id is not null order by seq limit 1').pluck().get() as number;
      expect(first).toBeGreaterThan(0);
      const report = await verifyAuditChain(raw);
      expect(report).toMatchObject({ ok: false, events, brokenSeq: first, problem: expect.stringMatching(/^Event #\d+ .* is assigned to an organisation, but no event vouches/) });
      // Someone moves an old event to an organisation that is not its own: still reported.
      raw.exec('drop trigger audit_event_no_update');
      const member = raw.prepare("select seq from audit_event where action = 'member.admitted'").pluck().get() as number;
      raw.prepare("update audit_event set organisation_id = 'someone-else' where seq = ?").run(member);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: false, brokenSeq: first });
      raw.prepare("update audit_event set organisation_id = null where seq <= ?").run(member - 1);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: false, brokenSeq: member });
    } finally {
      raw.close();
    }
  }, 60_000);

  it('the next start records the assigned event from what the file holds then, says so, and verify passes and vouches for it again', async () => {
    const { path, events } = await crashedAfter0022();
    const reopened = await openTestCore({ now: () => NOW, dbPath: path });
    try {
      const raw = reopened.core.raw;
      const healed = raw.prepare("select seq, summary, organisation_id from audit_event where action = 'audit.organisations_assigned'").all() as { seq: number; summary: string; organisation_id: string | null }[];
      expect(healed).toHaveLength(1);
      expect(healed[0]).toMatchObject({ seq: events + 1, organisation_id: null, summary: expect.stringMatching(/recorded at a later start/) });
      expect(raw.prepare("select count(*) from migration_event where migration = '0022_audit_organisation'").pluck().get()).toBe(0);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: true, events: events + 1 });
      // Once vouched for, a changed assignment is found by the digest as after an uninterrupted upgrade.
      raw.exec('drop trigger audit_event_no_update');
      const member = raw.prepare("select seq from audit_event where action = 'member.admitted'").pluck().get() as number;
      raw.prepare("update audit_event set organisation_id = 'someone-else' where seq = ?").run(member);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: false, brokenSeq: events + 1, problem: expect.stringMatching(/organisation was changed outside the app/) });
    } finally {
      await reopened.cleanup();
    }
    // A start after the heal records nothing more.
    const again = await openTestCore({ now: () => NOW, dbPath: path });
    try {
      expect(again.core.raw.prepare("select count(*) from audit_event where action = 'audit.organisations_assigned'").pluck().get()).toBe(1);
    } finally {
      await again.core.close();
    }
  }, 60_000);
});
