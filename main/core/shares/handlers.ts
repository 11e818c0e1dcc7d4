import type { LedgerEntry, LedgerKind } from '../../../shared/contract/shares';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { requireClass } from '../classes/handlers';
import type { ReadDb, RegisterCtx } from '../context';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { requireMember } from '../members/lookup';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { recordLedgerEntry } from './ledger';

function requireCurrent(m: MemberRowDb, field: string): void {
  if (m.ceased_on !== null) throw AppError.field(field, `Member ${m.member_number} ceased on ${formatLegalDate(m.ceased_on)}; shares move only for current members.`);
}

function requireOnOrAfterAdmission(m: MemberRowDb, date: string, field: string): void {
  if (date < m.admitted_on) throw AppError.field(field, `Member ${m.member_number} was admitted on ${formatLegalDate(m.admitted_on)}; the date cannot be earlier.`);
}

function requireShareTerms(rc: RegisterCtx, cls: MembershipClassRow): void {
  if (!rc.form.hasShares) throw new AppError('FORBIDDEN', `A ${rc.form.label.toLowerCase()} has no shares.`);
  if (cls.share_nominal_pence === null) throw new AppError('CONFLICT', `The ${cls.name} class has no share terms; set them in Membership classes first.`);
}

async function ledgerEntry(db: ReadDb, memberId: string, id: string): Promise<LedgerEntry> {
  const { entries } = await ledger(db, memberId);
  return entries.find((e) => e.id === id)!;
}

export async function ledger(db: ReadDb, memberId: string) {
  const rows = await db
    .selectFrom('share_transaction as t')
    .leftJoin('member as c', 'c.id', 't.counterparty_member_id')
    .select(['t.id', 't.kind', 't.date', 't.shares', 't.amount_pence', 't.notice_date', 't.payment_date', 't.board_reference', 't.created_at', 'c.id as c_id', 'c.member_number as c_number', 'c.given_names as c_given', 'c.family_name as c_family'])
    .where('t.member_id', '=', memberId)
    .orderBy('t.date')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  let balance = 0;
  const entries: LedgerEntry[] = rows.map((r) => {
    balance += r.shares;
    return {
      id: r.id,
      kind: r.kind as LedgerKind,
      date: r.date,
      shares: r.shares,
      amountPence: r.amount_pence,
      counterparty: r.c_id ? { id: r.c_id, memberNumber: r.c_number!, name: `${r.c_given} ${r.c_family}` } : null,
      noticeDate: r.notice_date,
      paymentDate: r.payment_date,
      boardReference: r.board_reference,
      balanceAfter: balance,
      createdAt: r.created_at,
    };
  });
  return { entries, balance };
}

export const shareHandlers = defineHandlers('shares', {
  'shares.ledger': query(async (input, ctx) => {
    const rc = await ctx.register();
    const member = await requireMember(ctx.db, rc.org.id, input.memberId);
    const { entries, balance } = await ledger(ctx.db, member.id);
    return { entries, sharesHeld: balance, paidPence: member.paid_pence };
  }),

  'shares.allot': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const member = await requireMember(trx, rc.org.id, input.memberId);
    const cls = await requireClass(trx, rc.org.id, member.class_id);
    requireShareTerms(rc, cls);
    requireCurrent(member, 'memberId');
    requireOnOrAfterAdmission(member, input.date, 'date');
    assertNotFuture(rc, input.date, 'date', 'An allotment');
    assertNotBeforeIncorporation(rc, input.date, 'date', 'An allotment');
    const id = await recordLedgerEntry(tx, rc, {
      member, cls, kind: 'allotment', date: input.date, shares: input.shares, amountPence: input.amountPaidPence, boardReference: input.boardReference ?? null,
    });
    return ledgerEntry(trx, member.id, id);
  }),

  'shares.transfer': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const from = await requireMember(trx, rc.org.id, input.fromMemberId);
    const to = await requireMember(trx, rc.org.id, input.toMemberId);
    const fromClass = await requireClass(trx, rc.org.id, from.class_id);
    const toClass = to.class_id === from.class_id ? fromClass : await requireClass(trx, rc.org.id, to.class_id);
    requireShareTerms(rc, fromClass);
    requireShareTerms(rc, toClass);
    if (fromClass.share_transferable !== 1) {
      throw new AppError('FORBIDDEN', `Shares of the ${fromClass.name} class are not transferable under its terms.`);
    }
    requireCurrent(from, 'fromMemberId');
    requireCurrent(to, 'toMemberId');
    requireOnOrAfterAdmission(from, input.date, 'date');
    requireOnOrAfterAdmission(to, input.date, 'date');
    assertNotFuture(rc, input.date, 'date', 'A transfer');
    assertNotBeforeIncorporation(rc, input.date, 'date', 'A transfer');
    const transferId = uuidv7();
    const paid = await trx.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', from.id).executeTakeFirstOrThrow();
    const movedPaid = Math.round((paid.paid_pence * input.shares) / Math.max(paid.shares_held, 1));
    const outId = await recordLedgerEntry(tx, rc, {
      member: from, cls: fromClass, kind: 'transfer_out', date: input.date, shares: input.shares, amountPence: movedPaid, counterparty: to, transferId, boardReference: input.boardReference ?? null,
    });
    await recordLedgerEntry(tx, rc, {
      member: to, cls: toClass, kind: 'transfer_in', date: input.date, shares: input.shares, amountPence: movedPaid, counterparty: from, transferId, boardReference: input.boardReference ?? null,
    });
    return ledgerEntry(trx, from.id, outId);
  }),

  'shares.withdraw': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const member = await requireMember(trx, rc.org.id, input.memberId);
    const cls = await requireClass(trx, rc.org.id, member.class_id);
    requireShareTerms(rc, cls);
    if (cls.share_withdrawable !== 1) throw new AppError('FORBIDDEN', `Shares of the ${cls.name} class are not withdrawable under its terms.`);
    requireCurrent(member, 'memberId');
    requireOnOrAfterAdmission(member, input.noticeDate, 'noticeDate');
    assertNotFuture(rc, input.date, 'date', 'A withdrawal');
    assertNotBeforeIncorporation(rc, input.date, 'date', 'A withdrawal');
    if (input.paymentDate) assertNotFuture(rc, input.paymentDate, 'paymentDate', 'A payment');
    const id = await recordLedgerEntry(tx, rc, {
      member, cls, kind: 'withdrawal', date: input.date, shares: input.shares, amountPence: input.amountRepaidPence,
      noticeDate: input.noticeDate, paymentDate: input.paymentDate ?? null, boardReference: input.boardReference ?? null,
    });
    return ledgerEntry(trx, member.id, id);
  }),
});
