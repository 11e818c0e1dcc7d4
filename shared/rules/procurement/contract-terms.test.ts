import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../legal-date';
import {
  type ContractTermsInput,
  currentEndOn,
  deriveStatus,
  describeTermLength,
  generateDuties,
  maximumEndOn,
  maximumTerm,
  maximumTermMonths,
  nthMonthlyDate,
  termEnd,
  termLength,
  validateTerms,
  variedEndOn,
} from './contract-terms';

function contract(over: Partial<ContractTermsInput> = {}): ContractTermsInput {
  return {
    route: 'pa23_open',
    awardedOn: '2025-03-10',
    startOn: '2025-04-01',
    endOn: '2028-03-31',
    terminatedOn: null,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
    variations: [],
    ...over,
  };
}

type Ext = ContractTermsInput['extensions'][number];
const ext = (id: string, position: number, lengthMonths: number, more: Partial<Ext> = {}): Ext => ({
  id,
  position,
  lengthMonths,
  decisionBy: null,
  noticeBy: null,
  exercisedOn: null,
  declinedOn: null,
  ...more,
});

describe('month arithmetic', () => {
  it('ends a term the day before the same day of the month, months later', () => {
    expect(termEnd('2025-04-01', 12)).toBe('2026-03-31');
    expect(termEnd('2025-12-15', 1)).toBe('2026-01-14');
    expect(termEnd('2025-04-01', 60)).toBe('2030-03-31');
  });

  it('ends on the last day of a short month rather than running into the next', () => {
    expect(termEnd('2025-01-31', 1)).toBe('2025-02-28');
    expect(termEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(termEnd('2025-03-31', 1)).toBe('2025-04-30');
    expect(termEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(termEnd('2025-01-30', 1)).toBe('2025-02-28');
  });

  it('measures a term in whole months and days, and describes it', () => {
    expect(termLength('2025-04-01', '2030-03-31')).toEqual({ months: 60, days: 0 });
    expect(termLength('2025-04-01', '2030-03-30')).toEqual({ months: 59, days: 30 });
    expect(termLength('2025-04-01', '2030-04-01')).toEqual({ months: 60, days: 1 });
    expect(termLength('2025-01-31', '2025-02-28')).toEqual({ months: 1, days: 0 });
    expect(describeTermLength({ months: 59, days: 0 })).toBe('4 years 11 months');
    expect(describeTermLength({ months: 72, days: 0 })).toBe('6 years');
    expect(describeTermLength({ months: 14, days: 3 })).toBe('1 year 2 months and 3 days');
    expect(describeTermLength({ months: 7, days: 1 })).toBe('7 months and 1 day');
  });

  it('a term of n months measures n months, for any start and length', () => {
    const day = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 240 }), (start, n) => {
        const end = termEnd(start, n);
        expect(termLength(start, end)).toEqual({ months: n, days: 0 });
        // Consecutive terms leave no gap and no overlap.
        expect(termEnd(fromDayNumber(toDayNumber(end) + 1), 1) > end).toBe(true);
      }),
    );
  });

  it('keeps a monthly series on its anchor day, clamped to short months', () => {
    expect([0, 1, 2, 3].map((n) => nthMonthlyDate('2025-01-31', 1, n))).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
    expect(nthMonthlyDate('2025-11-30', 3, 1)).toBe('2026-02-28');
  });
});

describe('ends of the term', () => {
  it('the latest variation to set a new end moves it, by the date it was made', () => {
    const t = contract({
      variations: [
        { id: 'v2', madeOn: '2027-01-05', valueChangePence: 0, newEndOn: '2028-06-30' },
        { id: 'v1', madeOn: '2026-03-01', valueChangePence: 100, newEndOn: '2029-03-31' },
        { id: 'v3', madeOn: '2027-06-01', valueChangePence: 5000, newEndOn: null },
      ],
    });
    expect(variedEndOn(t)).toBe('2028-06-30');
    expect(currentEndOn(t)).toBe('2028-06-30');
  });

  it('exercised extensions follow in position order from the day after the previous end', () => {
    const t = contract({
      extensions: [ext('b', 2, 6, { exercisedOn: '2029-01-10' }), ext('a', 1, 12, { exercisedOn: '2028-01-10' }), ext('c', 3, 12)],
    });
    expect(currentEndOn(t)).toBe('2029-09-30');
    expect(maximumEndOn(t)).toBe('2030-09-30');
    expect(maximumTerm(t)).toEqual({ months: 66, days: 0 });
    expect(maximumTermMonths(t)).toBe(66);
  });

  it('a declined option counts towards neither end', () => {
    const t = contract({ extensions: [ext('a', 1, 12, { declinedOn: '2027-10-01' }), ext('b', 2, 12)] });
    expect(currentEndOn(t)).toBe('2028-03-31');
    expect(maximumEndOn(t)).toBe('2029-03-31');
  });

  it('has no end, and no maximum term, without an end date', () => {
    const t = contract({ endOn: null, extensions: [ext('a', 1, 12)] });
    expect(currentEndOn(t)).toBeNull();
    expect(maximumEndOn(t)).toBeNull();
    expect(maximumTermMonths(t)).toBeNull();
  });

  it('counts a part month as a month in maximumTermMonths', () => {
    expect(maximumTermMonths(contract({ startOn: '2025-04-01', endOn: '2030-04-01' }))).toBe(61);
  });
});

