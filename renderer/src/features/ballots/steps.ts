import type { Ballot } from '../../../../shared/contract/ballots';

/**
 * Which step each trustee takes next, from the ballot the core answers. With every trustee
 * required a trustee only makes a key (and later decrypts); with k of n (docs/ballot-protocol.md)
 * they also seal shares of their key for the others once every key is made, and accept the
 * shares sealed for them once every trustee has sealed theirs.
 */
export type TrusteeStep = 'make_key' | 'deal' | 'accept' | 'decrypt';
type Trustee = Ballot['trustees'][number];
type Facts = Pick<Ballot, 'status' | 'threshold' | 'trusteeCount' | 'trustees'> & Partial<Pick<Ballot, 'summed'>>;

/**
 * Closed and sealed, but the sum of the sealed ballots is not yet recorded (the close job is
 * running, or stopped part-way): closing again finishes it, and nobody can decrypt before.
 */
export function awaitingSum(b: Pick<Ballot, 'status' | 'summed'>): boolean {
  return b.status === 'closed' && !b.summed;
}

export function isThresholdSharing(b: Pick<Ballot, 'threshold' | 'trusteeCount'>): boolean {
  return b.threshold < b.trusteeCount;
}

export function trusteeStep(b: Facts, t: Trustee): TrusteeStep | null {
  if (b.status === 'draft') {
    if (!t.keyMade) return 'make_key';
    if (!isThresholdSharing(b)) return null;
    if (!b.trustees.every((x) => x.keyMade)) return null;
    if (!t.sharesDealt) return 'deal';
    if (!b.trustees.every((x) => x.sharesDealt)) return null;
    return t.sharesAccepted ? null : 'accept';
  }
  if (b.status === 'closed') return t.decrypted || (b.summed !== undefined && awaitingSum({ status: b.status, summed: b.summed })) ? null : 'decrypt';
  return null;
}

/** Every trustee's part of the set-up is done, so the ballot may be opened (the core checks again). */
export function keysReady(b: Facts): boolean {
  return b.status === 'draft' && b.trustees.every((t) => t.keyMade && (!isThresholdSharing(b) || t.sharesAccepted));
}

/** Where a trustee is, in words for the table ("Key made", "Shares accepted"). */
export function trusteeProgress(b: Facts, t: Trustee): string {
  if (b.status === 'closed' || b.status === 'decided') return t.decrypted ? 'Has decrypted their part' : b.status === 'decided' ? 'Not needed' : 'Not decrypted yet';
  if (!t.keyMade) return 'No key yet';
  if (!isThresholdSharing(b)) return 'Key made';
  if (t.sharesAccepted) return 'Key made, shares sealed and accepted';
  if (t.sharesDealt) return 'Key made, shares sealed for the others';
  return 'Key made';
}

export const STEP_LABEL: Record<TrusteeStep, string> = {
  make_key: 'Make your key',
  deal: 'Seal shares for the others',
  accept: 'Accept your shares',
  decrypt: 'Decrypt',
};
