import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, eligibilityProblems, type EligibilityTerms, type EmployeeFacts } from './eligibility';
import { fromDayNumber, isLegalDate, toDayNumber } from './legal-date';

const none: EligibilityTerms = { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null };
const facts: EmployeeFacts = { dateOfBirth: '1990-06-15', weeklyHours: 37.5, employmentStart: '2020-01-01', employmentEnd: null };
const date = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

describe('addMonths', () => {
  it('moves by calendar months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
  });

  it('always gives a real date in the right month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const out = addMonths(d, n);
        expect(isLegalDate(out)).toBe(true);
        const months = (Number(out.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(out.slice(5, 7)) - Number(d.slice(5, 7));
        expect(months).toBe(n);
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
  });

  it('treats someone born on 29 February as a year older on 28 February', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });
});

describe('eligibilityProblems', () => {
  it('finds nothing when the class sets no conditions and employment continues', () => {
    expect(eligibilityProblems('Employee', none, facts, '2026-11-30')).toEqual([]);
  });

  it('refuses someone whose employment has ended by the admission date, not the day before', () => {
    expect(eligibilityProblems('Employee', none, { ...facts, employmentEnd: '2026-11-30' }, '2026-11-29')).toEqual([]);
    expect(eligibilityProblems('Employee', none, { ...facts, employmentEnd: '2026-11-30' }, '2026-11-30')).toEqual([
      { field: 'employmentEnd', message: 'Employment ended on 30 November 2026, so they cannot join the Employee class on 30 November 2026.' },
    ]);
  });

  it('checks minimum age on the admission date and asks for a missing date of birth', () => {
    const terms = { ...none, minAgeYears: 18 };
    expect(eligibilityProblems('Employee', terms, { ...facts, dateOfBirth: '2008-12-01' }, '2026-11-30')).toEqual([
      { field: 'dateOfBirth', message: 'The Employee class requires age 18 or over; they are 17 on 30 November 2026.' },
    ]);
    expect(eligibilityProblems('Employee', terms, { ...facts, dateOfBirth: '2008-11-30' }, '2026-11-30')).toEqual([]);
    expect(eligibilityProblems('Employee', terms, { ...facts, dateOfBirth: null }, '2026-11-30')).toEqual([
      { field: 'dateOfBirth', message: 'The Employee class has a minimum age of 18; enter the date of birth.' },
    ]);
  });

  it('checks contracted hours, accepting exactly the minimum', () => {
    const terms = { ...none, minWeeklyHours: 7.5 };
    expect(eligibilityProblems('Employee', terms, { ...facts, weeklyHours: 7.5 }, '2026-11-30')).toEqual([]);
    expect(eligibilityProblems('Employee', terms, { ...facts, weeklyHours: 7.25 }, '2026-11-30')).toEqual([
      { field: 'weeklyHours', message: 'The Employee class requires at least 7.5 contracted hours a week; 7.25 given.' },
    ]);
    expect(eligibilityProblems('Employee', terms, { ...facts, weeklyHours: null }, '2026-11-30')[0]?.field).toBe('weeklyHours');
  });

  it('checks length of service, qualifying on the day the months are complete', () => {
    const terms = { ...none, minServiceMonths: 6 };
    expect(eligibilityProblems('Employee', terms, { ...facts, employmentStart: '2026-05-31' }, '2026-11-30')).toEqual([]);
    expect(eligibilityProblems('Employee', terms, { ...facts, employmentStart: '2026-06-01' }, '2026-11-30')).toEqual([
      { field: 'employmentStart', message: "The Employee class requires 6 months' service; employed since 1 June 2026, they qualify on 1 December 2026." },
    ]);
    expect(eligibilityProblems('Employee', terms, { ...facts, employmentStart: null }, '2026-11-30')[0]?.field).toBe('employmentStart');
  });

  it('says an admission before employment began is before it began, whatever the class requires', () => {
    const expected = [{ field: 'employmentStart', message: 'The admission date (1 June 2019) is before their employment began (1 January 2020); an employee can be admitted only from the day employment begins.' }];
    expect(eligibilityProblems('Employee', none, facts, '2019-06-01')).toEqual(expected);
    expect(eligibilityProblems('Employee', { ...none, minServiceMonths: 0 }, facts, '2019-06-01')).toEqual(expected);
    expect(eligibilityProblems('Employee', { ...none, minServiceMonths: 6 }, facts, '2019-06-01')).toEqual(expected);
    expect(eligibilityProblems('Employee', none, facts, '2020-01-01')).toEqual([]);
  });

  it('says a date of birth after the admission date is after it, instead of giving a negative age', () => {
    const terms = { ...none, minAgeYears: 16 };
    expect(eligibilityProblems('Employee', terms, { ...facts, dateOfBirth: '2999-12-31' }, '1800-01-01')).toContainEqual({
      field: 'dateOfBirth',
      message: 'The date of birth (31 December 2999) is after the admission date (1 January 1800); check both dates.',
    });
    expect(eligibilityProblems('Employee', terms, { ...facts, dateOfBirth: '2026-12-01' }, '2026-11-30').map((p) => p.message).join(' ')).not.toMatch(/-\d/);
    fc.assert(
      fc.property(date, date, (dob, on) => {
        for (const p of eligibilityProblems('Employee', { minAgeYears: 18, minWeeklyHours: null, minServiceMonths: 3 }, { ...facts, dateOfBirth: dob, employmentStart: dob }, on)) {
          expect(p.message).not.toMatch(/they are -/);
          if (on < dob) expect(p.message).not.toMatch(/they qualify on/);
        }
      }),
    );
  });

  it('reports every problem at once, so a form or import row can mark each field', () => {
    const terms = { minAgeYears: 18, minWeeklyHours: 10, minServiceMonths: 3 };
    const problems = eligibilityProblems('Employee', terms, { dateOfBirth: null, weeklyHours: 5, employmentStart: '2026-11-01', employmentEnd: '2026-11-15' }, '2026-11-30');
    expect(problems.map((p) => p.field)).toEqual(['employmentEnd', 'dateOfBirth', 'weeklyHours', 'employmentStart']);
  });
});
