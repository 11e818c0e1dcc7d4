import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  daysInMonth,
  formatLegalDate,
  fromDayNumber,
  isLeapYear,
  isLegalDate,
  toDayNumber,
  ukDateOf,
  weekday,
} from './legal-date';

const FIRST = toDayNumber('1800-01-01');
const LAST = toDayNumber('2999-12-31');
const dayNumber = fc.integer({ min: FIRST, max: LAST });
const legalDate = dayNumber.map(fromDayNumber);

describe('leap years', () => {
  it('follow the Gregorian rule: every fourth year, except centuries not divisible by 400', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
  });

  it('give February 29 days only in a leap year', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('isLegalDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1800-01-01', '2999-12-31', '2026-11-28']) expect(isLegalDate(d), d).toBe(true);
  });

  it('refuses impossible days, other formats and years outside the range records use', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '26-01-01', '2026-01-01T00:00', '1799-12-31', '3000-01-01', '']) {
      expect(isLegalDate(d), d).toBe(false);
    }
  });
});

describe('day numbers', () => {
  it('count from 1 January 1970', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
  });

  it('round-trip for every date from 1800 to 2999', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const date = fromDayNumber(n);
        expect(isLegalDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('agree with the proleptic Gregorian calendar of Date.UTC', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuse text that is not a legal date', () => {
    expect(() => toDayNumber('28/11/2026')).toThrow(RangeError);
  });
});

describe('adding days', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-28', -28)).toBe('2026-10-31');
  });

  it('is undone by daysBetween', () => {
    fc.assert(
      fc.property(legalDate, fc.integer({ min: -20_000, max: 20_000 }), (date, k) => {
        expect(daysBetween(date, addDays(date, k))).toBe(k);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('addYears', () => {
  it('moves 29 February to 28 February in a common year, as UK anniversaries do', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
  });

  it('keeps the day and month of any other date', () => {
    expect(addYears('2016-03-31', 10)).toBe('2026-03-31');
    expect(addYears('2026-11-28', -10)).toBe('2016-11-28');
  });

  it('always lands on a real date', () => {
    fc.assert(
      fc.property(legalDate.filter((d) => d < '2900-01-01'), fc.integer({ min: 0, max: 99 }), (date, years) => {
        expect(isLegalDate(addYears(date, years))).toBe(true);
      }),
    );
  });
});

describe('weekday', () => {
  it('names known dates, Monday being 0', () => {
    expect(weekday('1970-01-01')).toBe(3); // a Thursday
    expect(weekday('1900-01-01')).toBe(0); // a Monday
    expect(weekday('2000-01-01')).toBe(5); // a Saturday
    expect(weekday('2024-02-29')).toBe(3); // a Thursday
    expect(weekday('2026-12-25')).toBe(4); // a Friday
    expect(weekday('2026-11-29')).toBe(6); // a Sunday
  });

  it('advances by one each day and repeats every seven', () => {
    fc.assert(
      fc.property(legalDate.filter((d) => d < '2999-12-01'), (date) => {
        expect(weekday(addDays(date, 1))).toBe((weekday(date) + 1) % 7);
        expect(weekday(addDays(date, 7))).toBe(weekday(date));
      }),
    );
  });
});

describe('formatLegalDate', () => {
  it('writes dates the British way', () => {
    expect(formatLegalDate('2026-11-28')).toBe('28 November 2026');
    expect(formatLegalDate('2024-02-01')).toBe('1 February 2024');
  });

  it('leaves text that is not a legal date as it is', () => {
    expect(formatLegalDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('ukDateOf', () => {
  it('uses British Summer Time in summer, so 23:30 UTC is already the next day', () => {
    expect(ukDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('uses GMT in winter, so 23:30 UTC is still the same day', () => {
    expect(ukDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('changes day at UK midnight on the day the clocks go forward', () => {
    // Clocks went forward at 01:00 UTC on 29 March 2026.
    expect(ukDateOf(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(ukDateOf(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(ukDateOf(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });
});
