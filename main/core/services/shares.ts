import type { Kysely } from 'kysely';
import type { shareMethods, LedgerEntry, LedgerKind } from '../../../shared/contract/shares';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { checkHoldingLimits } from '../../../shared/rules/shareholding';
import { appendAudit, type Actor } from '../audit/log';
import { transact, type Handlers } from '../context';
import { uuidv7 } from '../db/ids';
import type { DB, MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { assertNotFuture, registerCtx, type RegisterCtx } from '../register/context';
import { requireClass } from './classes';
import { requireMember } from '../register/lookup';

type Methods = keyof typeof shareMethods;

const AUDIT_ACTION = { allotment: 'shares.allotted', transfer_in: 'shares.transferred', transfer_out: 'shares.transferred', withdrawal: 'shares.withdrawn' } as const;

interface LedgerWrite {
  member: MemberRowDb;
  cls: MembershipClassRow;
  kind: LedgerKind;
  date: string;
  /** Always positive; the kind gives the direction. */
  shares: number;
  amountPence: number;
  counterparty?: MemberRowDb;
  transferId?: string;
  noticeDate?: string | null;
  paymentDate?: string | null;
  boardReference: string | null;
}

/**
 * Writes one ledger entry and re-derives the member's holding from it in the same transaction,
 * so the holding shown anywhere is the ledger's sum, never a typed-in figure.
 */
export async function recordLedgerEntry(trx: Kysely<DB>, rc: RegisterCtx, who: Actor, w: LedgerWrite): Promise<string> {
  const increase = w.kind === 'allotment' || w.kind === 'transfer_in';
  const signed = increase ? w.shares : -w.shares;
  const fresh = await trx.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', w.member.id).executeTakeFirstOrThrow();
  const after = fresh.shares_held + signed;
  if (after < 0) {
    throw AppError.field('shares', `Member ${w.member.member_number} holds ${fresh.shares_held} share${fresh.shares_held === 1 ? '' : 's'}, so ${w.shares} cannot leave their holding.`);
  }
  if (increase && w.cls.share_nominal_pence !== null) {
    const check = checkHoldingLimits({
      family: rc.form.family,
      className: w.cls.name,
      withdrawable: w.cls.share_withdrawable === 1,
      nominalPence: w.cls.share_nominal_pence,
      maxHolding: w.cls.share_max_holding,
      sharesAfter: after,
    });
    if (!check.ok) throw AppError.field('shares', check.message!);
  }
  // Paid-up value moves with the shares: all of an allotment's payment, a proportional part otherwise.
  const paidDelta =
    w.kind === 'allotment' ? w.amountPence : w.kind === 'transfer_in' ? w.amountPence : -Math.round((fresh.paid_pence * w.shares) / Math.max(fresh.shares_held, 1));
  const id = uuidv7();
  await trx
    .insertInto('share_transaction')
    .values({
      id,
      organisation_id: rc.org.id,
      member_id: w.member.id,
      kind: w.kind,
      date: w.date,
      shares: signed,
      amount_pence: w.amountPence,
      counterparty_member_id: w.counterparty?.id ?? null,
      transfer_id: w.transferId ?? null,
      notice_date: w.noticeDate ?? null,
      payment_date: w.paymentDate ?? null,
      board_reference: w.boardReference,
      created_at: who.at,
    })
    .execute();
  await trx.updateTable('member').set({ shares_held: after, paid_pence: fresh.paid_pence + paidDelta, updated_at: who.at }).where('id', '=', w.member.id).execute();
  const verb = { allotment: 'allotted', transfer_in: 'received by transfer', transfer_out: 'transferred away', withdrawal: 'withdrawn' }[w.kind];
  await appendAudit(trx, who, [
    {
      action: AUDIT_ACTION[w.kind],
      entityType: 'member',
      entityId: w.member.id,
      summary: `Member ${w.member.member_number}: ${w.shares} share${w.shares === 1 ? '' : 's'} ${verb} on ${formatLegalDate(w.date)}${w.counterparty ? ` (${w.kind === 'transfer_in' ? 'from' : 'to'} member ${w.counterparty.member_number})` : ''}`,
      // Other people appear by member number only, so erasing one entry's data never needs another's events.
      before: { sharesHeld: fresh.shares_held },
      after: {
        sharesHeld: after,
        kind: w.kind,
        date: w.date,
        shares: signed,
        amountPence: w.amountPence,
        ...(w.counterparty ? { counterpartyMemberNumber: w.counterparty.member_number } : {}),
        ...(w.noticeDate ? { noticeDate: w.noticeDate } : {}),
        ...(w.paymentDate ? { paymentDate: w.paymentDate } : {}),
      },
    },
  ]);
  return id;
}

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

async function ledgerEntry(db: Kysely<DB>, memberId: string, id: string): Promise<LedgerEntry> {
  const { entries } = await ledger(db, memberId);
  return entries.find((e) => e.id === id)!;
}

async function ledger(db: Kysely<DB>, memberId: string) {
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

export const shareHandlers: Handlers<Methods> = {
  'shares.ledger': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    const member = await requireMember(ctx.db, rc.org.id, input.memberId);
    const { entries, balance } = await ledger(ctx.db, member.id);
    return { entries, sharesHeld: balance, paidPence: member.paid_pence };
  },

  'shares.allot': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const member = await requireMember(trx, rc.org.id, input.memberId);
      const cls = await requireClass(trx, rc.org.id, member.class_id);
      requireShareTerms(rc, cls);
      requireCurrent(member, 'memberId');
      requireOnOrAfterAdmission(member, input.date, 'date');
      assertNotFuture(rc, input.date, 'date', 'An allotment');
      const id = await recordLedgerEntry(trx, rc, ctx.who(), {
        member, cls, kind: 'allotment', date: input.date, shares: input.shares, amountPence: input.amountPaidPence, boardReference: input.boardReference ?? null,
      });
      return ledgerEntry(trx, member.id, id);
    }),

  'shares.transfer': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
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
      const who = ctx.who();
      const transferId = uuidv7();
      const paid = await trx.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', from.id).executeTakeFirstOrThrow();
      const movedPaid = Math.round((paid.paid_pence * input.shares) / Math.max(paid.shares_held, 1));
      const outId = await recordLedgerEntry(trx, rc, who, {
        member: from, cls: fromClass, kind: 'transfer_out', date: input.date, shares: input.shares, amountPence: movedPaid, counterparty: to, transferId, boardReference: input.boardReference ?? null,
      });
      await recordLedgerEntry(trx, rc, who, {
        member: to, cls: toClass, kind: 'transfer_in', date: input.date, shares: input.shares, amountPence: movedPaid, counterparty: from, transferId, boardReference: input.boardReference ?? null,
      });
      return ledgerEntry(trx, from.id, outId);
    }),

  'shares.withdraw': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const member = await requireMember(trx, rc.org.id, input.memberId);
      const cls = await requireClass(trx, rc.org.id, member.class_id);
      requireShareTerms(rc, cls);
      if (cls.share_withdrawable !== 1) throw new AppError('FORBIDDEN', `Shares of the ${cls.name} class are not withdrawable under its terms.`);
      requireCurrent(member, 'memberId');
      requireOnOrAfterAdmission(member, input.noticeDate, 'noticeDate');
      assertNotFuture(rc, input.date, 'date', 'A withdrawal');
      if (input.paymentDate) assertNotFuture(rc, input.paymentDate, 'paymentDate', 'A payment');
      const id = await recordLedgerEntry(trx, rc, ctx.who(), {
        member, cls, kind: 'withdrawal', date: input.date, shares: input.shares, amountPence: input.amountRepaidPence,
        noticeDate: input.noticeDate, paymentDate: input.paymentDate ?? null, boardReference: input.boardReference ?? null,
      });
      return ledgerEntry(trx, member.id, id);
    }),
};
