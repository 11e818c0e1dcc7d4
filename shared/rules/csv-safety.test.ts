import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './csv-safety';

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as a formula (CWE-1236)', () => {
    for (const cell of ['=SUM(A1:A2)', '+44 113 496 0000', '-2', '@cmd', '\t=1+1', '\r=1+1', '=HYPERLINK("http://example.com")']) {
      expect(neutraliseCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves ordinary text, dates, numbers and the empty cell alone', () => {
    for (const cell of ['Jane Smith', '2026-11-28', '42', '£100.00', '', ' =not at start', "'already quoted", 'a=b']) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('never leaves a cell starting with a formula character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const out = neutraliseCell(cell);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === cell || out === `'${cell}`).toBe(true);
      }),
    );
  });
});
