import { describe, expect, it } from 'vitest';
import { CIC_TEXT, isCic, turnoutText } from './cic';
import { FROM_THE_ACCOUNTS, SOCIETY_TEXT } from './society-return';

describe('the CIC report and the society return, as the law asks', () => {
  it('applies the CIC report only to community interest companies', () => {
    expect(isCic('cic_limited_by_shares')).toBe(true);
    expect(isCic('cic_limited_by_guarantee')).toBe(true);
    expect(isCic('company_limited_by_guarantee')).toBe(false);
  });

  it('gives turnout as voted of entitled with a percentage to one place', () => {
    expect(turnoutText(2, 3)).toBe('2 of 3 (66.7%)');
    expect(turnoutText(1200, 4000)).toBe('1,200 of 4,000 (30%)');
    expect(turnoutText(0, 0)).toBe('0 of none entitled');
  });

  it('cites the regulations for each part and does not claim the dividend cap was removed', () => {
    expect(CIC_TEXT.consultation).toMatch(/reg 26\(1\)\(b\)/);
    expect(CIC_TEXT.remuneration).toMatch(/reg 26\(3\)/);
    expect(CIC_TEXT.transfers).toMatch(/reg 26\(2\)/);
    expect(CIC_TEXT.dividends).toMatch(/maximum aggregate dividend/);
    expect(CIC_TEXT.dividends).toMatch(/1 October 2014/);
    expect(SOCIETY_TEXT.annualReturn).toMatch(/s89\(1\)/);
    expect(FROM_THE_ACCOUNTS.map((a) => a.title)).toContain('Turnover (income) for the year');
  });
});
