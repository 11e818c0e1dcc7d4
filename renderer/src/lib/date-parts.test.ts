import { describe, expect, test } from 'vitest';
import { legalDate } from '../../../shared/contract/fields';
import { dateInputProblem, partsToValue, valueToParts } from './date-parts';

const value = (day: string, month: string, year: string) => partsToValue({ day, month, year }, 'Date of birth');
const problem = (day: string, month: string, year: string) => dateInputProblem(value(day, month, year));

describe('a date typed as day, month and year', () => {
  test('a real date becomes a legal date, whatever the padding', () => {
    expect(value('27', '3', '2026')).toBe('2026-03-27');
    expect(value('05', '01', '1990')).toBe('1990-01-05');
    expect(value(' 1 ', 'Feb', '2024')).toBe('2024-02-01');
    expect(value('30', 'november', '2026')).toBe('2026-11-30');
  });

  test('three empty boxes are no date at all (the schema decides whether one is needed)', () => {
    expect(value('', '', '')).toBe('');
    expect(problem('', '', '')).toBeUndefined();
  });

  test('a missing part is named, as GOV.UK does', () => {
    expect(problem('27', '', '2026')).toBe('Date of birth must include a month.');
    expect(problem('', '3', '2026')).toBe('Date of birth must include a day.');
    expect(problem('27', '3', '')).toBe('Date of birth must include a year.');
    expect(problem('', '', '2026')).toBe('Date of birth must include a day and month.');
    expect(problem('27', '', '')).toBe('Date of birth must include a month and year.');
  });

  test('an impossible date is not a real date', () => {
    expect(problem('31', '2', '2026')).toBe('Date of birth must be a real date.');
    expect(problem('29', '2', '2023')).toBe('Date of birth must be a real date.');
    expect(problem('12', '13', '2026')).toBe('Date of birth must be a real date.');
    expect(problem('x', '3', '2026')).toBe('Date of birth must be a real date.');
    expect(value('29', '2', '2024')).toBe('2024-02-29');
  });

  test('a real date out of the register’s range is passed on, so the field’s schema says the range, not “not a real date”', () => {
    expect(value('1', '1', '1750')).toBe('1750-01-01');
    expect(problem('1', '1', '1750')).toBeUndefined();
    expect(legalDate('the date of birth').safeParse(value('1', '1', '1750')).error?.issues[0]?.message).toBe('Dates before 1 January 1800 are not accepted for the date of birth.');
    expect(problem('29', '2', '1700')).toBe('Date of birth must be a real date.');
    expect(valueToParts('1750-01-01')).toEqual({ day: '1', month: '1', year: '1750' });
  });

  test('a year needs four numbers', () => {
    expect(problem('27', '3', '26')).toBe('Date of birth must include a year with 4 numbers, for example 2026.');
  });

  test('a value the form holds is split back into the boxes', () => {
    expect(valueToParts('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(valueToParts('')).toEqual({ day: '', month: '', year: '' });
  });
});
