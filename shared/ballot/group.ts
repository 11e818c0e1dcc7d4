// The prime-order group the ballot protocol runs in (docs/ballot-protocol.md §1), behind a small
// interface so the same protocol code runs on @noble/curves (the voting device: pure JS, no
// WebAssembly) and on libsodium (the core and the verifier: ~8× faster, §13). Both are standard
// ristretto255, so encodings agree byte for byte.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { randomBytes } from '@noble/hashes/utils.js';

/** Scalars mod ℓ use noble's field helper for both backends (no hand-written big-number code, §1). */
export const Fn = ristretto255.Point.Fn;
export const ORDER: bigint = Fn.ORDER;

/** One ristretto255 implementation. P is the library's own point representation. */
export interface Group<P> {
  readonly name: string;
  readonly identity: P;
  add(a: P, b: P): P;
  sub(a: P, b: P): P;
  /** k·p for a public or a secret scalar; k = 0 gives the identity. */
  mul(p: P, k: bigint): P;
  /** k·G. */
  mulBase(k: bigint): P;
  eq(a: P, b: P): boolean;
  /** Canonical 32-byte encoding (RFC 9496). */
  encode(p: P): Uint8Array;
  /** Decodes a canonical encoding; throws on anything else (non-canonical, not a point). */
  decode(b: Uint8Array): P;
  /** A copy of p prepared for many multiplications (the election key); may return p. */
  prepare(p: P): P;
  /**
   * Decodes a point that goes straight into add/sub/mul, where the backend validates it anyway
   * (libsodium refuses a non-point in every operation), so the separate check can be skipped: the
   * tally of 35,000 ballots is 1.5 million such points (§8). Same as decode for noble.
   */
  decodeOperand(b: Uint8Array): P;
}

type NoblePoint = InstanceType<typeof ristretto255.Point>;

/** @noble/curves backend. Secret scalars use the constant-time `multiply`; 0 maps to the identity. */
export const nobleGroup: Group<NoblePoint> = {
  name: '@noble/curves ristretto255',
  identity: ristretto255.Point.ZERO,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.subtract(b),
  mul: (p, k) => (k === 0n ? ristretto255.Point.ZERO : p.multiply(k)),
  mulBase: (k) => (k === 0n ? ristretto255.Point.ZERO : ristretto255.Point.BASE.multiply(k)),
  eq: (a, b) => a.equals(b),
  encode: (p) => p.toBytes(),
  decode: (b) => {
    if (b.length !== 32) throw new Error('a point is 32 bytes');
    return ristretto255.Point.fromBytes(b);
  },
  decodeOperand: (b) => nobleGroup.decode(b),
  prepare: (p) => {
    // A fresh object so the window table is cached for this key only (noble caches per instance).
    const q = ristretto255.Point.fromBytes(p.toBytes());
    q.precompute(8, false);
    return q;
  },
};

/** A uniformly random scalar mod ℓ from the platform CSPRNG (§11): 64 bytes reduced, bias < 2^-259. */
export function randomScalar(): bigint {
  // randomBytes is noble's wrapper over globalThis.crypto.getRandomValues: the only randomness used.
  return Fn.create(bytesToNumberLE(randomBytes(64)));
}

/** A non-zero random scalar (for secrets, where 0 would be a degenerate key or nonce). */
export function randomNonZeroScalar(): bigint {
  for (;;) {
    const k = randomScalar();
    if (k !== 0n) return k;
  }
}

export function scalarToBytes(k: bigint): Uint8Array {
  return Fn.toBytes(Fn.create(k));
}

/** Reads a 32-byte little-endian scalar; refuses values ≥ ℓ so each proof has one encoding (§1). */
export function scalarFromBytes(b: Uint8Array): bigint {
  if (b.length !== 32) throw new Error('a scalar is 32 bytes');
  return Fn.fromBytes(b);
}
