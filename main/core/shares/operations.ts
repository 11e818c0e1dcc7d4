import type { ShareDisposal } from '../../../shared/contract/shares';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { shareExitRefusal, type ShareExit } from '../../../shared/rules/share-exit';
import { formatPence } from '../../../shared/rules/shareholding';
import { requireClass } from '../classes/handlers';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { requireMember } from '../members/lookup';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { recordLedgerEntry } from './ledger';

/**
 * The share operations, each checked against the law and the class's terms before the ledger
 * entry is written: used by the shares.* handlers and by a cessation that disposes of the
 * shares in the same step.
 */

export function requireCurrent(m: MemberRowDb, field: string): void {
  if (m.ceased_on !== null) throw AppError.field(field, `Member ${m.member_number} ceased on ${formatLegalDate(m.ceased_on)}; shares move only for current members.`);
}

function requireOnOrAfterAdmission(m: MemberRowDb, date: string, field: string): void {
  if (date < m.admitted_on) throw AppError.field(field, `Member ${m.member_number} was admitted on ${formatLegalDate(m.admitted_on)}; the date cannot be earlier.`);
}

export function requireShareTerms(rc: RegisterCtx, cls: MembershipClassRow): void {
  if (!rc.form.hasShares) throw new AppError('FORBIDDEN', `A ${rc.form.label.toLowerCase()} has no shares.`);
  if (cls.share_nominal_pence === null) throw new AppError('CONFLICT', `The ${cls.name} class has no share terms; set them in Membership classes first.`);
}

function terms(cls: MembershipClassRow) {
  return { withdrawable: cls.share_withdrawable === 1, transferable: cls.share_transferable === 1, redeemable: cls.share_redeemable === 1 };
}

function requireRoute(rc: RegisterCtx, cls: MembershipClassRow, kind: ShareExit): void {
  const refusal = shareExitRefusal(rc.form.family, cls.name, terms(cls), kind);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
}

function checkDate(rc: RegisterCtx, m: MemberRowDb, date: string, field: string, what: string): void {
  requireOnOrAfterAdmission(m, date, field);
  assertNotFuture(rc, date, field, what);
  assertNotBeforeIncorporation(rc, date, field, what);
}

/**
 * Shares may be redeemed or bought back only when fully paid (CA 2006 s686(1), s691(1)). The
 * ledger keeps the paid-up amount of the whole holding, so that is what is compared.
 */
async function requireFullyPaid(tx: WriteContext, m: MemberRowDb, cls: MembershipClassRow, kind: 'redemption' | 'purchase'): Promise<void> {
  const now = await tx.db.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', m.id).executeTakeFirstOrThrow();
  const due = now.shares_held * (cls.share_nominal_pence ?? 0);
  if (now.paid_pence < due) {
    const [verb, section] = kind === 'redemption' ? ['redeemed', 's686(1)'] : ['bought back', 's691(1)'];
    throw AppError.field(
      'shares',
      `Shares may be ${verb} only when fully paid (CA 2006 ${section}); member ${m.member_number} has paid ${formatPence(now.paid_pence)} of the ${formatPence(due)} due on their ${now.shares_held} shares.`,
    );
  }
}

/** CA 2006 s684(4): no redeemable shares may be issued while the company has none in issue that are not redeemable. */
async function requireNonRedeemableInIssue(tx: WriteContext, rc: RegisterCtx, cls: MembershipClassRow): Promise<void> {
  if (cls.share_redeemable !== 1) return;
  const other = await tx.db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select('m.id')
    .where('m.organisation_id', '=', rc.org.id)
    .where('m.shares_held', '>', 0)
    .where((eb) => eb.or([eb('c.share_redeemable', 'is', null), eb('c.share_redeemable', '=', 0)]))
    .limit(1)
    .executeTakeFirst();
  if (!other) {
    throw AppError.field(
      'shares',
      `No redeemable shares may be issued while the company has no issued shares that are not redeemable (CA 2006 s684(4)); shares of the ${cls.name} class are redeemable.`,
    );
  }
}

export async function allotShares(
  tx: WriteContext,
  rc: RegisterCtx,
  member: MemberRowDb,
  cls: MembershipClassRow,
  a: { date: string; shares: number; amountPaidPence: number; boardReference: string | null },
) {
  requireShareTerms(rc, cls);
  requireCurrent(member, 'memberId');
  checkDate(rc, member, a.date, 'date', 'An allotment');
  await requireNonRedeemableInIssue(tx, rc, cls);
  return recordLedgerEntry(tx, rc, { member, cls, kind: 'allotment', date: a.date, shares: a.shares, amountPence: a.amountPaidPence, boardReference: a.boardReference });
}

