import { describe, expect, it } from 'vitest';
import { randomToken, uuidv7 } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function timeOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('uuidv7', () => {
  it('has version 7 and the RFC 9562 variant', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(UUID_V7);
      const hex = id.replace(/-/g, '');
      expect(parseInt(hex[12]!, 16)).toBe(7);
      expect(parseInt(hex[16]!, 16) >> 2).toBe(0b10);
    }
  });

  it('carries the millisecond it was made in its first 48 bits', () => {
    // Later than any id made so far in this file, so the generator takes this time as given.
    const ms = Date.UTC(2031, 4, 17, 9, 30, 0, 123);
    const id = uuidv7(ms);
    expect(timeOf(id)).toBe(ms);
    expect(id.slice(0, 13)).toBe(`${ms.toString(16).padStart(12, '0').slice(0, 8)}-${ms.toString(16).padStart(12, '0').slice(8)}`);
  });

  it('stays strictly increasing for 10,000 ids made in the same millisecond', () => {
    const ms = Date.UTC(2032, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => uuidv7(ms));
    for (let i = 1; i < ids.length; i++) {
      if (!(ids[i - 1]! < ids[i]!)) throw new Error(`id ${i} (${ids[i]}) does not sort after id ${i - 1} (${ids[i - 1]})`);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(timeOf(ids[0]!)).toBe(ms);
    // The 12-bit counter runs out after about 4,000 ids; the generator then borrows the next
    // millisecond rather than repeat or go backwards, so it never runs far ahead of the clock.
    expect(timeOf(ids[ids.length - 1]!) - ms).toBeGreaterThan(0);
    expect(timeOf(ids[ids.length - 1]!) - ms).toBeLessThanOrEqual(3);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('never goes backwards when the clock does', () => {
    const later = Date.UTC(2033, 0, 1);
    const a = uuidv7(later);
    const b = uuidv7(later - 60_000);
    expect(b > a).toBe(true);
  });
});

describe('randomToken', () => {
  it('is 32 hex characters and does not repeat', () => {
    const tokens = Array.from({ length: 1000 }, () => randomToken());
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
