import { describe, expect, it } from 'vitest';
import { eligibilitySchema } from './classes';
import { employeeDetailsSchema } from './members';
import { hasAtMostTwoDecimals, normalisePostcode } from './fields';

describe('hasAtMostTwoDecimals', () => {
  it('accepts every number of hundredths from 0 to 1000, despite binary rounding', () => {
    const refused: number[] = [];
    for (let hundredths = 0; hundredths <= 100_000; hundredths++) {
      const v = Number((hundredths / 100).toFixed(2));
      if (!hasAtMostTwoDecimals(v)) refused.push(v);
    }
    expect(refused).toEqual([]);
  });

  it('refuses a third decimal place', () => {
    for (const v of [0.001, 37.505, 66.667, 99.999]) expect(hasAtMostTwoDecimals(v), String(v)).toBe(false);
  });
});

describe('hours with two decimal places', () => {
  it('are accepted as contracted hours and as a class’s minimum hours', () => {
    for (const hours of [1.1, 22.1, 37.5, 0.07]) {
      expect(employeeDetailsSchema.safeParse({ employeeNumber: 'E1', employmentStart: '2020-01-01', weeklyHours: hours }).success, String(hours)).toBe(true);
      expect(eligibilitySchema.safeParse({ minAgeYears: null, minWeeklyHours: hours, minServiceMonths: null }).success, String(hours)).toBe(true);
    }
  });
});

describe('normalisePostcode', () => {
  it('writes UK postcodes in capitals with one space before the inward code', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode(' ls1  1aa ')).toBe('LS1 1AA');
    expect(normalisePostcode('gir0aa')).toBe('GIR 0AA');
    expect(normalisePostcode('bfpo 801')).toBe('BFPO 801');
  });

  it('refuses text that is not a UK postcode', () => {
    for (const bad of ['', 'LS1', '12345', 'QQ1 1AA', 'LS1 1AAA']) expect(normalisePostcode(bad), bad).toBeNull();
  });
});
