import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/contract/shares';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const NOW = new Date('2026-11-30T12:00:00Z');

async function society(terms: { withdrawable?: boolean; transferable?: boolean; maxHolding?: number | null } = {}) {
  t = await openTestCore({ now: () => NOW });
  await setUpOrganisation(t.core, {
    particulars: { legalForm: 'cooperative_society', registrationNumber: '12345R', incorporatedOn: '2015-04-01' },
  });
  const cls = expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Member',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: terms.withdrawable ?? true, transferable: terms.transferable ?? false, maxHolding: terms.maxHolding ?? null },
    }),
  ) as { id: string };
  return { core: t.core, classId: cls.id };
}

async function admit(core: TestCore['core'], classId: string, familyName: string, admittedOn: string, shares: number) {
  return expectOk(
    await core.dispatch('members.admit', {
      classId,
      particulars: { givenNames: 'Sam', familyName, address: { line1: '1 Road', town: 'Leeds' }, employee: null, loansAndDepositsPence: null },
      admittedOn,
      initialShares: { shares, amountPaidPence: shares * 100 },
    }),
  ) as { id: string; memberNumber: number };
}

const ledger = async (core: TestCore['core'], memberId: string) =>
  expectOk(await core.dispatch('shares.ledger', { memberId })) as { entries: LedgerEntry[]; sharesHeld: number };

describe('the share ledger on every date', () => {
  it('refuses a back-dated withdrawal that would leave the holding below nothing on its date, though today’s holding would allow it', async () => {
    const { core, classId } = await society();
    const m = await admit(core, classId, 'Okafor', '2026-11-02', 10);
    expectOk(await core.dispatch('shares.allot', { memberId: m.id, date: '2026-11-30', shares: 5, amountPaidPence: 500 }));
    const r = await core.dispatch('shares.withdraw', { memberId: m.id, noticeDate: '2026-11-19', date: '2026-11-20', shares: 12, amountRepaidPence: 1200 });
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.fieldErrors?.['shares']).toBe(
      `On 20 November 2026 member ${m.memberNumber} would hold −2 shares: they held 10 then. Date the entry on or after the day enough shares were held, or record fewer.`,
    );
    // Nothing was written: the ledger still adds up to 15 and never goes below nothing.
    const l = await ledger(core, m.id);
    expect(l.sharesHeld).toBe(15);
    expect(l.entries.map((e) => e.balanceAfter)).toEqual([10, 15]);
    // 10 on 20 November is fine.
    expectOk(await core.dispatch('shares.withdraw', { memberId: m.id, noticeDate: '2026-11-19', date: '2026-11-20', shares: 10, amountRepaidPence: 1000 }));
    expect((await ledger(core, m.id)).entries.map((e) => [e.date, e.balanceAfter])).toEqual([
      ['2026-11-02', 10],
      ['2026-11-20', 0],
      ['2026-11-30', 5],
    ]);
  });

  it('refuses a back-dated transfer out that a later transfer out depends on', async () => {
    const { core, classId } = await society({ withdrawable: false, transferable: true });
    const a = await admit(core, classId, 'Able', '2026-01-05', 10);
    const b = await admit(core, classId, 'Baker', '2026-01-05', 1);
    expectOk(await core.dispatch('shares.transfer', { fromMemberId: a.id, toMemberId: b.id, date: '2026-06-01', shares: 8 }));
    // On 1 March 10 were held, but 8 leave on 1 June: moving 5 on 1 March leaves −3 on 1 June.
    const r = await core.dispatch('shares.transfer', { fromMemberId: a.id, toMemberId: b.id, date: '2026-03-01', shares: 5 });
    expect(r.ok ? null : r.error.fieldErrors?.['shares']).toBe(`On 1 June 2026 member ${a.memberNumber} would hold −3 shares: they held 2 then. Date the entry on or after the day enough shares were held, or record fewer.`);
  });

  it('applies the class maximum on every later date, not only today', async () => {
    const { core, classId } = await society({ maxHolding: 20 });
    const m = await admit(core, classId, 'Cole', '2026-01-05', 10);
    expectOk(await core.dispatch('shares.withdraw', { memberId: m.id, noticeDate: '2026-05-01', date: '2026-06-01', shares: 8, amountRepaidPence: 800 }));
    // Today they hold 2, so 15 more looks fine; but on 1 March they would have held 25.
    const r = await core.dispatch('shares.allot', { memberId: m.id, date: '2026-03-01', shares: 15, amountPaidPence: 1500 });
    expect(r.ok ? null : r.error.fieldErrors?.['shares']).toBe('On 1 March 2026: the Member class allows at most 20 shares per member; this would make 25.');
  });
});
