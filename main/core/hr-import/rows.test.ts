import { describe, expect, it } from 'vitest';
import type { MembershipClassRow } from '../db/schema';
import { parseCsv } from './csv';
import { suggestMapping } from './mapping';
import { validateRows } from './rows';

function cls(name: string, employee = true): MembershipClassRow {
  return {
    id: `id-${name}`,
    organisation_id: 'org',
    name,
    name_key: name.toLowerCase(),
    description: null,
    voting_rights: 'per_member',
    votes_per_member: 1,
    is_employee_class: employee ? 1 : 0,
    min_age_years: null,
    min_weekly_hours_centi: null,
    min_service_months: null,
    share_nominal_pence: null,
    share_withdrawable: null,
    share_transferable: null,
    share_max_holding: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  };
}
const EMPLOYEE = cls('Employee');
const CLASSES = new Map([EMPLOYEE, cls('Associate'), cls('Supporter', false)].map((c) => [c.name_key, c]));
const HEADER = 'Employee No,Forename,Surname,Email,Date of Birth,Address Line 1,Town,Post Code,Department/Service,Start Date,Leaving Date,Contracted Hours,Membership Class';
const GOOD = 'E100,Ann,Lee,ann@example.org,02/03/1980,1 High St,Leeds,ls1 4ap,Libraries,01/04/2020,,37.5,';

async function check(lines: string[], dateFormat: 'dmy' | 'ymd' = 'dmy') {
  const { headers, rows } = await parseCsv([HEADER, ...lines].join('\n'));
  return validateRows(rows, { headers, mapping: suggestMapping(headers), dateFormat, classesByKey: CLASSES, defaultClass: EMPLOYEE, today: '2026-05-01' });
}

