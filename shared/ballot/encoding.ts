// Hashing with domain separation and length prefixes (docs/ballot-protocol.md §2), hex, and the
// canonical JSON every hashed object goes through (§12).
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { Fn } from './group';

export const PROTOCOL = 'mutual-governance/ballot/v1';

export type Part = Uint8Array | string;

export function u32(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`not a u32: ${n}`);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

export function u64(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a u64: ${n}`);
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), false);
  return b;
}

/** lp(x) = 4-byte big-endian length ‖ x; strings are UTF-8. Makes the concatenation injective (§2). */
export function lengthPrefixed(parts: readonly Part[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? utf8ToBytes(p) : p));
  const total = bytes.reduce((n, b) => n + 4 + b.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of bytes) {
    out.set(u32(b.length), at);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

/** The Fiat-Shamir challenge: SHA-512 over the protocol name, the label and the whole statement, mod ℓ (§2). */
export function hashToScalar(label: string, parts: readonly Part[]): bigint {
  return Fn.create(bytesToNumberLE(sha512(lengthPrefixed([PROTOCOL, label, ...parts]))));
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

export const toHex = bytesToHex;

const HEX64 = /^[0-9a-f]{64}$/;

/** Strict hex for 32-byte values: lowercase, exactly 64 characters (one spelling per value). */
export function fromHex32(hex: unknown, what: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX64.test(hex)) throw new Error(`${what} is not 64 lowercase hex characters`);
  return hexToBytes(hex);
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Canonical JSON (§12): sorted keys, no whitespace, safe integers only. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || Object.is(value, -0)) throw new Error(`canonical JSON allows only safe integers, not ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}
