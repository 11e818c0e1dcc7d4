import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';
import { memberAddressSchema } from './members';

/**
 * Register of people with significant control (CA 2006 Part 21A; the Register of People with
 * Significant Control Regulations 2016). Companies only: societies do not keep one.
 */
export const PSC_NATURES = [
  'shares_25_to_50',
  'shares_50_to_75',
  'shares_75_to_100',
  'votes_25_to_50',
  'votes_50_to_75',
  'votes_75_to_100',
  'appoint_remove_directors',
  'significant_influence',
] as const;
export type PscNature = (typeof PSC_NATURES)[number];
export const PSC_NATURE_LABEL: Record<PscNature, string> = {
  shares_25_to_50: 'Holds more than 25% but not more than 50% of the shares',
  shares_50_to_75: 'Holds more than 50% but less than 75% of the shares',
  shares_75_to_100: 'Holds 75% or more of the shares',
  votes_25_to_50: 'Holds more than 25% but not more than 50% of the voting rights',
  votes_50_to_75: 'Holds more than 50% but less than 75% of the voting rights',
  votes_75_to_100: 'Holds 75% or more of the voting rights',
  appoint_remove_directors: 'Has the right to appoint or remove a majority of the board of directors',
  significant_influence: 'Has the right to exercise, or actually exercises, significant influence or control',
};

/** The statements the register must carry when it has no (or no identified) PSC. */
export const PSC_KINDS = ['individual', 'legal_entity'] as const;
export type PscKind = (typeof PSC_KINDS)[number];

export const PSC_STATEMENTS = ['no_registrable_person', 'steps_not_completed', 'psc_not_identified'] as const;
export type PscStatement = (typeof PSC_STATEMENTS)[number];
export const PSC_STATEMENT_TEXT: Record<PscStatement, string> = {
  no_registrable_person:
    'The company knows or has reasonable cause to believe that there is no registrable person or registrable relevant legal entity in relation to the company.',
  steps_not_completed:
    'The company has not yet completed taking reasonable steps to find out if there is anyone who is a registrable person or a registrable relevant legal entity in relation to the company.',
  psc_not_identified:
    'The company knows or has reasonable cause to believe that there is a registrable person in relation to the company but it has not identified the registrable person.',
};

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
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'individual' && !v.dateOfBirth) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Enter the date of birth.' });
    const bands = (prefix: string) => v.natures.filter((n) => n.startsWith(prefix)).length;
    if (bands('shares_') > 1) ctx.addIssue({ code: 'custom', path: ['natures'], message: 'Choose only one share band.' });
    if (bands('votes_') > 1) ctx.addIssue({ code: 'custom', path: ['natures'], message: 'Choose only one voting band.' });
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
    summary: 'The PSC register and its statements, with what is missing; not applicable to societies.',
    input: z.strictObject({}),
    output: z.object({
      applicable: z.boolean(),
      reason: z.string().nullable(),
      people: z.array(pscSchema),
      statements: z.array(pscStatementSchema),
      warnings: z.array(z.string()),
    }),
  }),
  'psc.add': method({ kind: 'mutation', summary: 'Enter a person with significant control.', input: pscInputSchema, output: pscSchema }),
  'psc.cease': method({
    kind: 'mutation',
    summary: 'Record that a person ceased to be registrable.',
    input: z.strictObject({ id, ceasedOn: legalDate('the date they ceased to be registrable') }),
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
