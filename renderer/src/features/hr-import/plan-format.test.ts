import { describe, expect, it } from 'vitest';
import { dateFormatExample, hasChanges, planFieldLabel, planValue, shownOf } from './plan-format';

describe('plan formatting', () => {
  it('names fields and shows values the way the member page does', () => {
    expect(planFieldLabel('address.line1')).toMatch(/address line 1/i);
    expect(planValue('employee.employmentEnd', '2026-03-31')).toBe('31 March 2026');
    expect(planValue('employee.weeklyHours', '37.5')).toBe('37.5 hours a week');
    expect(planValue('email', '')).toBe('(none)');
  });

  it('says when a list is cut short', () => {
    expect(shownOf(500, 1234)).toBe('Showing the first 500 of 1,234.');
    expect(shownOf(12, 12)).toBeNull();
  });

  it('knows whether a plan would change anything', () => {
    const counts = { rows: 3, admit: 0, cease: 0, update: 0, unchanged: 2, notEligible: 1, rejected: 0, notInFile: 0, admittedAndCeased: 0, split: 0 };
    expect(hasChanges({ counts })).toBe(false);
    expect(hasChanges({ counts: { ...counts, cease: 1 } })).toBe(true);
  });

  it('shows what a sample date means in the chosen format', () => {
    expect(dateFormatExample('dmy', '03/04/2019')).toBe('03/04/2019 is 3 April 2019');
    expect(dateFormatExample('ymd', '03/04/2019')).toBe('03/04/2019 does not look like year-month-day');
    expect(dateFormatExample('ymd', '2019-04-03')).toBe('2019-04-03 is 3 April 2019');
    expect(dateFormatExample('dmy', '03/13/2019')).toBe('03/13/2019 has no month 13');
  });
});