describe('deriveStatus', () => {
  const t = contract({ extensions: [ext('a', 1, 12, { exercisedOn: '2027-12-01' }), ext('b', 2, 12)] });

  it('walks a contract from bid to expiry', () => {
    expect(deriveStatus({ ...t, awardedOn: null }, '2025-01-01')).toBe('pipeline');
    expect(deriveStatus(t, '2025-03-31')).toBe('awarded');
    expect(deriveStatus(t, '2025-04-01')).toBe('live');
    expect(deriveStatus(t, '2028-03-31')).toBe('live');
    expect(deriveStatus(t, '2028-04-01')).toBe('in_extension');
    expect(deriveStatus(t, '2029-03-31')).toBe('in_extension');
    // Option b was never exercised: the contract expires at the end of option a.
    expect(deriveStatus(t, '2029-04-01')).toBe('expired');
  });

  it('is terminated from the termination date, whatever else is true', () => {
    const ended = { ...t, terminatedOn: '2026-06-30' };
    expect(deriveStatus(ended, '2026-06-29')).toBe('live');
    expect(deriveStatus(ended, '2026-06-30')).toBe('terminated');
  });

  it('is a bid until its award date comes (an expected award date is what the s33 check counts back from)', () => {
    // The base contract is awarded on 10 March 2025.
    expect(deriveStatus(t, '2025-03-09')).toBe('pipeline');
    expect(deriveStatus(t, '2025-03-10')).toBe('awarded');
  });

  it('is awarded while the start date is unknown, and live without an end', () => {
    expect(deriveStatus(contract({ startOn: null }), '2026-01-01')).toBe('awarded');
    expect(deriveStatus(contract({ endOn: null }), '2040-01-01')).toBe('live');
  });
});

