import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOn, dailyBalances, firstInvalidDay } from './holding-timeline';

const nonNegative = (b: number) => (b < 0 ? 'below nothing' : null);

describe('a holding over time', () => {
  it('finds the past day a back-dated withdrawal would take below nothing', () => {
    const ledger = [
      { date: '2026-11-02', shares: 10 },
      { date: '2026-11-30', shares: 5 },
    ];
    expect(balanceOn(ledger, '2026-11-30')).toBe(15);
    // Today's holding (15) would allow 12 to go; on 20 November only 10 were held.
    expect(firstInvalidDay([...ledger, { date: '2026-11-20', shares: -12 }], '2026-11-20', nonNegative)).toEqual({ date: '2026-11-20', balance: -2, problem: 'below nothing' });
    expect(firstInvalidDay([...ledger, { date: '2026-11-20', shares: -10 }], '2026-11-20', nonNegative)).toBeNull();
  });

  it('takes one day’s entries together', () => {
    expect(dailyBalances([{ date: '2026-01-01', shares: -3 }, { date: '2026-01-01', shares: 5 }, { date: '2025-12-31', shares: 1 }])).toEqual([
      { date: '2025-12-31', balance: 1 },
      { date: '2026-01-01', balance: 3 },
    ]);
  });

  it('checks a maximum on every later day, not only at the end', () => {
    const max = (b: number) => (b > 10 ? 'over 10' : null);
    const ledger = [
      { date: '2026-01-01', shares: 8 },
      { date: '2026-03-01', shares: -5 },
      { date: '2026-02-01', shares: 4 },
    ];
    expect(firstInvalidDay(ledger, '2026-02-01', max)).toEqual({ date: '2026-02-01', balance: 12, problem: 'over 10' });
  });

  it('agrees with the running sum at every day', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ date: fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`), shares: fc.integer({ min: -5, max: 5 }) })), (moves) => {
        for (const day of dailyBalances(moves)) expect(day.balance).toBe(balanceOn(moves, day.date));
      }),
    );
  });
});
