import { describe, expect, it } from 'vitest';
import cy from './locales/cy.json';
import en from './locales/en.json';

// The two resource files say the same things: the same keys (a plural key has the forms its
// language needs: English one and other, Welsh zero, one, two, few, many and other), the same
// values interpolated, no empty string, and every key the page's code names exists.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The page's own source files, as text (Vite's glob import: no file system access needed). */
const SOURCES = import.meta.glob<string>(['./**/*.ts', './**/*.tsx'], { query: '?raw', import: 'default', eager: true });

const SECTIONS = new Set(Object.keys(en));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const languages = { en: flatten(en as Tree), cy: flatten(cy as Tree) };
const baseOf = (key: string) => key.replace(PLURAL, '');
const variables = (s: string) => new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));

describe('the English and Welsh resource files', () => {
  it('have exactly the same keys (a plural counted once)', () => {
    const en = new Set([...languages.en.keys()].map(baseOf));
    const cy = new Set([...languages.cy.keys()].map(baseOf));
    expect([...cy].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !cy.has(k))).toEqual([]);
    expect(en.size).toBeGreaterThan(150);
  });

  it.each(['en', 'cy'] as const)('give each plural in %s every form the language needs, and nothing else', (lang) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.sort();
    expect(needed.length).toBe(lang === 'cy' ? 6 : 2);
    const forms = new Map<string, string[]>();
    for (const key of languages[lang].keys()) {
      const m = PLURAL.exec(key);
      if (m) forms.set(baseOf(key), [...(forms.get(baseOf(key)) ?? []), m[1]!]);
    }
    expect(forms.size).toBeGreaterThan(5);
    for (const [base, have] of forms) expect([base, have.sort()]).toEqual([base, needed]);
    // A plural is never also a plain key (i18next would use one or the other).
    for (const base of forms.keys()) expect(languages[lang].has(base)).toBe(false);
  });

  it.each(['en', 'cy'] as const)('have no empty or untranslated-looking string in %s', (lang) => {
    for (const [key, value] of languages[lang]) {
      expect([key, value.trim().length > 0]).toEqual([key, true]);
      expect([key, /TODO|FIXME|XXX/.test(value)]).toEqual([key, false]);
    }
  });

  it('interpolate the same values in both languages (a plural form may say its count in words)', () => {
    for (const [key, english] of languages.en) {
      const base = baseOf(key);
      const welshForms = [...languages.cy].filter(([k]) => baseOf(k) === base).map(([, v]) => v);
      const want = new Set([...variables(english)].filter((v) => v !== 'count'));
      for (const welsh of welshForms) expect([key, [...variables(welsh)].filter((v) => v !== 'count').sort()]).toEqual([key, [...want].sort()]);
    }
  });

  it('are different languages: most Welsh strings differ from the English', () => {
    const same = [...languages.cy].filter(([k, v]) => languages.en.get(k) === v).map(([k]) => k);
    // Only what is the same in both: the date pattern, the list separator, the placeholders-only strings.
    expect(same.sort()).toEqual(['date.long', 'list.separator']);
  });

  it('hold every key the page names in its code', () => {
    const named = new Set<string>();
    for (const [file, text] of Object.entries(SOURCES)) {
      if (file.endsWith('.test.ts')) continue;
      // Every quoted 'section.key' whose section is one of the files' (keys built from parts are
      // checked by questions.test.ts, which says every question's messages in both languages).
      for (const m of text.matchAll(/'([a-zA-Z]+)\.([a-zA-Z_]+)'/g)) if (SECTIONS.has(m[1]!)) named.add(`${m[1]}.${m[2]}`);
    }
    expect(named.size).toBeGreaterThan(80);
    const keys = new Set([...languages.en.keys()].map(baseOf));
    expect([...named].filter((k) => !keys.has(k))).toEqual([]);
  });
});