describe('validateTerms', () => {
  it('passes a sound contract', () => {
    expect(validateTerms(contract({ extensions: [ext('a', 1, 12, { decisionBy: '2027-09-30', noticeBy: '2027-12-31' })] }))).toEqual([]);
  });

  it('refuses an end before the start and a termination before the start', () => {
    expect(validateTerms(contract({ endOn: '2025-03-31' }))).toEqual([{ field: 'endOn', message: 'The end date (31 March 2025) is before the start date (1 April 2025).' }]);
    expect(validateTerms(contract({ terminatedOn: '2025-03-01' }))[0]).toMatchObject({ field: 'terminatedOn', message: expect.stringMatching(/^The termination date \(1 March 2025\) is before the start date \(1 April 2025\)/) });
  });

  it('refuses an award under a regime before it was in force, citing its commencement', () => {
    expect(validateTerms(contract({ route: 'pa23_reserved_mutual', awardedOn: '2025-02-23' }))).toEqual([
      {
        field: 'awardedOn',
        message:
          'Reserved to public service mutuals (Procurement Act 2023 s33) was not in force on 23 February 2025: awards under it began on 24 February 2025 (Procurement Act 2023 (Commencement No. 3 and Transitional and Saving Provisions) Regulations 2024 (SI 2024/716), as amended by SI 2024/959). An earlier award was made under the rules then in force: choose that route.',
      },
    ]);
    expect(validateTerms(contract({ route: 'pa23_reserved_mutual', awardedOn: '2025-02-24' }))).toEqual([]);
    expect(validateTerms(contract({ route: 'psr_direct_c', awardedOn: '2023-12-31' }))[0]?.message).toMatch(/began on 1 January 2024 \(Health Care Services \(Provider Selection Regime\) Regulations 2023/);
    // A procurement begun under the 2015 Regulations may be awarded after the Act came in (SI 2024/716 Part 3).
    expect(validateTerms(contract({ route: 'pcr15_reg77', awardedOn: '2025-06-01', startOn: '2025-07-01', endOn: '2028-06-30' }))).toEqual([]);
    expect(validateTerms(contract({ route: 'grant', awardedOn: '1999-01-01', startOn: '1999-02-01', endOn: '2000-01-31' }))).toEqual([]);
  });

  it('allows an award after the start (services begun under a letter of intent)', () => {
    expect(validateTerms(contract({ awardedOn: '2025-05-01' }))).toEqual([]);
  });

  it('refuses a variation before the award, or on a bid', () => {
    expect(validateTerms(contract({ variations: [{ id: 'v', madeOn: '2025-01-01', valueChangePence: 0, newEndOn: null }] }))).toEqual([
      { field: 'variations.0.madeOn', message: 'Variation 1 is dated 1 January 2025, before the contract was awarded on 10 March 2025.' },
    ]);
    expect(validateTerms(contract({ awardedOn: null, variations: [{ id: 'v', madeOn: '2025-06-01', valueChangePence: 0, newEndOn: null }] }))[0]?.message).toMatch(/has not been awarded/);
  });

  it('refuses duplicate positions, zero or negative lengths, and an option both exercised and declined', () => {
    const problems = validateTerms(
      contract({ extensions: [ext('a', 1, 12), ext('b', 1, 0), ext('c', 2, -3, { exercisedOn: '2028-01-01', declinedOn: '2028-01-02' })] }),
    );
    expect(problems).toEqual([
      { field: 'extensions.1.position', message: 'Two extension options are both number 1: each option follows the one before, so each needs its own number.' },
      { field: 'extensions.1.lengthMonths', message: 'Extension option 1 must extend the contract by a whole number of months, at least one.' },
      { field: 'extensions.2.lengthMonths', message: 'Extension option 2 must extend the contract by a whole number of months, at least one.' },
      { field: 'extensions.2.declinedOn', message: 'Extension option 2 is recorded as both exercised (1 January 2028) and declined (2 January 2028): it can only be one.' },
    ]);
  });

  it('refuses a decision or notice deadline after the end the option would extend', () => {
    const problems = validateTerms(
      contract({ extensions: [ext('a', 1, 12, { decisionBy: '2028-04-01' }), ext('b', 2, 12, { noticeBy: '2029-03-31' }), ext('c', 3, 12, { noticeBy: '2030-04-01' })] }),
    );
    expect(problems).toEqual([
      { field: 'extensions.0.decisionBy', message: 'The decision on extension option 1 is due on 1 April 2028, after the term it would extend has ended (31 March 2028).' },
      { field: 'extensions.2.noticeBy', message: 'Notice of extension option 3 is due on 1 April 2030, after the term it would extend has ended (31 March 2030).' },
    ]);
  });

  it('refuses a s33 reserved contract that could run past five years, citing s33(1)(b)', () => {
    const t = contract({ route: 'pa23_reserved_mutual', endOn: '2029-03-31', extensions: [ext('a', 1, 12), ext('b', 2, 12)] });
    expect(validateTerms(t)).toEqual([
      {
        field: 'extensions',
        message:
          'A contract reserved to public service mutuals under the Procurement Act 2023 must have a maximum term of five years or less, counting every extension (s33(1)(b)); from 1 April 2025 this one could run 6 years, to 31 March 2031. The latest end allowed is 31 March 2030.',
      },
    ]);
    // Exactly five years is allowed; declining the second option brings it within.
    expect(validateTerms({ ...t, extensions: [ext('a', 1, 12), ext('b', 2, 12, { declinedOn: '2028-01-01' })] })).toEqual([]);
    // One day over is not.
    expect(validateTerms({ ...t, extensions: [], endOn: '2030-04-01' })[0]?.message).toMatch(/could run 5 years and 1 day, to 1 April 2030/);
  });

  it('refuses a reg 77 contract over three years, and sets no limit for an open procedure', () => {
    const t = contract({ route: 'pcr15_reg77', endOn: '2028-03-31', extensions: [ext('a', 1, 1)] });
    expect(validateTerms(t)).toEqual([
      {
        field: 'extensions',
        message:
          'A contract reserved under regulation 77 of the Public Contracts Regulations 2015 may not last longer than three years, counting every option to extend (reg 77(5)). From 1 April 2025 this one could run 3 years 1 month, to 30 April 2028; the latest end allowed is 31 March 2028.',
      },
    ]);
    expect(validateTerms({ ...t, route: 'pa23_open', extensions: [ext('a', 1, 120)] })).toEqual([]);
  });

  it('refuses text that is not a date, before any other rule', () => {
    expect(validateTerms(contract({ startOn: '2025-02-30' }))).toEqual([{ field: 'startOn', message: 'The start date “2025-02-30” is not a date.' }]);
  });
});

describe('generateDuties', () => {
  const t = contract({
    extensions: [ext('x1', 1, 12, { decisionBy: '2027-09-30', noticeBy: '2027-12-31', exercisedOn: '2027-10-01' }), ext('x2', 2, 12, { decisionBy: '2028-09-30', declinedOn: '2028-09-01' })],
    breaks: [{ id: 'b1', earliestOn: '2026-04-01', noticeDays: 90, description: 'for convenience' }],
    priceReviews: [{ id: 'p1', reviewOn: '2026-04-01', note: 'CPI uplift' }],
    kpis: [{ id: 'k1', name: 'Waiting times', frequency: 'quarterly', firstDueOn: '2028-07-31' }],
  });

  it('lists every duty with stable keys, declined options left out, in date order', () => {
    expect(generateDuties(t)).toEqual([
      { key: 'break:b1', kind: 'break_notice', dueOn: '2026-01-01', title: 'Last day for 90 days’ notice to break on 1 April 2026: for convenience', sourceId: 'b1' },
      { key: 'price:p1', kind: 'price_review', dueOn: '2026-04-01', title: 'Price review: CPI uplift', sourceId: 'p1' },
      { key: 'ext-decision:x1', kind: 'extension_decision', dueOn: '2027-09-30', title: 'Decide whether to take extension option 1 (12 months)', sourceId: 'x1' },
      { key: 'ext-notice:x1', kind: 'extension_notice', dueOn: '2027-12-31', title: 'Last day for notice of extension option 1 (12 months)', sourceId: 'x1' },
      { key: 'kpi:k1:1', kind: 'kpi_report', dueOn: '2028-07-31', title: 'KPI report, 1st: Waiting times', sourceId: 'k1' },
      { key: 'kpi:k1:2', kind: 'kpi_report', dueOn: '2028-10-31', title: 'KPI report, 2nd: Waiting times', sourceId: 'k1' },
      { key: 'kpi:k1:3', kind: 'kpi_report', dueOn: '2029-01-31', title: 'KPI report, 3rd: Waiting times', sourceId: 'k1' },
      { key: 'end', kind: 'end', dueOn: '2029-03-31', title: 'Contract ends', sourceId: null },
    ]);
  });

  it('keeps each key when its date changes', () => {
    const before = new Map(generateDuties(t).map((d) => [d.key, d.dueOn]));
    const moved = generateDuties({ ...t, breaks: [{ ...t.breaks[0]!, noticeDays: 30 }], variations: [{ id: 'v', madeOn: '2026-01-01', valueChangePence: 0, newEndOn: '2028-06-30' }] });
    const after = new Map(moved.map((d) => [d.key, d.dueOn]));
    expect(after.get('break:b1')).toBe('2026-03-02');
    expect(before.get('break:b1')).toBe('2026-01-01');
    expect(after.get('end')).toBe('2029-06-30');
    expect([...after.keys()].filter((k) => !k.startsWith('kpi:')).sort()).toEqual([...before.keys()].filter((k) => !k.startsWith('kpi:')).sort());
  });

  it('stops KPI reports at a termination, caps an open-ended series, and numbers monthly reports on the anchor day', () => {
    const monthly = contract({ endOn: null, kpis: [{ id: 'm', name: 'Referrals', frequency: 'monthly', firstDueOn: '2025-01-31' }] });
    const open = generateDuties(monthly).filter((d) => d.kind === 'kpi_report');
    expect(open).toHaveLength(61);
    expect(open.slice(0, 3).map((d) => d.dueOn)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(open.at(-1)).toMatchObject({ key: 'kpi:m:61', dueOn: '2030-01-31' });
    const ended = generateDuties({ ...monthly, terminatedOn: '2025-04-15' }).filter((d) => d.kind === 'kpi_report');
    expect(ended.map((d) => d.dueOn)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(generateDuties({ ...monthly, endOn: '2100-12-31', startOn: '2025-01-01' }).filter((d) => d.kind === 'kpi_report')).toHaveLength(600);
  });
});