describe('validateRows', () => {
  it('turns a good row into register form: trimmed, normalised, dates as YYYY-MM-DD, hours in hundredths', async () => {
    const { records, issues, rejectedRows } = await check([' e100 ,  Ann   Marie ,Lee,ann@example.org,02/03/1980,1 High St,Leeds,ls1 4ap,Libraries,01/04/2020,,37.5,associate']);
    expect(issues).toEqual([]);
    expect(rejectedRows).toBe(0);
    expect(records).toEqual([
      {
        line: 2,
        employeeNumber: 'E100',
        givenNames: 'Ann Marie',
        familyName: 'Lee',
        email: 'ann@example.org',
        dateOfBirth: '1980-03-02',
        addressLine1: '1 High St',
        addressLine2: null,
        town: 'Leeds',
        postcode: 'LS1 4AP',
        serviceArea: 'Libraries',
        employmentStart: '2020-04-01',
        employmentEnd: null,
        weeklyHoursCenti: 3750,
        cls: CLASSES.get('associate'),
        split: null,
      },
    ]);
  });

  it('refuses invisible control characters in any text cell, naming the code point, and a date of birth over 120 years ago', async () => {
    const { issues, records } = await check([
      GOOD.replace(',Lee,', ',Lee\u202E,'),
      GOOD.replace('E100', 'E101').replace('1 High St', '1 High\u0000 St'),
      GOOD.replace('E100', 'E102').replace('02/03/1980', '01/01/1800'),
      GOOD.replace('E100', 'E1\u200B03'),
      GOOD.replace('E100', 'E104').replace('Ann', 'Zoe\u0308'),
    ]);
    expect(issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [2, 'Surname', 'The family name contains an invisible control character (U+202E); remove it.'],
      [3, 'Address Line 1', 'The first line of the address contains an invisible control character (U+0000); remove it.'],
      [4, 'Date of Birth', 'A date of birth of 1 January 1800 would make them 226 today; ages over 120 are not accepted, so check the year.'],
      [5, 'Employee No', 'The employee number contains an invisible control character (U+200B); remove it.'],
    ]);
    expect(records.map((r) => r.givenNames)).toEqual(['Zo\u00eb']);
  });

  it('rejects each bad value with its line, the column heading, the value and the reason', async () => {
    const { records, issues, rejectedRows } = await check([
      GOOD,
      'E101,Bea,Lee,,02/03/1980,1 High St,Leeds,LS1 4AP,,31/02/2024,,37.5,',
      'E102,Cal,,,,1 High St,Leeds,,,01/04/2020,,,',
      'E103,Dee,Ray,not-an-email,,1 High St,Leeds,NOT A CODE,,01/04/2020,,thirty,',
      'E104,Eve,Ng,,,1 High St,Leeds,,,01/04/2020,,37.555,Volunteers',
      'E105,Fay,Ode,,,1 High St,Leeds,,,01/04/2020,01/03/2020,200,Supporter',
      ',Gus,Pym,,,,Leeds,,,,,,',
    ]);
    expect(records.map((r) => r.employeeNumber)).toEqual(['E100']);
    expect(rejectedRows).toBe(6);
    expect(issues).toEqual([
      { line: 3, column: 'Start Date', value: '31/02/2024', reason: '31/02/2024 is not a real date: February 2024 has 29 days.' },
      { line: 4, column: 'Surname', value: '', reason: 'Enter the family name.' },
      { line: 5, column: 'Email', value: 'not-an-email', reason: 'Enter an e-mail address like name@example.org.' },
      { line: 5, column: 'Post Code', value: 'NOT A CODE', reason: 'Enter a UK postcode, such as SW1A 1AA, or leave it empty for an address abroad.' },
      { line: 5, column: 'Contracted Hours', value: 'thirty', reason: 'Enter the contracted hours a week as a number, such as 37.5.' },
      { line: 6, column: 'Contracted Hours', value: '37.555', reason: 'Use at most two decimal places for the hours.' },
      {
        line: 6,
        column: 'Membership Class',
        value: 'Volunteers',
        reason: 'There is no membership class called “Volunteers”: use Employee or Associate, or leave the cell empty for the Employee class.',
      },
      { line: 7, column: 'Leaving Date', value: '01/03/2020', reason: 'Employment cannot end before it started.' },
      { line: 7, column: 'Contracted Hours', value: '200', reason: 'There are only 168 hours in a week.' },
      { line: 7, column: 'Membership Class', value: 'Supporter', reason: 'The Supporter class is not an employee class, so people from the HR file cannot be entered in it.' },
      { line: 8, column: 'Employee No', value: '', reason: 'Enter the employee number.' },
      { line: 8, column: 'Address Line 1', value: '', reason: 'Enter the first line of the address.' },
      { line: 8, column: 'Start Date', value: '', reason: 'Enter the employment start date.' },
    ]);
  });

  it('refuses every copy of an employee number that appears more than once, naming the other lines', async () => {
    const { records, issues, rejectedRows } = await check([GOOD, GOOD.replace('E100', 'E200'), GOOD.replace('Ann', 'Anne'), GOOD]);
    expect(records.map((r) => r.employeeNumber)).toEqual(['E200']);
    expect(rejectedRows).toBe(3);
    expect(issues).toEqual([
      { line: 2, column: 'Employee No', value: 'E100', reason: 'Employee number E100 is also on lines 4 and 5; keep one row for each employee.' },
      { line: 4, column: 'Employee No', value: 'E100', reason: 'Employee number E100 is also on lines 2 and 5; keep one row for each employee.' },
      { line: 5, column: 'Employee No', value: 'E100', reason: 'Employee number E100 is also on lines 2 and 4; keep one row for each employee.' },
    ]);
  });

  it('treats employee numbers alike whatever their case or spacing, as the register does', async () => {
    const { issues } = await check([GOOD, GOOD.replace('E100', ' e100')]);
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [2, 'Employee number E100 is also on line 3; keep one row for each employee.'],
      [3, 'Employee number E100 is also on line 2; keep one row for each employee.'],
    ]);
  });

  it('refuses a future date of birth, a row with more values than headings, and an unclosed quote', async () => {
    const { issues } = await check([
      GOOD.replace('02/03/1980', '02/03/2030'),
      `${GOOD.replace('E100', 'E300')},extra`,
      'E400,"Hal,Ng,,,1 High St,Leeds,,,01/04/2020,,,',
    ]);
    expect(issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [2, 'Date of Birth', 'A date of birth cannot be in the future (today is 1 May 2026).'],
      [3, '(the whole row)', 'The row has 14 values but the heading row has 13: a value containing a comma must be in quotation marks.'],
      [4, '(the whole row)', expect.stringMatching(/quotation mark in this row is not closed/)],
    ]);
  });

  it('reads dates in the year-month-day format when that is chosen', async () => {
    const { records, issues } = await check(['E1,Ann,Lee,,1980-03-02,1 High St,Leeds,,,2020-04-01,2026-04-30,,'], 'ymd');
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ dateOfBirth: '1980-03-02', employmentStart: '2020-04-01', employmentEnd: '2026-04-30' });
  });
});

