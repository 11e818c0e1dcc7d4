import { expect, test } from 'vitest';
import { formatShortDate } from './short-date';

test('a legal date in a table column reads "4 Jan 2024", whatever the zone', () => {
  expect(formatShortDate('2024-01-04')).toBe('4 Jan 2024');
  expect(formatShortDate('1999-12-31')).toBe('31 Dec 1999');
});
