import { describe, expect, it } from 'vitest';
import { choiceFromTyping, exactMatch, linkInput, nameKey, rankMatches } from './link-choice';

const orgs = [
  { id: 'a', name: 'Derby City Council', ods: null },
  { id: 'b', name: 'Riverside Borough Council', ods: null },
  { id: 'c', name: 'Riverside Hospice', ods: null },
  { id: 'd', name: 'Leeds Teaching Hospitals NHS Trust', ods: 'RR8' },
  { id: 'e', name: 'NHS West Yorkshire ICB', ods: 'QWO' },
];
const words = (o: (typeof orgs)[number]) => [o.name, o.ods];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('nameKey', () => {
  it('compares names without case or extra spaces, as the core does', () => {
    expect(nameKey('  Leeds  City\tcouncil ')).toBe('leeds city council');
    expect(nameKey('Cafe\u0301')).toBe(nameKey('Café'));
  });
});

describe('rankMatches', () => {
  it('puts names that begin with the words first, then names with a word that begins with them, then any that contain them', () => {
    expect(ids(rankMatches(orgs, 'riv', words, 10))).toEqual(['b', 'c']);
    expect(ids(rankMatches(orgs, 'council', words, 10))).toEqual(['a', 'b']);
    expect(ids(rankMatches(orgs, 'nhs', words, 10))).toEqual(['e', 'd']);
    expect(ids(rankMatches(orgs, 'ouncil', words, 10))).toEqual(['a', 'b']);
  });
  it('finds an NHS body by its ODS code, ignores case and spacing, and stops at the limit', () => {
    expect(ids(rankMatches(orgs, 'rr8', words, 10))).toEqual(['d']);
    expect(ids(rankMatches(orgs, 'RIVERSIDE   borough', words, 10))).toEqual(['b']);
    expect(ids(rankMatches(orgs, 'i', words, 2))).toHaveLength(2);
  });
  it('offers the first entries when nothing is typed, and none when nothing matches', () => {
    expect(ids(rankMatches(orgs, '  ', words, 3))).toEqual(['a', 'b', 'c']);
    expect(rankMatches(orgs, 'Sheffield', words, 10)).toEqual([]);
  });
});

describe('exactMatch and choiceFromTyping', () => {
  it('links words that are exactly a name on the list, without case or spacing', () => {
    expect(exactMatch(orgs, 'riverside  borough council', (o) => o.name)?.id).toBe('b');
    expect(choiceFromTyping(orgs, 'Riverside Borough Council ', (o) => o.name)).toEqual({ id: 'b', text: 'Riverside Borough Council ' });
  });
  it('keeps words that are only part of a name, or name nothing, unlinked', () => {
    expect(choiceFromTyping(orgs, 'Riverside', (o) => o.name)).toEqual({ id: null, text: 'Riverside' });
    expect(choiceFromTyping(orgs, 'Sheffield City Council', (o) => o.name)).toEqual({ id: null, text: 'Sheffield City Council' });
    expect(choiceFromTyping(undefined, 'Derby City Council', (o: { id: string; name: string }) => o.name).id).toBeNull();
  });
  it('links nothing when two entries share the words (two contracts with one reference)', () => {
    expect(exactMatch([{ id: 'x', name: 'REF/1' }, { id: 'y', name: 'ref/1' }], 'REF/1', (o) => o.name)).toBeNull();
  });
});

describe('linkInput', () => {
  it('sends the link only with words that are not empty', () => {
    expect(linkInput({ id: 'b', text: 'Riverside Borough Council' })).toEqual({ text: 'Riverside Borough Council', id: 'b' });
    expect(linkInput({ id: 'b', text: '  ' })).toEqual({ text: '  ', id: undefined });
    expect(linkInput({ id: null, text: 'Sheffield' })).toEqual({ text: 'Sheffield', id: undefined });
  });
});
