import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/rules/legal-date';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../../testing';
import { commissioner, contract } from './fixtures.test-helpers';
import { incomeMonthsDiffering } from './income-rows';
import { endingTotalsOn, incomeByCommissionerOn, incomeByServiceOn, incomeShareOn } from './live-income';

/**
 * The monthly live-income checkpoints (migration 0020) the portfolio and the s33 check read: kept
 * by triggers with the income rows of 0019 through every change to a contract, giving on every day
 * the same figures as reading every live row, and checked by Verify.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function problems(core: TestCore['core']): Promise<string[]> {
  const status = await runJob(core, 'audit.verify', {});
  expect(status?.state).toBe('succeeded');
  return (status!.result as { records: { problems: string[] } }).records.problems;
}

/** The figures read the long way, from every income row live on the day (as before migration 0020). */
function scan(raw: TestCore['core']['raw'], orgId: string, on: string, by: { by6: string; by12: string; by18: string }) {
  const live = `organisation_id = ? and current_end_on >= ? and start_on <= ? and (terminated_on is null or terminated_on > ?)`;
  const byCommissioner = raw
    .prepare(
      `select counterparty_id, count(*) as contracts, count(annual_value_pence) as valued, coalesce(sum(annual_value_pence), 0) as pence
       from contract_income where ${live} group by counterparty_id order by counterparty_id`,
    )
    .all(orgId, on, on, on);
  // Each window counted on its own, every live row read.
  const ending = (by: string) =>
    raw.prepare(`select count(*) as n, coalesce(sum(annual_value_pence), 0) as pence from contract_income where ${live} and current_end_on <= ?`).get(orgId, on, on, on, by) as { n: number; pence: number };
  const [e6, e12, e18] = [ending(by.by6), ending(by.by12), ending(by.by18)];
  const endingTotals = { within6: e6.n, within12: e12.n, within18: e18.n, within6Pence: e6.pence, within12Pence: e12.pence, within18Pence: e18.pence };
  const byService = raw.prepare(`select cpv_code as code, sum(share_pence) as pence, count(*) as contracts from contract_service_income where ${live} group by cpv_code order by cpv_code`).all(orgId, on, on, on);
  return { byCommissioner, endingTotals, byService };
}

