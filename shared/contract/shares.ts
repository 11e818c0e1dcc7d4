import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, penceAmount, requiredText, wholeNumber } from './fields';

/**
 * Kinds of ledger entry. Withdrawals exist only in societies (CCBS Act 2014 Sch 1); a company
 * returns capital by a redemption of redeemable shares (CA 2006 s684-s689) or a purchase of its
 * own shares (s690-s708). A cancellation is a society's cancelling of shares that can be neither
 * withdrawn nor transferred, when a member leaves, as its rules provide.
 */
export const LEDGER_KINDS = ['allotment', 'transfer_in', 'transfer_out', 'withdrawal', 'redemption', 'purchase', 'cancellation'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABEL: Record<LedgerKind, string> = {
  allotment: 'Allotment',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
  withdrawal: 'Withdrawal',
  redemption: 'Redemption (CA 2006 s684-s689)',
  purchase: 'Purchase of own shares (CA 2006 s690-s708)',
  cancellation: 'Cancelled under the rules',
};

export const ledgerEntrySchema = z.object({
  id,
  kind: z.enum(LEDGER_KINDS),
  date: z.string(),
  /** Positive for allotments and transfers in, negative for transfers out and withdrawals. */
  shares: z.number().int(),
  /** Paid on allotment, or repaid on withdrawal. */
  amountPence: z.number().int(),
  counterparty: z.object({ id, memberNumber: z.number().int(), name: z.string() }).nullable(),
  noticeDate: z.string().nullable(),
  paymentDate: z.string().nullable(),
  boardReference: z.string().nullable(),
  /** The resolution a redemption or purchase of own shares rests on. */
  resolutionReference: z.string().nullable(),
  /** The distinguishing numbers that moved ("1–10, 15"), where the class's shares are numbered (CA 2006 s113(3)). */
  shareNumbers: z.string().nullable(),
  /** What the entry was first recorded as, where the 2026 upgrade relabelled it (a company's "withdrawal"). */
  recordedAs: z.enum(LEDGER_KINDS).nullable(),
  balanceAfter: z.number().int(),
  createdAt: isoInstant,
});
export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

const shares = wholeNumber('the number of shares', 1, 1_000_000_000);
const pence = (what: string) => penceAmount(what, 0, 1e13);

const resolution = (what: string) => requiredText(what, 200);

/** A company paying back capital: a redemption (s684-s689) or a purchase of own shares (s690-s708). */
const capitalReturnShape = {
  memberId: id,
  date: legalDate('the date'),
  shares,
  /** Paid to the member for the shares. */
  amountPaidPence: pence('the amount paid to the member'),
  paymentDate: legalDate('the payment date').optional().or(z.literal('').transform(() => undefined)),
};

/**
 * What happens to the shares a member still holds when membership ends, recorded with the
 * cessation in one step and dated the day it ends.
 */
export const shareDisposalSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('withdrawal'),
      /** Defaults to the day membership ends. */
      noticeDate: legalDate('the date notice was given').optional().or(z.literal('').transform(() => undefined)),
      amountRepaidPence: pence('the amount repaid'),
      paymentDate: legalDate('the payment date').optional().or(z.literal('').transform(() => undefined)),
      boardReference: optionalText('the board decision reference', 200),
    }),
    z.strictObject({
      kind: z.literal('redemption'),
      amountPaidPence: pence('the amount paid to the member'),
      paymentDate: legalDate('the payment date').optional().or(z.literal('').transform(() => undefined)),
      resolutionReference: resolution('the board resolution the redemption rests on (CA 2006 s685)'),
    }),
    z.strictObject({
      kind: z.literal('purchase'),
      amountPaidPence: pence('the amount paid to the member'),
      paymentDate: legalDate('the payment date').optional().or(z.literal('').transform(() => undefined)),
      resolutionReference: resolution('the members’ resolution approving the purchase (CA 2006 s694)'),
    }),
    z.strictObject({ kind: z.literal('transfer'), toMemberId: id, boardReference: optionalText('the board decision reference', 200) }),
    z.strictObject({ kind: z.literal('cancellation'), boardReference: optionalText('the board decision reference', 200) }),
  ],
  { error: 'Choose what happens to the shares.' },
);
export type ShareDisposal = z.output<typeof shareDisposalSchema>;

export const shareMethods = defineMethods('shares', {
  'shares.ledger': method({
    kind: 'query',
    summary: "A member's share ledger, oldest first, with the holding derived from it.",
    input: z.strictObject({ memberId: id }),
    output: z.object({ entries: z.array(ledgerEntrySchema), sharesHeld: z.number().int(), paidPence: z.number().int() }),
  }),
  'shares.allot': method({
    kind: 'mutation',
    summary: 'Allot shares to a current member.',
    input: z.strictObject({
      memberId: id,
      date: legalDate('the allotment date'),
      shares,
      amountPaidPence: pence('the amount paid'),
      boardReference: optionalText('the board decision reference', 200),
    }),
    output: ledgerEntrySchema,
  }),
  'shares.transfer': method({
    kind: 'mutation',
    summary: 'Transfer shares between two current members (transferable shares only).',
    input: z
      .strictObject({
        fromMemberId: id,
        toMemberId: id,
        date: legalDate('the transfer date'),
        shares,
        boardReference: optionalText('the board decision reference', 200),
      })
      .refine((v) => v.fromMemberId !== v.toMemberId, { path: ['toMemberId'], message: 'Choose a different member to receive the shares.' }),
    output: ledgerEntrySchema,
  }),
  'shares.withdraw': method({
    kind: 'mutation',
    summary: 'Withdraw shares (withdrawable shares only), with the notice and payment dates.',
    input: z
      .strictObject({
        memberId: id,
        noticeDate: legalDate('the date notice was given'),
        date: legalDate('the withdrawal date'),
        paymentDate: legalDate('the payment date').optional().or(z.literal('').transform(() => undefined)),
        shares,
        amountRepaidPence: pence('the amount repaid'),
        boardReference: optionalText('the board decision reference', 200),
      })
      .superRefine((v, ctx) => {
        if (v.date < v.noticeDate) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Shares cannot be withdrawn before notice is given.' });
        if (v.paymentDate && v.paymentDate < v.noticeDate) {
          ctx.addIssue({ code: 'custom', path: ['paymentDate'], message: 'Payment cannot come before the notice.' });
        }
      }),
    output: ledgerEntrySchema,
  }),
  'shares.redeem': method({
    kind: 'mutation',
    summary: 'A company redeems shares issued as redeemable (CA 2006 s684-s689), on a board resolution.',
    input: z.strictObject({ ...capitalReturnShape, resolutionReference: resolution('the board resolution the redemption rests on (CA 2006 s685)') }),
    output: ledgerEntrySchema,
  }),
  'shares.purchase': method({
    kind: 'mutation',
    summary: 'A company buys back its own shares (CA 2006 s690-s708), on a members’ resolution (s694).',
    input: z.strictObject({ ...capitalReturnShape, resolutionReference: resolution('the members’ resolution approving the purchase (CA 2006 s694)') }),
    output: ledgerEntrySchema,
  }),
});
