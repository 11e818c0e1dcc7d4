import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Officer } from '../../../shared/contract/officers';
import type { Psc } from '../../../shared/contract/psc';
import { GENESIS_HASH, eventHash, sha256Hex } from '../audit/chain';
import { Core } from '../core';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { expectOk, runJob, tempDbPath } from '../testing';

/**
 * A file written before migration 0005 (the board and Companies House filings) keeps every
 * officer, appointment, residential address and PSC; none gains an invented filing duty; and a
 * change recorded after the upgrade gets its duty as usual. The file is written at schema 0003,
 * as the first version of the app left it, so the start-up that upgrades it also records the
 * audit baseline (0004) and verify can compare every old record with the log.
 */
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const ORG = '0190f000-0000-7000-8000-000000000001';
const OFFICER = '0190f000-0000-7000-8000-0000000000a1';
const PSC = '0190f000-0000-7000-8000-0000000000b1';

async function oldFile(): Promise<string> {
  const path = tempDbPath();
  const raw = openDatabase(path);
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  const upTo = migrations.findIndex((m) => m.name === '0003_member_tally') + 1;
  await migrateToLatest(raw, db, migrations.slice(0, upTo));
  const at = '2025-06-01T09:00:00.000Z';
  raw
    .prepare(
      `insert into organisation (id, name, legal_form, registration_number, office_line1, office_line2, office_town, office_county, office_postcode, office_country, incorporated_on, financial_year_end, created_at, updated_at)
       values (?, 'Old Mutual', 'company_limited_by_guarantee', '01234567', '1 High St', null, 'Leeds', null, 'LS1 1AA', 'england', '2015-04-01', '03-31', ?, ?)`,
    )
    .run(ORG, at, at);
  raw.prepare(`insert into governing_rules values (?, 14, 2, 2, 7500, 28, 'one_member_one_vote', 1, 1, 48, ?)`).run(ORG, at);
  raw
    .prepare(
      `insert into officer (id, organisation_id, given_names, family_name, service_line1, service_town, service_postcode, date_of_birth, nationality, occupation, country_of_residence, created_at, updated_at)
       values (?, ?, 'Priya', 'Shah', '1 High St', 'Leeds', 'LS1 1AA', '1984-09-02', 'British', 'Nurse', 'England', ?, ?)`,
    )
    .run(OFFICER, ORG, at, at);
  raw.prepare(`insert into officer_residential_address (officer_id, line1, town, postcode, updated_at) values (?, '7 Larkspur Close', 'Otley', 'LS21 3QP', ?)`).run(OFFICER, at);
  raw
    .prepare(`insert into appointment (id, organisation_id, officer_id, role, director_kind, appointed_on, created_at, updated_at) values ('0190f000-0000-7000-8000-0000000000c1', ?, ?, 'director', 'employee', '2024-04-01', ?, ?)`)
    .run(ORG, OFFICER, at, at);
  raw
    .prepare(
      `insert into psc (id, organisation_id, kind, name, service_line1, service_town, date_of_birth, nationality, country_of_residence, natures, became_registrable_on, created_at, updated_at)
       values (?, ?, 'individual', 'Margaret Hale', '1 High St', 'Leeds', '1961-03-14', 'British', 'England', 'votes_25_to_50', '2019-07-01', ?, ?)`,
    )
    .run(PSC, ORG, at, at);
  // One version-1 event, as the app then wrote them; the first start records the baseline of states.
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

describe('upgrading a file to migration 0005', () => {
  it('keeps every officer, appointment, residential address and PSC, invents no filing duty, and verify passes', async () => {
    const path = await oldFile();
    core = await Core.open({ dbPath: path, host: 'cli', now: () => new Date('2026-12-01T10:00:00Z') });
    const [officer] = expectOk(await core.dispatch('officers.list', { status: 'all' })) as Officer[];
    expect(officer).toMatchObject({ id: OFFICER, givenNames: 'Priya', identity: null, appointments: [{ role: 'director', appointedOn: '2024-04-01', ceasedOn: null }] });
    expect(expectOk(await core.dispatch('officers.residentialAddress', { id: OFFICER }))).toEqual({ line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' });
    const psc = expectOk(await core.dispatch('psc.register', {})) as { people: Psc[] };
    expect(psc.people.map((p) => [p.name, p.natures])).toEqual([['Margaret Hale', ['votes_25_to_50']]]);
    const filings = expectOk(await core.dispatch('filings.list', { status: 'all' })) as { duties: unknown[]; trackedSince: string };
    expect(filings.duties).toEqual([]);
    expect(filings.trackedSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });

    // The old officer keeps working: ending the appointment now needs its TM01.
    expectOk(await core.dispatch('officers.endAppointment', { appointmentId: officer!.appointments[0]!.id, ceasedOn: '2026-11-30' }));
    const after = expectOk(await core.dispatch('filings.list', {})) as { duties: { form: string; description: string }[] };
    expect(after.duties.map((d) => [d.form, d.description])).toEqual([['TM01', 'Priya Shah ceased to be a director on 30 November 2026']]);
  });
});
