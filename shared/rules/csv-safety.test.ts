import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, visibleText } from './csv-safety';

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as a formula (CWE-1236)', () => {
    for (const cell of ['=SUM(A1:A2)', '+44 113 496 0000', '-2', '@cmd', '\t=1+1', '\r=1+1', '=HYPERLINK("http://example.com")']) {
      expect(neutraliseCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves ordinary text, dates, numbers and the empty cell alone', () => {
    for (const cell of ['Jane Smith', '2026-11-28', '42', '£100.00', '', ' =not at start', "'already quoted", 'a=b']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('writes an invisible character saved before text was checked as a visible U+FFFD, keeping tabs and line breaks', () => {
    expect(neutraliseCell('Smith\u202E')).toBe('Smith\uFFFD');
    expect(neutraliseCell('Ann\u0000e')).toBe('Ann\uFFFDe');
    expect(neutraliseCell('\u202E=1+1')).toBe('\uFFFD=1+1');
    expect(neutraliseCell('line one\nline two')).toBe('line one\nline two');
    expect(visibleText('Zoë\u200B Ng')).toBe('Zoë\uFFFD Ng');
    // Joiners belong to scripts and emoji, so they stay.
    expect(visibleText('\u0645\u200C\u06CC')).toBe('\u0645\u200C\u06CC');
  });

  it('never leaves a cell starting with a formula character or holding an invisible one, and changes nothing else', () => {
    const invisible = /(?![\t\n\r])\p{Cc}|[\p{Cs}\u2028\u2029\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cell) => {
        const out = neutraliseCell(cell);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(invisible.test(out)).toBe(false);
        if (!invisible.test(cell)) expect(out === cell || out === `'${cell}`).toBe(true);
      }),
    );
  });
});
