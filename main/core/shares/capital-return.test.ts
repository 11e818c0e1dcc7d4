import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/contract/shares';
import { admit, ledgerOf, makeClass, person, refusal, registerOf } from '../members/register.test-helpers';
import { expectOk, type TestCore } from '../testing';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('a company returning capital (CA 2006 Part 18)', () => {
  it('has no withdrawable shares: a company class cannot be made withdrawable, nor a society’s redeemable', async () => {
    t = await registerOf('cic_limited_by_shares');
    const r = await t.core.dispatch('classes.create', {
      name: 'Ordinary',
      votingRights: 'per_share',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: true, transferable: true, maxHolding: null },
    });
    expect(refusal(r)).toEqual({ 'shareTerms.withdrawable': expect.stringContaining('withdrawable share capital exists only in registered societies') });
    await t.cleanup();
    t = await registerOf('cooperative_society');
    const s = await t.core.dispatch('classes.create', {
      name: 'Member',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: true },
    });
    expect(refusal(s)).toEqual({ 'shareTerms.redeemable': expect.stringContaining('CA 2006 s684') });
  });

  it('redeems shares issued as redeemable on a board resolution, and refuses to redeem others (s684(1))', async () => {
    t = await registerOf('eot_company');
    const ordinary = await makeClass(t.core, 'Ordinary', { transferable: true });
    const redeemable = await makeClass(t.core, 'Employee B', { redeemable: true });
    const trustee = await admit(t.core, ordinary, person('Trust', 'Trustee'), { shares: 100 });
    const staff = await admit(t.core, redeemable, person('Ada', 'Lovelace'), { shares: 10, admittedOn: '2021-01-04' });
    const e = expectOk(
      await t.core.dispatch('shares.redeem', { memberId: staff.id, date: '2026-11-30', shares: 4, amountPaidPence: 400, paymentDate: '2026-11-30', resolutionReference: 'Board minute 2026/14' }),
    ) as LedgerEntry;
    expect(e).toMatchObject({ kind: 'redemption', shares: -4, amountPence: 400, resolutionReference: 'Board minute 2026/14', balanceAfter: 6 });
    expect(t.core.raw.prepare("select summary from audit_event where action = 'shares.redeemed'").pluck().get()).toBe(
      `Member ${staff.memberNumber}: 4 shares redeemed by the company (CA 2006 s684-s689) on 30 November 2026, £4.00 paid to the member`,
    );
    const wrong = await t.core.dispatch('shares.redeem', { memberId: trustee.id, date: '2026-11-30', shares: 1, amountPaidPence: 100, resolutionReference: 'Board minute 2026/14' });
    expect(wrong.ok ? '' : `${wrong.error.code}: ${wrong.error.message}`).toBe(
      'FORBIDDEN: Shares of the Ordinary class were not issued as redeemable (CA 2006 s684(1)); record a purchase of own shares (s690-s708) instead.',
    );
    const purchase = expectOk(
      await t.core.dispatch('shares.purchase', { memberId: trustee.id, date: '2026-11-30', shares: 5, amountPaidPence: 750, resolutionReference: 'Ordinary resolution of 20 November 2026' }),
    ) as LedgerEntry;
    expect(purchase).toMatchObject({ kind: 'purchase', resolutionReference: 'Ordinary resolution of 20 November 2026', balanceAfter: 95 });
    const withdraw = await t.core.dispatch('shares.withdraw', { memberId: trustee.id, noticeDate: '2026-11-01', date: '2026-11-30', shares: 1, amountRepaidPence: 100 });
    expect(withdraw.ok ? '' : withdraw.error.message).toContain('A company’s shares cannot be withdrawn');
  });

  it('issues no redeemable shares while none that are not redeemable are in issue (s684(4)), and buys back only fully paid shares (s691(1))', async () => {
    t = await registerOf('cic_limited_by_shares');
    const redeemable = await makeClass(t.core, 'Redeemable', { redeemable: true });
    const first = await t.core.dispatch('members.admit', {
      classId: redeemable.id,
      particulars: person('Ada', 'Lovelace'),
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    expect(refusal(first)).toEqual({ shares: expect.stringContaining('CA 2006 s684(4)') });
    const ordinary = await makeClass(t.core, 'Ordinary', {});
    const partly = await admit(t.core, ordinary, person('Bob', 'Stone'), { shares: 10, paidPence: 500 });
    const r = await t.core.dispatch('shares.purchase', { memberId: partly.id, date: '2026-11-30', shares: 2, amountPaidPence: 200, resolutionReference: 'Ordinary resolution' });
    expect(refusal(r)).toEqual({ shares: `Shares may be bought back only when fully paid (CA 2006 s691(1)); member ${partly.memberNumber} has paid £5.00 of the £10.00 due on their 10 shares.` });
    // Now there are non-redeemable shares in issue, redeemable ones may be issued.
    await admit(t.core, redeemable, person('Ada', 'Lovelace'));
  });
});

