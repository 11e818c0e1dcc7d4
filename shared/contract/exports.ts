import { z } from 'zod';
import { defineMethods, method } from './method';
import { isoInstant } from './fields';
import { jobStartedSchema } from './jobs';

/**
 * Register exports and inspection. The full register carries every statutory particular; the
 * inspection copy is what CA 2006 s116 (companies: the s113 particulars) or CCBS Act 2014 s103
 * (societies: every entry but the shares held and paid and other property, s30(2)(c)-(d), so
 * with e-mail addresses and their purposes) lets a person see. Every copy states when the
 * register was last amended and whether further alterations are to be made (CA 2006 s120), and
 * the register's s123 statements.
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
  /** Last amended and whether further alterations are to be made (CA 2006 s120); the register's copies carry it. */
  stateStatement: z.string().optional(),
  /** The register's CA 2006 s123 statements, each with the entry it goes with. */
  statements: z.array(z.string()).optional(),
  /** The audit head's fingerprint when the copy was made (see Settings › Audit log). */
  fingerprint: z.string(),
  generatedAt: isoInstant,
  columns: z.array(registerColumnSchema),
  rows: z.array(z.record(z.string(), z.string())),
  next: z.number().int().nullable(),
  total: z.number().int(),
});
export type PrintPage = z.output<typeof printPageSchema>;

/** A page of the index of members' names (CA 2006 s115), alphabetical, keyset-paged by name. */
export const memberIndexPageSchema = z.object({
  organisationName: z.string(),
  title: z.string(),
  description: z.string(),
  /** Whether the company needs an index (s115), from its number of members and whether the register is itself an index. */
  rule: z.string(),
  /** Whether any alteration to the register is missing from the index (s120(2)): never, as it is produced from the register. */
  stateStatement: z.string(),
  fingerprint: z.string(),
  generatedAt: isoInstant,
  /** `name` as spoken ("Ann Lee and Raj Patel"); `indexName` as the index sorts it ("Lee, Ann"). */
  rows: z.array(z.object({ name: z.string(), indexName: z.string(), memberNumber: z.number().int() })),
  next: z.object({ sortKey: z.string(), memberNumber: z.number().int() }).nullable(),
  total: z.number().int(),
});
export type MemberIndexPage = z.output<typeof memberIndexPageSchema>;

export const fileChunkSchema = z.object({ base64: z.string(), nextOffset: z.number().int().nullable(), sizeBytes: z.number().int(), fileName: z.string(), mimeType: z.string() });

/** What an export job wrote: read it back with exports.readFile. */
export const exportResultSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  rows: z.number().int(),
  view: z.enum(REGISTER_VIEWS),
  format: z.enum(['csv', 'xlsx']),
});
export type ExportResult = z.output<typeof exportResultSchema>;

export const exportMethods = defineMethods('exports', {
  'exports.register': method({
    kind: 'mutation',
    summary: 'Write the register (full or inspection copy) as CSV or XLSX; a job whose result names the file.',
    input: z.strictObject({ format: z.enum(['csv', 'xlsx']), view: z.enum(REGISTER_VIEWS), status: z.enum(['current', 'all']) }),
    output: jobStartedSchema,
    jobResult: exportResultSchema,
  }),
  'exports.registerPage': method({
    kind: 'command',
    summary: 'Rows of the register for the printable (PDF) view, by member number, keyset-paged; the first page is recorded in the audit log.',
    input: z.strictObject({
      view: z.enum(REGISTER_VIEWS),
      status: z.enum(['current', 'all']),
      afterNumber: z.number().int().optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }),
    output: printPageSchema,
  }),
  'exports.memberIndexPage': method({
    kind: 'mutation',
    summary: 'The index of members’ names (CA 2006 s115) for printing, alphabetical, keyset-paged.',
    input: z.strictObject({
      after: z.strictObject({ sortKey: z.string().max(400), memberNumber: z.number().int() }).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }),
    output: memberIndexPageSchema,
  }),
  'exports.officersPage': method({
    kind: 'mutation',
    summary: 'The register of directors and officers for printing; `statutory` includes residential addresses.',
    input: z.strictObject({ statutory: z.boolean() }),
    output: printPageSchema,
  }),
  'exports.readFile': method({
    kind: 'query',
    summary: 'A chunk of an exported file, as base64, for download.',
    input: z.strictObject({ fileId: z.string().regex(/^[0-9a-f]{32}$/), offset: z.number().int().min(0) }),
    output: fileChunkSchema,
  }),
});
