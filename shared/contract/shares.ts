import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, penceAmount, wholeNumber } from './fields';

export const LEDGER_KINDS = ['allotment', 'transfer_in', 'transfer_out', 'withdrawal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const LEDGER_KIND_LABEL: Record<LedgerKind, string> = {
  allotment: 'Allotment',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
  withdrawal: 'Withdrawal',
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
  balanceAfter: z.number().int(),
  createdAt: isoInstant,
});
export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

const shares = wholeNumber('the number of shares', 1, 1_000_000_000);
const pence = (what: string) => penceAmount(what, 0, 1e13);

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
});
