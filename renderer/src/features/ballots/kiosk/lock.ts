// The kiosk's lock: the poll clerk's passphrase, kept only as a PBKDF2-SHA-256 hash in this page's
// memory (never sent to the core, never stored), so that a voter left alone with the kiosk cannot
// leave the voting screens for the secretary's records without it. Web Crypto (SubtleCrypto) only.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: a few hundred milliseconds on a laptop, once per try. */
export const LOCK_ITERATIONS = 600_000;
export const LOCK_MIN_LENGTH = 8;

export interface KioskLock {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly hash: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
}

/** Why a new kiosk passphrase cannot be used, or null when it can. */
export function lockPassphraseProblem(passphrase: string, again: string): { field: 'passphrase' | 'again'; message: string } | null {
  const length = [...passphrase.normalize('NFKC')].length;
  if (length === 0) return { field: 'passphrase', message: 'Enter a passphrase for the kiosk.' };
  if (length < LOCK_MIN_LENGTH) return { field: 'passphrase', message: `Use a passphrase of at least ${LOCK_MIN_LENGTH} characters, so that a voter cannot guess it.` };
  if (passphrase.length > 1000) return { field: 'passphrase', message: 'Use a passphrase of at most 1,000 characters.' };
  if (again === '') return { field: 'again', message: 'Type the passphrase again.' };
  if (again.normalize('NFKC') !== passphrase.normalize('NFKC')) return { field: 'again', message: 'The two passphrases are not the same. Type them again.' };
  return null;
}

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Locks with this passphrase: a fresh random salt each time, so two kiosks' hashes never match. */
export async function createLock(passphrase: string, iterations = LOCK_ITERATIONS): Promise<KioskLock> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { salt, hash: await derive(passphrase, salt, iterations), iterations };
}

/** Whether this attempt is the passphrase the lock was made with (compared without an early exit). */
export async function unlocks(lock: KioskLock, attempt: string): Promise<boolean> {
  const tried = await derive(attempt, lock.salt, lock.iterations);
  let difference = tried.length ^ lock.hash.length;
  for (let i = 0; i < lock.hash.length; i += 1) difference |= (tried[i] ?? 0) ^ lock.hash[i]!;
  return difference === 0;
}
