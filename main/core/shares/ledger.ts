import type { LedgerEntry, LedgerKind } from '../../../shared/contract/shares';
import { firstInvalidDay, type Movement } from '../../../shared/rules/holding-timeline';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { formatShareNumbers, parseShareNumbers, storeShareNumbers, subtractRanges, takeLowest, unionRanges, type NumberRange } from '../../../shared/rules/share-numbers';
import { checkHoldingLimits, formatPence } from '../../../shared/rules/shareholding';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { sql } from 'kysely';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { allocate } from '../members/sequence';

const AUDIT_ACTION: Record<LedgerKind, AuditAction> = {
  allotment: 'shares.allotted',
  transfer_in: 'shares.transferred',
  transfer_out: 'shares.transferred',
  withdrawal: 'shares.withdrawn',
  redemption: 'shares.redeemed',
  purchase: 'shares.purchased',
  cancellation: 'shares.cancelled',
};

const VERB: Record<LedgerKind, string> = {
  allotment: 'allotted',
  transfer_in: 'received by transfer',
  transfer_out: 'transferred away',
  withdrawal: 'withdrawn',
  redemption: 'redeemed by the company (CA 2006 s684-s689)',
  purchase: 'bought back by the company (CA 2006 s690-s708)',
  cancellation: 'cancelled under the society’s rules',
};

/** Kinds that add to a holding; every other kind takes shares out of it. */
export function isIncrease(kind: LedgerKind): boolean {
  return kind === 'allotment' || kind === 'transfer_in';
}

export interface LedgerWrite {
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
  resolutionReference?: string | null;
  /** A transfer in receives the numbers its transfer out took. */
  shareNumbers?: readonly NumberRange[];
}

interface StoredEntry {
  date: string;
  shares: number;
  share_numbers?: string | null | undefined;
}

const plural = (n: number) => `${n.toLocaleString('en-GB')} share${n === 1 || n === -1 ? '' : 's'}`;
/** −2, with a true minus sign, as the register prints it. */
const signed = (n: number) => (n < 0 ? `−${plural(-n)}` : plural(n));

/** "The Member class allows …" → "the Member class allows …", after "On 1 March 2026: ". */
function lowerFirst(message: string): string {
  return message.startsWith('The ') ? `t${message.slice(1)}` : message;
}

/**
 * The numbers of a member's shares held at the end of `date` that no later entry takes out:
 * the only ones an entry on `date` can move without breaking the ledger after it.
 */
function numbersFreeOn(entries: readonly StoredEntry[], date: string): NumberRange[] {
  let held: NumberRange[] = [];
  let laterOut: NumberRange[] = [];
  for (const e of entries) {
    const numbers = e.share_numbers ? parseShareNumbers(e.share_numbers) : [];
    if (e.date <= date) held = e.shares > 0 ? unionRanges(held, numbers) : subtractRanges(held, numbers);
    else if (e.shares < 0) laterOut = unionRanges(laterOut, numbers);
  }
  return subtractRanges(held, laterOut);
}

/**
 * Writes one ledger entry and re-derives the member's holding in the same transaction, so the
 * holding shown anywhere is the ledger's sum, never a typed-in figure.
 *
 * An entry may be dated in the past, so it is checked against every day from its date on, not
 * only today: the holding may never fall below nothing on any day, nor rise above the class's
 * maximum or the £100,000 limit on withdrawable shares (CCBS Act 2014 s24(1); a member that is
 * a registered society is outside it, s24(2)). Where the class's shares are numbered (CA 2006
 * s113(3)(a)(i)), an allotment takes the class's next numbers, and shares leaving a holding are
 * the lowest-numbered ones held on the day that no later entry takes.
 */
