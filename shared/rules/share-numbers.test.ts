import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countNumbers, formatShareNumbers, parseShareNumbers, storeShareNumbers, subtractRanges, takeLowest, unionRanges } from './share-numbers';

describe('share numbers (CA 2006 s113(3)(a)(i))', () => {
  it('parse, merge and print ranges', () => {
    expect(parseShareNumbers('11-15, 1-10,20')).toEqual([
      [1, 15],
      [20, 20],
    ]);
    expect(storeShareNumbers([[20, 20], [1, 10], [11, 15]])).toBe('1-15,20');
    expect(formatShareNumbers([[1, 15], [20, 20]])).toBe('1–15, 20');
    expect(parseShareNumbers('')).toEqual([]);
    expect(() => parseShareNumbers('5-2')).toThrow(RangeError);
    expect(() => parseShareNumbers('0')).toThrow(RangeError);
    expect(() => parseShareNumbers('a')).toThrow(RangeError);
  });

  it('subtract a holding’s outgoing numbers and take the lowest', () => {
    expect(subtractRanges([[1, 10]], [[3, 4], [9, 12]])).toEqual([
      [1, 2],
      [5, 8],
    ]);
    expect(takeLowest([[5, 8], [1, 2]], 3)).toEqual([
      [1, 2],
      [5, 5],
    ]);
    expect(takeLowest([[1, 2]], 3)).toBeNull();
    expect(takeLowest([[1, 2]], 0)).toEqual([]);
  });

  it('count what a union holds, and a subtraction never adds numbers', () => {
    const range = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 20 })).map(([a, n]) => [a, a + n] as const);
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), fc.array(range, { maxLength: 6 }), (a, b) => {
        const u = unionRanges(a, b);
        expect(countNumbers(u)).toBeLessThanOrEqual(countNumbers(a) + countNumbers(b));
        const d = subtractRanges(a, b);
        expect(countNumbers(d) + countNumbers(subtractRanges(a, d))).toBe(countNumbers(a));
        expect(parseShareNumbers(storeShareNumbers(u))).toEqual(u);
      }),
    );
  });
});
