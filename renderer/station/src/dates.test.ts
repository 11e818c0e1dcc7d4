import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant } from './dates';
import { createI18n } from './i18n';

const en = createI18n('en').t;
const cy = createI18n('cy').t;

describe('dates on the phone page', () => {
  it('are in the UK form in both languages, with every month named', () => {
    expect(formatDate(en, '2026-05-01')).toBe('1 May 2026');
    expect(formatDate(cy, '2026-05-01')).toBe('1 Mai 2026');
    expect(formatDate(cy, '2026-12-29')).toBe('29 Rhagfyr 2026');
    const months = Array.from({ length: 12 }, (_, i) => formatDate(cy, `2026-${String(i + 1).padStart(2, '0')}-15`).split(' ')[1]);
    expect(months).toEqual(['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr']);
  });

  it('leave something that is not a legal date as it is', () => {
    expect(formatDate(en, '2026-02-30')).toBe('2026-02-30');
  });

  it('give an instant in UK time (GMT or BST), on the UK day', () => {
    expect(formatInstant(en, '2026-01-15T23:30:00Z')).toEqual({ time: '23:30', date: '15 January 2026' });
    // 23:30 UTC in June is 00:30 the next day in London.
    expect(formatInstant(cy, '2026-06-15T23:30:00Z')).toEqual({ time: '00:30', date: '16 Mehefin 2026' });
  });
});
