// Passing k-of-n shares between trustees on one laptop (docs/ballot-protocol.md §5 "Share
// transport"). Each trustee has a transport key pair (tᵢ, Tᵢ = tᵢ·G), sealed under their passphrase
// with their polynomial. Dealer i seals fᵢ(j) for trustee j under a key both can derive from a
// Diffie-Hellman of their transport keys, so the laptop only ever holds sealed shares, and j checks
// each opened share against i's Feldman commitments (a bad share names its dealer).
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { randomNonZeroScalar, scalarFromBytes, scalarToBytes, type Group } from './group';
import { fromHex32, lengthPrefixed, toHex, u32 } from './encoding';
import { shareIsValid, type TrusteePublic } from './election';

export interface SealedShare {
  from: number;
  to: number;
  nonce: string;
  ciphertext: string;
}

export function createTransportKey<P>(G: Group<P>): { secret: bigint; public: string } {
  const secret = randomNonZeroScalar();
  return { secret, public: toHex(G.encode(G.mulBase(secret))) };
}

/** Key and associated data for the share from `from` to `to`: both ends compute the same ones. */
function channel<P>(G: Group<P>, setupHash: string, from: number, to: number, mySecret: bigint, theirPublic: string, fromPublic: string, toPublic: string) {
  const shared = G.encode(G.mul(G.decode(fromHex32(theirPublic, 'transport key')), mySecret));
  const info = lengthPrefixed(['mutual-governance/ballot/v1/share', setupHash, u32(from), u32(to), hexToBytes(fromPublic), hexToBytes(toPublic)]);
  return { key: hkdf(sha256, shared, hexToBytes(setupHash), info, 32), aad: info };
}

export function sealShare<P>(G: Group<P>, setupHash: string, dealer: { index: number; transportSecret: bigint; transportKey: string }, recipient: { index: number; transportKey: string }, share: bigint): SealedShare {
  const { key, aad } = channel(G, setupHash, dealer.index, recipient.index, dealer.transportSecret, recipient.transportKey, dealer.transportKey, recipient.transportKey);
  const nonce = randomBytes(24);
  const ciphertext = xchacha20poly1305(key, nonce, aad).encrypt(scalarToBytes(share));
  key.fill(0);
  return { from: dealer.index, to: recipient.index, nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Trustee j opens the share dealer i sealed for them and checks it against i's commitments.
 * Throws naming the dealer when the share cannot be opened or does not match the commitments.
 */
export function openShare<P>(G: Group<P>, setupHash: string, me: { index: number; transportSecret: bigint; transportKey: string }, dealer: TrusteePublic & { transportKey: string }, sealed: SealedShare): bigint {
  if (sealed.to !== me.index || sealed.from !== dealer.index) throw new Error(`This share is from trustee ${sealed.from} to trustee ${sealed.to}, not from ${dealer.index} to ${me.index}.`);
  const { key, aad } = channel(G, setupHash, dealer.index, me.index, me.transportSecret, dealer.transportKey, dealer.transportKey, me.transportKey);
  let share: bigint;
  try {
    share = scalarFromBytes(xchacha20poly1305(key, hexToBytes(sealed.nonce), aad).decrypt(hexToBytes(sealed.ciphertext)));
  } catch {
    throw new Error(`The share from trustee ${dealer.index} (${dealer.name}) cannot be opened: it was changed or was not sealed for you.`);
  } finally {
    key.fill(0);
  }
  if (!shareIsValid(G, dealer, me.index, share)) throw new Error(`The share from trustee ${dealer.index} (${dealer.name}) does not match their published commitments.`);
  return share;
}
