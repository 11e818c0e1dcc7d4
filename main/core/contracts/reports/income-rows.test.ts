import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../../testing';
import { commissioner, contract } from './fixtures.test-helpers';
import { incomeRowsDiffering } from './income-rows';
import { portfolioOn } from './portfolio';

/**
 * The live-income rows (migration 0019) the portfolio and the s33 check read: written by the core
 * with the duties on every change to a contract, holding its current end and its value split
 * between its codes, and checked by Verify.
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

describe('live-income rows', () => {
  it('follow every change to a contract: extension decision, termination; Verify names a row changed in the file', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    const core = t.core;
    const raw = core.raw;
    const leeds = await commissioner(core, 'Leeds City Council');
    const id = await contract(core, { counterpartyId: leeds, reference: 'L1', services: ['85310000-5', '85312000-9', '55100000-1'], startOn: '2025-04-01', endOn: '2027-03-31', annualValuePence: 100_00, extensions: [{ lengthMonths: 12 }] });
    const orgId = (raw.prepare('select id from organisation').get() as { id: string }).id;
    const income = () => raw.prepare('select current_end_on, terminated_on, annual_value_pence from contract_income where contract_id = ?').all(id);
    const shares = () => raw.prepare('select cpv_code, share_pence from contract_service_income where contract_id = ? order by cpv_code').all(id);
    // 100.00 over three codes: 33.34 to the first in code order, 33.33 to each of the others.
    expect(income()).toEqual([{ current_end_on: '2027-03-31', terminated_on: null, annual_value_pence: 100_00 }]);
    expect(shares()).toEqual([
      { cpv_code: '55100000-1', share_pence: 33_34 },
      { cpv_code: '85310000-5', share_pence: 33_33 },
      { cpv_code: '85312000-9', share_pence: 33_33 },
    ]);

    const detail = expectOk(await core.dispatch('contracts.get', { id })) as { extensions: { id: string }[] } & Record<string, unknown>;
    // Extension exercised: the current end moves by 12 months.
    expectOk(await core.dispatch('contracts.decideExtension', { contractId: id, extensionId: detail.extensions[0]!.id, decision: 'exercised', on: '2026-11-01' }));
    expect(income()).toEqual([{ current_end_on: '2028-03-31', terminated_on: null, annual_value_pence: 100_00 }]);
    // Terminated: no longer live after the day.
    expectOk(await core.dispatch('contracts.terminate', { id, terminatedOn: '2026-11-20', reason: 'Ended by agreement' }));
    expect(income()).toEqual([{ current_end_on: '2028-03-31', terminated_on: '2026-11-20', annual_value_pence: 100_00 }]);
    expect((await portfolioOn(core.db, orgId, '2026-11-30')).annualIncomePence).toBe(0);
    expect((await portfolioOn(core.db, orgId, '2026-11-19')).annualIncomePence).toBe(100_00);

    // An open-ended contract runs on; a bid has no row.
    const open = await contract(core, { counterpartyId: leeds, reference: 'O1', services: [], startOn: '2025-04-01', endOn: null, annualValuePence: 7 });
    expect(raw.prepare('select current_end_on from contract_income where contract_id = ?').pluck().get(open)).toBe('9999-12-31');
    expect(raw.prepare('select cpv_code, share_pence from contract_service_income where contract_id = ?').all(open)).toEqual([{ cpv_code: null, share_pence: 7 }]);
    const bid = await contract(core, { counterpartyId: leeds, reference: 'B1', services: ['85310000-5'], awardOn: null, startOn: null, endOn: null, annualValuePence: 5 });
    expect(raw.prepare('select count(*) from contract_income where contract_id = ?').pluck().get(bid)).toBe(0);

    const rows = raw.prepare('select * from contract').all() as Parameters<typeof incomeRowsDiffering>[1][number][];
    expect(await incomeRowsDiffering(core.db, rows)).toEqual([]);
    expect(await problems(core)).toEqual([]);

    // A share changed in the file with a database tool: Verify names the contract.
    raw.prepare("update contract_service_income set share_pence = share_pence + 1 where contract_id = ? and cpv_code = '85310000-5'").run(id);
    expect(await incomeRowsDiffering(core.db, rows)).toEqual([id]);
    const found = await problems(core);
    expect(found.join('\n')).toMatch(/L1.*income rows/);
  }, 60_000);
});
