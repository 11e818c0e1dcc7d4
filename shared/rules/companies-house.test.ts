import { describe, expect, it } from 'vitest';
import { ECCTA_COMMENCEMENT, FILING_FORMS, FILING_FORM_INFO, daysToDue, dueWords, filingDeadline, identityProblem, normalisePersonalCode } from './companies-house';

describe('filingDeadline', () => {
  it('gives 14 days beginning with the day of the change once ECCTA 2023 is in force: the last day is 13 days later', () => {
    expect(filingDeadline('AP01', '2026-12-01')).toEqual({ dueOn: '2026-12-14', source: 'CA 2006 s167G: within 14 days beginning with the day of the change' });
    expect(filingDeadline('AP03', '2026-12-01').source).toMatch(/^CA 2006 s279G/);
    expect(filingDeadline('CH01', '2026-12-31')).toMatchObject({ dueOn: '2027-01-13' });
    expect(filingDeadline('PSC01', ECCTA_COMMENCEMENT)).toEqual({
      dueOn: '2025-12-01',
      source: 'CA 2006 s790LA: within 14 days beginning with the day of the company’s confirmation of the change',
    });
  });

  it('keeps the old "14 days from" rule for a change made before 18 November 2025', () => {
    expect(filingDeadline('AP01', '2025-11-17')).toEqual({ dueOn: '2025-12-01', source: 'CA 2006 s167(1) as it stood before 18 November 2025: within 14 days from the change' });
    expect(filingDeadline('TM02', '2024-04-01').source).toMatch(/s276\(1\)/);
    expect(filingDeadline('PSC07', '2024-04-01')).toMatchObject({ dueOn: '2024-04-29' });
  });

  it('has a title, a kind and a source for every form', () => {
    for (const f of FILING_FORMS) {
      expect(FILING_FORM_INFO[f].title.length, f).toBeGreaterThan(5);
      expect(FILING_FORM_INFO[f].source, f).toMatch(/^CA 2006 /);
    }
    expect(FILING_FORMS.filter((f) => FILING_FORM_INFO[f].kind === 'psc')).toEqual(['PSC01', 'PSC02', 'PSC07', 'PSC08', 'PSC09']);
  });
});

describe('dueWords', () => {
  it('says how long is left, or how long overdue, across month ends', () => {
    expect(daysToDue('2026-12-14', '2026-11-30')).toBe(14);
    expect(dueWords('2026-12-14', '2026-12-13')).toBe('Due in 1 day (14 December 2026)');
    expect(dueWords('2026-12-14', '2026-12-14')).toBe('Due today (14 December 2026)');
    expect(dueWords('2026-12-14', '2026-12-15')).toBe('Overdue by 1 day (was due 14 December 2026)');
    expect(dueWords('2026-02-28', '2026-03-03')).toBe('Overdue by 3 days (was due 28 February 2026)');
  });
});

describe('normalisePersonalCode', () => {
  it('accepts 11 letters and numbers, however grouped, and writes them in three groups in capitals', () => {
    expect(normalisePersonalCode('FT5-15ED-7JY5')).toBe('FT5-15ED-7JY5');
    expect(normalisePersonalCode(' ft515ed7jy5 ')).toBe('FT5-15ED-7JY5');
    expect(normalisePersonalCode('FT5 15ED 7JY5')).toBe('FT5-15ED-7JY5');
  });

  it('refuses anything that is not 11 letters and numbers', () => {
    for (const bad of ['', 'FT5-15ED-7JY', 'FT5-15ED-7JY55', 'FT5_15ED_7JY5', 'FT5-15ÉD-7JY5']) expect(normalisePersonalCode(bad), bad).toBeNull();
  });
});

describe('identityProblem', () => {
  it('warns about an unverified director since 18 November 2025, citing s167M', () => {
    expect(identityProblem({ name: 'Priya Shah', verifiedOn: null }, '2026-11-30')).toMatch(/^Priya Shah’s identity is not recorded as verified\. Since 18 November 2025 .* \(CA 2006 s167M\)/);
    expect(identityProblem({ name: 'Priya Shah', verifiedOn: '2026-01-05' }, '2026-11-30')).toBeNull();
    expect(identityProblem({ name: 'Priya Shah', verifiedOn: null }, '2025-11-17')).toBeNull();
  });
});
