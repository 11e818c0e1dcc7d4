import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate } from './fields';
import { jobStartedSchema } from './jobs';
import { fileResult } from './contracts';
import { LEGAL_FORMS } from '../domain/legal-form';

/**
 * Governance reports (issue 11): the annual governance report, the AGM pack, the CIC report
 * (CIC34), the society annual return data, the employee ownership trust checks, the board
 * effectiveness pack and the consolidated group report.
 *
 * Every report is one `ReportDoc`: sections of blocks (text, figures, tables, charts, statements,
 * parts left for the secretary), computed from the records as they stood on the report's date
 * (registers' dated entries and the audit log), stating that date, when it was produced and the
 * audit head it was produced from. The screen, the printed PDF, the DOCX, the XLSX and each CSV are
 * all drawn from the same document, so they never disagree. Each figure may carry a `trace`: the
 * records behind it, listed by `reports.trace`.
 */

export const REPORT_KINDS = ['annual', 'agm', 'cic34', 'societyReturn', 'eot', 'effectiveness', 'group'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What to build: the kind, the period (from … asAt; a period report) or the date (asAt), and for the AGM pack its meeting. */
export const reportRequestSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  /** The date the report is as at (the end of the period for a period report). */
  asAt: legalDate('the report date'),
  /** The start of the period (annual report, CIC34, society return, effectiveness); defaults to the day after the same date a year before. */
  from: legalDate('the start of the period').optional(),
  /** The AGM pack's general meeting. */
  meetingId: id.optional(),
});
export type ReportRequest = z.output<typeof reportRequestSchema>;

/**
 * The records behind a figure: a named set (`members.admitted`, `meetings.held`…) and its
 * parameters, which `reports.trace` lists. The set names are the core's (main/core/reports/trace).
 */
export const traceSchema = z.object({
  set: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Trace = z.output<typeof traceSchema>;

/** One value: what it shows (already formatted, en-GB), the number behind it where it is one, and its records. */
export const reportValueSchema = z.object({
  display: z.string(),
  value: z.number().nullable().optional(),
  trace: traceSchema.optional(),
});
export type ReportValue = z.output<typeof reportValueSchema>;

export const reportColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  numeric: z.boolean().optional(),
});

export const reportTableSchema = z.object({
  type: z.literal('table'),
  /** Unique in the document: the XLSX sheet and the CSV file are named from the title, looked up by id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  columns: z.array(reportColumnSchema).min(1),
  rows: z.array(z.record(z.string(), reportValueSchema)),
  /** A last row of totals, shown apart. */
  total: z.record(z.string(), reportValueSchema).optional(),
  /** Said when the table has no rows ("No director was appointed in the period."). */
  empty: z.string().optional(),
  note: z.string().optional(),
});
export type ReportTable = z.output<typeof reportTableSchema>;

export const reportBlockSchema = z.discriminatedUnion('type', [
  /** Prose. `tone: 'law'` for a statement of the law behind a figure, `'note'` for small print. */
  z.object({ type: z.literal('text'), text: z.string(), tone: z.enum(['normal', 'note', 'law']).optional() }),
  /** Headline figures: "312 members admitted". */
  z.object({
    type: z.literal('figures'),
    items: z.array(z.object({ id: z.string(), label: z.string(), value: reportValueSchema, note: z.string().optional() })),
  }),
  reportTableSchema,
  /** A chart of one of the document's tables: drawn by the charting library on screen and in print, an image with this alt text in DOCX. */
  z.object({
    type: z.literal('chart'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    chart: z.enum(['bar', 'stackedBar', 'pie']),
    title: z.string(),
    /** The text alternative: what the chart shows, in words (WCAG 1.1.1). */
    alt: z.string(),
    tableId: z.string(),
    labelKey: z.string(),
    valueKeys: z.array(z.string()).min(1),
  }),
  /** A judgement with its evidence: an EOT requirement, the employee-control statement, a CIC test. */
  z.object({
    type: z.literal('statement'),
    title: z.string(),
    status: z.enum(['met', 'notMet', 'cannotJudge', 'info']),
    text: z.string(),
    evidence: z.array(z.string()),
    /** The law or rule it comes from ("TCGA 1992 s236M"). */
    citation: z.string().optional(),
  }),
  /** A part the records cannot fill, left for the secretary to write (listed again in `missing`). */
  z.object({ type: z.literal('toWrite'), title: z.string(), why: z.string() }),
  /** Text kept in the records (a resolution, minutes, a candidate's statement), quoted as written. */
  z.object({ type: z.literal('quote'), title: z.string().optional(), paragraphs: z.array(z.string()) }),
  /** A form to print and fill in (the proxy form): labelled blank lines. */
  z.object({ type: z.literal('form'), title: z.string(), intro: z.string().optional(), fields: z.array(z.string()) }),
]);
export type ReportBlock = z.output<typeof reportBlockSchema>;

export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
  sections?: ReportSection[];
}
export const reportSectionSchema: z.ZodType<ReportSection> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    blocks: z.array(reportBlockSchema),
    sections: z.array(reportSectionSchema).optional(),
  }),
);