export async function recordLedgerEntry(tx: WriteContext, rc: RegisterCtx, w: LedgerWrite): Promise<{ id: string; shareNumbers: NumberRange[] | null }> {
  const trx = tx.db;
  const who = tx.who;
  const increase = isIncrease(w.kind);
  const delta = increase ? w.shares : -w.shares;
  const fresh = await trx.selectFrom('member').select(['shares_held', 'paid_pence']).where('id', '=', w.member.id).executeTakeFirstOrThrow();
  const existing: StoredEntry[] = await trx
    .selectFrom('share_transaction')
    .select(['date', 'shares', 'share_numbers'])
    .where('member_id', '=', w.member.id)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const movements: Movement[] = [...existing.map((e) => ({ date: e.date, shares: e.shares })), { date: w.date, shares: delta }];
  const n = w.member.member_number;

  const below = firstInvalidDay(movements, w.date, (balance) => (balance < 0 ? 'negative' : null));
  if (below) {
    throw AppError.field(
      'shares',
      `On ${formatLegalDate(below.date)} member ${n} would hold ${signed(below.balance)}: they held ${(below.balance - delta).toLocaleString('en-GB')} then. Date the entry on or after the day enough shares were held, or record fewer.`,
    );
  }
  if (increase && w.cls.share_nominal_pence !== null) {
    const nominal = w.cls.share_nominal_pence;
    const over = firstInvalidDay(movements, w.date, (balance) => {
      const check = checkHoldingLimits({
        family: rc.form.family,
        className: w.cls.name,
        withdrawable: w.cls.share_withdrawable === 1,
        nominalPence: nominal,
        maxHolding: w.cls.share_max_holding,
        sharesAfter: balance,
        memberIsRegisteredSociety: w.member.organisation_kind === 'registered_society',
      });
      return check.ok ? null : check.message!;
    });
    if (over) throw AppError.field('shares', over.date === rc.today ? over.problem : `On ${formatLegalDate(over.date)}: ${lowerFirst(over.problem)}`);
  }

  let numbers: NumberRange[] | null = null;
  if (w.cls.share_numbered === 1) {
    if (w.kind === 'allotment') {
      const first = await allocate(trx, rc.org.id, `share_number:${w.cls.id}`, w.shares);
      numbers = [[first, first + w.shares - 1]];
    } else if (w.kind === 'transfer_in') {
      numbers = [...(w.shareNumbers ?? [])];
    } else {
      const free = numbersFreeOn(existing, w.date);
      numbers = takeLowest(free, w.shares);
      if (numbers === null) {
        throw AppError.field(
          'shares',
          `Member ${n}’s shares are numbered (CA 2006 s113(3)), and on ${formatLegalDate(w.date)} they held only ${plural(free.reduce((k, [a, b]) => k + b - a + 1, 0))} that no later entry moves${free.length > 0 ? ` (numbers ${formatShareNumbers(free)})` : ''}. Record fewer, or date the entry later.`,
        );
      }
    }
  }

  // Paid-up value moves with the shares: all of an allotment's payment, a proportional part otherwise.
  const paidDelta =
    w.kind === 'allotment' ? w.amountPence : w.kind === 'transfer_in' ? w.amountPence : -Math.round((fresh.paid_pence * w.shares) / Math.max(fresh.shares_held, 1));
  const after = fresh.shares_held + delta;
  const id = uuidv7();
  await trx
    .insertInto('share_transaction')
    .values({
      id,
      organisation_id: rc.org.id,
      member_id: w.member.id,
      kind: w.kind,
      date: w.date,
      shares: delta,
      amount_pence: w.amountPence,
      counterparty_member_id: w.counterparty?.id ?? null,
      transfer_id: w.transferId ?? null,
      notice_date: w.noticeDate ?? null,
      payment_date: w.paymentDate ?? null,
      board_reference: w.boardReference,
      resolution_reference: w.resolutionReference ?? null,
      share_numbers: numbers ? storeShareNumbers(numbers) : null,
      created_at: who.at,
    })
    .execute();
  await trx.updateTable('member').set({ shares_held: after, paid_pence: fresh.paid_pence + paidDelta, updated_at: who.at }).where('id', '=', w.member.id).execute();
  const numbered = numbers && numbers.length > 0 ? `, numbered ${formatShareNumbers(numbers)}` : '';
  tx.audit({
    action: AUDIT_ACTION[w.kind],
    entityType: 'member',
    entityId: w.member.id,
    summary: `Member ${n}: ${plural(w.shares)}${numbered} ${VERB[w.kind]} on ${formatLegalDate(w.date)}${w.counterparty ? ` (${w.kind === 'transfer_in' ? 'from' : 'to'} member ${w.counterparty.member_number})` : ''}${w.amountPence > 0 && !increase ? `, ${formatPence(w.amountPence)} paid to the member` : ''}`,
    // Other people appear by member number only, so erasing one entry's data never needs another's events.
    before: { sharesHeld: fresh.shares_held },
    after: {
      sharesHeld: after,
      kind: w.kind,
      date: w.date,
      shares: delta,
      amountPence: w.amountPence,
      ...(w.counterparty ? { counterpartyMemberNumber: w.counterparty.member_number } : {}),
      ...(w.noticeDate ? { noticeDate: w.noticeDate } : {}),
      ...(w.paymentDate ? { paymentDate: w.paymentDate } : {}),
      ...(w.resolutionReference ? { resolutionReference: w.resolutionReference } : {}),
      ...(numbers ? { shareNumbers: storeShareNumbers(numbers) } : {}),
    },
  });
  return { id, shareNumbers: numbers };
}

/**
 * A member's share ledger in date order, with the holding after each entry. On one day,
 * shares coming in are listed before shares going out, so a running balance never dips below
 * nothing in the middle of a day whose end-of-day holding is valid.
 */
export async function ledger(db: ReadDb, memberId: string): Promise<{ entries: LedgerEntry[]; balance: number }> {
  const rows = await db
    .selectFrom('share_transaction as t')
    .leftJoin('member as c', 'c.id', 't.counterparty_member_id')
    .select([
      't.id',
      't.kind',
      't.date',
      't.shares',
      't.amount_pence',
      't.notice_date',
      't.payment_date',
      't.board_reference',
      't.resolution_reference',
      't.share_numbers',
      't.recorded_as',
      't.created_at',
      'c.id as c_id',
      'c.member_number as c_number',
      'c.given_names as c_given',
      'c.family_name as c_family',
    ])
    .where('t.member_id', '=', memberId)
    .orderBy('t.date')
    .orderBy(sql`t.shares < 0`)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  let balance = 0;
  const entries: LedgerEntry[] = rows.map((r) => {
    balance += r.shares;
    return {
      id: r.id,
      kind: r.kind,
      date: r.date,
      shares: r.shares,
      amountPence: r.amount_pence,
      counterparty: r.c_id ? { id: r.c_id, memberNumber: r.c_number!, name: r.c_given ? `${r.c_given} ${r.c_family}` : r.c_family! } : null,
      noticeDate: r.notice_date,
      paymentDate: r.payment_date,
      boardReference: r.board_reference,
      resolutionReference: r.resolution_reference ?? null,
      shareNumbers: r.share_numbers ? formatShareNumbers(parseShareNumbers(r.share_numbers)) : null,
      recordedAs: r.recorded_as ?? null,
      balanceAfter: balance,
      createdAt: r.created_at,
    };
  });
  return { entries, balance };
}