describe('numbered shares (CA 2006 s113(3)(a)(i))', () => {
  it('numbers allotments in sequence and moves the lowest numbers held', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true, numbered: true });
    const a = await admit(t.core, cls, person('Ann', 'Able'), { shares: 10 });
    const b = await admit(t.core, cls, person('Bob', 'Baker'), { shares: 5 });
    expect((await ledgerOf(t.core, b.id)).entries[0]!.shareNumbers).toBe('11–15');
    expectOk(await t.core.dispatch('shares.transfer', { fromMemberId: a.id, toMemberId: b.id, date: '2026-06-01', shares: 3 }));
    expect((await ledgerOf(t.core, a.id)).entries.map((e) => [e.kind, e.shareNumbers])).toEqual([
      ['allotment', '1–10'],
      ['transfer_out', '1–3'],
    ]);
    expect((await ledgerOf(t.core, b.id)).entries.at(-1)).toMatchObject({ kind: 'transfer_in', shareNumbers: '1–3' });
    const bought = expectOk(await t.core.dispatch('shares.purchase', { memberId: b.id, date: '2026-11-30', shares: 4, amountPaidPence: 400, resolutionReference: 'OR 2026/3' })) as LedgerEntry;
    expect(bought.shareNumbers).toBe('1–3, 11');
    // A back-dated move may only take numbers held then that no later entry moves: enough shares
    // are held on every day (an allotment on 1 August adds 16–20), but not enough of the numbers.
    const august = expectOk(await t.core.dispatch('shares.allot', { memberId: b.id, date: '2026-08-01', shares: 5, amountPaidPence: 500 })) as LedgerEntry;
    expect(august.shareNumbers).toBe('16–20');
    const back = await t.core.dispatch('shares.transfer', { fromMemberId: b.id, toMemberId: a.id, date: '2026-07-01', shares: 6 });
    expect(refusal(back)).toEqual({ shares: `Member ${b.memberNumber}’s shares are numbered (CA 2006 s113(3)), and on 1 July 2026 they held only 4 shares that no later entry moves (numbers 12–15). Record fewer, or date the entry later.` });
    const four = expectOk(await t.core.dispatch('shares.transfer', { fromMemberId: b.id, toMemberId: a.id, date: '2026-07-01', shares: 4 })) as LedgerEntry;
    expect(four.shareNumbers).toBe('12–15');
  });

  it('fixes a class’s numbering once its shares are issued', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true });
    await admit(t.core, cls, person('Ann', 'Able'));
    const r = await t.core.dispatch('classes.update', {
      id: cls.id,
      changes: { name: cls.name, votingRights: cls.votingRights, votesPerMember: 1, isEmployeeClass: false, eligibility: cls.eligibility, shareTerms: { ...cls.shareTerms!, numbered: true } },
    });
    expect(refusal(r)).toEqual({ 'shareTerms.numbered': 'Shares of the Ordinary class have already been issued without numbers, so the class cannot start numbering them now (CA 2006 s113(3)(a)(i)).' });
  });
});
