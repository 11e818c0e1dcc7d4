import { describe, expect, it } from 'vitest';
import { eligibilitySchema } from './classes';
import { employeeDetailsSchema } from './members';
import { z } from 'zod';
import { emailAddress, hasAtMostTwoDecimals, legalDate, legalDateProblem, normalisePostcode, optionalText, penceAmount, requiredText, textProblem, wholeNumber } from './fields';

describe('hasAtMostTwoDecimals', () => {
  it('accepts every number of hundredths from 0 to 1000, despite binary rounding', () => {
    const refused: number[] = [];
    for (let hundredths = 0; hundredths <= 100_000; hundredths++) {
      const v = Number((hundredths / 100).toFixed(2));
      if (!hasAtMostTwoDecimals(v)) refused.push(v);
    }
    expect(refused).toEqual([]);
  });

  it('refuses a third decimal place', () => {
    for (const v of [0.001, 37.505, 66.667, 99.999]) expect(hasAtMostTwoDecimals(v), String(v)).toBe(false);
  });
});

describe('hours with two decimal places', () => {
  it('are accepted as contracted hours and as a class’s minimum hours', () => {
    for (const hours of [1.1, 22.1, 37.5, 0.07]) {
      expect(employeeDetailsSchema.safeParse({ employeeNumber: 'E1', employmentStart: '2020-01-01', weeklyHours: hours }).success, String(hours)).toBe(true);
      expect(eligibilitySchema.safeParse({ minAgeYears: null, minWeeklyHours: hours, minServiceMonths: null }).success, String(hours)).toBe(true);
    }
  });
});

describe('normalisePostcode', () => {
  it('writes UK postcodes in capitals with one space before the inward code', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode(' ls1  1aa ')).toBe('LS1 1AA');
    expect(normalisePostcode('gir0aa')).toBe('GIR 0AA');
    expect(normalisePostcode('bfpo 801')).toBe('BFPO 801');
  });

  it('refuses text that is not a UK postcode', () => {
    for (const bad of ['', 'LS1', '12345', 'QQ1 1AA', 'LS1 1AAA']) expect(normalisePostcode(bad), bad).toBeNull();
  });
});

describe('text fields refuse invisible characters', () => {
  const family = requiredText('the family name', 100);
  const note = optionalText('a note', 500);
  const message = (schema: z.ZodType, v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? null : r.error.issues[0]!.message;
  };

  it('names the field and the code point of a bidirectional override, NUL or escape', () => {
    expect(message(family, 'Smith\u202E')).toBe('The family name contains an invisible control character (U+202E); remove it.');
    expect(message(family, 'Sm\u0000ith')).toBe('The family name contains an invisible control character (U+0000); remove it.');
    expect(message(family, '\u001b[31mSmith')).toBe('The family name contains an invisible control character (U+001B); remove it.');
    expect(message(note, 'Left \u2066early\u2069')).toBe('The note contains an invisible control character (U+2066); remove it.');
    expect(message(requiredText('the given names', 100), 'Ann\u200B')).toBe('The given names contain an invisible control character (U+200B); remove it.');
    expect(message(optionalText('former names', 200), 'X\u202Ay')).toBe('There is an invisible control character (U+202A) in former names; remove it.');
  });

  it('refuses every bidirectional control, zero-width space, word joiner, byte order mark, C1 control and lone surrogate', () => {
    const refused = [
      ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
      ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
      0x200b, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0x00ad, 0x0085, 0x009b, 0x007f, 0xe0041,
    ];
    for (const cp of refused) expect(message(family, `Sm${String.fromCodePoint(cp)}ith`), cp.toString(16)).toMatch(/invisible control character/);
    expect(message(family, 'Sm\uD800ith')).toBe('The family name contains a broken character (U+D800); type that part again.');
  });

  it('keeps zero-width joiners and non-joiners, which some scripts and emoji need, and accents', () => {
    for (const ok of ['مهرداد\u200Cی', 'क्\u200Dष', 'Ní Bhriain', 'Zoë', "O'Neill-Smith", '王秀英']) expect(family.parse(ok)).toBe(ok);
  });

  it('allows line breaks and tabs only where several lines are meant', () => {
    expect(message(family, 'Smith\nJones')).toBe('The family name contains a line break; keep it to one line.');
    expect(message(family, 'Smith\tJones')).toBe('The family name contains a tab; use a space instead.');
    expect(message(optionalText('the board decision reference', 200), 'B/1\r\n2')).toBe('The board decision reference contains a line break; keep it to one line.');
    expect(note.parse('First line\r\nsecond\rthird\tend')).toBe('First line\nsecond\nthird\tend');
    expect(message(note, 'a\u2028b')).toBe('The note contains an invisible control character (U+2028); remove it.');
    expect(message(requiredText('the purpose', 1000), 'To write\u000bto members')).toMatch(/U\+000B/);
  });

  it('stores text in NFC, so a name typed with a combining accent matches one typed precomposed', () => {
    expect(family.parse('Zoe\u0308')).toBe('Zo\u00eb');
    expect(optionalText('the town', 100).parse(' Mu\u0308nchen ')).toBe('M\u00fcnchen');
  });

  it('checks e-mail addresses the same way', () => {
    const email = emailAddress();
    expect(email.parse(' a@example.org ')).toBe('a@example.org');
    expect(email.parse('')).toBeUndefined();
    expect(message(email, 'a\u202E@example.org')).toBe('The e-mail address contains an invisible control character (U+202E); remove it.');
    expect(message(email, 'not an address')).toBe('Enter an e-mail address like name@example.org.');
  });

  it('finds the first refused character in a long text quickly (an HR file checks every cell)', () => {
    expect(textProblem('x'.repeat(10_000), 'the note', 'many')).toBeNull();
    expect(textProblem(`${'x'.repeat(10_000)}\u0007`, 'the note', 'many')).toBe('The note contains an invisible control character (U+0007); remove it.');
  });
});

