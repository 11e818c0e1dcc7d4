import { z } from 'zod';
import { defineMethods, method } from './method';
import { emailAddress, id, optionalText, requiredText } from './fields';

/**
 * The organisations the mutual deals with: councils, NHS trusts, integrated care boards,
 * government departments, other mutuals, suppliers. One list, used by contracts (as
 * commissioners), declarations of interest, nominee directors and agenda items (issue 10).
 */
export const COUNTERPARTY_KINDS = [
  'council',
  'nhs_trust',
  'icb',
  'nhs_england',
  'government_department',
  'public_body',
  'mutual',
  'charity',
  'company',
  'supplier',
  'other',
] as const;
export type CounterpartyKind = (typeof COUNTERPARTY_KINDS)[number];
export const COUNTERPARTY_KIND_LABEL: Record<CounterpartyKind, string> = {
  council: 'Council',
  nhs_trust: 'NHS trust or foundation trust',
  icb: 'Integrated care board',
  nhs_england: 'NHS England',
  government_department: 'Government department',
  public_body: 'Other public body',
  mutual: 'Mutual or co-operative',
  charity: 'Charity',
  company: 'Company',
  supplier: 'Supplier',
  other: 'Other',
};

/**
 * NHS Organisation Data Service codes: 3 to 6 letters and digits (trusts like "RX1", ICBs like
 * "QHG", sites like "RX1RA"). Companies House numbers: 8 characters, digits or a two-letter
 * prefix (SC, NI, OC…) and six digits.
 */
export const ODS_CODE = /^[A-Z0-9]{3,6}$/;
export const COMPANY_NUMBER = /^(\d{8}|[A-Z]{2}\d{6})$/;

const upper = (v: string | undefined) => (v === undefined ? undefined : v.replace(/\s+/g, '').toUpperCase());

export const counterpartyInput = z.strictObject({
  name: requiredText('the organisation’s name', 200, 'one'),
  kind: z.enum(COUNTERPARTY_KINDS, { error: 'Choose the kind of organisation.' }),
  odsCode: optionalText('the ODS code', 10, 'one')
    .transform(upper)
    .refine((v) => v === undefined || ODS_CODE.test(v), 'Enter the NHS ODS code as 3 to 6 letters and digits, such as RX1 or QHG.'),
  companiesHouseNumber: optionalText('the Companies House number', 10, 'one')
    .transform(upper)
    .transform((v) => (v !== undefined && /^\d{1,7}$/.test(v) ? v.padStart(8, '0') : v))
    .refine((v) => v === undefined || COMPANY_NUMBER.test(v), 'Enter the Companies House number as 8 characters, such as 01234567 or SC123456.'),
  charityNumber: optionalText('the charity number', 20, 'one'),
  societyNumber: optionalText('the society’s FCA registration number', 20, 'one'),
  contactName: optionalText('the contact’s name', 200, 'one'),
  contactEmail: emailAddress('the contact’s e-mail address'),
  contactPhone: optionalText('the contact’s telephone number', 40, 'one'),
  address: optionalText('the address', 500, 'many'),
  notes: optionalText('the notes', 2000, 'many'),
});
export type CounterpartyInput = z.input<typeof counterpartyInput>;

export const counterpartySchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(COUNTERPARTY_KINDS),
  odsCode: z.string().nullable(),
  companiesHouseNumber: z.string().nullable(),
  charityNumber: z.string().nullable(),
  societyNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  /** How many contracts it commissions, and how many current declarations of interest name it. */
  contractCount: z.number().int(),
  currentInterestCount: z.number().int(),
});
export type Counterparty = z.output<typeof counterpartySchema>;

export const counterpartyDetailSchema = counterpartySchema.extend({
  contracts: z.array(z.object({ id, reference: z.string(), title: z.string(), status: z.string(), currentEndOn: z.string().nullable() })),
  /** Declarations of interest naming it (linked, or recorded with the same name), current first. */
  interests: z.array(z.object({ id, officerId: id, officerName: z.string(), nature: z.string(), declaredOn: z.string(), endedOn: z.string().nullable() })),
  /** Directors it nominated (appointments linked to it). */
  nominees: z.array(z.object({ appointmentId: id, officerId: id, officerName: z.string(), appointedOn: z.string(), ceasedOn: z.string().nullable() })),
  decisions: z.array(z.object({ id, text: z.string(), decidedOn: z.string(), outcome: z.string() })),
});
export type CounterpartyDetail = z.output<typeof counterpartyDetailSchema>;

export const counterpartyMethods = defineMethods('counterparties', {
  'counterparties.list': method({
    kind: 'query',
    summary: 'The organisations the mutual deals with, by name; optionally of one kind or matching a search.',
    input: z.strictObject({ search: z.string().max(200).optional(), kind: z.enum(COUNTERPARTY_KINDS).optional() }),
    output: z.array(counterpartySchema),
  }),
  'counterparties.get': method({
    kind: 'query',
    summary: 'One organisation with its contracts, the declarations of interest and decisions that name it, and the directors it nominated.',
    input: z.strictObject({ id }),
    output: counterpartyDetailSchema,
  }),
  'counterparties.create': method({
    kind: 'mutation',
    summary: 'Add an organisation to the list (its name must not already be on it).',
    input: counterpartyInput,
    output: counterpartySchema,
  }),
  'counterparties.update': method({
    kind: 'mutation',
    summary: 'Correct an organisation’s name, kind, identifiers or contact.',
    input: counterpartyInput.extend({ id }),
    output: counterpartySchema,
  }),
  'counterparties.unlinkedNames': method({
    kind: 'query',
    summary: 'Organisation names typed into declarations of interest, decisions, agenda items and nominations that are not yet linked to the list, with how often each is used.',
    input: z.strictObject({}),
    output: z.array(z.object({ name: z.string(), uses: z.number().int(), matchId: id.nullable() })),
  }),
  'counterparties.linkName': method({
    kind: 'mutation',
    summary: 'Link every declaration, decision, agenda item and nomination that names an organisation in words (compared without case or spacing) to that organisation on the list. The words recorded are kept.',
    input: z.strictObject({ name: requiredText('the name used', 200, 'one'), counterpartyId: id }),
    output: z.object({ interests: z.number().int(), decisions: z.number().int(), agendaItems: z.number().int(), appointments: z.number().int() }),
  }),
});
