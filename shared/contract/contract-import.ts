import { z } from 'zod';
import { defineMethods, method } from './method';
import { columnMappingSchema, DATE_FORMATS, sheetAnalysisFields } from '../domain/spreadsheet-import';
import { uploadId } from './uploads';
import { jobStartedSchema } from './jobs';
import { COUNTERPARTY_KINDS } from './counterparties';
import { PROCUREMENT_ROUTES } from './contracts';

/**
 * Import of an existing contracts spreadsheet (CSV or XLSX) with the HR import's flow (issue 10):
 * upload, read (columns, a sample, the remembered or suggested mapping), plan (every row checked
 * with the rules contracts.create applies; nothing written), apply (all or nothing, one
 * transaction, a job with progress).
 */
/** A register of even a large group's contracts is a few megabytes; a larger file is refused before it is sent. */
export const CONTRACT_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export const CONTRACT_IMPORT_FIELDS = [
  'commissioner',
  'commissionerOdsCode',
  'commissionerKind',
  'reference',
  'title',
  'description',
  'services',
  'route',
  'bidDueOn',
  'awardOn',
  'startOn',
  'endOn',
  'extensions',
  'annualValue',
  'wholeLifeValue',
  'managerName',
  'notes',
] as const;
export type ContractImportField = (typeof CONTRACT_IMPORT_FIELDS)[number];
/** A commissioner named by its name or by its ODS code (one of the two), a reference, a title and a route. */
export const REQUIRED_CONTRACT_IMPORT_FIELDS: readonly ContractImportField[] = ['reference', 'title', 'route'];

export const CONTRACT_IMPORT_FIELD_LABEL: Record<ContractImportField, string> = {
  commissioner: 'Commissioner',
  commissionerOdsCode: 'Commissioner’s ODS code',
  commissionerKind: 'Kind of commissioner',
  reference: 'Contract reference',
  title: 'Title',
  description: 'Description of the services',
  services: 'CPV codes',
  route: 'Procurement route',
  bidDueOn: 'Bid due date',
  awardOn: 'Award date',
  startOn: 'Start date',
  endOn: 'End date (initial term)',
  extensions: 'Extension options',
  annualValue: 'Annual value (£)',
  wholeLifeValue: 'Whole-life value (£)',
  managerName: 'Contract manager',
  notes: 'Notes',
};

/** Which column (by heading) fills each field; null leaves it empty. */
export const contractImportMappingSchema = columnMappingSchema(CONTRACT_IMPORT_FIELDS);
export type ContractImportMapping = z.output<typeof contractImportMappingSchema>;

export const contractImportAnalysisSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** 'xlsx' or 'csv', from the file's contents (not its name). */
  format: z.enum(['csv', 'xlsx']),
  /** The worksheet read, for a workbook (its first worksheet with data); null for a CSV. */
  sheetName: z.string().nullable(),
  // sampleLines: the row each sample row is on, as the spreadsheet numbers it (the heading row is row 1).
  ...sheetAnalysisFields(contractImportMappingSchema),
});
export type ContractImportAnalysis = z.output<typeof contractImportAnalysisSchema>;

const plannedContract = z.object({
  line: z.number().int(),
  reference: z.string(),
  title: z.string(),
  commissionerName: z.string(),
  /** True when the commissioner is one the plan adds to the organisations list. */
  newCommissioner: z.boolean(),
  route: z.enum(PROCUREMENT_ROUTES),
  awardOn: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  annualValuePence: z.number().int().nullable(),
  wholeLifeValuePence: z.number().int().nullable(),
  services: z.array(z.string()),
  extensionMonths: z.array(z.number().int()),
});

export const contractImportPlanSchema = z.object({
  planId: z.string(),
  fileName: z.string(),
  counts: z.object({
    rows: z.number().int(),
    /** Rows that would be recorded as contracts (0 while any row is rejected: the import is all or nothing). */
    create: z.number().int(),
    rejected: z.number().int(),
    /** Rows with at least one problem (a row can have several). */
    rejectedRows: z.number().int(),
    newCommissioners: z.number().int(),
    matchedCommissioners: z.number().int(),
  }),
  /** Up to 500 rows, for the preview; the counts are exact. */
  contracts: z.array(plannedContract),
  /** Organisations the import adds to the list, with the rows that name them. */
  newCommissioners: z.array(z.object({ name: z.string(), kind: z.enum(COUNTERPARTY_KINDS), odsCode: z.string().nullable(), lines: z.array(z.number().int()) })),
  /** How names in the file were matched to the organisations list (by name, ignoring case and spaces, or by ODS code). */
  matchedCommissioners: z.array(z.object({ inFile: z.string(), name: z.string(), by: z.enum(['name', 'ods_code']), lines: z.array(z.number().int()) })),
  /** Every problem, by row and column (up to 2,000). While there are any, the plan cannot be applied. */
  rejected: z.array(z.object({ line: z.number().int(), column: z.string(), value: z.string(), reason: z.string() })),
  /** Whether the plan can be applied: true only when no row has a problem. */
  canApply: z.boolean(),
});
export type ContractImportPlan = z.output<typeof contractImportPlanSchema>;
export type PlannedContract = z.output<typeof plannedContract>;

export const contractImportApplyResultSchema = z.object({
  fileName: z.string(),
  created: z.number().int(),
  commissionersCreated: z.number().int(),
  auditEvents: z.number().int(),
});
export type ContractImportApplyResult = z.output<typeof contractImportApplyResultSchema>;

const token = z.string().regex(/^[0-9a-f]{32}$/);

export const contractImportMethods = defineMethods('contractImport', {
  'contractImport.analyse': method({
    kind: 'command',
    summary: 'Read an uploaded contracts spreadsheet (CSV or XLSX): its columns, a sample, and the mapping (remembered or suggested). A job.',
    input: z.strictObject({ uploadId }),
    output: jobStartedSchema,
    jobResult: contractImportAnalysisSchema,
  }),
  'contractImport.plan': method({
    kind: 'command',
    summary: 'Check every row with the rules a contract is recorded under, match commissioners to the organisations list, and list every problem by row and column. Writes nothing. A job.',
    input: z.strictObject({ importId: token, mapping: contractImportMappingSchema, dateFormat: z.enum(DATE_FORMATS) }),
    output: jobStartedSchema,
    jobResult: contractImportPlanSchema,
  }),
  'contractImport.apply': method({
    kind: 'mutation',
    summary: 'Record every contract of a plan with no problems (and the new commissioners), all or nothing, in one transaction. A job with progress.',
    input: z.strictObject({ planId: token }),
    output: jobStartedSchema,
    jobResult: contractImportApplyResultSchema,
  }),
});
