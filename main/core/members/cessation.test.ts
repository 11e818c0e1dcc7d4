import { afterEach, describe, expect, it } from 'vitest';
import type { MemberDetail } from '../../../shared/contract/members';
import { expectOk, type TestCore } from '../testing';
import { admit, ledgerOf, makeClass, person, refusal, registerOf } from './register.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const actions = (core: TestCore['core'], memberId: string) =>
  (core.raw.prepare("select action from audit_event where entity_type = 'member' and entity_id = ? order by seq").all(memberId) as { action: string }[]).map((e) => e.action);

describe('cessation while shares are held', () => {
  it('says what can happen to the shares instead of refusing with “transfer or withdraw them first”', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 5 });
    const r = await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-11-30', reason: 'resigned' });
    const message = `Member ${m.memberNumber} still holds 5 shares; say what happens to them when membership ends: withdraw the shares.`;
    expect(r.ok ? null : r.error).toEqual({ code: 'VALIDATION', message, fieldErrors: { 'shares.kind': message } });
  });

  it('withdraws a society member’s shares and ends the membership in one audited step', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 5 });
    const ceased = expectOk(
      await t.core.dispatch('members.cease', {
        memberId: m.id,
        ceasedOn: '2026-11-30',
        reason: 'resigned',
        shares: { kind: 'withdrawal', noticeDate: '2026-10-01', amountRepaidPence: 500, paymentDate: '2026-11-30' },
      }),
    ) as MemberDetail;
    expect(ceased).toMatchObject({ status: 'former', ceasedOn: '2026-11-30', sharesHeld: 0 });
    const l = await ledgerOf(t.core, m.id);
    expect(l.entries.map((e) => [e.kind, e.date, e.shares, e.noticeDate, e.balanceAfter])).toEqual([
      ['allotment', '2020-01-06', 5, null, 5],
      ['withdrawal', '2026-11-30', -5, '2026-10-01', 0],
    ]);
    expect(actions(t.core, m.id)).toEqual(['member.admitted', 'shares.allotted', 'shares.withdrawn', 'member.ceased']);
  });

  it('cancels shares that can be neither withdrawn nor transferred, as a society’s rules provide', async () => {
    t = await registerOf('community_benefit_society');
    const cls = await makeClass(t.core, 'Supporter', {});
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'));
    expectOk(await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-11-30', reason: 'resigned', shares: { kind: 'cancellation', boardReference: 'Board 2026/11' } }));
    expect((await ledgerOf(t.core, m.id)).entries.at(-1)).toMatchObject({ kind: 'cancellation', shares: -1, amountPence: 0, boardReference: 'Board 2026/11', balanceAfter: 0 });
  });

  it('transfers a company member’s shares to another member, or has the company buy them back on a members’ resolution', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true });
    const trustee = await admit(t.core, cls, person('Trust', 'Trustee'), { shares: 90 });
    const leaver = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 10 });
    expectOk(await t.core.dispatch('members.cease', { memberId: leaver.id, ceasedOn: '2026-11-30', reason: 'left_employment', shares: { kind: 'transfer', toMemberId: trustee.id } }));
    expect((await ledgerOf(t.core, trustee.id)).sharesHeld).toBe(100);

    const other = await admit(t.core, cls, person('Bob', 'Stone'), { shares: 4 });
    const noResolution = await t.core.dispatch('members.cease', { memberId: other.id, ceasedOn: '2026-11-30', reason: 'resigned', shares: { kind: 'purchase', amountPaidPence: 400 } });
    expect(refusal(noResolution)).toEqual({ 'shares.resolutionReference': 'Enter the members’ resolution approving the purchase (CA 2006 s694).' });
    expectOk(
      await t.core.dispatch('members.cease', {
        memberId: other.id,
        ceasedOn: '2026-11-30',
        reason: 'resigned',
        shares: { kind: 'purchase', amountPaidPence: 400, resolutionReference: 'Ordinary resolution of 27 November 2026' },
      }),
    );
    expect((await ledgerOf(t.core, other.id)).entries.at(-1)).toMatchObject({ kind: 'purchase', resolutionReference: 'Ordinary resolution of 27 November 2026', balanceAfter: 0 });
  });

  it('saves nothing when the disposal is refused: a company cannot redeem shares not issued as redeemable (CA 2006 s684(1))', async () => {
    t = await registerOf('cic_limited_by_shares');
    const cls = await makeClass(t.core, 'Ordinary', {});
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 3 });
    const r = await t.core.dispatch('members.cease', {
      memberId: m.id,
      ceasedOn: '2026-11-30',
      reason: 'resigned',
      shares: { kind: 'redemption', amountPaidPence: 300, resolutionReference: 'Board 2026/11' },
    });
    expect(refusal(r)).toEqual({ 'shares.kind': expect.stringContaining('not issued as redeemable (CA 2006 s684(1))') });
    const still = expectOk(await t.core.dispatch('members.get', { id: m.id })) as MemberDetail;
    expect(still).toMatchObject({ status: 'current', sharesHeld: 3 });
    expect(actions(t.core, m.id)).toEqual(['member.admitted', 'shares.allotted']);
  });

  it('refuses a cessation dated before a later ledger entry, and a disposal when nothing is held', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 2 });
    expectOk(await t.core.dispatch('shares.withdraw', { memberId: m.id, noticeDate: '2026-06-01', date: '2026-07-01', shares: 2, amountRepaidPence: 200 }));
    const early = await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-06-15', reason: 'resigned' });
    expect(refusal(early)).toEqual({ ceasedOn: `Member ${m.memberNumber}’s share ledger has an entry on 1 July 2026, after 15 June 2026; membership cannot have ended before it.` });
    const nothing = await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-07-01', reason: 'resigned', shares: { kind: 'withdrawal', amountRepaidPence: 0 } });
    expect(refusal(nothing)).toEqual({ 'shares.kind': `Member ${m.memberNumber} holds no shares, so there is nothing to dispose of.` });
    expectOk(await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-07-01', reason: 'resigned' }));
  });
});
