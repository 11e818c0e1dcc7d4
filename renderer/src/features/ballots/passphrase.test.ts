import { describe, expect, it } from 'vitest';
import { passphraseLength, passphraseStrength } from './passphrase';

describe('passphrase strength hint', () => {
  it('says how many characters so far while under the core’s 12', () => {
    expect(passphraseStrength('short one')).toEqual({ strength: 'too_short', words: 'Too short: use at least 12 characters (9 so far).' });
  });
  it('counts characters as the core does (NFKC), so a composed accent is one', () => {
    expect(passphraseLength('cafe\u0301')).toBe(4);
  });
  it('calls four ordinary words strong', () => {
    expect(passphraseStrength('orange kettle harbour violin').strength).toBe('strong');
  });
  it('calls a well-known first guess weak whatever its length', () => {
    expect(passphraseStrength('Password12345!').strength).toBe('weak');
  });
  it('calls repeated characters weak', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').strength).toBe('weak');
  });
  it('calls twelve mixed letters fair, not strong', () => {
    expect(passphraseStrength('hjKtrwbqZxmp').strength).toBe('fair');
  });
});
