/**
 * A rough, honest hint of how hard a trustee's passphrase is to guess, shown as they type. It is
 * a hint, not a gate: the core refuses only a passphrase under 12 characters (the contract's
 * rule). Long phrases of ordinary words score well, because length beats symbols.
 */
export type Strength = 'too_short' | 'weak' | 'fair' | 'strong';

export const MIN_PASSPHRASE = 12;

const COMMON = ['password', 'passphrase', 'qwerty', '123456', 'letmein', 'iloveyou', 'welcome', 'admin', 'abc123', 'monkey', 'dragon', 'football'];

/** Characters as the core counts them (Unicode NFKC code points), so the count matches its rule. */
export function passphraseLength(p: string): number {
  return [...p.normalize('NFKC')].length;
}

export function passphraseStrength(p: string): { strength: Strength; words: string } {
  const length = passphraseLength(p);
  if (length < MIN_PASSPHRASE) {
    return { strength: 'too_short', words: `Too short: use at least ${MIN_PASSPHRASE} characters (${length} so far).` };
  }
  const lower = p.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) {
    return { strength: 'weak', words: 'Weak: it contains a word that is among the first guesses anyone tries.' };
  }
  const distinct = new Set(p).size;
  if (distinct <= Math.max(3, length / 4)) {
    return { strength: 'weak', words: 'Weak: it repeats the same few characters.' };
  }
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/\d/.test(p)) pool += 10;
  if (/\s/.test(p)) pool += 1;
  if (/[^a-zA-Z\d\s]/.test(p)) pool += 33;
  const bits = length * Math.log2(Math.max(pool, 2));
  const words = p.trim().split(/\s+/).filter(Boolean).length;
  if (bits >= 90 || (words >= 4 && length >= 20)) return { strength: 'strong', words: 'Strong: long enough to be very hard to guess.' };
  if (bits >= 60) return { strength: 'fair', words: 'Fair: adding another ordinary word or two makes it much harder to guess.' };
  return { strength: 'weak', words: 'Weak: make it longer; four or five ordinary words are easy to remember and hard to guess.' };
}
