import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber, weekday } from './legal-date';
import { addWorkingDays, bankHolidays, easterSunday, inspectionDueDate, isWorkingDay, type UkPart } from './working-days';

const PARTS: UkPart[] = ['england', 'wales', 'scotland', 'northern_ireland'];
const sorted = (set: Set<string>) => [...set].sort();
const date = fc.integer({ min: toDayNumber('1995-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber);
const part = fc.constantFrom(...PARTS);

describe('easterSunday', () => {
  it('matches a table of known Easter Sundays, including the earliest and latest possible', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22', // earliest possible date
      1943: '1943-04-25', // latest possible date
      1961: '1961-04-02',
      1995: '1995-04-16',
      1999: '1999-04-04',
      2000: '2000-04-23',
      2002: '2002-03-31',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2016: '2016-03-27',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2035: '2035-03-25',
      2038: '2038-04-25',
      2049: '2049-04-18',
      2100: '2100-03-28',
      2285: '2285-03-22',
    };
    for (const [year, sunday] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(sunday);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 2999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(6);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });
});

/**
 * The published list, from the GOV.UK bank holidays page (alphagov/frontend lib/data/bank-holidays.json,
 * as it stood in August 2026, including the Scottish World Cup holiday added in February 2026).
 */
const GOV_UK: Record<'england' | 'scotland' | 'northern_ireland', Record<number, string>> = {
  england: {
    2020: '01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28',
    2021: '01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28',
    2022: '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27',
    2023: '01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26',
    2024: '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26',
    2025: '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26',
    2026: '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28',
    2027: '01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28',
    2028: '01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26',
  },
  scotland: {
    2020: '01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28',
    2021: '01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28',
    2022: '01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27',
    2023: '01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26',
    2024: '01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26',
    2025: '01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26',
    2026: '01-01 01-02 04-03 05-04 05-25 06-15 08-03 11-30 12-25 12-28',
    2027: '01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28',
    2028: '01-03 01-04 04-14 05-01 05-29 08-07 11-30 12-25 12-26',
  },
  northern_ireland: {
    2020: '01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28',
    2021: '01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28',
    2022: '01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27',
    2023: '01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26',
    2024: '01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26',
    2025: '01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26',
    2026: '01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28',
    2027: '01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28',
    2028: '01-03 03-17 04-14 04-17 05-01 05-29 07-12 08-28 12-25 12-26',
  },
};

describe('bankHolidays', () => {
  for (const [division, years] of Object.entries(GOV_UK)) {
    for (const [year, days] of Object.entries(years)) {
      it(`gives exactly the GOV.UK list for ${division.replace('_', ' ')} in ${year}`, () => {
        const expected = days.split(' ').map((md) => `${year}-${md}`);
        expect(sorted(bankHolidays(Number(year), division as UkPart))).toEqual(expected);
      });
    }
  }

  it('gives Wales the same holidays as England in every year', () => {
    for (let year = 1995; year <= 2060; year += 1) expect(sorted(bankHolidays(year, 'wales')), String(year)).toEqual(sorted(bankHolidays(year, 'england')));
  });

  it('moves Christmas Day, Boxing Day and New Year at a weekend to the next free weekdays', () => {
    // Christmas on a Saturday (2021, 2027): Monday 27 and Tuesday 28 December.
    for (const year of [2021, 2027]) {
      const h = bankHolidays(year, 'england');
      expect([`${year}-12-25`, `${year}-12-26`].some((d) => h.has(d))).toBe(false);
      expect(h.has(`${year}-12-27`) && h.has(`${year}-12-28`)).toBe(true);
    }
    // Christmas on a Sunday (2022): Boxing Day Monday 26, Christmas substitute Tuesday 27.
    expect(['2022-12-26', '2022-12-27'].every((d) => bankHolidays(2022, 'england').has(d))).toBe(true);
    // New Year's Day on a Saturday (2022) and a Sunday (2023).
    expect(bankHolidays(2022, 'england').has('2022-01-03')).toBe(true);
    expect(bankHolidays(2023, 'england').has('2023-01-02')).toBe(true);
  });

  it('gives Scotland 2 January, the first Monday of August and St Andrew’s Day, but not Easter Monday or the late August holiday', () => {
    const scotland = bankHolidays(2026, 'scotland');
    expect(scotland.has('2026-01-02')).toBe(true);
    expect(scotland.has('2026-08-03')).toBe(true);
    expect(scotland.has('2026-11-30')).toBe(true);
    expect(scotland.has('2026-04-06')).toBe(false);
    expect(scotland.has('2026-08-31')).toBe(false);
    // St Andrew's Day at a weekend moves to the Monday (St Andrew's Day Bank Holiday (Scotland) Act 2007).
    expect(bankHolidays(2025, 'scotland').has('2025-12-01')).toBe(true);
    expect(bankHolidays(2024, 'scotland').has('2024-12-02')).toBe(true);
  });

  it('gives Scotland St Andrew’s Day only from 2007, when the Act made it a bank holiday', () => {
    expect(isWorkingDay('2006-11-30', 'scotland')).toBe(true);
    expect(isWorkingDay('2007-11-30', 'scotland')).toBe(false);
  });

  it('gives Northern Ireland St Patrick’s Day and the Battle of the Boyne, with substitutes', () => {
    expect(bankHolidays(2026, 'northern_ireland').has('2026-03-17')).toBe(true);
    expect(bankHolidays(2024, 'northern_ireland').has('2024-03-18')).toBe(true); // 17 March a Sunday
    expect(bankHolidays(2025, 'northern_ireland').has('2025-07-14')).toBe(true); // 12 July a Saturday
    expect(bankHolidays(2026, 'northern_ireland').has('2026-07-13')).toBe(true); // 12 July a Sunday
    for (const p of ['england', 'scotland'] as const) {
      expect(bankHolidays(2026, p).has('2026-03-17'), p).toBe(false);
      expect(bankHolidays(2027, p).has('2027-07-12'), p).toBe(false);
    }
  });

  it('knows the one-off holidays and the regular holidays moved to make room for them', () => {
    const allParts = (d: string) => PARTS.every((p) => !isWorkingDay(d, p));
    const noPart = (d: string) => PARTS.every((p) => isWorkingDay(d, p));
    // 1995: early May holiday moved to 8 May for the 50th anniversary of VE Day.
    expect(allParts('1995-05-08') && noPart('1995-05-01')).toBe(true);
    // 1999: millennium holiday on Friday 31 December.
    expect(allParts('1999-12-31')).toBe(true);
    // 2002: Golden Jubilee on 3 June, spring holiday moved from 27 May to 4 June.
    expect(allParts('2002-06-03') && allParts('2002-06-04') && noPart('2002-05-27')).toBe(true);
    // 2011: royal wedding.
    expect(allParts('2011-04-29')).toBe(true);
    // 2012: Diamond Jubilee on 5 June, spring holiday moved from 28 May to 4 June.
    expect(allParts('2012-06-04') && allParts('2012-06-05') && noPart('2012-05-28')).toBe(true);
    // 2020: early May holiday moved from 4 to 8 May for VE Day 75.
    expect(allParts('2020-05-08') && noPart('2020-05-04')).toBe(true);
    // 2022: Platinum Jubilee, spring holiday moved from 30 May to 2 June; state funeral on 19 September.
    expect(allParts('2022-06-02') && allParts('2022-06-03') && noPart('2022-05-30') && allParts('2022-09-19')).toBe(true);
    // 2023: coronation of King Charles III.
    expect(allParts('2023-05-08')).toBe(true);
  });

  it('gives Scotland alone the World Cup holiday on 15 June 2026', () => {
    expect(isWorkingDay('2026-06-15', 'scotland')).toBe(false);
    for (const p of ['england', 'wales', 'northern_ireland'] as const) expect(isWorkingDay('2026-06-15', p), p).toBe(true);
  });

  it('has no early May holiday before it began in 1978', () => {
    expect(isWorkingDay('1977-05-02', 'england')).toBe(true);
    expect(isWorkingDay('1978-05-01', 'england')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('is false at weekends, on Christmas Day and on Good Friday in every part of the UK', () => {
    fc.assert(
      fc.property(date, part, (d, p) => {
        if (weekday(d) >= 5) expect(isWorkingDay(d, p)).toBe(false);
        if (d.slice(5) === '12-25') expect(isWorkingDay(d, p)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1995, max: 2099 }), part, (year, p) => {
        expect(isWorkingDay(addDays(easterSunday(year), -2), p)).toBe(false);
      }),
    );
  });

  it('keeps Easter Monday as a working day in Scotland only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1995, max: 2099 }), (year) => {
        const monday = addDays(easterSunday(year), 1);
        expect(isWorkingDay(monday, 'scotland')).toBe(true);
        expect(isWorkingDay(monday, 'england')).toBe(false);
        expect(isWorkingDay(monday, 'northern_ireland')).toBe(false);
      }),
    );
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the date, never the date itself', () => {
    expect(addWorkingDays('2026-11-27', 1, 'england')).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-27', 1, 'scotland')).toBe('2026-12-01'); // St Andrew's Day
    expect(addWorkingDays('2026-11-30', 0, 'england')).toBe('2026-11-30');
  });

  it('lands on a working day with exactly n working days counted', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), part, (d, n, p) => {
        const end = addWorkingDays(d, n, p);
        expect(isWorkingDay(end, p)).toBe(true);
        let counted = 0;
        for (let i = 1; i <= daysBetween(d, end); i += 1) if (isWorkingDay(addDays(d, i), p)) counted += 1;
        expect(counted).toBe(n);
      }),
    );
  });
});

describe('inspectionDueDate', () => {
  it('allows five working days from receipt across Christmas and New Year, citing s117', () => {
    expect(inspectionDueDate('2026-12-24', 'england')).toEqual({ due: '2027-01-05', source: expect.stringMatching(/CA 2006 s117\(1\)/) });
    // Scotland also has 2 January, which in 2027 is a Saturday and moves to Monday 4 January.
    expect(inspectionDueDate('2026-12-24', 'scotland').due).toBe('2027-01-06');
  });
});
