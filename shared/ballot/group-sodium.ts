// libsodium backend of the ballot group (docs/ballot-protocol.md §1, §13): used by the core and the
// verifier, where checking proofs is the cost (~8× faster than pure JS). Points are their canonical
// 32-byte encodings, so encode is free and equality is byte equality. Not re-exported from index.ts,
// so the voting device's bundle never loads the WebAssembly.
import * as sodiumModule from 'libsodium-wrappers-sumo';
import { scalarToBytes, type Group } from './group';

// The ESM build puts the functions on its default export once ready (its types declare them as named).
type Sodium = typeof sodiumModule;
const sodium: Sodium = ((sodiumModule as unknown as { default?: Sodium }).default ?? sodiumModule) as Sodium;

const IDENTITY = new Uint8Array(32);

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

function isIdentity(p: Uint8Array): boolean {
  return bytesEqual(p, IDENTITY);
}

let ready: Group<Uint8Array> | null = null;

/** Loads libsodium's WebAssembly once and returns the backend. */
export async function sodiumGroup(): Promise<Group<Uint8Array>> {
  if (ready) return ready;
  await sodium.ready;
  const mul = (p: Uint8Array, k: bigint): Uint8Array => {
    // crypto_scalarmult_ristretto255 refuses an identity result (k = 0 or p the identity): that case is
    // the identity by definition, and p was validated when decoded.
    if (k === 0n || isIdentity(p)) return IDENTITY;
    return sodium.crypto_scalarmult_ristretto255(scalarToBytes(k), p);
  };
  ready = {
    name: 'libsodium ristretto255',
    identity: IDENTITY,
    add: (a, b) => sodium.crypto_core_ristretto255_add(a, b),
    sub: (a, b) => sodium.crypto_core_ristretto255_sub(a, b),
    mul,
    mulBase: (k) => (k === 0n ? IDENTITY : sodium.crypto_scalarmult_ristretto255_base(scalarToBytes(k))),
    eq: bytesEqual,
    encode: (p) => p,
    decode: (b) => {
      // is_valid_point refuses non-canonical encodings and non-points (RFC 9496 decode); the identity is valid.
      if (b.length !== 32 || !sodium.crypto_core_ristretto255_is_valid_point(b)) throw new Error('not a canonical ristretto255 encoding');
      return b;
    },
    // crypto_core_ristretto255_add/sub and crypto_scalarmult_ristretto255 decode their operands and
    // throw on a non-canonical encoding or a non-point, so the length is the only check needed here.
    decodeOperand: (b) => {
      if (b.length !== 32) throw new Error('a point is 32 bytes');
      return b;
    },
    prepare: (p) => p,
  };
  return ready;
}
