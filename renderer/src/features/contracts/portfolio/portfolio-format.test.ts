import { describe, expect, test } from 'vitest';
import { commissionerSentence, compactPounds, wholePounds, concentrationSentence, endingRows, endingSentence, serviceSentence, shareText, topWithOthers } from './portfolio-format';

describe('portfolio figures', () => {
  test('keeps the largest rows and gathers the rest into one bar, so the chart stays legible', () => {
    const rows = [
      { name: 'Leeds City Council', pence: 500 },
      { name: 'Bradford Council', pence: 300 },
      { name: 'Wakefield Council', pence: 100 },
      { name: 'Kirklees Council', pence: 50 },
      { name: 'Calderdale Council', pence: 25 },
    ];
    expect(topWithOthers(rows, 3)).toEqual([
      { name: 'Leeds City Council', pence: 500 },
      { name: 'Bradford Council', pence: 300 },
      { name: 'All others (3)', pence: 175, others: true },
    ]);
    // Nothing gathered when every row fits; largest first.
    expect(topWithOthers(rows.slice(0, 3).reverse(), 3).map((r) => r.name)).toEqual(['Leeds City Council', 'Bradford Council', 'Wakefield Council']);
  });

  test('pounds on an axis are short; the tables give them in full', () => {
    expect(compactPounds(0)).toBe('£0');
    expect(compactPounds(90_000)).toBe('£900');
    expect(compactPounds(4_500_000)).toBe('£45k');
    expect(compactPounds(120_000_000)).toBe('£1.2m');
    expect(compactPounds(2_500_000_000)).toBe('£25m');
    expect(compactPounds(300_000_000_000)).toBe('£3bn');
  });

  test('headline figures are whole pounds', () => {
    expect(wholePounds(214_500_000)).toBe('£2,145,000');
    expect(wholePounds(149)).toBe('£1');
    expect(wholePounds(-250)).toBe('-£3');
  });

  test('shares read as percentages to one decimal place', () => {
    expect(shareText(0.4231)).toBe('42.3%');
    expect(shareText(0.5)).toBe('50%');
    expect(shareText(1)).toBe('100%');
  });

  test('contracts ending within 6, 12 and 18 months', () => {
    const ending = { within6: 1, within12: 3, within18: 4, within6Pence: 100_00, within12Pence: 500_00, within18Pence: 900_00 };
    expect(endingRows(ending).map((r) => [r.label, r.contracts, r.pence])).toEqual([
      ['Within 6 months', 1, 10000],
      ['Within 12 months', 3, 50000],
      ['Within 18 months', 4, 90000],
    ]);
    expect(endingSentence(ending)).toBe(
      'Within 6 months: 1 contract worth £100.00 a year; within 12 months: 3 contracts worth £500.00 a year; within 18 months: 4 contracts worth £900.00 a year.',
    );
  });

  test('each chart has a sentence that says what it shows', () => {
    const p = {
      annualIncomePence: 1_000_000_00,
      byCommissioner: [
        { counterpartyId: 'a', name: 'Bradford Council', annualPence: 250_000_00, contracts: 1, share: 0.25 },
        { counterpartyId: 'b', name: 'Leeds City Council', annualPence: 750_000_00, contracts: 2, share: 0.75 },
      ],
      byService: [{ code: '85310000-5', description: 'Social work services', annualPence: 1_000_000_00, contracts: 3 }],
    };
    expect(commissionerSentence(p)).toBe('2 commissioners pay £1,000,000.00 a year in all; Leeds City Council pays the most, £750,000.00 (75%).');
    expect(serviceSentence(p)).toBe('Income comes from one service category; the largest is Social work services (85310000-5), £1,000,000.00 a year.');
    expect(commissionerSentence({ annualIncomePence: 0, byCommissioner: [] })).toBe('No contract brings in income on this date.');
  });

  test('the concentration risk in words', () => {
    expect(concentrationSentence({ largestShare: 0.75, largestCommissioner: 'Leeds City Council', annualIncomePence: 1_000_000_00 })).toBe(
      'Leeds City Council pays 75% of annual contract income: half or more of the mutual’s contract income. Losing that commissioner would take away £750,000.00 a year.',
    );
    expect(concentrationSentence({ largestShare: 0.25, largestCommissioner: 'Bradford Council', annualIncomePence: 400_00 })).toContain('a quarter or more');
    expect(concentrationSentence({ largestShare: 1, largestCommissioner: 'Bradford Council', annualIncomePence: 400_00 })).toContain('all of the mutual’s contract income');
    expect(concentrationSentence({ largestShare: 0, largestCommissioner: null, annualIncomePence: 0 })).toBe('There is no contract income on this date, so no concentration to measure.');
  });
});
