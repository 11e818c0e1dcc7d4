import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './legal-date';
import { isWorkingDay, type UkPart } from './working-days';
import {
  addWorkingHours,
  dateOf,
  formatLocalDateTime,
  isLocalDateTime,
  subtractWorkingHours,
  ukLocalDateTimeOf,
  type LocalDateTime,
} from './working-hours';

/** Minutes since 1970-01-01T00:00 on the wall clock. */
const absolute = (t: LocalDateTime) => toDayNumber(t.slice(0, 10)) * 1440 + Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));

/** Working minutes in [a, b), counted the slow way, one day at a time. */
function workingMinutesBetween(a: LocalDateTime, b: LocalDateTime, part: UkPart): number {
  const from = absolute(a);
  const to = absolute(b);
  let total = 0;
  for (let day = Math.floor(from / 1440); day * 1440 < to; day += 1) {
    if (!isWorkingDay(fromDayNumber(day), part)) continue;
    total += Math.min(to, (day + 1) * 1440) - Math.max(from, day * 1440);
  }
  return total;
}

const moment = fc
  .tuple(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') }), fc.integer({ min: 0, max: 1439 }))
  .map(([day, minute]) => `${fromDayNumber(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
const part = fc.constantFrom<UkPart>('england', 'wales', 'scotland', 'northern_ireland');
const hours = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 * 60 }).map((m) => m / 60));

describe('addWorkingHours', () => {
  it('takes a letter posted on Friday at 15:00 to Tuesday at 15:00 (CA 2006 explanatory notes, s1147)', () => {
    expect(addWorkingHours('2026-09-11T15:00', 48, 'england')).toBe('2026-09-15T15:00');
  });

  it('skips a bank holiday Monday, to Wednesday, but only where it is a bank holiday', () => {
    // 31 August 2026 is the summer bank holiday in England, Wales and Northern Ireland, not in Scotland.
    expect(addWorkingHours('2026-08-28T15:00', 48, 'england')).toBe('2026-09-02T15:00');
    expect(addWorkingHours('2026-08-28T15:00', 48, 'northern_ireland')).toBe('2026-09-02T15:00');
    expect(addWorkingHours('2026-08-28T15:00', 48, 'scotland')).toBe('2026-09-01T15:00');
  });

  it('starts the count at 00:00 on the next working day when begun at a weekend', () => {
    expect(addWorkingHours('2026-09-12T10:00', 48, 'england')).toBe('2026-09-16T00:00');
    expect(addWorkingHours('2026-09-12T10:00', 1, 'england')).toBe('2026-09-14T01:00');
  });

  it('ends a period that runs out at midnight at 00:00 on the next calendar day', () => {
    expect(addWorkingHours('2026-10-01T00:00', 48, 'england')).toBe('2026-10-03T00:00');
    expect(addWorkingHours('2026-10-01T23:00', 1, 'england')).toBe('2026-10-02T00:00');
  });

  it('counts across Christmas and its substitute day', () => {
    expect(addWorkingHours('2026-12-24T12:00', 48, 'england')).toBe('2026-12-30T12:00');
  });

  it('is exact across the clock change, which is on a Sunday', () => {
    // Clocks go back at 02:00 BST on Sunday 25 October 2026: 97 real hours pass, 48 working ones.
    expect(addWorkingHours('2026-10-23T15:00', 48, 'england')).toBe('2026-10-27T15:00');
    expect(addWorkingHours('2026-03-27T09:30', 24, 'england')).toBe('2026-03-30T09:30');
  });

  it('adds nothing for zero hours and refuses negative or fractional-minute periods and bad times', () => {
    expect(addWorkingHours('2026-09-12T10:00', 0, 'england')).toBe('2026-09-12T10:00');
    expect(addWorkingHours('2026-09-14T10:00', 1.5, 'england')).toBe('2026-09-14T11:30');
    expect(() => addWorkingHours('2026-09-14T10:00', -1, 'england')).toThrow(RangeError);
    expect(() => addWorkingHours('2026-09-14T10:00', 0.01, 'england')).toThrow(RangeError);
    expect(() => addWorkingHours('2026-09-14T24:00', 1, 'england')).toThrow(RangeError);
    expect(() => addWorkingHours('2026-02-30T10:00', 1, 'england')).toThrow(RangeError);
  });

  it('always spans exactly the working hours asked for, and never moves back', () => {
    fc.assert(
      fc.property(moment, hours, part, (start, h, p) => {
        const end = addWorkingHours(start, h, p);
        expect(absolute(end)).toBeGreaterThanOrEqual(absolute(start));
        expect(workingMinutesBetween(start, end, p)).toBe(Math.round(h * 60));
      }),
    );
  });

  it('ends as early as it can: one minute earlier would not be enough', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 200 }), part, (start, h, p) => {
        const end = addWorkingHours(start, h, p);
        const before = fromDayNumber(Math.floor((absolute(end) - 1) / 1440));
        const minute = (absolute(end) - 1) % 1440;
        const oneEarlier = `${before}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        if (absolute(oneEarlier) >= absolute(start)) expect(workingMinutesBetween(start, oneEarlier, p)).toBeLessThan(h * 60);
      }),
    );
  });
});

