import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { WrittenResolution } from '../../../shared/contract/written-resolutions';
import { stateHash } from '../audit/state';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { expectOk, openTestCore, runJob, setUpOrganisation, tempDbPath, type TestCore } from '../testing';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { writtenResolutionSignatoryState } from './state';

/**
 * A file whose written resolutions were agreed under migration 0014 (the secretary recording the
 * date each agreement was received) keeps them through 0015: every agreement stays as recorded,
 * with its date, read as the secretary's, and the audit states the log vouches for are unchanged
 * (the new columns are null on existing rows, and a state leaves nulls out).
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe('upgrading written resolutions to migration 0015', () => {
  it('keeps every signatory row and its agreement date as recorded, with the same audit state', async () => {
    const path = tempDbPath();
    const raw = openDatabase(path);
    const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
    await migrateToLatest(raw, db, upTo('0014_ballot_slots'));
    raw.pragma('foreign_keys = OFF');
    const at = '2026-11-20T09:00:00.000Z';
    raw.prepare("insert into written_resolution (id, organisation_id, body, kind, text, circulated_on, lapses_after, status, decided_on, created_at, updated_at) values ('wr-1', 'org-1', 'members', 'ordinary', 'That x.', '2026-11-20', '2026-12-17', 'circulating', null, ?, ?)").run(at, at);
    const insert = raw.prepare('insert into written_resolution_signatory (id, written_resolution_id, officer_id, member_id, name, votes, agreed_on, created_at, updated_at) values (?, ?, null, ?, ?, ?, ?, ?, ?)');
    const rows = [
      ['s-1', 'wr-1', 'm-1', 'Ann Shaw', 3, '2026-11-22'],
      ['s-2', 'wr-1', 'm-2', 'Bea Hall', 1, null],
      ['s-3', 'wr-1', 'm-3', 'Cal Ives', 2, '2026-11-25'],
    ] as const;
    for (const r of rows) insert.run(...r, at, at);
    const ids = rows.map((r) => r[0]);
    const hashes = async () => {
      const states = await writtenResolutionSignatoryState.read(db, ids);
      return ids.map((id) => stateHash({ type: 'written_resolution_signatory', id }, states.get(id)));
    };
    const before = await hashes();
    const beforeRows = raw.prepare('select id, name, votes, agreed_on, created_at, updated_at from written_resolution_signatory order by id').all();

    await migrateToLatest(raw, db, migrations);

    expect(raw.prepare('select id, name, votes, agreed_on, created_at, updated_at from written_resolution_signatory order by id').all()).toEqual(beforeRows);
    expect(raw.prepare('select code_hash, agreed_at, agreed_via from written_resolution_signatory').all()).toEqual(rows.map(() => ({ code_hash: null, agreed_at: null, agreed_via: null })));
    expect(await hashes()).toEqual(before);
    // The new columns keep to the law's shape: no channel or instant without an agreement, one hash a code.
    expect(() => raw.prepare("update written_resolution_signatory set agreed_via = 'phone' where id = 's-2'").run()).toThrow(/CHECK/);
    expect(() => raw.prepare("update written_resolution_signatory set agreed_at = '2026-11-30T10:00:00.000Z' where id = 's-2'").run()).toThrow(/CHECK/);
    expect(() => raw.prepare("update written_resolution_signatory set agreed_via = 'post' where id = 's-1'").run()).toThrow(/CHECK/);
    raw.prepare(`update written_resolution_signatory set code_hash = '${'a'.repeat(64)}' where id = 's-1'`).run();
    expect(() => raw.prepare(`update written_resolution_signatory set code_hash = '${'a'.repeat(64)}' where id = 's-2'`).run()).toThrow(/UNIQUE/);
    await db.destroy();
  });

  it('marks an agreement the secretary records as theirs, and reads one recorded before 0015 (no channel) the same way', async () => {
    const t: TestCore = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z') });
    cleanups.push(() => t.cleanup());
    await setUpOrganisation(t.core);
    const cls = await makeClass(t.core, 'Member', null);
    for (const n of ['Ann', 'Bea', 'Cal']) await admit(t.core, cls, person(n, 'Jones'), { admittedOn: '2020-01-06' });
    const wr = expectOk(await t.core.dispatch('writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That x be done.', circulatedOn: '2026-11-20' })) as WrittenResolution;
    const ann = wr.signatories[0]!.id;
    expectOk(await t.core.dispatch('writtenResolutions.recordAgreement', { id: wr.id, signatoryId: ann, agreedOn: '2026-11-22' }));
    expect(t.core.raw.prepare('select agreed_via, agreed_at from written_resolution_signatory where id = ?').get(ann)).toEqual({ agreed_via: 'secretary', agreed_at: null });
    const report = (await runJob(t.core, 'audit.verify', {})).result as { ok: boolean };
    expect(report.ok).toBe(true);
    // As 0014 left every agreement: a date and no channel.
    t.core.raw.prepare('update written_resolution_signatory set agreed_via = null where id = ?').run(ann);
    const got = expectOk(await t.core.dispatch('writtenResolutions.get', { id: wr.id })) as WrittenResolution;
    expect(got.signatories[0]).toMatchObject({ name: 'Ann Jones', agreedOn: '2026-11-22', agreedVia: 'secretary', agreedAt: null, hasCode: false });
    expect(got.signatories[1]).toMatchObject({ agreedOn: null, agreedVia: null });
  });
});
