import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';
import { eventHash } from './chain';
import { verifyAuditChain } from './verify';

/**
 * Migration 0022 assigns the events of a file written before the log was kept per organisation.
 * The file is made through the real methods (two organisations, records in several areas, a
 * removal and an export in each, an action, a relation), then put back as a 0021 file would have it: the column and index
 * gone, 0022 not applied, and every event hashed by the version 2 formula the old writer used.
 * Opening it upgrades it; each event must then be assigned as the writer stamped it live, except
 * the one the migration says it cannot tell (an export after the second organisation existed),
 * which becomes the file's; no hash changes and nothing else is touched.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterAll(async () => {
  await t?.cleanup();
});

interface EventRow {
  seq: number;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  hash: string;
}

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

describe('upgrading a log of two organisations to migration 0022', () => {
  it('assigns every event to the organisation it is about, keeps every hash and record, and verify vouches for the assignments', async () => {
    t = await openTestCore({ now: () => NOW });
    const call = (method: string, input: unknown) => t!.core.dispatch(method, input);
    const ok = async <T = Record<string, unknown>>(method: string, input: unknown) => expectOk(await call(method, input)) as T;

    const alpha = (await setUpOrganisation(t.core, { particulars: { name: 'Alpha Care Mutual', legalForm: 'cic_limited_by_shares' } })) as Organisation;
    const cls = await makeClass(t.core, 'Alpha staff', { nominalPence: 100 });
    await admit(t.core, cls, person('Sam', 'Alphason'), { admittedOn: '2020-01-06' });
    const alphaMeeting = await ok<{ meeting: { id: string }; items: { id: string; title: string }[] }>('meetings.create', { kind: 'board', heldOn: '2026-03-10', startsAt: '18:30', endsAt: '20:30', place: 'Alpha Hall, Leeds' });
    const alphaItems = await ok<{ items: { id: string; title: string }[] }>('meetings.addItem', { meetingId: alphaMeeting.meeting.id, title: 'Alpha item to drop', purpose: 'information' });
    await ok('meetings.removeItem', { id: alphaItems.items.find((i) => i.title === 'Alpha item to drop')!.id });
    await ok('exports.memberIndexPage', {});

    const bravo = await ok<Organisation>('group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321', legalForm: 'cic_limited_by_shares' } }));
    await ok('group.switch', { organisationId: bravo.id });
    const bcls = await makeClass(t.core, 'Bravo staff', { nominalPence: 100 });
    await admit(t.core, bcls, person('Sam', 'Bravoson'), { admittedOn: '2020-01-06' });
    const bravoMeeting = await ok<{ meeting: { id: string } }>('meetings.create', { kind: 'board', heldOn: '2026-04-10', startsAt: '18:30', endsAt: '20:30', place: 'Bravo Hall, Leeds' });
    const bravoItems = await ok<{ items: { id: string; title: string }[] }>('meetings.addItem', { meetingId: bravoMeeting.meeting.id, title: 'Bravo item to keep', purpose: 'decision' });
    const kept = bravoItems.items.find((i) => i.title === 'Bravo item to keep')!.id;
    const dropped = await ok<{ items: { id: string; title: string }[] }>('meetings.addItem', { meetingId: bravoMeeting.meeting.id, title: 'Bravo item to drop', purpose: 'information' });
    await ok('meetings.removeItem', { id: dropped.items.find((i) => i.title === 'Bravo item to drop')!.id });
    await ok('actions.create', { meetingId: bravoMeeting.meeting.id, agendaItemId: kept, description: 'Write to the Bravo council', ownerName: 'Sam Bravoson', dueOn: '2026-05-01' });
    await ok('exports.memberIndexPage', {});
    await ok('group.setRelation', { organisationId: alpha.id, relatedOrganisationId: bravo.id, kind: 'sister', sinceOn: '2024-01-01' });
    await ok('group.switch', { organisationId: alpha.id });

    const live = t.core.raw.prepare('select seq, action, entity_type, entity_id, organisation_id, hash from audit_event order by seq').all() as EventRow[];
    expect(live.every((e) => e.organisation_id !== null)).toBe(true);
    // An export names no record: the writer stamps it with the organisation current at the time.
    expect(live.filter((e) => e.action === 'register.exported').map((e) => e.organisation_id)).toEqual([alpha.id, bravo.id]);
    const tables = ['organisation', 'member', 'membership_class', 'meeting', 'agenda_item', 'action_item', 'organisation_relation', 'audit_payload', 'audit_state'];
    const counts = (raw: Database.Database) => Object.fromEntries(tables.map((name) => [name, raw.prepare(`select count(*) from ${name}`).pluck().get()]));
    const before = counts(t.core.raw);
    const path = t.dbPath;
    await t.core.close();

    backTo0021(path);
    const old = new Database(path, { readonly: true });
    const oldHashes = old.prepare('select seq, hash from audit_event order by seq').all();
    expect(await verifyAuditChain(old)).toMatchObject({ ok: true, events: live.length });
    old.close();

    const reopened = await openTestCore({ now: () => NOW, dbPath: path });
    try {
      const raw = reopened.core.raw;
      expect(counts(raw)).toEqual({
        ...before,
        // The upgrade's own event adds a payload.
        audit_payload: (before.audit_payload as number) + 1,
      });
      const after = raw.prepare('select seq, action, entity_type, entity_id, organisation_id, hash from audit_event order by seq').all() as EventRow[];
      expect(after.slice(0, live.length).map((e) => ({ seq: e.seq, hash: e.hash }))).toEqual(oldHashes);

      const secondSetUp = live.find((e) => e.action === 'organisation.set_up' && e.entity_id === bravo.id)!.seq;
      const expected = live.map((e) => {
        // After Bravo existed, an export names nothing that says whose it was. (The removed item
        // lists its renumbered siblings, which say.)
        const unknowable = e.seq > secondSetUp && e.action === 'register.exported';
        return { seq: e.seq, action: e.action, organisation_id: unknowable ? null : e.organisation_id };
      });
      expect(after.slice(0, live.length).map((e) => ({ seq: e.seq, action: e.action, organisation_id: e.organisation_id }))).toEqual(expected);
      // Before it, the same kinds of event are Alpha's, as the writer stamped them.
      expect(after.filter((e) => e.seq < secondSetUp && (e.action === 'register.exported' || e.action === 'agenda.item_removed')).map((e) => e.organisation_id)).toEqual([alpha.id, alpha.id]);

      const upgrade = after.slice(live.length);
      expect(upgrade).toMatchObject([{ action: 'audit.organisations_assigned', organisation_id: null }]);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: true, events: live.length + 1 });

      // The column cannot be changed in SQL either; someone with a database tool drops the trigger first.
      expect(() => raw.prepare('update audit_event set organisation_id = null where seq = 1').run()).toThrow(/cannot be changed/);
      raw.exec('drop trigger audit_event_no_update');
      // A changed assignment of an upgraded event is found by the upgrade's digest...
      const bravoMember = after.find((e) => e.action === 'member.admitted' && e.organisation_id === bravo.id)!;
      raw.prepare('update audit_event set organisation_id = ? where seq = ?').run(alpha.id, bravoMember.seq);
      const tampered = await verifyAuditChain(raw);
      expect(tampered).toMatchObject({ ok: false, brokenSeq: upgrade[0]!.seq, problem: expect.stringMatching(/organisation was changed outside the app/) });
      raw.prepare('update audit_event set organisation_id = ? where seq = ?').run(bravo.id, bravoMember.seq);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: true });

      // ...and a new event's by its own hash (version 3).
      expectOk(await reopened.core.dispatch('meetings.addItem', { meetingId: alphaMeeting.meeting.id, title: 'After the upgrade', purpose: 'information' }));
      const fresh = raw.prepare('select seq, chain_version, organisation_id from audit_event order by seq desc limit 1').get() as { seq: number; chain_version: number; organisation_id: string };
      expect(fresh).toMatchObject({ chain_version: 3, organisation_id: alpha.id });
      raw.prepare('update audit_event set organisation_id = ? where seq = ?').run(bravo.id, fresh.seq);
      expect(await verifyAuditChain(raw)).toMatchObject({ ok: false, brokenSeq: fresh.seq, problem: expect.stringMatching(/changed after it was written/) });
    } finally {
      await reopened.cleanup();
    }
  }, 120_000);
});
