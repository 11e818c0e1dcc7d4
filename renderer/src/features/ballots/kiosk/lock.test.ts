import { describe, expect, test } from 'vitest';
import { createLock, lockPassphraseProblem, unlocks } from './lock';

// Few iterations keep the tests quick; the kiosk uses LOCK_ITERATIONS.
const FAST = 1000;

describe('the kiosk lock', () => {
  test('opens with the clerk’s passphrase and with nothing else', async () => {
    const lock = await createLock('polling station 4', FAST);
    expect(await unlocks(lock, 'polling station 4')).toBe(true);
    expect(await unlocks(lock, 'polling station 5')).toBe(false);
    expect(await unlocks(lock, 'Polling station 4')).toBe(false);
    expect(await unlocks(lock, '')).toBe(false);
  });

  test('keeps only a salted hash, never the passphrase', async () => {
    const a = await createLock('polling station 4', FAST);
    const b = await createLock('polling station 4', FAST);
    expect(Object.keys(a).sort()).toEqual(['hash', 'iterations', 'salt']);
    expect(new TextDecoder().decode(a.hash)).not.toContain('polling');
    expect(Buffer.from(a.hash).equals(Buffer.from(b.hash))).toBe(false);
    expect(await unlocks(b, 'polling station 4')).toBe(true);
  });

  test('reads a passphrase typed with another form of the same accented letter as the same', async () => {
    const lock = await createLock('caf\u00e9 au lait 12', FAST);
    expect(await unlocks(lock, 'cafe\u0301 au lait 12')).toBe(true);
  });

  test('asks for a long enough passphrase typed the same twice', () => {
    expect(lockPassphraseProblem('', '')).toEqual({ field: 'passphrase', message: 'Enter a passphrase for the kiosk.' });
    expect(lockPassphraseProblem('short', 'short')?.field).toBe('passphrase');
    expect(lockPassphraseProblem('long enough', '')).toEqual({ field: 'again', message: 'Type the passphrase again.' });
    expect(lockPassphraseProblem('long enough', 'long enouhg')?.message).toBe('The two passphrases are not the same. Type them again.');
    expect(lockPassphraseProblem('long enough', 'long enough')).toBeNull();
  });
});
