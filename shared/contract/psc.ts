import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';
import { memberAddressSchema } from './members';
import { PSC_NATURES, PSC_NATURE_INFO, PSC_STATEMENTS, PSC_STATEMENT_TEXT, natureProblems, type PscNature, type PscStatement } from '../rules/psc';

/**
 * People with significant control (CA 2006 Part 21A and Sch 1A; the Register of People with
 * Significant Control Regulations 2016). Companies only: societies have none. Since 18 November
 * 2025 (ECCTA 2023 Sch 2 Part 3) a company keeps no PSC register of its own; it notifies Companies
 * House (s790LA), so the app keeps the company's PSC record and tracks those filings. The
 * natures of control and the statements come from shared/rules/psc.ts.
 */
export { PSC_NATURES, PSC_STATEMENTS, PSC_STATEMENT_TEXT, type PscNature, type PscStatement };

/** Short label for each nature of control, for forms and tables. */
export const PSC_NATURE_LABEL: Record<PscNature, string> = Object.fromEntries(PSC_NATURES.map((n) => [n, PSC_NATURE_INFO[n].label])) as Record<PscNature, string>;

export const PSC_KINDS = ['individual', 'legal_entity'] as const;
export type PscKind = (typeof PSC_KINDS)[number];

/** The day the company had confirmation of a change (CA 2006 s790LA(3)); today when left out. */
const confirmedOn = legalDate('the date the company had confirmation').optional().or(z.literal('').transform(() => undefined));

export const pscInputSchema = z
  .strictObject({
    kind: z.enum(PSC_KINDS, { error: 'Choose whether this is a person or a legal entity.' }),
    name: requiredText('the name', 200),
    serviceAddress: memberAddressSchema,
    dateOfBirth: legalDate('the date of birth').optional().or(z.literal('').transform(() => undefined)),
    nationality: optionalText('the nationality', 80),
    countryOfResidence: optionalText('the country of residence', 80),
    /** Legal entities: legal form, governing law and register. */
    legalForm: optionalText('the legal form', 200),
    governingLaw: optionalText('the governing law', 200),
    registrationNumber: optionalText('the registration number', 80),
    natures: z.array(z.enum(PSC_NATURES)).min(1, 'Choose at least one nature of control.'),
    becameRegistrableOn: legalDate('the date they became registrable'),
    confirmedOn,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'individual' && !v.dateOfBirth) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Enter the date of birth.' });
    for (const message of natureProblems(v.natures)) ctx.addIssue({ code: 'custom', path: ['natures'], message });
  });

export const pscSchema = z.object({
  id,
  kind: z.enum(PSC_KINDS),
  name: z.string(),
  serviceAddress: z.object({ line1: z.string(), line2: z.string().optional(), town: z.string(), postcode: z.string().optional(), country: z.string().optional() }),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  countryOfResidence: z.string().nullable(),
  legalForm: z.string().nullable(),
  governingLaw: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  natures: z.array(z.enum(PSC_NATURES)),
  becameRegistrableOn: z.string(),
  ceasedOn: z.string().nullable(),
});
export type Psc = z.output<typeof pscSchema>;

export const pscStatementSchema = z.object({ id, statement: z.enum(PSC_STATEMENTS), text: z.string(), madeOn: z.string(), withdrawnOn: z.string().nullable() });

export const pscMethods = defineMethods('psc', {
  'psc.register': method({
    kind: 'query',
    summary: 'The PSC record and its statements, with what is missing; not applicable to societies.',
    input: z.strictObject({}),
    output: z.object({
      applicable: z.boolean(),
      reason: z.string().nullable(),
      /** Statements the company may make, with why not where it may not (none for an EOT-owned company's "no registrable person"). */
      statementsAvailable: z.array(z.object({ statement: z.enum(PSC_STATEMENTS), available: z.boolean(), reason: z.string().nullable() })),
      people: z.array(pscSchema),
      statements: z.array(pscStatementSchema),
      warnings: z.array(z.string()),
    }),
  }),
  'psc.add': method({ kind: 'mutation', summary: 'Enter a person with significant control.', input: pscInputSchema, output: pscSchema }),
  'psc.cease': method({
    kind: 'mutation',
    summary: 'Record that a person ceased to be registrable.',
    input: z.strictObject({ id, ceasedOn: legalDate('the date they ceased to be registrable'), confirmedOn }),
    output: pscSchema,
  }),
  'psc.addStatement': method({
    kind: 'mutation',
    summary: 'Enter one of the required statements.',
    input: z.strictObject({ statement: z.enum(PSC_STATEMENTS, { error: 'Choose a statement.' }), madeOn: legalDate('the date of the statement') }),
    output: pscStatementSchema,
  }),
  'psc.withdrawStatement': method({
    kind: 'mutation',
    summary: 'Record that a statement no longer applies.',
    input: z.strictObject({ id, withdrawnOn: legalDate('the date it was withdrawn') }),
    output: pscStatementSchema,
  }),
});
