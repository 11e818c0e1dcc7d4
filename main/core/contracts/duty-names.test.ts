import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { ContractDetail, TimelineEntry } from '../../../shared/contract/contracts';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { open, ok } from '../decisions/fixtures.test-helpers';
import { commissioner, communityHealth as contract } from './fixtures.test-helpers';
import { runJob, tempDbPath, type TestCore } from '../testing';

/**
 * The names a dated duty is shown with on the timeline are kept on the duty (migration 0023), so
 * the timeline joins nothing for them. They must always be its contract's reference and title and
 * its commissioner's name as they are now: filled for duties already in a file, written with each
 * rebuilt duty, passed on by triggers when the contract or commissioner changes (whatever writes),
 * and checked by Verify. Today on the fixed clock: 30 November 2026.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Timeline = { entries: TimelineEntry[]; overdueCount: number; truncated: boolean };

const names = (t: TestCore, contractId: string) =>
  t.core.raw.prepare('select distinct contract_reference, contract_title, counterparty_name from contract_duty where contract_id = ?').all(contractId) as {
    contract_reference: string;
    contract_title: string;
    counterparty_name: string;
  }[];

const shown = async (t: TestCore) => {
  const r = await ok<Timeline>(t, 'contracts.timeline', { from: '2025-01-01', to: '2028-12-31', includeOverdue: true });
  return [...new Set(r.entries.map((e) => `${e.contractReference} | ${e.contractTitle} | ${e.counterpartyName}`))];
};

async function problems(t: TestCore): Promise<string[]> {
  const status = await runJob(t.core, 'audit.verify', {});
  expect(status?.state).toBe('succeeded');
  return (status!.result as { records: { problems: string[] } }).records.problems;
}

describe('the names a duty is shown with', () => {
  it('follows a contract changed through the app and a commissioner renamed, on the timeline and the overdue list', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t, 'Leeds City Council');
    const bradford = await commissioner(t, 'Bradford Council');
    const c = await ok<ContractDetail>(t, 'contracts.create', contract(leeds.id));
    expect(await shown(t)).toEqual(['LCC/2025/014 | Community health services | Leeds City Council']);

    // Corrected: new reference, title and commissioner.
    await ok(t, 'contracts.update', { id: c.id, ...contract(bradford.id, { reference: 'BC/2025/001', title: 'Community nursing (adults)' }) });
    expect(names(t, c.id)).toEqual([{ contract_reference: 'BC/2025/001', contract_title: 'Community nursing (adults)', counterparty_name: 'Bradford Council' }]);

    // The commissioner renamed: every duty of its contracts shows the new name, the overdue ones too.
    await ok(t, 'counterparties.update', { id: bradford.id, name: 'City of Bradford Metropolitan District Council', kind: 'council' });
    const r = await ok<Timeline>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-06-30', includeOverdue: true });
    expect(r.entries.some((e) => e.overdue)).toBe(true);
    expect(new Set(r.entries.map((e) => e.counterpartyName))).toEqual(new Set(['City of Bradford Metropolitan District Council']));
    expect(await problems(t)).toEqual([]);
  });

  it('is kept by the triggers when a database tool changes the contract or commissioner, or writes a duty without names', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t, 'Leeds City Council');
    const c = await ok<ContractDetail>(t, 'contracts.create', contract(leeds.id));
    t.core.raw.prepare("update contract set title = 'Adult community health' where id = ?").run(c.id);
    t.core.raw.prepare("update counterparty set name = 'Leeds CC' where id = ?").run(leeds.id);
    expect(names(t, c.id)).toEqual([{ contract_reference: 'LCC/2025/014', contract_title: 'Adult community health', counterparty_name: 'Leeds CC' }]);
    // A duty written without names (as a loader might) takes them from its contract.
    t.core.raw.prepare("delete from contract_duty where contract_id = ? and key = 'end'").run(c.id);
    t.core.raw
      .prepare("insert into contract_duty (contract_id, key, organisation_id, kind, due_on, title) select id, 'end', organisation_id, 'end', end_on, 'Contract ends' from contract where id = ?")
      .run(c.id);
    expect(names(t, c.id)).toHaveLength(1);
  });

  it('is reported by Verify when a duty’s copy is changed outside the app', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t, 'Leeds City Council');
    const c = await ok<ContractDetail>(t, 'contracts.create', contract(leeds.id));
    expect(await problems(t)).toEqual([]);
    t.core.raw.prepare("update contract_duty set counterparty_name = 'Somebody else' where contract_id = ? and key = 'end'").run(c.id);
    expect(await problems(t)).toEqual([
      'the contract LCC/2025/014 “Community health services” with Leeds City Council: its dated duties no longer show its reference, title or commissioner as they are (they were changed outside the app)',
    ]);
  });
});

describe('upgrading a file to migration 0023', () => {
  it('fills the names of the duties already in the file, and the timeline reads them from the covering indexes', async () => {
    const path = tempDbPath();
    const raw = openDatabase(path);
    const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
    try {
      await migrateToLatest(raw, db, migrations.slice(0, migrations.findIndex((m) => m.name === '0022_audit_organisation') + 1));
      raw.pragma('foreign_keys = OFF');
      const at = '2026-01-01T00:00:00.000Z';
      const cp = raw.prepare("insert into counterparty (id, organisation_id, name, name_key, kind, created_at, updated_at) values (?, 'org', ?, ?, 'council', ?, ?)");
      cp.run('cp-1', 'Leeds City Council', 'leeds city council', at, at);
      cp.run('cp-2', 'NHS West Yorkshire ICB', 'nhs west yorkshire icb', at, at);
      const ct = raw.prepare(
        "insert into contract (id, organisation_id, counterparty_id, reference, reference_key, title, route, start_on, end_on, created_at, updated_at) values (?, 'org', ?, ?, ?, ?, 'pa23_open', '2025-04-01', '2027-03-31', ?, ?)",
      );
      ct.run('c-1', 'cp-1', 'LCC/1', 'lcc/1', 'Community nursing', at, at);
      ct.run('c-2', 'cp-2', 'ICB/7', 'icb/7', 'Reablement', at, at);
      const duty = raw.prepare("insert into contract_duty (contract_id, key, organisation_id, kind, due_on, title, done) values (?, ?, 'org', ?, ?, ?, ?)");
      duty.run('c-1', 'end', 'end', '2027-03-31', 'Contract ends', 0);
      duty.run('c-1', 'kpi:1', 'kpi_report', '2026-10-15', 'KPI report', 1);
      duty.run('c-2', 'end', 'end', '2027-03-31', 'Contract ends', 0);

      await migrateToLatest(raw, db, migrations);

      expect(raw.prepare('select contract_id, key, contract_reference, contract_title, counterparty_name from contract_duty order by contract_id, key').all()).toEqual([
        { contract_id: 'c-1', key: 'end', contract_reference: 'LCC/1', contract_title: 'Community nursing', counterparty_name: 'Leeds City Council' },
        { contract_id: 'c-1', key: 'kpi:1', contract_reference: 'LCC/1', contract_title: 'Community nursing', counterparty_name: 'Leeds City Council' },
        { contract_id: 'c-2', key: 'end', contract_reference: 'ICB/7', contract_title: 'Reablement', counterparty_name: 'NHS West Yorkshire ICB' },
      ]);
      const plan = (q: string, ...args: unknown[]) => (raw.prepare(`explain query plan ${q}`).all(...args) as { detail: string }[]).map((p) => p.detail).join(' | ');
      // The range: one covering index, the done record joined by its key only; no contract or commissioner.
      const range = plan(
        `select d.contract_id, d.key, d.kind, d.due_on, d.title, d.contract_reference, d.contract_title, d.counterparty_name, x.done_on from contract_duty d
           left join contract_duty_done x on d.done = 1 and x.contract_id = d.contract_id and x.key = d.key
           where d.organisation_id = ? and d.due_on >= ? and d.due_on <= ? order by d.due_on, d.contract_id, d.key limit 100`,
        'org',
        '2026-01-01',
        '2026-12-31',
      );
      expect(range).toMatch(/^SEARCH d USING COVERING INDEX contract_duty_named_day/);
      expect(range).not.toMatch(/TEMP B-TREE|SEARCH c |SEARCH p /);
    } finally {
      await db.destroy();
    }
  });
});
