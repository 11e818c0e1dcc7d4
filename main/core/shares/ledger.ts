import type { LedgerKind } from '../../../shared/contract/shares';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { checkHoldingLimits } from '../../../shared/rules/shareholding';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';

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
export async function recordLedgerEntry(tx: WriteContext, rc: RegisterCtx, w: LedgerWrite): Promise<string> {
  const trx = tx.db;
  const who = tx.who;
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
  tx.audit({
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
  });
  return id;
}

