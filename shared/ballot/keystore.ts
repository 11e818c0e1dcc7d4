// A trustee's key share at rest and in its exported backup, sealed under the trustee's passphrase
// (docs/ballot-protocol.md §11): argon2id (RFC 9106 §4, second option) then XChaCha20-Poly1305 with
// the header as associated data, so a changed header fails exactly like a wrong passphrase.
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './encoding';
import { scalarFromBytes, scalarToBytes } from './group';

export interface KdfParams {
  algorithm: 'argon2id';
  /** Iterations. */
  t: number;
  /** Memory in KiB. */
  m: number;
  /** Lanes. */
  p: number;
  salt: string;
}

/** RFC 9106 §4, second recommended option: 64 MiB, 3 passes, 4 lanes (~1.4 s in JS here). */
export const DEFAULT_KDF = { algorithm: 'argon2id', t: 3, m: 65536, p: 4 } as const;
/** The floor a reader accepts (OWASP's minimum for argon2id): weaker files are refused, not opened. */
const FLOOR = { t: 2, m: 19456 };

export interface SealedKeyHeader {
  format: 'mutual-governance/trustee-key';
  version: 1;
  setupHash: string;
  trustee: number;
  /** What the sealed scalars are: the polynomial's coefficients, or the combined share xⱼ. */
  content: 'coefficients' | 'share';
  kdf: KdfParams;
}

export interface SealedKey {
  header: SealedKeyHeader;
  nonce: string;
  ciphertext: string;
}

export const WRONG_PASSPHRASE = 'The passphrase is wrong or the key file is damaged.';

async function deriveKey(passphrase: string, kdf: KdfParams): Promise<Uint8Array> {
  // NFKC so the same passphrase typed on another keyboard or machine gives the same bytes.
  return argon2idAsync(utf8ToBytes(passphrase.normalize('NFKC')), hexToBytes(kdf.salt), { t: kdf.t, m: kdf.m, p: kdf.p, dkLen: 32 });
}

export async function sealKey(
  passphrase: string,
  scalars: bigint[],
  meta: Pick<SealedKeyHeader, 'setupHash' | 'trustee' | 'content'>,
  kdf: { t: number; m: number; p: number } = DEFAULT_KDF,
): Promise<SealedKey> {
  if (passphrase.length < 8) throw new Error('A trustee passphrase must be at least 8 characters.');
  const header: SealedKeyHeader = {
    format: 'mutual-governance/trustee-key',
    version: 1,
    ...meta,
    kdf: { algorithm: 'argon2id', t: kdf.t, m: kdf.m, p: kdf.p, salt: bytesToHex(randomBytes(16)) },
  };
  const key = await deriveKey(passphrase, header.kdf);
  const nonce = randomBytes(24);
  const plain = new Uint8Array(32 * scalars.length);
  scalars.forEach((s, i) => plain.set(scalarToBytes(s), 32 * i));
  const ciphertext = xchacha20poly1305(key, nonce, utf8ToBytes(canonicalJson(header))).encrypt(plain);
  plain.fill(0);
  key.fill(0);
  return { header, nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Opens a sealed key. A wrong passphrase, a changed header or a changed ciphertext all give the one
 * message WRONG_PASSPHRASE: nothing about the key is revealed and nothing is changed.
 */
export async function openKey(passphrase: string, sealed: SealedKey, opts: { allowWeakKdf?: boolean } = {}): Promise<bigint[]> {
  const { header } = sealed;
  if (header?.format !== 'mutual-governance/trustee-key' || header.version !== 1 || header.kdf?.algorithm !== 'argon2id') {
    throw new Error('This is not a trustee key file of a version this app reads.');
  }
  if (!opts.allowWeakKdf && (header.kdf.t < FLOOR.t || header.kdf.m < FLOOR.m)) throw new Error('This key file was sealed with parameters too weak to accept.');
  let plain: Uint8Array;
  try {
    const key = await deriveKey(passphrase, header.kdf);
    plain = xchacha20poly1305(key, hexToBytes(sealed.nonce), utf8ToBytes(canonicalJson(header))).decrypt(hexToBytes(sealed.ciphertext));
    key.fill(0);
  } catch {
    throw new Error(WRONG_PASSPHRASE);
  }
  if (plain.length === 0 || plain.length % 32 !== 0) throw new Error(WRONG_PASSPHRASE);
  const out: bigint[] = [];
  for (let i = 0; i < plain.length; i += 32) out.push(scalarFromBytes(plain.subarray(i, i + 32)));
  plain.fill(0);
  return out;
}

/**
 * A trustee's secret as sealed after step 1 of the setup (§5): the polynomial's coefficients, then,
 * for k-of-n, the transport key's secret last. The header says how many coefficients there are by
 * the election's threshold, so the reader splits them again.
 */
export async function sealTrusteeSecret(
  passphrase: string,
  secret: { coefficients: bigint[]; transportSecret?: bigint },
  meta: { setupHash: string; trustee: number },
  kdf?: { t: number; m: number; p: number },
): Promise<SealedKey> {
  const scalars = secret.transportSecret === undefined ? secret.coefficients : [...secret.coefficients, secret.transportSecret];
  return sealKey(passphrase, scalars, { ...meta, content: 'coefficients' }, kdf);
}

export async function openTrusteeSecret(
  passphrase: string,
  sealed: SealedKey,
  threshold: { degree: number; withTransport: boolean },
  opts: { allowWeakKdf?: boolean } = {},
): Promise<{ coefficients: bigint[]; transportSecret?: bigint }> {
  if (sealed.header?.content !== 'coefficients') throw new Error('This key file holds a combined share, not a trustee’s set-up secret.');
  const scalars = await openKey(passphrase, sealed, opts);
  const expected = threshold.degree + (threshold.withTransport ? 1 : 0);
  if (scalars.length !== expected) throw new Error(`This key file holds ${scalars.length} secrets, expected ${expected}: it belongs to another ballot's setup.`);
  const coefficients = scalars.slice(0, threshold.degree);
  return threshold.withTransport ? { coefficients, transportSecret: scalars[threshold.degree]! } : { coefficients };
}
