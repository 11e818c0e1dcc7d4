import { z } from 'zod';
import { daysInMonth, formatLegalDate } from '../rules/legal-date';
import { formatPence } from '../rules/shareholding';

/** Reusable field schemas with messages written for a secretary, not a developer. */

/**
 * Whether a text field is one line (names, address lines, references, anything typed in an
 * `<input>`) or several (notes, purposes, descriptions, an inspection requester's address,
 * typed in a `<textarea>`). One-line text may hold no tab or line break: it is printed in a
 * register's cell and written to a CSV field, where either would break the layout. By default a
 * field with room for more than 300 characters is several lines: every textarea in the app
 * allows 400 or more, and every one-line field 300 or fewer.
 */
export type TextLines = 'one' | 'many';
const linesFor = (max: number, lines?: TextLines): TextLines => lines ?? (max > 300 ? 'many' : 'one');

/**
 * Characters no register entry should hold, whatever the field: C0 and C1 control characters
 * (NUL, escape, …), invisible formatting characters (general category Cf: the bidirectional
 * embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F
 * and U+061C, zero-width space U+200B, word joiner U+2060, byte order mark U+FEFF, soft hyphen,
 * tag characters), lone surrogates, the line and paragraph separators U+2028/U+2029 and the
 * non-characters U+FFFE/U+FFFF. They are invisible on screen, so a name could read one way and
 * sort, search, print or export another (a right-to-left override turns "Smith" in a CSV into
 * text that displays backwards), and NUL ends a string in many programs that read the export.
 * Zero-width joiner and non-joiner (U+200D, U+200C) are letters' business in Persian, Indic
 * scripts and emoji, so they are kept.
 */
const REFUSED = /[\p{Cc}\p{Cs}\u2028\u2029\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/u;
const REFUSED_IN_LINES = /(?![\t\n])\p{Cc}|[\p{Cs}\u2028\u2029\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "the family name" → "The family name contains"; "former names" → "There is … in former names". */
function sentence(what: string, finding: string): string {
  const m = /^(an?|the|their|its|your) (.*)$/i.exec(what);
  if (m) {
    const verb = /names$/.test(m[2]!) ? 'contain' : 'contains';
    return `${m[1]!.toLowerCase().startsWith('a') ? 'The' : capitalise(m[1]!)} ${m[2]} ${verb} ${finding}`;
  }
  return `There is ${finding} in ${what}`;
}

/**
 * NFC (so "é" typed as e + combining accent and "é" typed as one character are the same name
 * when searched, sorted and compared) and, where several lines are allowed, one kind of line
 * ending (CR LF and CR become LF).
 */
export function normaliseText(value: string, lines: TextLines): string {
  const v = value.normalize('NFC');
  return lines === 'many' && v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v;
}

/**
 * Why this text cannot be saved in a field called `what`, or null: an invisible control or
 * formatting character, named by its code point, or a tab or line break in one-line text. The
 * same check runs on every text field of the contract and on every text cell of an HR import.
 *
 * @example
 * textProblem('Smith\u202E', 'the family name', 'one') // 'The family name contains an invisible control character (U+202E); remove it.'
 */
export function textProblem(value: string, what: string, lines: TextLines): string | null {
  const refused = lines === 'many' ? REFUSED_IN_LINES : REFUSED;
  const m = refused.exec(value);
  if (!m) return null;
  const ch = m[0];
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\v' || ch === '\f') {
    return lines === 'one' ? `${sentence(what, 'a line break')}; keep it to one line.` : `${sentence(what, `an invisible control character (${codePoint(ch)})`)}; remove it.`;
  }
  if (ch === '\t') return `${sentence(what, 'a tab')}; use a space instead.`;
  if (/\p{Cs}/u.test(ch)) return `${sentence(what, `a broken character (${codePoint(ch)})`)}; type that part again.`;
  return `${sentence(what, `an invisible control character (${codePoint(ch)})`)}; remove it.`;
}

/** zod's view of `textProblem`, for the schemas below. */
const checkText = (what: string, lines: TextLines) => (v: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = textProblem(v, what, lines);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

export const requiredText = (what: string, max = 200, lines?: TextLines) => {
  const l = linesFor(max, lines);
  return z
    .string({ error: `Enter ${what}.` })
    .overwrite((v) => normaliseText(v, l))
    .trim()
    .superRefine(checkText(what, l))
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} to ${max} characters or fewer.`);
};

export const optionalText = (what: string, max = 200, lines?: TextLines) => {
  const l = linesFor(max, lines);
  return z
    .string({ error: `${capitalise(what)} must be text.` })
    .overwrite((v) => normaliseText(v, l))
    .trim()
    .superRefine(checkText(what, l))
    .max(max, `Keep ${what} to ${max} characters or fewer.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
};

/** An e-mail address (optional): one line, no invisible characters, the shape name@domain.tld. */
export const emailAddress = (what = 'the e-mail address') =>
  optionalText(what, 254, 'one').refine((v) => v === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an e-mail address like name@example.org.');

/**
 * The dates the register holds: 1800 to 2999 (isLegalDate). A field may narrow them; a date
 * outside its range is a real date, so the message says it is out of range, not impossible.
 */
export interface DateRange {
  /** Earliest accepted date ('YYYY-MM-DD'); 1 January 1800 unless the field says otherwise. */
  from?: string;
  /** Latest accepted date; 31 December 2999 unless the field says otherwise. */
  to?: string;
}
const EARLIEST = '1800-01-01';
const LATEST = '2999-12-31';
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not an acceptable date for `what`, or null. */
export function legalDateProblem(value: string, what: string, range: DateRange = {}): string | null {
  const m = DATE_SHAPE.exec(value);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(m[1]), month)) {
    return `Enter ${what} as a real date (day, month and year).`;
  }
  const from = range.from ?? EARLIEST;
  const to = range.to ?? LATEST;
  if (value < from) return `Dates before ${formatLegalDate(from)} are not accepted for ${what}.`;
  if (value > to) return `Dates after ${formatLegalDate(to)} are not accepted for ${what}.`;
  return null;
}

