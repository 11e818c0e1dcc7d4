import { describe, expect, it } from 'vitest';
import { lastDayToPass } from './lapse';

describe('lastDayToPass (CA 2006 s297(1))', () => {
  it('counts the circulation day as the first of the 28 days', () => {
    expect(lastDayToPass('2026-03-01', 28)).toBe('2026-03-28');
  });
  it('runs across a month and a year end', () => {
    expect(lastDayToPass('2026-12-15', 28)).toBe('2027-01-11');
    expect(lastDayToPass('2028-02-10', 28)).toBe('2028-03-08');
  });
  it('uses the period in the articles when they set one', () => {
    expect(lastDayToPass('2026-03-01', 42)).toBe('2026-04-11');
  });
  it('gives nothing until the circulation date is whole', () => {
    expect(lastDayToPass('2026-02-30', 28)).toBeNull();
    expect(lastDayToPass('', 28)).toBeNull();
  });
});