describe('validateRows with a full-name column and a whole-address column', () => {
  const HEAD = 'Employee No,Name,Address,Start Date';
  async function checkCombined(lines: string[], header = HEAD) {
    const { headers, rows } = await parseCsv([header, ...lines].join('\n'));
    const mapping = suggestMapping(headers);
    return { mapping, ...(await validateRows(rows, { headers, mapping, dateFormat: 'dmy', classesByKey: CLASSES, defaultClass: EMPLOYEE, today: '2026-05-01' })) };
  }

  it('splits each into the register’s particulars and keeps how, for the plan', async () => {
    const { mapping, records, issues } = await checkCombined(['E1,"Okafor, Amelia","4 Mill Lane, Derby DE1 3AB",01/04/2020', 'E2,Rhys Pritchard,"Flat 2, 9 Park Avenue, Leeds, ls81ab",01/04/2020']);
    expect(mapping).toMatchObject({ fullName: 'Name', wholeAddress: 'Address', givenNames: null, familyName: null, addressLine1: null, town: null });
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.givenNames, r.familyName, r.addressLine1, r.addressLine2, r.town, r.postcode])).toEqual([
      ['Amelia', 'Okafor', '4 Mill Lane', null, 'Derby', 'DE1 3AB'],
      ['Rhys', 'Pritchard', 'Flat 2', '9 Park Avenue', 'Leeds', 'LS8 1AB'],
    ]);
    expect(records[0]!.split).toEqual({
      name: { from: 'Okafor, Amelia', givenNames: 'Amelia', familyName: 'Okafor' },
      address: { from: '4 Mill Lane, Derby DE1 3AB', line1: '4 Mill Lane', line2: null, town: 'Derby', postcode: 'DE1 3AB', leftOut: null },
    });
  });

  it('rejects the rows it cannot split, against the one column, with the reason', async () => {
    const { issues, records } = await checkCombined(['E1,Cher,"4 Mill Lane, Derby DE1 3AB",01/04/2020', 'E2,Rhys Pritchard,4 Mill Lane Derby DE1 3AB,01/04/2020', 'E3,Ann Lee,"1 Road, Leeds",01/04/2020']);
    expect(records).toEqual([]);
    expect(issues.map((i) => [i.line, i.column, i.value, i.reason])).toEqual([
      [2, 'Name', 'Cher', '“Cher” is one name; the register needs given names and a family name, so write both, or map separate columns.'],
      [3, 'Address', '4 Mill Lane Derby DE1 3AB', 'The street and the town are not separated (4 Mill Lane Derby); put a comma between them, as in “4 Mill Lane, Derby DE1 3AB”.'],
      [4, 'Address', '1 Road, Leeds', expect.stringMatching(/^No UK postcode at the end of the address/)],
    ]);
  });

  it('takes the postcode from its own column when there is one', async () => {
    const { records, mapping } = await checkCombined(['E1,Ann Lee,"1 Road, Leeds",ls1 4ap,01/04/2020'], 'Employee No,Name,Address,Postcode,Start Date');
    expect(mapping).toMatchObject({ wholeAddress: 'Address', postcode: 'Postcode' });
    expect(records.map((r) => [r.addressLine1, r.town, r.postcode])).toEqual([['1 Road', 'Leeds', 'LS1 4AP']]);
  });
});
