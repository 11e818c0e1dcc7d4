/**
 * Shares held and paid up as at a date, replayed from the share ledger as the register keeps it
 * (main/core/shares/ledger.ts): an allotment or a transfer in adds its shares and the amount paid
 * on them; any other entry (transfer out, withdrawal, redemption, purchase, cancellation) takes
 * its shares and a proportional part of what had been paid on the holding. The register keeps
 * only today's paid-up figure; the figure on a past date is the entries dated on or before it,
 * replayed in the order they were recorded, which for a ledger recorded in date order is exactly
 * what the register held at the end of that day.
 */
export interface LedgerMovement {
  kind: 'allotment' | 'transfer_in' | 'transfer_out' | 'withdrawal' | 'redemption' | 'purchase' | 'cancellation';
  /** Signed: positive in, negative out (as stored). */
  shares: number;
  amountPence: number;
}

export interface Holding {
  shares: number;
  paidPence: number;
}

/** One entry applied to a holding, as the ledger applied it when it was recorded. */
export function applyMovement(h: Holding, m: LedgerMovement): Holding {
  const paidDelta =
    m.kind === 'allotment' || m.kind === 'transfer_in' ? m.amountPence : -Math.round((h.paidPence * Math.abs(m.shares)) / Math.max(h.shares, 1));
  return { shares: h.shares + m.shares, paidPence: h.paidPence + paidDelta };
}

/** A member's holding after the given entries (already limited to the date, in recording order). */
export function replayHolding(entries: readonly LedgerMovement[]): Holding {
  return entries.reduce(applyMovement, { shares: 0, paidPence: 0 });
}

/** A share of a whole as en-GB percentage text with two decimals ("50.01%"); "0%" of nothing. */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const pct = (part * 100) / whole;
  return `${pct.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}%`;
}

/** More than half, exactly (s236M's "more than 50 per cent"), in integers so 1 of 2 is not more than half. */
export function moreThanHalf(part: number, whole: number): boolean {
  return whole > 0 && part * 2 > whole;
}
