import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate } from './fields';
import { uploadId } from './uploads';
import { jobStartedSchema } from './jobs';
import { columnMappingSchema, DATE_FORMAT_LABEL, DATE_FORMATS, sheetAnalysisFields, type DateFormat } from '../domain/spreadsheet-import';

/** Fields an HR export can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'employeeNumber',
  'givenNames',
  'familyName',
  'fullName',
  'email',
  'dateOfBirth',
  'wholeAddress',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'serviceArea',
  'employmentStart',
  'employmentEnd',
  'weeklyHours',
  'className',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['employeeNumber', 'givenNames', 'familyName', 'addressLine1', 'town', 'employmentStart'];

/**
 * Columns that hold several particulars at once, as many HR exports have them: a full name
 * ("Okafor, Amelia" or "Amelia Okafor") instead of given names and family name, and a whole
 * address ("4 Mill Lane, Derby DE1 3AB") instead of lines and town (a postcode column may
 * stay beside it). The import splits them and shows every split in the plan.
 */
export const COMBINED_IMPORT_FIELDS = {
  fullName: ['givenNames', 'familyName'],
  wholeAddress: ['addressLine1', 'addressLine2', 'town'],
} as const satisfies Record<string, readonly ImportField[]>;
export type CombinedImportField = keyof typeof COMBINED_IMPORT_FIELDS;

/** The one-column field a separate field can be replaced by, if any. */
export function combinedFieldFor(field: ImportField): CombinedImportField | null {
  for (const [combined, parts] of Object.entries(COMBINED_IMPORT_FIELDS) as [CombinedImportField, readonly ImportField[]][]) {
    if (parts.includes(field)) return combined;
  }
  return null;
}
export const IMPORT_FIELD_LABEL: Record<ImportField, string> = {
  employeeNumber: 'Employee number',
  givenNames: 'Given names',
  familyName: 'Family name',
  fullName: 'Full name',
  email: 'E-mail',
  dateOfBirth: 'Date of birth',
  wholeAddress: 'Whole address',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  serviceArea: 'Service area',
  employmentStart: 'Employment start date',
  employmentEnd: 'Employment end date',
  weeklyHours: 'Contracted weekly hours',
  className: 'Membership class',
};

/** Which CSV column (by header text) fills each field; null leaves it empty. */
export const importMappingSchema = columnMappingSchema(IMPORT_FIELDS);
export type ImportMapping = z.output<typeof importMappingSchema>;

export { DATE_FORMATS, DATE_FORMAT_LABEL, type DateFormat };

export const analysisSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  // sampleLines: the file line each sample row starts on (the heading row is line 1).
  ...sheetAnalysisFields(importMappingSchema),
  /** The class chosen last time for files with these columns, if it still exists. */
  defaultClassId: z.string().nullable(),
});
export type ImportAnalysis = z.output<typeof analysisSchema>;

const planPerson = z.object({
  line: z.number().int(),
  employeeNumber: z.string(),
  name: z.string(),
  className: z.string().nullable(),
  memberNumber: z.number().int().nullable(),
  detail: z.string(),
});

export const planSchema = z.object({
  planId: z.string(),
  fileName: z.string(),
  asOf: z.string(),
  counts: z.object({
    rows: z.number().int(),
    admit: z.number().int(),
    cease: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    notEligible: z.number().int(),
    rejected: z.number().int(),
    notInFile: z.number().int(),
    /** Of those admitted and ceased: people who left after the admission date and before today, admitted and ceased in one go. */
    admittedAndCeased: z.number().int(),
    /** Rows whose full name or whole address was split into the register's particulars. */
    split: z.number().int(),
  }),
  /** Up to 500 of each, for the preview; the counts are exact. */
  admit: z.array(planPerson),
  cease: z.array(planPerson),
  update: z.array(planPerson.extend({ changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) })),
  notEligible: z.array(planPerson),
  rejected: z.array(z.object({ line: z.number().int(), column: z.string(), value: z.string(), reason: z.string() })),
  /** Up to 500 rows whose full name or whole address was split, as split, for the secretary to check. */
  splits: z.array(
    z.object({
      line: z.number().int(),
      employeeNumber: z.string(),
      name: z.object({ from: z.string(), givenNames: z.string(), familyName: z.string() }).nullable(),
      address: z
        .object({ from: z.string(), line1: z.string(), line2: z.string().nullable(), town: z.string(), postcode: z.string().nullable(), leftOut: z.string().nullable() })
        .nullable(),
    }),
  ),
  /** Whether each new member is allotted one share, paid in full at its nominal value (forms with shares). */
  allotsShares: z.boolean(),
  /** Agreements to notices by e-mail the import ends because it changes the address (CA 2006 Sch 5 para 7); null for none. */
  electronicCommsEnded: z.object({ count: z.number().int(), message: z.string() }).nullable(),
});
export type ImportPlan = z.output<typeof planSchema>;
export type ImportPlanPerson = z.output<typeof planPerson>;

/** What an applied plan changed (the apply job's result). */
export const applyResultSchema = z.object({
  fileName: z.string(),
  admitted: z.number().int(),
  ceased: z.number().int(),
  updated: z.number().int(),
  /** The member numbers given to the new entries, in order; null when nobody was admitted. */
  firstMemberNumber: z.number().int().nullable(),
  lastMemberNumber: z.number().int().nullable(),
  auditEvents: z.number().int(),
  /** Agreements to notices by e-mail ended because the file changed the address (CA 2006 Sch 5 para 7); null for none. */
  electronicCommsEnded: z.object({ count: z.number().int(), message: z.string() }).nullable(),
});
export type ImportApplyResult = z.output<typeof applyResultSchema>;

export const hrImportMethods = defineMethods('hrImport', {
  'hrImport.analyse': method({
    kind: 'command',
    summary: 'Read an uploaded HR CSV: its columns, a sample, and the mapping (remembered or suggested). A job.',
    input: z.strictObject({ uploadId }),
    output: jobStartedSchema,
    jobResult: analysisSchema,
  }),
  'hrImport.plan': method({
    kind: 'command',
    summary: 'Validate every row and work out what would change. Writes nothing. A job.',
    input: z.strictObject({
      importId: z.string().regex(/^[0-9a-f]{32}$/),
      mapping: importMappingSchema,
      dateFormat: z.enum(DATE_FORMATS),
      /** Class for rows without a class column (or with an empty one). */
      defaultClassId: id,
      /** Admission date for new members and the date eligibility is judged on. */
      asOf: legalDate('the admission date'),
    }),
    output: jobStartedSchema,
    jobResult: planSchema,
  }),
  'hrImport.apply': method({
    kind: 'mutation',
    summary: 'Apply a plan, all or nothing, in one transaction. A job with progress.',
    input: z.strictObject({ planId: z.string().regex(/^[0-9a-f]{32}$/) }),
    output: jobStartedSchema,
    jobResult: applyResultSchema,
  }),
});
