import { afterEach, describe, expect, it } from 'vitest';
import { incomeMonthsDiffering } from '../core/contracts/reports/income-rows';
import { storedTerms } from '../core/contracts/store';
import { generateDuties, termProblems } from '../core/contracts/terms';
import { checkServicesForRoute } from '../../shared/rules/procurement/route-services';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../core/testing';
import { bulkLoadContracts } from './contracts-load';

/**
 * The contracts benchmark's loader writes contracts the app reads as its own: each contract's
 * dated duties are exactly the ones the contracts core rebuilds from its stored terms, and the
 * contract page, the timeline and the portfolio answer for them.
 */
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the contracts benchmark’s loader', () => {
  it('loads contracts in the shape the core writes: duties as the core generates them, pages the app opens', async () => {
    t = await openTestCore({ actor: 'bench', now: () => new Date('2026-12-01T10:00:00Z') });
    await setUpOrganisation(t.core, { particulars: { incorporatedOn: '2004-04-01' } });
    const raw = t.core.raw;
    const org = raw.prepare('select id from organisation').get() as { id: string };
    const loaded = bulkLoadContracts(raw, { organisationId: org.id, today: '2026-12-01', contracts: 400, years: 20, counterparties: 30, documents: 800, seed: 4 });
    const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
    expect(count('select count(*) from contract')).toBe(400);
    expect(count('select count(*) from counterparty')).toBe(30);
    expect(count('select count(*) from contract_document')).toBe(800);
    expect(count('select count(*) from document')).toBe(800);
    expect(count('select count(*) from contract_duty')).toBe(loaded.duties);
    // Each duty's done flag (migration 0018) as the core keeps it: set exactly when contract_duty_done holds its key.
    expect(count('select count(*) from contract_duty where done = 1')).toBe(loaded.dutiesDone);
    expect(count('select count(*) from contract_duty d where d.done <> exists (select 1 from contract_duty_done x where x.contract_id = d.contract_id and x.key = d.key)')).toBe(0);
    // About four dated duties a contract, as the benchmark's 50,000 contracts and 200,000 duties need.
    expect(loaded.duties / 400).toBeGreaterThan(3.4);
    expect(loaded.duties / 400).toBeLessThan(4.6);
    expect(loaded.reservedIds.length).toBeGreaterThan(0);

    const read = t.core.readContext().db;
    let liveChecked = 0;
    for (const id of loaded.contractIds.slice(0, 60)) {
      const row = await read.selectFrom('contract').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const terms = await storedTerms(read, row);
      // Contracts the core would accept: terms within the rules, services the route allows.
      expect(termProblems(terms), row.reference).toEqual([]);
      const codes = raw.prepare('select cpv_code from contract_service where contract_id = ?').pluck().all(id) as string[];
      expect(checkServicesForRoute(terms.route, codes), row.reference).toEqual([]);
      const expected = generateDuties(terms).map((d) => ({ key: d.key, kind: d.kind, due_on: d.dueOn, title: d.title }));
      const stored = raw.prepare('select key, kind, due_on, title from contract_duty where contract_id = ? order by due_on, key').all(id);
      expect(stored).toEqual(expected);
      // Its live-income rows (migration 0019) as the core writes them: its current end from the
      // 'end' duty (or open), and its value split between its codes in code order to the penny.
      const end = generateDuties(terms).find((d) => d.key === 'end')?.dueOn ?? null;
      const income = raw.prepare('select counterparty_id, start_on, current_end_on, terminated_on, annual_value_pence from contract_income where contract_id = ?').all(id);
      const live = row.award_on !== null && row.start_on !== null && (end !== null || row.end_on === null);
      expect(income, row.reference).toEqual(
        live ? [{ counterparty_id: row.counterparty_id, start_on: row.start_on, current_end_on: end ?? '9999-12-31', terminated_on: row.terminated_on, annual_value_pence: row.annual_value_pence }] : [],
      );
      const sorted = [...codes].sort();
      const v = row.annual_value_pence ?? 0;
      const n = Math.max(sorted.length, 1);
      const shares = (sorted.length ? sorted : [null]).map((code, i) => ({ cpv_code: code, share_pence: Math.floor(v / n) + (i < v % n ? 1 : 0) }));
      expect(raw.prepare('select cpv_code, share_pence from contract_service_income where contract_id = ? order by cpv_code').all(id), row.reference).toEqual(live ? shares : []);
      if (live) {
        expect(shares.reduce((a, s) => a + s.share_pence, 0)).toBe(v);
        liveChecked += 1;
      }
    }
    expect(liveChecked).toBeGreaterThan(10);
    // The monthly checkpoints (migration 0020), kept by the triggers as the rows were written, agree with the rows.
    expect(count('select count(*) from contract_income_month where contracts <> 0')).toBeGreaterThan(0);
    expect(await incomeMonthsDiffering(read)).toEqual([]);
    const page = expectOk(await t.core.dispatch('contracts.get', { id: loaded.contractIds[7] })) as { documents: unknown[]; duties: unknown[]; services: unknown[] };
    expect(page.documents).toHaveLength(2);
    expect(page.services.length).toBeGreaterThan(0);
    const timeline = expectOk(await t.core.dispatch('contracts.timeline', { from: '2026-12-01', to: '2027-03-01', includeOverdue: true })) as { entries: unknown[] };
    expect(timeline.entries.length).toBeGreaterThan(0);
  }, 120_000);
});
