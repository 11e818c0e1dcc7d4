import { describe, expect, it } from 'vitest';
import { nameKey } from './names';

describe('nameKey', () => {
  it('ignores case, extra spaces and the Unicode form of a name', () => {
    expect(nameKey('  LEEDS\u00a0 city\tCouncil ')).toBe('leeds city council');
    expect(nameKey('Cafe\u0301 Ltd')).toBe(nameKey('CAFÉ LTD'));
    expect(nameKey('ΟΔΟΣ ΟΔΟΣ')).toBe('οδος οδος');
  });

  it('lowers case exactly as British English does, for every code point and Greek final sigma', () => {
    // Every code point (lone surrogates aside) in runs, each run after a capital sigma so the
    // context-dependent final sigma is exercised too; the stored keys were made with en-GB.
    const runs: string[] = [];
    for (let start = 0; start <= 0x10ffff; start += 4096) {
      let s = 'Σ';
      for (let cp = start; cp < Math.min(start + 4096, 0x110000); cp++) if (cp < 0xd800 || cp > 0xdfff) s += String.fromCodePoint(cp);
      runs.push(`${s}Σ ΑΣ Σ`);
    }
    const different = runs.filter((s) => s.toLowerCase() !== s.toLocaleLowerCase('en-GB'));
    expect(different).toEqual([]);
    expect(nameKey('İstanbul ΑΣ')).toBe('İstanbul ΑΣ'.toLocaleLowerCase('en-GB'));
  });
});
