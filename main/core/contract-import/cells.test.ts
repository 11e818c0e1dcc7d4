import { describe, expect, it } from 'vitest';
import { guessKind, parseCpvList, parseExtensions, parseKind, parsePounds, parseRoute, parseUkDate } from './cells';

describe('money in pounds, as spreadsheets show it', () => {
  it('reads pounds and pence into pence', () => {
    expect(parsePounds('£1,250,000.00', 'the annual value')).toEqual({ value: 125_000_000 });
    expect(parsePounds('1250000', 'x').value).toBe(125_000_000);
    expect(parsePounds('£ 1,250,000', 'x').value).toBe(125_000_000);
    expect(parsePounds('GBP 12.5', 'x').value).toBe(1250);
    expect(parsePounds('0.07', 'x').value).toBe(7);
    expect(parsePounds('10.500', 'x').value).toBe(1050);
    expect(parsePounds('£0', 'x').value).toBe(0);
  });
  it('refuses a fraction of a penny, a negative amount, another currency, shorthand and absurd sizes, saying which', () => {
    expect(parsePounds('£10.505', 'the annual value').error).toBe('The annual value of £10.505 has a fraction of a penny; enter it in whole pence (two decimal places at most).');
    expect(parsePounds('-£5,000.00', 'the annual value').error).toBe('The annual value cannot be negative (-£5,000.00).');
    expect(parsePounds('(£5,000.00)', 'the annual value').error).toMatch(/cannot be negative/);
    expect(parsePounds('€5,000', 'the annual value').error).toMatch(/in pounds sterling/);
    expect(parsePounds('£1.2m', 'the whole-life value').error).toMatch(/in full in pounds and pence, such as £1,250,000.00, not as “£1.2m”/);
    expect(parsePounds('£10,000,000,000.01', 'the whole-life value').error).toMatch(/is more than £10,000,000,000.00, larger than any public service contract: check it is in pounds, not pence/);
    expect(parsePounds('99999999999999999999', 'x').error).toMatch(/more than £10,000,000,000.00/);
    expect(parsePounds('1,25,000', 'x').error).toMatch(/is not an amount/);
    expect(parsePounds('twelve', 'x').error).toMatch(/is not an amount/);
  });
});

describe('UK dates', () => {
  it('reads day/month/year, ISO and dates in words', () => {
    expect(parseUkDate('31/03/2027', 'dmy', 'the end date').value).toBe('2027-03-31');
    expect(parseUkDate('1.4.2024', 'dmy', 'x').value).toBe('2024-04-01');
    expect(parseUkDate('2024-04-01', 'dmy', 'x').value).toBe('2024-04-01');
    expect(parseUkDate('1 April 2024', 'dmy', 'x').value).toBe('2024-04-01');
    expect(parseUkDate('1st April 2024', 'dmy', 'x').value).toBe('2024-04-01');
    expect(parseUkDate('01-Apr-2024', 'dmy', 'x').value).toBe('2024-04-01');
    expect(parseUkDate('30 Sept 2025', 'dmy', 'x').value).toBe('2025-09-30');
    expect(parseUkDate('2024-04-01 00:00', 'ymd', 'x').value).toBe('2024-04-01');
  });
  it('refuses impossible dates, two-digit years and unreadable text with what was wrong', () => {
    expect(parseUkDate('31/02/2027', 'dmy', 'the end date').error).toBe('31/02/2027 is not a real date: February 2027 has 28 days.');
    expect(parseUkDate('01/13/2027', 'dmy', 'x').error).toBe('01/13/2027 is not a real date: there is no month 13.');
    expect(parseUkDate('01/04/27', 'dmy', 'the start date').error).toMatch(/Write the year of the start date in full/);
    expect(parseUkDate('1 Apr 27', 'dmy', 'the start date').error).toMatch(/Write the year of the start date in full/);
    expect(parseUkDate('soon', 'dmy', 'the start date').error).toBe('Enter the start date as day/month/year, such as 31/03/2027 or 31 March 2027.');
    expect(parseUkDate('31/03/2027', 'ymd', 'the start date').error).toMatch(/looks like day\/month\/year/);
    expect(parseUkDate('1 Smarch 2024', 'dmy', 'the start date').error).toMatch(/“Smarch” is not a month/);
    expect(parseUkDate('45383', 'dmy', 'the start date').error).toMatch(/looks like a date the spreadsheet keeps as a number/);
  });
});

describe('lists, routes and kinds', () => {
  it('reads CPV codes separated by semicolons, commas or lines, with or without descriptions', () => {
    expect(parseCpvList('85310000-5; 85311000-2').value).toEqual(['85310000-5', '85311000-2']);
    expect(parseCpvList('85310000 - Social work services\n85311000').value).toEqual(['85310000', '85311000']);
    expect(parseCpvList('8531').error).toMatch(/“8531” is not a CPV code/);
  });
  it('reads extension options', () => {
    expect(parseExtensions('12+12').value).toEqual([12, 12]);
    expect(parseExtensions('1+1 years').value).toEqual([12, 12]);
    expect(parseExtensions('2 x 12 months').value).toEqual([12, 12]);
    expect(parseExtensions('24 months, 12 months').value).toEqual([24, 12]);
    expect(parseExtensions('None').value).toEqual([]);
    expect(parseExtensions('maybe').error).toMatch(/such as “12\+12”/);
  });
  it('reads the route in words or as stored', () => {
    expect(parseRoute('pa23_open').value).toBe('pa23_open');
    expect(parseRoute('Open procedure').value).toBe('pa23_open');
    expect(parseRoute('Reserved (s33)').value).toBe('pa23_reserved_mutual');
    expect(parseRoute('PSR direct award process C').value).toBe('psr_direct_c');
    expect(parseRoute('Reg 77').value).toBe('pcr15_reg77');
    expect(parseRoute('Dutch auction').error).toMatch(/“Dutch auction” is not a procurement route the app knows/);
    expect(parseRoute('Fancy words', { grant: ['Fancy words'] }).value).toBe('grant');
  });
  it('reads or guesses the kind of a new commissioner', () => {
    expect(parseKind('Integrated care board')).toBe('icb');
    expect(parseKind('nhs_trust')).toBe('nhs_trust');
    expect(parseKind('spaceship')).toBeNull();
    expect(guessKind('Leeds City Council', null)).toBe('council');
    expect(guessKind('NHS West Yorkshire Integrated Care Board', 'QWO')).toBe('icb');
    expect(guessKind('Leeds Teaching Hospitals NHS Trust', 'RR8')).toBe('nhs_trust');
    expect(guessKind('Riverside Hospice', null)).toBe('other');
  });
});
