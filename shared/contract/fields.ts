import { z } from 'zod';
import { isLegalDate } from '../rules/legal-date';

/** Reusable field schemas with messages written for a secretary, not a developer. */

export const requiredText = (what: string, max = 200) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} to ${max} characters or fewer.`);

export const optionalText = (what: string, max = 200) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, `Keep ${what} to ${max} characters or fewer.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const legalDate = (what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .refine(isLegalDate, `Enter ${what} as a real date (day, month and year).`);

export const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} as a number.` })
    .int(`Enter ${what} as a whole number.`)
    .min(min, `${capitalise(what)} must be at least ${min}.`)
    .max(max, `${capitalise(what)} must be no more than ${max}.`);

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