export async function transferShares(
  tx: WriteContext,
  rc: RegisterCtx,
  from: MemberRowDb,
  to: MemberRowDb,
  t: { date: string; shares: number; boardReference: string | null },
  fields: { to: string } = { to: 'toMemberId' },
): Promise<string> {
  const trx = tx.db;
  const fromClass = await requireClass(trx, rc.org.id, from.class_id);
  const toClass = to.class_id === from.class_id ? fromClass : await requireClass(trx, rc.org.id, to.class_id);
  requireShareTerms(rc, fromClass);
  requireShareTerms(rc, toClass);
  if (fromClass.share_transferable !== 1) {
    throw new AppError('FORBIDDEN', `Shares of the ${fromClass.name} class are not transferable under its terms.`);
  }
  if (from.id === to.id) throw AppError.field(fields.to, 'Choose a different member to receive the shares.');
  requireCurrent(from, 'fromMemberId');
  requireCurrent(to, fields.to);
  checkDate(rc, from, t.date, 'date', 'A transfer');
  requireOnOrAfterAdmission(to, t.date, 'date');
  const transferId = uuidv7();
  const paid = await trx.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', from.id).executeTakeFirstOrThrow();
  const movedPaid = Math.round((paid.paid_pence * t.shares) / Math.max(paid.shares_held, 1));
  const out = await recordLedgerEntry(tx, rc, {
    member: from, cls: fromClass, kind: 'transfer_out', date: t.date, shares: t.shares, amountPence: movedPaid, counterparty: to, transferId, boardReference: t.boardReference,
  });
  await recordLedgerEntry(tx, rc, {
    member: to, cls: toClass, kind: 'transfer_in', date: t.date, shares: t.shares, amountPence: movedPaid, counterparty: from, transferId, boardReference: t.boardReference,
    ...(out.shareNumbers ? { shareNumbers: out.shareNumbers } : {}),
  });
  return out.id;
}

export async function withdrawShares(
  tx: WriteContext,
  rc: RegisterCtx,
  member: MemberRowDb,
  cls: MembershipClassRow,
  w: { noticeDate: string; date: string; paymentDate: string | null; shares: number; amountRepaidPence: number; boardReference: string | null },
): Promise<string> {
  requireShareTerms(rc, cls);
  requireRoute(rc, cls, 'withdrawal');
  requireCurrent(member, 'memberId');
  requireOnOrAfterAdmission(member, w.noticeDate, 'noticeDate');
  checkDate(rc, member, w.date, 'date', 'A withdrawal');
  if (w.paymentDate) assertNotFuture(rc, w.paymentDate, 'paymentDate', 'A payment');
  const { id } = await recordLedgerEntry(tx, rc, {
    member, cls, kind: 'withdrawal', date: w.date, shares: w.shares, amountPence: w.amountRepaidPence,
    noticeDate: w.noticeDate, paymentDate: w.paymentDate, boardReference: w.boardReference,
  });
  return id;
}

/** A redemption (CA 2006 s684-s689) or a purchase of own shares (s690-s708) by a company. */
export async function returnCapital(
  tx: WriteContext,
  rc: RegisterCtx,
  member: MemberRowDb,
  cls: MembershipClassRow,
  kind: 'redemption' | 'purchase',
  r: { date: string; shares: number; amountPaidPence: number; paymentDate: string | null; resolutionReference: string },
): Promise<string> {
  requireShareTerms(rc, cls);
  requireRoute(rc, cls, kind);
  requireCurrent(member, 'memberId');
  checkDate(rc, member, r.date, 'date', kind === 'redemption' ? 'A redemption' : 'A purchase of own shares');
  if (r.paymentDate) assertNotFuture(rc, r.paymentDate, 'paymentDate', 'A payment');
  await requireFullyPaid(tx, member, cls, kind);
  const { id } = await recordLedgerEntry(tx, rc, {
    member, cls, kind, date: r.date, shares: r.shares, amountPence: r.amountPaidPence, paymentDate: r.paymentDate, boardReference: null, resolutionReference: r.resolutionReference,
  });
  return id;
}

/**
 * Disposes of every share a leaving member holds, on the day membership ends, as `d` says:
 * part of the cessation's one mutation, so the register never shows a former member holding shares.
 */
export async function disposeOnCessation(tx: WriteContext, rc: RegisterCtx, member: MemberRowDb, d: ShareDisposal, ceasedOn: string): Promise<void> {
  const cls = await requireClass(tx.db, rc.org.id, member.class_id);
  requireShareTerms(rc, cls);
  const shares = member.shares_held;
  const field = (f: string) => `shares.${f}`;
  const refusal = shareExitRefusal(rc.form.family, cls.name, terms(cls), d.kind);
  if (refusal) throw AppError.field(field('kind'), refusal);
  try {
    switch (d.kind) {
      case 'withdrawal':
        await withdrawShares(tx, rc, member, cls, {
          noticeDate: d.noticeDate ?? ceasedOn, date: ceasedOn, paymentDate: d.paymentDate ?? null, shares, amountRepaidPence: d.amountRepaidPence, boardReference: d.boardReference ?? null,
        });
        return;
      case 'redemption':
      case 'purchase':
        await returnCapital(tx, rc, member, cls, d.kind, { date: ceasedOn, shares, amountPaidPence: d.amountPaidPence, paymentDate: d.paymentDate ?? null, resolutionReference: d.resolutionReference });
        return;
      case 'transfer': {
        const to = await requireMember(tx.db, rc.org.id, d.toMemberId);
        await transferShares(tx, rc, member, to, { date: ceasedOn, shares, boardReference: d.boardReference ?? null }, { to: field('toMemberId') });
        return;
      }
      case 'cancellation':
        await recordLedgerEntry(tx, rc, { member, cls, kind: 'cancellation', date: ceasedOn, shares, amountPence: 0, boardReference: d.boardReference ?? null });
        return;
    }
  } catch (e) {
    // The disposal's own fields live under "shares." in the cessation form.
    if (e instanceof AppError && e.fieldErrors) {
      const moved = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k.startsWith('shares.') ? k : k === 'date' ? 'ceasedOn' : field(k), v]));
      throw new AppError(e.code, e.message, moved);
    }
    throw e;
  }
}
