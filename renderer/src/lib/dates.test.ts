import { expect, test } from 'vitest';
import { formatInstant, formatLegalDate, formatShortDate, formatYearEnd, MONTH_NAMES } from './dates';

test('a legal date in a table column reads "4 Jan 2024", whatever the zone', () => {
  expect(formatShortDate('2024-01-04')).toBe('4 Jan 2024');
  expect(formatShortDate('1999-12-31')).toBe('31 Dec 1999');
  expect(formatShortDate('2026-09-30')).toBe('30 Sep 2026');
});

test('a legal date in a sentence reads in full', () => {
  expect(formatLegalDate('2026-11-30')).toBe('30 November 2026');
});

test('month names run January to December', () => {
  expect(MONTH_NAMES).toHaveLength(12);
  expect(MONTH_NAMES[0]).toBe('January');
  expect(MONTH_NAMES[11]).toBe('December');
});

test('a financial year end reads as day and month, 29 February included', () => {
  expect(formatYearEnd('03-31')).toBe('31 March');
  expect(formatYearEnd('02-29')).toBe('29 February');
});

test('an instant reads in UK time: GMT in winter, BST in summer', () => {
  expect(formatInstant('2026-11-30T23:30:00Z')).toBe('30 Nov 2026, 23:30');
  // 23:30 UTC in July is 00:30 the next day in London.
  expect(formatInstant('2026-07-14T23:30:00Z')).toBe('15 Jul 2026, 00:30');
});
