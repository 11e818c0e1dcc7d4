import type { FormFamily } from '../domain/legal-form';

/**
 * How shares may leave a member's holding, by legal form and the class's terms.
 *
 * Societies: the society's registered rules say whether shares are withdrawable or transferable
 * and how (CCBS Act 2014 s14 and Sch 1); withdrawable share capital exists only in registered
 * societies. Shares that can be neither withdrawn nor transferred are cancelled when the member
 * leaves, as the rules provide.
 *
 * Companies have no withdrawable shares. Capital goes back to a member only as Part 18 of the
 * Companies Act 2006 allows: a redemption of shares issued as redeemable (s684-s689), or a
 * purchase by the company of its own shares (s690-s708). Otherwise shares leave a holding by
 * transfer (s770-s771).
 */
export type ShareExit = 'withdrawal' | 'redemption' | 'purchase' | 'transfer' | 'cancellation';

export interface ClassShareTerms {
  withdrawable: boolean;
  transferable: boolean;
  redeemable: boolean;
}

export interface ShareExitRoute {
  kind: ShareExit;
  /** What the secretary is offered: "Redeem the shares". */
  label: string;
  /** The law, for the hint beside the choice. */
  source: string;
  /** The entry must name the resolution that authorised it. */
  needsResolution: boolean;
}

export const WITHDRAWAL_SOURCE = 'CCBS Act 2014 s14 and Sch 1: the society’s rules say whether shares are withdrawable, and how they are withdrawn and paid out';
export const REDEMPTION_SOURCE =
  'CA 2006 s684-s689: shares issued as redeemable are redeemed on their terms (s685), only when fully paid (s686(1)), are then cancelled (s688), and Companies House is told within one month (s689)';
export const PURCHASE_SOURCE =
  'CA 2006 s690-s708: a company may buy back its own fully paid shares (s691(1)), paying on purchase (s691(2)); an off-market purchase needs a contract approved by a resolution of the members (s694; an ordinary resolution since 30 April 2013), on which the seller may not vote (s695); the shares are cancelled (s706) and a return goes to Companies House within 28 days (s707)';
export const COMPANY_TRANSFER_SOURCE = 'CA 2006 s770-s771: a proper instrument of transfer; the company registers it, or gives its reasons for refusing, within two months (s771)';
export const SOCIETY_TRANSFER_SOURCE = 'CCBS Act 2014 s14 and Sch 1: the society’s rules say whether shares are transferable and how a transfer is registered';
export const CANCELLATION_SOURCE =
  'CCBS Act 2014 s14 and Sch 1: shares that can be neither withdrawn nor transferred are cancelled when the member leaves, as the society’s rules provide';

/** Why a company class cannot be withdrawable, for the class form. */
export const COMPANY_NOT_WITHDRAWABLE =
  'A company’s shares cannot be withdrawable: withdrawable share capital exists only in registered societies (CCBS Act 2014 Sch 1). A company returns capital by redeeming shares issued as redeemable (CA 2006 s684-s689) or by buying back its own shares (s690-s708).';
/** Why a society class cannot be redeemable. */
export const SOCIETY_NOT_REDEEMABLE =
  'Redeemable shares are a company’s (CA 2006 s684); a society’s rules make shares withdrawable instead (CCBS Act 2014 Sch 1).';

/** The ways shares of a class may leave a holding, in the order a form offers them. */
export function shareExitRoutes(family: FormFamily, terms: ClassShareTerms): ShareExitRoute[] {
  if (family === 'society') {
    const out: ShareExitRoute[] = [];
    if (terms.withdrawable) out.push({ kind: 'withdrawal', label: 'Withdraw the shares', source: WITHDRAWAL_SOURCE, needsResolution: false });
    if (terms.transferable) out.push({ kind: 'transfer', label: 'Transfer the shares to another member', source: SOCIETY_TRANSFER_SOURCE, needsResolution: false });
    if (!terms.withdrawable) out.push({ kind: 'cancellation', label: 'Cancel the shares under the rules', source: CANCELLATION_SOURCE, needsResolution: false });
    return out;
  }
  const out: ShareExitRoute[] = [];
  if (terms.transferable) out.push({ kind: 'transfer', label: 'Transfer the shares to another member', source: COMPANY_TRANSFER_SOURCE, needsResolution: false });
  if (terms.redeemable) out.push({ kind: 'redemption', label: 'Redeem the shares', source: REDEMPTION_SOURCE, needsResolution: true });
  out.push({ kind: 'purchase', label: 'The company buys back the shares', source: PURCHASE_SOURCE, needsResolution: true });
  return out;
}

/** Why `kind` is not open to shares of a class with these terms, citing the law; null when it is. */
export function shareExitRefusal(family: FormFamily, className: string, terms: ClassShareTerms, kind: ShareExit): string | null {
  if (shareExitRoutes(family, terms).some((r) => r.kind === kind)) return null;
  switch (kind) {
    case 'withdrawal':
      return family === 'company'
        ? `A company’s shares cannot be withdrawn: withdrawable shares exist only in registered societies. Record a redemption (CA 2006 s684-s689) or a purchase of own shares (s690-s708) instead.`
        : `Shares of the ${className} class are not withdrawable under its terms (the society’s rules, CCBS Act 2014 Sch 1).`;
    case 'redemption':
      return family === 'society'
        ? `A society does not redeem shares (CA 2006 s684 applies to companies); record a withdrawal under the society’s rules instead.`
        : `Shares of the ${className} class were not issued as redeemable (CA 2006 s684(1)); record a purchase of own shares (s690-s708) instead.`;
    case 'purchase':
      return `A society does not buy back its own shares (CA 2006 s690 applies to companies); record a withdrawal or a transfer under the society’s rules.`;
    case 'transfer':
      return `Shares of the ${className} class are not transferable under its terms.`;
    case 'cancellation':
      return family === 'company'
        ? `A company cannot simply cancel a member’s shares (CA 2006 s658); transfer them, or record a redemption or purchase of own shares.`
        : `Shares of the ${className} class are withdrawable, so they are withdrawn (and paid out as the rules provide), not cancelled.`;
  }
}
