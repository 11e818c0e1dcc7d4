import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extraNameTokens, foldText, foldUnicode, givenKey, nameParts, prefixUpperBound, sortKey } from './fold';

describe('foldText', () => {
  it('finds Émilie when a secretary types emilie', () => {
    expect(foldText('Émilie')).toBe('emilie');
    expect(foldText('Zoë')).toBe('zoe');
    expect(foldText('Seán')).toBe('sean');
    expect(foldText('Łukasz Wiśniewska')).toBe('lukasz wisniewska');
    expect(foldText('Søren Østergaard')).toBe('soren ostergaard');
    expect(foldText('Müller-Schäfer')).toBe('mullerschafer');
    expect(foldText('Straße')).toBe('strasse');
  });

  it("drops apostrophes and hyphens so O'Brien and OBrien are one name", () => {
    expect(foldText("O'Brien")).toBe('obrien');
    expect(foldText('O’Brien')).toBe('obrien');
    expect(foldText('Smith-Jones')).toBe('smithjones');
  });

  it('keeps the characters of e-mail addresses and collapses other separators', () => {
    expect(foldText('  Jean.Dupont+board@Example.org ')).toBe('jean.dupont+board@example.org');
    expect(foldText('de  la\tCruz')).toBe('de la cruz');
  });

  it('gives the same answer on the quick ASCII path as on the general one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (s) => {
        expect(foldText(s)).toBe(foldUnicode(s));
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('name keys', () => {
  it('sorts by family name then given names, with a space before any letter', () => {
    expect(sortKey('Dubois', 'Émilie')).toBe('dubois emilie');
    expect(sortKey('Smith', 'John') < sortKey('Smithson', 'Anna')).toBe(true);
    expect(givenKey('Dubois', 'Émilie')).toBe('emilie dubois');
  });

  it('offers the later parts of multi-part names as extra search words', () => {
    expect(nameParts('Smith-Jones')).toEqual(['smith', 'jones']);
    expect(extraNameTokens('Smith-Jones', 'Mary Anne')).toEqual(['anne', 'jones']);
    expect(extraNameTokens('Dubois', 'Émilie')).toEqual([]);
  });

  it('bounds a prefix range so every key starting with it falls inside', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), (prefix, rest) => {
        const key = foldText(prefix + rest);
        const p = foldText(prefix);
        if (key.startsWith(p)) expect(key >= p && key < prefixUpperBound(p)).toBe(true);
      }),
    );
  });
});