describe('dates out of range are real dates, refused as out of range', () => {
  it('says a date before 1800 is not accepted, not that it is not a real date', () => {
    expect(legalDateProblem('1750-01-01', 'the admission date')).toBe('Dates before 1 January 1800 are not accepted for the admission date.');
    expect(legalDate('the date of birth', { from: '1900-01-01' }).safeParse('1899-12-31').error?.issues[0]?.message).toBe(
      'Dates before 1 January 1900 are not accepted for the date of birth.',
    );
    expect(legalDateProblem('3001-01-01', 'the admission date')).toBe('Dates after 31 December 2999 are not accepted for the admission date.');
  });

  it('still calls an impossible date impossible, and accepts the range’s ends', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', 'tomorrow', '1750-02-30']) {
      expect(legalDateProblem(bad, 'the admission date'), bad).toBe('Enter the admission date as a real date (day, month and year).');
    }
    expect(legalDate('the date').parse('1800-01-01')).toBe('1800-01-01');
    expect(legalDate('the date').parse(' 2999-12-31 ')).toBe('2999-12-31');
    expect(legalDate('the date').safeParse('').error?.issues.map((i) => i.message)).toEqual(['Enter the date.']);
  });
});

describe('whole numbers and amounts', () => {
  const first = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0]?.message;

  it('says what a count must be, whatever was typed (a form reads "-5" as no number)', () => {
    const shares = wholeNumber('the number of shares', 1, 1_000_000_000);
    expect(first(shares, Number.NaN)).toBe('Enter the number of shares as a whole number of at least 1.');
    expect(first(shares, -5)).toBe('The number of shares must be a whole number of at least 1.');
    expect(first(shares, 1.5)).toBe('Enter the number of shares as a whole number of at least 1.');
    expect(first(shares, 2_000_000_000)).toBe('The number of shares must be no more than 1,000,000,000.');
    expect(first(wholeNumber('the board quorum', 1, 100), Number.NaN)).toBe('Enter the board quorum as a whole number from 1 to 100.');
  });

  it('speaks of pounds and pence for money', () => {
    const paid = penceAmount('the amount paid', 0, 1e13);
    expect(first(paid, Number.NaN)).toBe('Enter the amount paid in pounds and pence, such as 12.50.');
    expect(first(paid, -1)).toBe('The amount paid cannot be negative.');
    expect(first(penceAmount('the nominal value', 1, 100_000_000), 0)).toBe('The nominal value must be at least £0.01.');
  });
});