describe('monthly live-income checkpoints', () => {
  it('give the figures of every live row on every day, through creation, extension, variation, termination and a contract that runs on; Verify names a checkpoint changed in the file', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    const core = t.core;
    const raw = core.raw;
    const orgId = (raw.prepare('select id from organisation').get() as { id: string }).id;
    const leeds = await commissioner(core, 'Leeds City Council');
    const trust = await commissioner(core, 'Leeds Community Healthcare NHS Trust', 'nhs_trust');

    // Dates in the middle of months and on their first days, so a day's checkpoint and the changes within its month both count.
    const a = await contract(core, { counterpartyId: leeds, reference: 'A', services: ['85310000-5', '85312000-9'], startOn: '2024-04-15', endOn: '2026-03-31', annualValuePence: 100_01, extensions: [{ lengthMonths: 6 }] });
    await contract(core, { counterpartyId: leeds, reference: 'B', services: ['85310000-5'], startOn: '2025-01-01', endOn: '2025-12-01', annualValuePence: 50_00 });
    await contract(core, { counterpartyId: trust, reference: 'C', services: [], startOn: '2024-06-20', endOn: null, annualValuePence: 7_00 });
    const d = await contract(core, { counterpartyId: trust, reference: 'D', services: ['85320000-8'], startOn: '2025-02-10', endOn: '2027-02-09', annualValuePence: null });
    const e = await contract(core, { counterpartyId: leeds, reference: 'E', services: ['85310000-5'], startOn: '2024-09-01', endOn: null, annualValuePence: 30_00 });
    await contract(core, { counterpartyId: trust, reference: 'F', services: ['85312000-9'], startOn: '2025-05-05', endOn: '2028-05-04', annualValuePence: 20_00, terminatedOn: '2026-08-01' });

    const detail = expectOk(await core.dispatch('contracts.get', { id: a })) as { extensions: { id: string }[] };
    expectOk(await core.dispatch('contracts.decideExtension', { contractId: a, extensionId: detail.extensions[0]!.id, decision: 'exercised', on: '2026-01-10' }));
    expectOk(await core.dispatch('contracts.recordVariation', { contractId: d, madeOn: '2026-03-03', description: 'Shortened by agreement', valueChangePence: 0, newEndOn: '2026-10-14' }));
    // A contract that ran on, terminated: it leaves the open rows and counts in the months it was live.
    expectOk(await core.dispatch('contracts.terminate', { id: e, terminatedOn: '2026-06-16', reason: 'Ended by agreement' }));

    expect(raw.prepare('select count(*) from contract_income_month where contracts <> 0').pluck().get()).toBeGreaterThan(0);
    const days = new Set<string>();
    for (let day = '2024-03-25'; day <= '2027-03-10'; day = addDays(day, 9)) days.add(day);
    for (const x of ['2024-04-15', '2024-04-14', '2025-12-01', '2025-12-02', '2026-06-15', '2026-06-16', '2026-06-01', '2026-07-31', '2026-08-01', '2026-08-02', '2026-09-30', '2026-10-14', '2026-10-15', '2024-06-20', '2024-06-19']) days.add(x);
    for (const on of days) {
      const by = { by6: on, by12: addDays(on, 100), by18: addDays(on, 200) };
      const expected = scan(raw, orgId, on, by);
      const commissioners = await incomeByCommissionerOn(core.db, orgId, on);
      expect(
        commissioners.map((c) => ({ counterparty_id: c.counterpartyId, contracts: c.contracts, valued: c.valued, pence: c.pence })).sort((x, y) => (x.counterparty_id < y.counterparty_id ? -1 : 1)),
        on,
      ).toEqual(expected.byCommissioner);
      expect(await endingTotalsOn(core.db, orgId, on, by), on).toEqual(expected.endingTotals);
      const services = await incomeByServiceOn(core.db, orgId, on);
      expect(services.sort((x, y) => ((x.code ?? '') < (y.code ?? '') ? -1 : 1)), on).toEqual(expected.byService);
    }
    // On 1 July 2026: A (extended to 30 September 2026), C running on, F (until its termination); not B (ended), D (varied to end 14 October 2026, no value), E (terminated 16 June).
    const share = await incomeShareOn(core.db, orgId, '2026-07-01');
    expect(share).toMatchObject({ totalPence: 100_01 + 7_00 + 20_00, contracts: 4, unvalued: 1 });
    expect(await incomeMonthsDiffering(core.db)).toEqual([]);
    expect(await problems(core)).toEqual([]);

    // A checkpoint changed in the file with a database tool: Verify names it (by a contract of its commissioner).
    raw.prepare(`update contract_income_month set pence = pence + 1 where counterparty_id = ? and month_on = '2025-06-01'`).run(leeds);
    const found = await incomeMonthsDiffering(core.db);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2025-06-01');
    expect((await problems(core)).join('\n')).toMatch(/Leeds City Council.*monthly totals of live income for its commissioner from 2025-06-01/);
    raw.prepare(`update contract_income_month set pence = pence - 1 where counterparty_id = ? and month_on = '2025-06-01'`).run(leeds);
    const removed = raw.prepare(`select * from contract_service_income_month where cpv_key = '85312000-9' and month_on = '2026-02-01'`).get() as Record<string, unknown>;
    raw.prepare(`delete from contract_service_income_month where cpv_key = '85312000-9' and month_on = '2026-02-01'`).run();
    expect((await incomeMonthsDiffering(core.db)).map((f) => f.message)).toEqual([expect.stringContaining('service category 85312000-9 from 2026-02-01')]);

    // Worked out in slices, yielding between them (the start-up register check's checkpoint), with the same findings.
    let slices = 0;
    const sliced = await incomeMonthsDiffering(core.db, { batchSize: 2, checkpoint: async () => void (slices += 1) });
    expect(slices).toBeGreaterThan(6);
    expect(sliced.map((f) => f.message)).toEqual([expect.stringContaining('service category 85312000-9 from 2026-02-01')]);
    raw.prepare(`insert into contract_service_income_month (organisation_id, month_on, cpv_key, contracts, pence) values (:organisation_id, :month_on, :cpv_key, :contracts, :pence)`).run(removed);
    expect(await incomeMonthsDiffering(core.db, { batchSize: 2 })).toEqual([]);
    // A checkpoint for a month no contract of the commissioner was live in, and one with a changed count of valued contracts: each named by its first month.
    raw.prepare(`insert into contract_income_month (organisation_id, month_on, counterparty_id, contracts, valued, pence) values (?, '2023-01-01', ?, 1, 1, 500)`).run(orgId, trust);
    raw.prepare(`update contract_income_month set valued = valued + 1 where counterparty_id = ? and month_on = '2025-03-01'`).run(leeds);
    const two = await incomeMonthsDiffering(core.db, { batchSize: 3 });
    expect(two.map((f) => f.message).sort()).toEqual([expect.stringContaining('its commissioner from 2023-01-01'), expect.stringContaining('its commissioner from 2025-03-01')].sort());
    expect(await incomeMonthsDiffering(core.db)).toEqual(two);
  }, 120_000);
});
