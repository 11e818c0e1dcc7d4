import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseHrDate } from './dates';

describe('parseHrDate', () => {
  it('reads UK day/month/year in its usual spellings', () => {
    expect(parseHrDate('31/01/2024', 'dmy', 'start date')).toEqual({ date: '2024-01-31' });
    expect(parseHrDate('1/2/2024', 'dmy', 'start date')).toEqual({ date: '2024-02-01' });
    expect(parseHrDate('01-02-2024', 'dmy', 'start date')).toEqual({ date: '2024-02-01' });
    expect(parseHrDate('01.02.2024 00:00', 'dmy', 'start date')).toEqual({ date: '2024-02-01' });
  });

  it('reads year-month-day, and accepts an ISO date whichever format is chosen', () => {
    expect(parseHrDate('2024-01-31', 'ymd', 'start date')).toEqual({ date: '2024-01-31' });
    expect(parseHrDate('2024/1/31', 'ymd', 'start date')).toEqual({ date: '2024-01-31' });
    expect(parseHrDate('2024-01-31T00:00:00Z', 'dmy', 'start date')).toEqual({ date: '2024-01-31' });
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(parseHrDate('31/02/2024', 'dmy', 'employment start date')).toEqual({ error: '31/02/2024 is not a real date: February 2024 has 29 days.' });
    expect(parseHrDate('29/02/2023', 'dmy', 'employment start date')).toEqual({ error: '29/02/2023 is not a real date: February 2023 has 28 days.' });
    expect(parseHrDate('12/13/2024', 'dmy', 'employment start date')).toEqual({ error: '12/13/2024 is not a real date: there is no month 13.' });
    expect(parseHrDate('01/01/1700', 'dmy', 'date of birth').error).toMatch(/between 1800 and 2999/);
  });

  it('says what form it expected, and spots day/month/year when year-month-day was chosen', () => {
    expect(parseHrDate('next week', 'dmy', 'employment end date')).toEqual({ error: 'Enter the employment end date as day/month/year, such as 31/01/2024.' });
    expect(parseHrDate('31/01/24', 'dmy', 'employment end date').error).toMatch(/as day\/month\/year/);
    expect(parseHrDate('31/01/2024', 'ymd', 'date of birth')).toEqual({
      error: 'Enter the date of birth as year-month-day, such as 2024-01-31 (it looks like day/month/year: choose that date format).',
    });
  });
});

describe('guessDateFormat', () => {
  it('suggests year-month-day only when the dates start with the year', () => {
    expect(guessDateFormat(['2024-01-31', '', '2019-06-01'])).toBe('ymd');
    expect(guessDateFormat(['31/01/2024', '01/06/2019'])).toBe('dmy');
    expect(guessDateFormat([])).toBe('dmy');
  });
});
