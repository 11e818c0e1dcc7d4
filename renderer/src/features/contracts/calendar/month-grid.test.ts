import { describe, expect, test } from 'vitest';
import { daySummary, dutyState } from './duties';
import { addMonths, byDay, dayInMonth, gridRange, lastOfMonth, longDay, monthFromSearch, monthGrid, monthLabel, moveByKey, sameDayInMonth } from './month-grid';

const dates = (month: string) => monthGrid(month).map((w) => w.map((d) => d.date));

describe('the month grid', () => {
  test('starts on the Monday on or before the 1st and ends on the Sunday on or after the last day', () => {
    // 1 December 2026 is a Tuesday; 31 December a Thursday.
    const weeks = dates('2026-12');
    expect(weeks[0]![0]).toBe('2026-11-30');
    expect(weeks[0]![1]).toBe('2026-12-01');
    expect(weeks.at(-1)![6]).toBe('2027-01-03');
    expect(weeks).toHaveLength(5);
    for (const w of weeks) expect(w).toHaveLength(7);
    expect(monthGrid('2026-12')[0]![0]!.inMonth).toBe(false);
    expect(monthGrid('2026-12')[0]![1]!.inMonth).toBe(true);
  });

  test('a month starting on a Monday has no borrowed days before it', () => {
    // 1 June 2026 is a Monday; 30 June a Tuesday.
    const weeks = dates('2026-06');
    expect(weeks[0]![0]).toBe('2026-06-01');
    expect(weeks.at(-1)).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05']);
  });

  test('February of a common year that starts on a Monday fills exactly four weeks', () => {
    // 1 February 2027 is a Monday, and 2027 is not a leap year.
    expect(dates('2027-02')).toHaveLength(4);
    expect(dates('2027-02').at(-1)![6]).toBe('2027-02-28');
  });

  test('a month can need six rows (1st on a Sunday, 31 days)', () => {
    // 1 March 2026 is a Sunday.
    const weeks = dates('2026-03');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
  });

  test('crosses the year end both ways: January borrows from December of the year before', () => {
    // 1 January 2027 is a Friday.
    expect(dates('2027-01')[0]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(gridRange('2026-12')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
  });

  test('the days the clocks change (BST) appear once each, in order, in the right column', () => {
    // BST began at 01:00 on Sunday 29 March 2026 and ends at 02:00 on Sunday 25 October 2026.
    for (const [month, change] of [
      ['2026-03', '2026-03-29'],
      ['2026-10', '2026-10-25'],
    ] as const) {
      const all = dates(month).flat();
      expect(all.filter((d) => d === change)).toHaveLength(1);
      // A run of consecutive days: no day repeated or skipped across the change.
      for (let i = 1; i < all.length; i += 1) expect(all[i]! > all[i - 1]!).toBe(true);
      expect(new Set(all).size).toBe(all.length);
      // Sunday is the last column.
      expect(dates(month).find((w) => w.includes(change))![6]).toBe(change);
      expect(all.filter((d) => d.startsWith(month))).toHaveLength(31);
    }
  });

  test('leap years: February 2028 has 29 days', () => {
    expect(lastOfMonth('2028-02')).toBe('2028-02-29');
    expect(monthGrid('2028-02').flat().filter((d) => d.inMonth)).toHaveLength(29);
    expect(lastOfMonth('2100-02')).toBe('2100-02-28');
  });

  test('names months and days in British English', () => {
    expect(monthLabel('2026-03')).toBe('March 2026');
    expect(longDay('2026-03-29')).toBe('Sunday 29 March 2026');
    expect(longDay('2026-12-01')).toBe('Tuesday 1 December 2026');
  });
});

describe('moving between months and days', () => {
  test('months add across year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-03', 24)).toBe('2028-03');
  });

  test('the same day a month on keeps to the shorter month', () => {
    expect(sameDayInMonth('2026-01-31', 1)).toBe('2026-02-28');
    expect(sameDayInMonth('2028-01-31', 1)).toBe('2028-02-29');
    expect(sameDayInMonth('2026-03-31', -1)).toBe('2026-02-28');
    expect(sameDayInMonth('2026-12-15', 1)).toBe('2027-01-15');
  });

  test('keys move as a date picker does: arrows by a day or week, Home and End within the week, Page Up and Down by a month or (with Shift) a year', () => {
    expect(moveByKey('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(moveByKey('2027-01-01', 'ArrowLeft')).toBe('2026-12-31');
    expect(moveByKey('2026-03-26', 'ArrowDown')).toBe('2026-04-02');
    expect(moveByKey('2026-03-02', 'ArrowUp')).toBe('2026-02-23');
    // Wednesday 2 December 2026: Monday 30 November and Sunday 6 December.
    expect(moveByKey('2026-12-02', 'Home')).toBe('2026-11-30');
    expect(moveByKey('2026-12-02', 'End')).toBe('2026-12-06');
    expect(moveByKey('2026-03-31', 'PageUp')).toBe('2026-02-28');
    expect(moveByKey('2026-12-10', 'PageDown')).toBe('2027-01-10');
    expect(moveByKey('2028-02-29', 'PageDown', true)).toBe('2029-02-28');
    expect(moveByKey('2026-12-10', 'Enter')).toBeNull();
  });

  test('the month and day in the address are used only when they are real', () => {
    expect(monthFromSearch('2026-03', '2026-12-01')).toBe('2026-03');
    expect(monthFromSearch('2026-13', '2026-12-01')).toBe('2026-12');
    expect(monthFromSearch(null, '2026-12-01')).toBe('2026-12');
    expect(dayInMonth('2026-03-04', '2026-03', '2026-12-01')).toBe('2026-03-04');
    expect(dayInMonth('2026-04-04', '2026-03', '2026-12-01')).toBe('2026-03-01');
    expect(dayInMonth(null, '2026-12', '2026-12-09')).toBe('2026-12-09');
    expect(dayInMonth('2026-02-30', '2026-02', '2026-12-09')).toBe('2026-02-01');
  });
});

describe('duties on their days', () => {
  const due = { done: null, overdue: false };
  const late = { done: null, overdue: true };
  const done = { done: { doneOn: '2026-03-02', recordedBy: 'Ann', recordedAt: '2026-03-02T10:00:00.000Z', note: null }, overdue: false };

  test('a duty is done, overdue or due', () => {
    expect(dutyState(due)).toBe('due');
    expect(dutyState(late)).toBe('overdue');
    expect(dutyState(done)).toBe('done');
  });

  test('a day is read out with its duties by number and state', () => {
    expect(daySummary('2026-03-03', [], '2026-12-01')).toBe('Tuesday 3 March 2026: no duties');
    expect(daySummary('2026-03-03', [late, done], '2026-12-01')).toBe('Tuesday 3 March 2026: 2 duties, 1 overdue, 1 done');
    expect(daySummary('2026-12-01', [due], '2026-12-01')).toBe('Tuesday 1 December 2026, today: 1 duty');
  });

  test('entries are grouped by day in the order given', () => {
    const days = byDay([
      { dueOn: '2026-03-03', n: 1 },
      { dueOn: '2026-03-04', n: 2 },
      { dueOn: '2026-03-03', n: 3 },
    ]);
    expect(days.get('2026-03-03')!.map((e) => e.n)).toEqual([1, 3]);
    expect(days.get('2026-03-05')).toBeUndefined();
  });
});
