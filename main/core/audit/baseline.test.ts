import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { VerifyReport } from '../../../shared/contract/audit';
import { Core } from '../core';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { runJob, tempDbPath } from '../testing';
import { GENESIS_HASH, eventHash, sha256Hex } from './chain';

/**
 * A file written before the log vouched for record states (schema 0003) is upgraded: at the
 * first start one event records the state of every record, and from then on verify compares
 * the registers with the log.
 */
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** A file at schema 0003 holding an organisation, as version 0.1 of the app wrote it (v1 events). */
async function oldFile(): Promise<string> {
  const path = tempDbPath();
  const raw = openDatabase(path);
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  await migrateToLatest(raw, db, migrations.slice(0, 3));
  const at = '2025-06-01T09:00:00.000Z';
  raw
    .prepare(
      `insert into organisation (id, name, legal_form, registration_number, office_line1, office_line2, office_town, office_county, office_postcode, office_country, incorporated_on, financial_year_end, created_at, updated_at)
       values ('0190f000-0000-7000-8000-000000000001', 'Old Mutual', 'company_limited_by_guarantee', '01234567', '1 High St', null, 'Leeds', null, 'LS1 1AA', 'england', '2015-04-01', '03-31', ?, ?)`,
    )
    .run(at, at);
  raw
    .prepare(
      `insert into governing_rules values ('0190f000-0000-7000-8000-000000000001', 14, 2, 2, 7500, 28, 'one_member_one_vote', 1, 1, 48, ?)`,
    )
    .run(at);
  const body = JSON.stringify({ before: null, after: { name: 'Old Mutual' } });
  const fields = { seq: 1, id: '0190f000-0000-7000-8000-0000000000e1', at, actor: 'secretary', action: 'organisation.set_up', entityType: 'organisation', entityId: '0190f000-0000-7000-8000-000000000001', summary: 'Set up', payloadHash: sha256Hex(body) };
  const hash = eventHash(GENESIS_HASH, fields, 1);
  raw
    .prepare('insert into audit_event (id, seq, at, actor, action, entity_type, entity_id, summary, payload_hash, prev_hash, hash) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fields.id, at, fields.actor, fields.action, fields.entityType, fields.entityId, fields.summary, fields.payloadHash, GENESIS_HASH, hash);
  raw.prepare('insert into audit_payload (event_id, body) values (?, ?)').run(fields.id, body);
  raw.prepare('insert into audit_head (id, seq, hash) values (1, 1, ?)').run(hash);
  await db.destroy();
  return path;
}

describe('upgrading a file from before record states were vouched for', () => {
  it('records one baseline event for the records then present, after which verify passes', async () => {
    const path = await oldFile();
    core = await Core.open({ dbPath: path, host: 'cli' });
    const baseline = core.raw.prepare("select seq, chain_version, summary from audit_event where action = 'audit.records_baselined'").all();
    expect(baseline).toEqual([{ seq: 2, chain_version: 3, summary: 'The audit log now vouches for the state of 2 existing records' }]);
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    // The third event is the same upgrade's assignment of the earlier events to their organisation (migration 0022).
    expect(core.raw.prepare('select action from audit_event where seq = 3').pluck().get()).toBe('audit.organisations_assigned');
    expect(report).toMatchObject({ ok: true, events: 3, records: { checked: 2, problems: [] } });
  });

  it('does it once: a later start, or a record edited afterwards, records nothing new quietly', async () => {
    const path = await oldFile();
    core = await Core.open({ dbPath: path, host: 'cli' });
    await core.close();
    const raw = openDatabase(path);
    raw.prepare("update organisation set name = 'Quietly Renamed'").run();
    raw.close();
    core = await Core.open({ dbPath: path, host: 'cli' });
    expect(core.raw.prepare("select count(*) from audit_event where action = 'audit.records_baselined'").pluck().get()).toBe(1);
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report.ok).toBe(false);
    expect(report.records.problems).toEqual(['the organisation’s record was changed outside the app (it differs from its last audit event)']);
  });
});
