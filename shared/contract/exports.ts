import { z } from 'zod';
import { method } from './method';
import { id, isoInstant, legalDate, optionalText, requiredText } from './fields';
import { jobStartedSchema } from './audit';

/**
 * Register exports and inspection. The full register carries every statutory particular; the
 * inspection copy is what CA 2006 s116 (companies) or CCBS Act 2014 s103 (societies: without
 * the shares and property columns) lets a person see, and never contact details beyond them.
 */
export const REGISTER_VIEWS = ['full', 'inspection'] as const;
export type RegisterView = (typeof REGISTER_VIEWS)[number];

export const registerColumnSchema = z.object({ key: z.string(), label: z.string() });

export const printPageSchema = z.object({
  organisationName: z.string(),
  title: z.string(),
  /** What this copy contains and the law it follows. */
  description: z.string(),
  lastAmended: z.string().nullable(),
  generatedAt: isoInstant,
  columns: z.array(registerColumnSchema),
  rows: z.array(z.record(z.string(), z.string())),
  next: z.number().int().nullable(),
  total: z.number().int(),
});
export type PrintPage = z.output<typeof printPageSchema>;

export const fileChunkSchema = z.object({ base64: z.string(), nextOffset: z.number().int().nullable(), sizeBytes: z.number().int(), fileName: z.string(), mimeType: z.string() });

export const inspectionSchema = z.object({
  id,
  requesterName: z.string(),
  requesterAddress: z.string(),
  purpose: z.string(),
  willShare: z.boolean(),
  sharedWith: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string(),
  dueSource: z.string(),
  fulfilledOn: z.string().nullable(),
  outcome: z.enum(['open', 'inspected', 'copy_provided', 'declined']),
  outcomeNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type InspectionRequest = z.output<typeof inspectionSchema>;

export const exportMethods = {
  'register.export': method({
    kind: 'mutation',
    summary: 'Write the register (full or inspection copy) as CSV or XLSX; a job whose result names the file.',
    input: z.strictObject({ format: z.enum(['csv', 'xlsx']), view: z.enum(REGISTER_VIEWS), status: z.enum(['current', 'all']) }),
    output: jobStartedSchema,
  }),
  'register.printPage': method({
    kind: 'mutation',
    summary: 'Rows of the register for the printable (PDF) view, by member number, keyset-paged.',
    input: z.strictObject({
      view: z.enum(REGISTER_VIEWS),
      status: z.enum(['current', 'all']),
      afterNumber: z.number().int().optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }),
    output: printPageSchema,
  }),
  'register.officersPrint': method({
    kind: 'mutation',
    summary: 'The register of directors and officers for printing; `statutory` includes residential addresses.',
    input: z.strictObject({ statutory: z.boolean() }),
    output: printPageSchema,
  }),
  'files.read': method({
    kind: 'query',
    summary: 'A chunk of an exported file, as base64, for download.',
    input: z.strictObject({ fileId: z.string().regex(/^[0-9a-f]{32}$/), offset: z.number().int().min(0) }),
    output: fileChunkSchema,
  }),
  'inspections.list': method({
    kind: 'query',
    summary: 'The log of requests to inspect or copy the register, with due dates.',
    input: z.strictObject({}),
    output: z.array(inspectionSchema),
  }),
  'inspections.log': method({
    kind: 'mutation',
    summary: 'Record a request (CA 2006 s116(4): name, address, purpose, whether it will be shared).',
    input: z
      .strictObject({
        requesterName: requiredText('the name of the person asking', 200),
        requesterAddress: requiredText('their address', 400),
        purpose: requiredText('the purpose', 1000),
        willShare: z.boolean({ error: 'Say whether the information will be shared.' }),
        sharedWith: optionalText('who it will be shared with', 500),
        receivedOn: legalDate('the date the request was received'),
      })
      .superRefine((v, ctx) => {
        if (v.willShare && !v.sharedWith) {
          ctx.addIssue({ code: 'custom', path: ['sharedWith'], message: 'Say who the information will be shared with (CA 2006 s116(4)(d)).' });
        }
      }),
    output: inspectionSchema,
  }),
  'inspections.close': method({
    kind: 'mutation',
    summary: 'Record how a request was met, or that it was declined (and why).',
    input: z
      .strictObject({
        id,
        outcome: z.enum(['inspected', 'copy_provided', 'declined'], { error: 'Choose the outcome.' }),
        on: legalDate('the date'),
        note: optionalText('a note', 1000),
      })
      .superRefine((v, ctx) => {
        if (v.outcome === 'declined' && !v.note) {
          ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the request was declined (e.g. the court was asked under CA 2006 s117(3)).' });
        }
      }),
    output: inspectionSchema,
  }),
};