describe('subtractWorkingHours', () => {
  it('takes 48 hours back from a Monday 10:00 meeting to the Thursday before at 10:00 (s327(3))', () => {
    expect(subtractWorkingHours('2026-10-05T10:00', 48, 'england')).toBe('2026-10-01T10:00');
  });

  it('counts no part of a meeting day that is not a working day', () => {
    expect(subtractWorkingHours('2026-10-03T11:00', 48, 'england')).toBe('2026-10-01T00:00');
  });

  it('skips bank holidays in the part of the UK concerned', () => {
    // Tuesday 1 September 2026 at 10:00: back over the 31 August holiday except in Scotland.
    expect(subtractWorkingHours('2026-09-01T10:00', 48, 'england')).toBe('2026-08-27T10:00');
    expect(subtractWorkingHours('2026-09-01T10:00', 48, 'scotland')).toBe('2026-08-28T10:00');
  });

  it('spans exactly the working hours asked for, and undoes addWorkingHours', () => {
    fc.assert(
      fc.property(moment, hours, part, (end, h, p) => {
        const start = subtractWorkingHours(end, h, p);
        expect(absolute(start)).toBeLessThanOrEqual(absolute(end));
        expect(workingMinutesBetween(start, end, p)).toBe(Math.round(h * 60));
      }),
    );
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 200 }), part, (start, h, p) => {
        const back = subtractWorkingHours(addWorkingHours(start, h, p), h, p);
        // Back where it began, or (from a day that does not count) at the start of the next working day.
        expect(workingMinutesBetween(start, back, p)).toBe(0);
        if (isWorkingDay(dateOf(start), p)) expect(back).toBe(start);
      }),
    );
  });
});

describe('date-time helpers', () => {
  it('recognise and format UK wall-clock date-times', () => {
    expect(isLocalDateTime('2026-09-15T15:00')).toBe(true);
    for (const bad of ['2026-09-15 15:00', '2026-09-15T15:00:00', '2026-09-31T10:00', '2026-09-15T25:00', '']) expect(isLocalDateTime(bad), bad).toBe(false);
    expect(formatLocalDateTime('2026-09-15T15:00')).toBe('15:00 on Tuesday 15 September 2026');
    expect(dateOf('2026-09-15T15:00')).toBe('2026-09-15');
  });

  it('read an instant on the UK wall clock, in summer and winter time', () => {
    expect(ukLocalDateTimeOf(new Date('2026-07-01T09:30:00Z'))).toBe('2026-07-01T10:30');
    expect(ukLocalDateTimeOf(new Date('2026-12-01T09:30:00Z'))).toBe('2026-12-01T09:30');
    expect(ukLocalDateTimeOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01T00:30');
  });
});
