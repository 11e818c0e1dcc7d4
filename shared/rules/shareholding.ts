/**
 * Limits on share holdings. A society's members may not hold withdrawable shares worth more than
 * £100,000 (CCBS Act 2014 s24(1)), except a member that is itself a registered society (s24(2));
 * the limit does not touch transferable shares, or companies. A membership class may set a lower
 * maximum number of shares in the governing document, which binds every member.
 */
export const SOCIETY_WITHDRAWABLE_LIMIT_PENCE = 100_000_00;

export interface HoldingCheck {
  ok: boolean;
  message?: string;
}

export function checkHoldingLimits(opts: {
  family: 'company' | 'society';
  className: string;
  withdrawable: boolean;
  nominalPence: number;
  maxHolding: number | null;
  sharesAfter: number;
  /** The member is itself a registered society, which s24(2) frees from the £100,000 limit. */
  memberIsRegisteredSociety?: boolean;
}): HoldingCheck {
  const { family, className, withdrawable, nominalPence, maxHolding, sharesAfter } = opts;
  if (maxHolding !== null && sharesAfter > maxHolding) {
    return { ok: false, message: `The ${className} class allows at most ${maxHolding} shares per member; this would make ${sharesAfter}.` };
  }
  const value = sharesAfter * nominalPence;
  if (family === 'society' && withdrawable && !opts.memberIsRegisteredSociety && value > SOCIETY_WITHDRAWABLE_LIMIT_PENCE) {
    return {
      ok: false,
      message: `CCBS Act 2014 s24(1) limits a member's withdrawable shares to £100,000; this would make £${(value / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}.`,
    };
  }
  return { ok: true };
}

/** Pence as pounds for messages and exports: 12345 → "£123.45". */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  return `${sign}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
