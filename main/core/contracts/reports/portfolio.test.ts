import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, setUpOrganisation, type TestCore } from '../../testing';
import { commissioner, contract } from './fixtures.test-helpers';
import { portfolioOn } from './portfolio';
import { incomeShareOn } from './live-income';

const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function open(): Promise<TestCore> {
  t = await openTestCore({ now: () => NOW });
  await setUpOrganisation(t.core);
  return t;
}

describe('portfolio as at a date', () => {
  it('sums the annual income of contracts live on the date by commissioner and by service, splitting a contract with two codes equally to the penny', async () => {
    const { core } = await open();
    const leeds = await commissioner(core, 'Leeds City Council');
    const icb = await commissioner(core, 'West Yorkshire ICB', 'icb');
    // Live: 300,000.01 split over two codes (150,000.01 to the first in code order, 150,000.00 to the second).
    await contract(core, { counterpartyId: leeds, reference: 'L1', services: ['85310000-5', '85312000-9'], startOn: '2025-04-01', endOn: '2027-03-31', annualValuePence: 300_000_01 });
    // Live, ending in 4 months.
    await contract(core, { counterpartyId: icb, reference: 'I1', services: ['85312000-9'], startOn: '2024-04-01', endOn: '2027-03-31', annualValuePence: 100_000_00 });
    // In an extension: initial term ended, one 12-month option exercised.
    await contract(core, { counterpartyId: icb, reference: 'I2', services: ['55100000-1'], startOn: '2022-04-01', endOn: '2026-03-31', annualValuePence: 50_000_00, extensions: [{ lengthMonths: 12, exercisedOn: '2025-12-01' }] });
    // Not live on the date: expired, terminated, not yet started, a bid.
    await contract(core, { counterpartyId: leeds, reference: 'X1', services: ['85310000-5'], startOn: '2020-04-01', endOn: '2026-11-29', annualValuePence: 999_00 });
    await contract(core, { counterpartyId: leeds, reference: 'X2', services: ['85310000-5'], startOn: '2024-04-01', endOn: '2028-03-31', terminatedOn: '2026-10-31', annualValuePence: 999_00 });
    await contract(core, { counterpartyId: leeds, reference: 'X3', services: ['85310000-5'], awardOn: '2026-11-01', startOn: '2027-01-01', endOn: '2028-03-31', annualValuePence: 999_00 });
    await contract(core, { counterpartyId: leeds, reference: 'X4', services: ['85310000-5'], awardOn: null, startOn: null, endOn: null, annualValuePence: 999_00 });

    const orgId = (await core.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const p = await portfolioOn(core.db, orgId, '2026-11-30');
    expect(p.annualIncomePence).toBe(450_000_01);
    expect(p.byCommissioner.map((c) => [c.name, c.annualPence, c.contracts])).toEqual([
      ['Leeds City Council', 300_000_01, 1],
      ['West Yorkshire ICB', 150_000_00, 2],
    ]);
    expect(p.largestCommissioner).toBe('Leeds City Council');
    expect(p.largestShare).toBeCloseTo(300_000_01 / 450_000_01, 10);
    expect(p.byService.map((s) => [s.code, s.annualPence, s.contracts])).toEqual([
      ['85312000-9', 250_000_00, 2],
      ['85310000-5', 150_000_01, 1],
      ['55100000-1', 50_000_00, 1],
    ]);
    expect(p.byService.reduce((n, s) => n + s.annualPence, 0)).toBe(p.annualIncomePence);
    // I2 ends 31 March 2027 (extended), I1 and L1 on 31 March 2027: all within 6 months.
    expect(p.ending).toEqual({ within6: 3, within12: 3, within18: 3, within6Pence: 450_000_01, within12Pence: 450_000_01, within18Pence: 450_000_01 });
    expect(p.endingContracts.map((c) => [c.reference, c.currentEndOn])).toEqual([
      ['I1', '2027-03-31'],
      ['I2', '2027-03-31'],
      ['L1', '2027-03-31'],
    ]);

    // The same records as at an earlier date: X1 and X2 were live then, I2 was in its initial term.
    const earlier = await portfolioOn(core.db, orgId, '2026-06-30');
    expect(earlier.annualIncomePence).toBe(450_000_01 + 999_00 + 999_00);
    expect(earlier.ending.within6).toBe(1); // X1 ends 29 November 2026
    expect(earlier.ending.within12).toBe(4);
  });

  it('gives the share of income from reservable light touch services, and counts contracts with no value apart', async () => {
    const { core } = await open();
    const leeds = await commissioner(core, 'Leeds City Council');
    await contract(core, { counterpartyId: leeds, reference: 'A', services: ['85310000-5'], annualValuePence: 300_00 });
    await contract(core, { counterpartyId: leeds, reference: 'B', services: ['85310000-5', '55100000-1'], annualValuePence: 101 });
    await contract(core, { counterpartyId: leeds, reference: 'C', services: ['55100000-1'], annualValuePence: null });
    const orgId = (await core.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    const s = await incomeShareOn(core.db, orgId, '2026-11-30');
    expect(s).toMatchObject({ totalPence: 300_00 + 101, reservablePence: 300_00 + 50, lightTouchPence: 300_00 + 101, unvalued: 1, contracts: 3 });
  });
});
