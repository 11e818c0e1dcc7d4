import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from './index';
import { defineMethods, mergeRegistries, method } from './method';
import { z } from 'zod';

const dir = __dirname;
const NOT_CONTRACT_FILES = new Set(['index.ts', 'method.ts', 'fields.ts']);
const camel = (file: string) => file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the contract layout', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_CONTRACT_FILES.has(f));

  it('has one method prefix per file, and the file is named after it', () => {
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const prefixes = [...text.matchAll(/defineMethods\('([A-Za-z]+)'/g)].map((m) => m[1]);
      expect(prefixes, `${file} defines methods under one prefix`).toHaveLength(1);
      expect(prefixes[0], `${file} is named after its prefix`).toBe(camel(file));
    }
  });

  it('lists every contract file in the registry', () => {
    const prefixes = new Set(METHOD_NAMES.map((n) => n.split('.')[0]));
    expect([...prefixes].sort()).toEqual(files.map(camel).sort());
  });

  it('names every method <prefix>.<action>', () => {
    // An action may carry a section number of the law it applies (contractReports.s33Check).
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/);
    expect(Object.keys(contract).length).toBe(METHOD_NAMES.length);
  });

  it('refuses a method whose name does not carry the file’s prefix', () => {
    const spec = method({ kind: 'query', summary: '', input: z.object({}), output: z.null() });
    expect(() => defineMethods('members', { 'member.get': spec } as never)).toThrow(/members\.<action>/);
    expect(() => defineMethods('members', { 'members.a.b': spec } as never)).toThrow(/members\.<action>/);
  });

  it('refuses a name defined twice instead of letting the later one win', () => {
    expect(() => mergeRegistries('contract methods', { 'a.x': 1 }, { 'a.y': 2 }, { 'a.x': 3 })).toThrow('Two contract methods are named “a.x”');
    expect(mergeRegistries('handlers', { 'a.x': 1 }, { 'a.y': 2 })).toEqual({ 'a.x': 1, 'a.y': 2 });
  });
});