export const legalDate = (what: string, range: DateRange = {}) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .superRefine((v, ctx) => {
      if (v === '') return;
      const problem = legalDateProblem(v, what, range);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** "of at least 1", "from 1 to 100": the range a whole number must be in, as a secretary reads it. */
function wholeRange(min: number, max: number): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  if (max >= 1_000_000) return min === 0 ? '(0 or more)' : `of at least ${n(min)}`;
  return `from ${n(min)} to ${n(max)}`;
}

/**
 * A count (shares, votes, days, a quorum). Anything that is not a whole number in range (a
 * negative number the form could not read, a fraction) gets the same message, which says
 * what is wanted: "Enter the number of shares as a whole number of at least 1."
 */
export const wholeNumber = (what: string, min: number, max: number) => {
  const range = wholeRange(min, max);
  return z
    .number({ error: `Enter ${what} as a whole number ${range}.` })
    .int(`Enter ${what} as a whole number ${range}.`)
    .min(min, `${capitalise(what)} must be a whole number ${range}.`)
    .max(max, `${capitalise(what)} must be no more than ${max.toLocaleString('en-GB')}.`);
};

/**
 * An amount of money, held in pence and typed in pounds: the messages speak of pounds and
 * pence, not of whole numbers.
 */
export const penceAmount = (what: string, minPence: number, maxPence: number) =>
  z
    .number({ error: `Enter ${what} in pounds and pence, such as 12.50.` })
    .int(`Enter ${what} in pounds and pence, such as 12.50.`)
    .min(minPence, minPence === 0 ? `${capitalise(what)} cannot be negative.` : `${capitalise(what)} must be at least ${formatPence(minPence)}.`)
    .max(maxPence, `${capitalise(what)} must be no more than ${formatPence(maxPence)}.`);

/**
 * Whether a number has at most two decimal places (hours, percentages). v * 100 carries binary
 * rounding error (80.01 * 100 is 8001.000000000001), so the comparison allows for it.
 */
export function hasAtMostTwoDecimals(v: number): boolean {
  return Math.abs(Math.round(v * 100) - v * 100) < 1e-9;
}

export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a valid record id.');

export const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** UK postcodes, including BFPO and GIR 0AA, written with or without the space. */
const POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2}|BFPO ?\d{1,4})$/;

export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (!POSTCODE.test(compact)) return null;
  if (compact.startsWith('BFPO')) return `BFPO ${compact.slice(4)}`;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export const postcode = z
  .string({ error: 'Enter the postcode.' })
  .trim()
  .min(1, 'Enter the postcode.')
  .transform((v, ctx) => {
    const n = normalisePostcode(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter a UK postcode, such as SW1A 1AA.' });
      return z.NEVER;
    }
    return n;
  });
