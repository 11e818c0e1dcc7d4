import type { LedgerEntry } from '../../../shared/contract/shares';
import { requireClass } from '../classes/handlers';
import type { ReadDb } from '../context';
import { defineHandlers, mutation, query } from '../handler';
import { requireMember } from '../members/lookup';
import { ledger } from './ledger';
import { allotShares, returnCapital, transferShares, withdrawShares } from './operations';

async function ledgerEntry(db: ReadDb, memberId: string, id: string): Promise<LedgerEntry> {
  const { entries } = await ledger(db, memberId);
  return entries.find((e) => e.id === id)!;
}

/** The share ledger's methods; the checks live in operations.ts, shared with a cessation that disposes of shares. */
export const shareHandlers = defineHandlers('shares', {
  'shares.ledger': query(async (input, ctx) => {
    const rc = await ctx.register();
    const member = await requireMember(ctx.db, rc.org.id, input.memberId);
    const { entries, balance } = await ledger(ctx.db, member.id);
    return { entries, sharesHeld: balance, paidPence: member.paid_pence };
  }),

  'shares.allot': mutation(async (input, tx) => {
    const rc = await tx.register();
    const member = await requireMember(tx.db, rc.org.id, input.memberId);
    const cls = await requireClass(tx.db, rc.org.id, member.class_id);
    const { id } = await allotShares(tx, rc, member, cls, { date: input.date, shares: input.shares, amountPaidPence: input.amountPaidPence, boardReference: input.boardReference ?? null });
    return ledgerEntry(tx.db, member.id, id);
  }),

  'shares.transfer': mutation(async (input, tx) => {
    const rc = await tx.register();
    const from = await requireMember(tx.db, rc.org.id, input.fromMemberId);
    const to = await requireMember(tx.db, rc.org.id, input.toMemberId);
    const id = await transferShares(tx, rc, from, to, { date: input.date, shares: input.shares, boardReference: input.boardReference ?? null });
    return ledgerEntry(tx.db, from.id, id);
  }),

  'shares.withdraw': mutation(async (input, tx) => {
    const rc = await tx.register();
    const member = await requireMember(tx.db, rc.org.id, input.memberId);
    const cls = await requireClass(tx.db, rc.org.id, member.class_id);
    const id = await withdrawShares(tx, rc, member, cls, {
      noticeDate: input.noticeDate,
      date: input.date,
      paymentDate: input.paymentDate ?? null,
      shares: input.shares,
      amountRepaidPence: input.amountRepaidPence,
      boardReference: input.boardReference ?? null,
    });
    return ledgerEntry(tx.db, member.id, id);
  }),

  'shares.redeem': mutation(async (input, tx) => {
    const rc = await tx.register();
    const member = await requireMember(tx.db, rc.org.id, input.memberId);
    const cls = await requireClass(tx.db, rc.org.id, member.class_id);
    const id = await returnCapital(tx, rc, member, cls, 'redemption', {
      date: input.date,
      shares: input.shares,
      amountPaidPence: input.amountPaidPence,
      paymentDate: input.paymentDate ?? null,
      resolutionReference: input.resolutionReference,
    });
    return ledgerEntry(tx.db, member.id, id);
  }),

  'shares.purchase': mutation(async (input, tx) => {
    const rc = await tx.register();
    const member = await requireMember(tx.db, rc.org.id, input.memberId);
    const cls = await requireClass(tx.db, rc.org.id, member.class_id);
    const id = await returnCapital(tx, rc, member, cls, 'purchase', {
      date: input.date,
      shares: input.shares,
      amountPaidPence: input.amountPaidPence,
      paymentDate: input.paymentDate ?? null,
      resolutionReference: input.resolutionReference,
    });
    return ledgerEntry(tx.db, member.id, id);
  }),
});
