import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MembershipClass } from '../../../shared/contract/classes';
import type { LedgerEntry } from '../../../shared/contract/shares';
import { GENESIS_HASH, eventHash, sha256Hex } from '../audit/chain';
import { Core } from '../core';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { expectOk, runJob, tempDbPath } from '../testing';

/**
 * A file written before migration 0006, in which a company's class was withdrawable and its
 * ledger held withdrawals (the app then allowed both), keeps every entry: the class is marked not
 * withdrawable, each withdrawal becomes a purchase of own shares (CA 2006 s690-s708) that says it
 * was recorded as a withdrawal, nothing else about the entries changes, one audit event records
 * the conversion, and verify finds the registers as the log says. A society's file is untouched.
 */
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const ORG = '0190f000-0000-7000-8000-000000000001';
const CLS = '0190f000-0000-7000-8000-0000000000c1';
const MEMBER = '0190f000-0000-7000-8000-0000000000d1';
const at = '2025-06-01T09:00:00.000Z';

async function oldFile(legalForm: string, registrationNumber: string): Promise<string> {
  const path = tempDbPath();
  const raw = openDatabase(path);
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  const upTo = migrations.findIndex((m) => m.name === '0003_member_tally') + 1;
  await migrateToLatest(raw, db, migrations.slice(0, upTo));
  raw
    .prepare(
      `insert into organisation (id, name, legal_form, registration_number, office_line1, office_town, office_postcode, office_country, incorporated_on, financial_year_end, created_at, updated_at)
       values (?, 'Old Mutual', ?, ?, '1 High St', 'Leeds', 'LS1 1AA', 'england', '2015-04-01', '03-31', ?, ?)`,
    )
    .run(ORG, legalForm, registrationNumber, at, at);
  raw.prepare(`insert into governing_rules values (?, 14, 2, 2, 7500, 28, 'one_member_one_vote', 1, 1, 48, ?)`).run(ORG, at);
  raw
    .prepare(
      `insert into membership_class (id, organisation_id, name, name_key, voting_rights, votes_per_member, is_employee_class, share_nominal_pence, share_withdrawable, share_transferable, created_at, updated_at)
       values (?, ?, 'Employee', 'employee', 'per_member', 1, 0, 100, 1, 0, ?, ?)`,
    )
    .run(CLS, ORG, at, at);
  raw
    .prepare(
      `insert into member (id, organisation_id, person_id, member_number, class_id, given_names, family_name, sort_key, given_key, address_line1, address_town, admitted_on, shares_held, paid_pence, created_at, updated_at)
       values (?, ?, ?, 1, ?, 'Ada', 'Lovelace', 'lovelace ada', 'ada lovelace', '2 Mill Lane', 'Leeds', '2020-01-06', 6, 600, ?, ?)`,
    )
    .run(MEMBER, ORG, '0190f000-0000-7000-8000-0000000000e9', CLS, at, at);
  const entry = raw.prepare(
    `insert into share_transaction (id, organisation_id, member_id, kind, date, shares, amount_pence, notice_date, payment_date, board_reference, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  entry.run('0190f000-0000-7000-8000-0000000000f1', ORG, MEMBER, 'allotment', '2020-01-06', 10, 1000, null, null, 'Board 2020/01', at);
  entry.run('0190f000-0000-7000-8000-0000000000f2', ORG, MEMBER, 'withdrawal', '2024-03-01', -4, 400, '2024-01-15', '2024-03-08', 'Board 2024/03', at);
  raw.prepare("insert into sequence values (?, 'member_number', 2)").run(ORG);
  // One version-1 event, as the first version of the app wrote them; the upgrade records the baseline of states.
  const body = JSON.stringify({ before: null, after: { name: 'Old Mutual' } });
  const fields = { seq: 1, id: '0190f000-0000-7000-8000-0000000000e1', at, actor: 'secretary', action: 'organisation.set_up', entityType: 'organisation', entityId: ORG, summary: 'Set up', payloadHash: sha256Hex(body) };
  const hash = eventHash(GENESIS_HASH, fields, 1);
  raw
    .prepare('insert into audit_event (id, seq, at, actor, action, entity_type, entity_id, summary, payload_hash, prev_hash, hash) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fields.id, at, fields.actor, fields.action, fields.entityType, fields.entityId, fields.summary, fields.payloadHash, GENESIS_HASH, hash);
  raw.prepare('insert into audit_payload (event_id, body) values (?, ?)').run(fields.id, body);
  raw.prepare('insert into audit_head (id, seq, hash) values (1, 1, ?)').run(hash);
  await db.destroy();
  return path;
}

describe('upgrading a file to migration 0006', () => {
  it('relabels a company’s withdrawals as purchases of own shares, keeps every figure, records the conversion, and verify passes', async () => {
    core = await Core.open({ dbPath: await oldFile('eot_company', '01234567'), host: 'cli', now: () => new Date('2026-11-30T10:00:00Z') });
    const [cls] = expectOk(await core.dispatch('classes.list', {})) as MembershipClass[];
    expect(cls!.shareTerms).toEqual({ nominalPence: 100, withdrawable: false, transferable: false, maxHolding: null, redeemable: false, numbered: false });
    const ledger = expectOk(await core.dispatch('shares.ledger', { memberId: MEMBER })) as { entries: LedgerEntry[]; sharesHeld: number; paidPence: number };
    expect(ledger.entries.map((e) => [e.kind, e.recordedAs, e.date, e.shares, e.amountPence, e.noticeDate, e.paymentDate, e.boardReference, e.balanceAfter])).toEqual([
      ['allotment', null, '2020-01-06', 10, 1000, null, null, 'Board 2020/01', 10],
      ['purchase', 'withdrawal', '2024-03-01', -4, 400, '2024-01-15', '2024-03-08', 'Board 2024/03', 6],
    ]);
    expect(ledger).toMatchObject({ sharesHeld: 6, paidPence: 600 });

    const events = core.raw
      .prepare("select e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'data.migrated'")
      .all() as { summary: string; body: string }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe(
      'A company has no withdrawable shares, so 1 membership class marked not withdrawable (Employee) and 1 ledger entry recorded as a withdrawal relabelled as a purchase of own shares (CA 2006 s690-s708), for 1 member; nothing was deleted',
    );
    const vouched = core.raw.prepare("select s.entity_type, s.entity_id from audit_state s join audit_event e on e.seq = s.event_seq where e.action = 'data.migrated' order by 1").all();
    expect(vouched).toEqual([
      { entity_type: 'member', entity_id: MEMBER },
      { entity_type: 'membership_class', entity_id: CLS },
    ]);
    expect(core.raw.prepare('select count(*) from migration_event').pluck().get()).toBe(0);
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });

    // The converted class now behaves as a company's: no withdrawal, but a purchase of own shares.
    const withdraw = await core.dispatch('shares.withdraw', { memberId: MEMBER, noticeDate: '2026-11-01', date: '2026-11-30', shares: 1, amountRepaidPence: 100 });
    expect(withdraw.ok ? '' : withdraw.error.message).toContain('CA 2006 s684-s689');
    expectOk(await core.dispatch('shares.purchase', { memberId: MEMBER, date: '2026-11-30', shares: 1, amountPaidPence: 100, resolutionReference: 'Ordinary resolution of 20 November 2026' }));
  });

  it('leaves a society’s withdrawable shares and withdrawals as they were', async () => {
    core = await Core.open({ dbPath: await oldFile('cooperative_society', '12345R'), host: 'cli', now: () => new Date('2026-11-30T10:00:00Z') });
    const [cls] = expectOk(await core.dispatch('classes.list', {})) as MembershipClass[];
    expect(cls!.shareTerms?.withdrawable).toBe(true);
    const ledger = expectOk(await core.dispatch('shares.ledger', { memberId: MEMBER })) as { entries: LedgerEntry[] };
    expect(ledger.entries.map((e) => [e.kind, e.recordedAs])).toEqual([
      ['allotment', null],
      ['withdrawal', null],
    ]);
    expect(core.raw.prepare("select count(*) from audit_event where action = 'data.migrated'").pluck().get()).toBe(0);
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });
});