export const reportDocSchema = z.object({
  request: reportRequestSchema,
  title: z.string(),
  organisation: z.object({ id: z.string(), name: z.string(), legalForm: z.enum(LEGAL_FORMS), registrationNumber: z.string() }),
  /** The period covered (null from for an as-at report). */
  period: z.object({ from: z.string().nullable(), to: z.string() }),
  /** When it was produced (the only thing that differs between two builds for the same date). */
  producedAt: isoInstant,
  /** The audit head the records were read at: the report is reproducible from the chain up to it. */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
  sections: z.array(reportSectionSchema),
  /** What the app could not fill or cannot know, in words, each with where it belongs. */
  missing: z.array(z.object({ section: z.string(), what: z.string() })),
});
export type ReportDoc = z.output<typeof reportDocSchema>;

/** A report this organisation can produce, with why not where its legal form rules it out. */
export const reportCatalogueSchema = z.object({
  reports: z.array(
    z.object({
      kind: z.enum(REPORT_KINDS),
      title: z.string(),
      summary: z.string(),
      available: z.boolean(),
      /** Why it is not available ("Only a community interest company files a CIC34 (C(AICE) Act 2004 s34)."). */
      unavailableReason: z.string().nullable(),
      /** The law it follows, for the catalogue. */
      law: z.string().nullable(),
      /** Period or as-at, and the default dates (the last financial year end). */
      period: z.boolean(),
      defaultAsAt: z.string(),
      defaultFrom: z.string().nullable(),
      needsMeeting: z.boolean(),
    }),
  ),
});

export const traceRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  detail: z.string(),
  /** The app's route to the record ("#/members/…"), or null where it has no page. */
  href: z.string().nullable(),
});

/**
 * The report a file is asked of, as the screen holds it: the build's job id (reports.build) and the
 * organisation and audit head the document states. The file is that document, as shown; where the
 * core no longer holds it (the app restarted, or later builds replaced it) it is built again only
 * if the records are still at that audit head, and otherwise refused, so a file never holds
 * figures other than those on screen.
 */
export const reportShownSchema = z.strictObject({
  buildId: z.string().regex(/^[0-9a-f]{32}$/, 'Unknown report build.'),
  organisationId: id,
  auditHead: z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type ReportShown = z.output<typeof reportShownSchema>;

export const reportMethods = defineMethods('reports', {
  'reports.catalogue': method({
    kind: 'query',
    summary: 'The reports this organisation can produce (by its legal form), with their law and default dates.',
    input: z.strictObject({}),
    output: reportCatalogueSchema,
  }),
  'reports.build': method({
    kind: 'command',
    summary: 'Builds a report as at its date from the records as they stood then, as a job with progress that can be cancelled.',
    input: reportRequestSchema,
    output: jobStartedSchema,
    jobResult: reportDocSchema,
  }),
  'reports.trace': method({
    kind: 'query',
    summary: 'The records behind one figure of a report, a page at a time.',
    input: z.strictObject({
      trace: traceSchema,
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.object({ title: z.string(), total: z.number().int(), rows: z.array(traceRowSchema) }),
  }),
  'reports.export': method({
    kind: 'command',
    summary: 'The report as built and shown (by its build) as DOCX (real headings and tables, charts as images with their text alternatives), XLSX (one sheet per table) or one table as CSV; refused if it is no longer held and the records have changed since.',
    input: z.strictObject({
      request: reportRequestSchema,
      /** The build whose document this is a file of. */
      shown: reportShownSchema,
      format: z.enum(['docx', 'xlsx', 'csv']),
      /** The table for a CSV. */
      tableId: z.string().regex(/^[a-z0-9-]+$/).optional(),
      /** A DOCX of one top-level section only: each editable part of the AGM pack (the notice, the resolutions…) on its own. */
      sectionId: z.string().regex(/^[a-z0-9-]+$/).optional(),
      /** The charts as drawn on screen (PNG, base64), carried into the DOCX; without them the DOCX has each chart's table and text. */
      charts: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), png: z.string().max(400_000) })).max(12).optional(),
    }),
    output: jobStartedSchema,
    jobResult: fileResult.extend({
      /**
       * 'held': the document the build made, written as it was shown. 'rebuilt': it was no longer
       * held, so it was built again from the records at the same audit head (the same figures).
       */
      source: z.enum(['held', 'rebuilt']),
    }),
  }),
});
