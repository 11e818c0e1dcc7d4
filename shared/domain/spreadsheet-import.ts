import { z } from 'zod';

/**
 * What the HR import and the contracts import share in their contract shapes: both read a
 * spreadsheet, offer a mapping from its columns (by heading) to the fields they fill, and show
 * the first rows. What a row is (an employee, a contract) and how it is checked stay with each.
 */

export const DATE_FORMATS = ['dmy', 'ymd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABEL: Record<DateFormat, string> = {
  dmy: 'Day/month/year (31/01/2024)',
  ymd: 'Year-month-day (2024-01-31)',
};

/** Which column (by heading) fills each of `fields`; null leaves it empty. */
export function columnMappingSchema<F extends string>(fields: readonly F[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f, z.string().max(200).nullable()])) as Record<F, z.ZodNullable<z.ZodString>>);
}

/**
 * The fields of a file's analysis after its id, name and (for a workbook) format: how many rows,
 * the headings, the first rows with the line or row number each is on, the mapping offered and
 * whether it was remembered, and the date format. In this order, which is the order the analysis
 * is sent in.
 */
export function sheetAnalysisFields<M extends z.ZodType>(mapping: M) {
  return {
    rows: z.number().int(),
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())),
    /** The line (CSV) or row (workbook) each sample row is on; the heading row is 1. */
    sampleLines: z.array(z.number().int()),
    mapping,
    /** True when the mapping was remembered from the last import with these columns. */
    remembered: z.boolean(),
    dateFormat: z.enum(DATE_FORMATS),
  };
}
