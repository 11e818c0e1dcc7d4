import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './legal-date';
import { COMPANY_RETENTION, REMOVAL_SOURCE, isRemovable, removableCeasedOnOrBefore, removableFrom, retentionRule } from './retention';

const date = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2080-12-31') }).map(fromDayNumber);

describe('retentionRule', () => {
  it('gives a company the statutory 10 years of CA 2006 s121', () => {
    expect(retentionRule('company')).toEqual({ years: 10, statutory: true, source: REMOVAL_SOURCE });
    expect(retentionRule('company', 3)).toBe(COMPANY_RETENTION);
    expect(REMOVAL_SOURCE).toMatch(/^CA 2006 s121/);
  });

  it('says plainly that the law sets no period for a society, and uses the rules’ period', () => {
    const rule = retentionRule('society', 6);
    expect(rule).toMatchObject({ years: 6, statutory: false });
    expect(rule.source).toMatch(/^The CCBS Act 2014 sets no period after which a former member’s entry may be removed/);
    expect(rule.source).toMatch(/Your rules allow removal 6 years after a member ceases\.$/);
  });

  it('defaults a society to 10 years by analogy with s121, labelled as not statutory', () => {
    const rule = retentionRule('society', null);
    expect(rule).toMatchObject({ years: 10, statutory: false });
    expect(rule.source).toMatch(/the app uses 10 years, by analogy with CA 2006 s121 for companies; this is not a statutory period\.$/);
    expect(rule.source).toMatch(/UK GDPR storage limitation/);
  });

  it('refuses a period that is not a whole number of years', () => {
    expect(() => retentionRule('society', 2.5)).toThrow(RangeError);
    expect(() => retentionRule('society', -1)).toThrow(RangeError);
  });
});

describe('removableFrom and isRemovable', () => {
  // s121: "after the expiration of ten years from the date on which he ceased": the ten years
  // run from the day after cessation and expire at the end of the tenth anniversary.
  it('allow removal from the day after the tenth anniversary of ceasing, not on the anniversary itself', () => {
    expect(removableFrom('2016-03-01')).toBe('2026-03-02');
    expect(isRemovable('2016-03-01', '2026-03-01')).toBe(false);
    expect(isRemovable('2016-03-01', '2026-03-02')).toBe(true);
    expect(isRemovable(null, '2099-01-01')).toBe(false);
  });

  it('take a cessation on 29 February to 1 March ten years on (the period ends with 28 February)', () => {
    expect(removableFrom('2016-02-29')).toBe('2026-03-01');
  });

  it('follow a society’s own period', () => {
    const six = retentionRule('society', 6);
    expect(removableFrom('2020-07-15', six)).toBe('2026-07-16');
    expect(isRemovable('2020-07-15', '2026-07-15', six)).toBe(false);
  });
});

describe('removableCeasedOnOrBefore', () => {
  it('selects exactly the entries isRemovable allows, leap days included', () => {
    expect(removableCeasedOnOrBefore('2026-03-02')).toBe('2016-03-01');
    // Ceased on 29 February 2016: removable on 1 March 2026, so the cut-off that day includes it and the one before.
    expect(removableCeasedOnOrBefore('2026-03-01')).toBe('2016-02-29');
    expect(removableCeasedOnOrBefore('2026-02-28')).toBe('2016-02-27');
    fc.assert(
      fc.property(date, date, fc.constantFrom(COMPANY_RETENTION, retentionRule('society', 6), retentionRule('society', 1)), (ceasedOn, today, rule) => {
        expect(ceasedOn <= removableCeasedOnOrBefore(today, rule)).toBe(isRemovable(ceasedOn, today, rule));
      }),
    );
  });
});
