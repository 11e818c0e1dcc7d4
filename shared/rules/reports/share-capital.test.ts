import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMovement, moreThanHalf, percentText, replayHolding, type LedgerMovement } from './share-capital';

describe('replaying a holding from the share ledger', () => {
  it('adds an allotment’s payment and takes a proportional part of what was paid when shares leave', () => {
    expect(
      replayHolding([
        { kind: 'allotment', shares: 10, amountPence: 1000 },
        { kind: 'withdrawal', shares: -2, amountPence: 200 },
      ]),
    ).toEqual({ shares: 8, paidPence: 800 });
    // Partly paid: 5 shares with £2.50 paid; transferring 2 takes £1.00 of it.
    expect(
      replayHolding([
        { kind: 'allotment', shares: 5, amountPence: 250 },
        { kind: 'transfer_out', shares: -2, amountPence: 0 },
      ]),
    ).toEqual({ shares: 3, paidPence: 150 });
    expect(replayHolding([])).toEqual({ shares: 0, paidPence: 0 });
  });

  it('never leaves paid-up value behind once every share has gone, whatever came before', () => {
    const allot = fc.record({ shares: fc.integer({ min: 1, max: 1000 }), amountPence: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(allot, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 8 }), (allotments, outs) => {
        const entries: LedgerMovement[] = allotments.map((a) => ({ kind: 'allotment', ...a }));
        let held = allotments.reduce((n, a) => n + a.shares, 0);
        for (const o of outs) {
          const k = Math.min(o, held - 1);
          if (k <= 0) break;
          entries.push({ kind: 'withdrawal', shares: -k, amountPence: 0 });
          held -= k;
        }
        entries.push({ kind: 'cancellation', shares: -held, amountPence: 0 });
        const end = replayHolding(entries);
        expect(end).toEqual({ shares: 0, paidPence: 0 });
        // And the paid-up value never goes below nothing nor above what was paid on the way.
        let h = { shares: 0, paidPence: 0 };
        const paidIn = allotments.reduce((n, a) => n + a.amountPence, 0);
        for (const e of entries) {
          h = applyMovement(h, e);
          expect(h.paidPence).toBeGreaterThanOrEqual(0);
          expect(h.paidPence).toBeLessThanOrEqual(paidIn);
        }
      }),
    );
  });
});

describe('more than half', () => {
  it('is strict, in integers: 50 of 100 is not more than half, 50 of 99 is', () => {
    expect(moreThanHalf(50, 100)).toBe(false);
    expect(moreThanHalf(51, 100)).toBe(true);
    expect(moreThanHalf(50, 99)).toBe(true);
    expect(moreThanHalf(0, 0)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (p, w) => moreThanHalf(p, w) === p / w > 0.5));
  });

  it('shows a share as an en-GB percentage', () => {
    expect(percentText(60, 100)).toBe('60%');
    expect(percentText(1, 3)).toBe('33.33%');
    expect(percentText(5, 0)).toBe('0%');
  });
});
