import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, penceAmount, requiredText, wholeNumber } from './fields';
import { uploadId } from './uploads';
import { PROCUREMENT_ROUTES, type ProcurementRoute } from '../rules/procurement/routes';

/**
 * Contract records (issue 10): the mutual's public service contracts, their dates and money, the
 * dated duties they carry, the board decisions and conflicts behind them, and whether a contract
 * could be reserved to the mutual under the Procurement Act 2023 s33.
 *
 * A contract's status is never typed in: it is derived from its dates
 * (shared/rules/procurement/contract-terms.ts). Money is integer pence, shown as pounds.
 */
export const CONTRACT_STATUSES = ['pipeline', 'awarded', 'live', 'in_extension', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  pipeline: 'Pipeline (bid in preparation)',
  awarded: 'Awarded, not yet started',
  live: 'Live',
  in_extension: 'In an extension',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const KPI_FREQUENCIES = ['monthly', 'quarterly', 'six_monthly', 'annual'] as const;
export const KPI_FREQUENCY_LABEL: Record<(typeof KPI_FREQUENCIES)[number], string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  six_monthly: 'Every six months',
  annual: 'Annually',
};
export const CONTRACT_DOCUMENT_KINDS = ['contract', 'variation', 'letter', 'tender', 'other'] as const;
export const CONTRACT_DOCUMENT_KIND_LABEL: Record<(typeof CONTRACT_DOCUMENT_KINDS)[number], string> = {
  contract: 'Contract',
  variation: 'Variation',
  letter: 'Letter',
  tender: 'Tender or bid',
  other: 'Other',
};
export const CONTRACT_DECISION_PURPOSES = ['bid', 'sign', 'vary', 'extend', 'end', 'other'] as const;
export const CONTRACT_DECISION_PURPOSE_LABEL: Record<(typeof CONTRACT_DECISION_PURPOSES)[number], string> = {
  bid: 'Approved bidding',
  sign: 'Approved signing',
  vary: 'Approved a variation',
  extend: 'Approved extending',
  end: 'Approved ending',
  other: 'Other',
};
export const DUTY_KINDS = ['extension_decision', 'extension_notice', 'break_notice', 'price_review', 'kpi_report', 'end'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_KIND_LABEL: Record<DutyKind, string> = {
  extension_decision: 'Extension decision',
  extension_notice: 'Extension notice',
  break_notice: 'Break notice',
  price_review: 'Price review',
  kpi_report: 'KPI report',
  end: 'Contract ends',
};

/**
 * The procurement route and legal basis of an award. The law behind each, its citation and any
 * maximum term it sets are in shared/rules/procurement/routes.ts.
 */
export { PROCUREMENT_ROUTES, type ProcurementRoute };

/** Documents kept inside the database file; anything larger is refused before it is sent. */
export const CONTRACT_DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;
/**
 * The largest value accepted: £10 billion. No public service mutual's contract comes near it; a
 * figure above it is a typing slip (pence typed as pounds), refused with this limit named.
 */
export const CONTRACT_VALUE_MAX_PENCE = 1_000_000_000_000;

/** A CPV code as typed: eight digits, with or without the hyphen and check digit ("85310000-5"). */
export const cpvCode = z
  .string({ error: 'Enter a CPV code.' })
  .trim()
  .regex(/^\d{8}(-\d)?$/, 'Enter a CPV code as eight digits and a check digit, such as 85310000-5.');

const optionalDate = (what: string) => legalDate(what).optional().or(z.literal('').transform(() => undefined));
const child = { id: id.optional() };

export const contractInput = z.strictObject({
  counterpartyId: id,
  reference: requiredText('the commissioner’s contract reference', 100, 'one'),
  title: requiredText('the title of the contract', 300, 'one'),
  description: optionalText('the description of the services', 4000, 'many'),
  /** CPV codes of the services; each must exist in the CPV 2008 list shipped with the app. */
  services: z.array(cpvCode).max(50, 'Keep to 50 service categories or fewer.'),
  route: z.enum(PROCUREMENT_ROUTES, { error: 'Choose the procurement route and legal basis.' }),
  bidDueOn: optionalDate('the date the bid is due'),
  awardOn: optionalDate('the award date'),
  startOn: optionalDate('the start date'),
  endOn: optionalDate('the end date of the initial term'),
  annualValuePence: penceAmount('the annual value', 0, CONTRACT_VALUE_MAX_PENCE).optional(),
  wholeLifeValuePence: penceAmount('the whole-life value', 0, CONTRACT_VALUE_MAX_PENCE).optional(),
  managerOfficerId: id.optional(),
  managerName: optionalText('the contract manager’s name', 200, 'one'),
  notes: optionalText('the notes', 4000, 'many'),
  extensions: z
    .array(
      z.strictObject({
        ...child,
        lengthMonths: wholeNumber('the length of the extension in months', 1, 240),
        decisionBy: optionalDate('the date the extension must be decided by'),
        noticeBy: optionalDate('the date notice of extension must be given by'),
      }),
    )
    .max(10, 'Keep to 10 extension options or fewer.'),
  breaks: z
    .array(
      z.strictObject({
        ...child,
        earliestOn: optionalDate('the earliest date the break can take effect'),
        noticeDays: wholeNumber('the notice period in days', 0, 3650),
        description: requiredText('what the break clause allows', 500, 'one'),
      }),
    )
    .max(20),
  priceReviews: z.array(z.strictObject({ ...child, reviewOn: legalDate('the price review date'), note: optionalText('the note', 500, 'one') })).max(100),
  kpis: z
    .array(
      z.strictObject({
        ...child,
        name: requiredText('the name of the KPI', 200, 'one'),
        target: optionalText('the target', 200, 'one'),
        frequency: z.enum(KPI_FREQUENCIES, { error: 'Choose how often the KPI is reported.' }),
        firstDueOn: legalDate('the first reporting date'),
      }),
    )
    .max(100),
});
export type ContractInput = z.input<typeof contractInput>;

const dutySchema = z.object({
  contractId: id,
  key: z.string(),
  kind: z.enum(DUTY_KINDS),
  dueOn: z.string(),
  title: z.string(),
  done: z.object({ doneOn: z.string(), recordedBy: z.string(), recordedAt: isoInstant, note: z.string().nullable() }).nullable(),
  /** Due before today and not recorded as done: flagged until it is. */
  overdue: z.boolean(),
});
export type Duty = z.output<typeof dutySchema>;

export const timelineEntrySchema = dutySchema.extend({
  contractReference: z.string(),
  contractTitle: z.string(),
  counterpartyName: z.string(),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export const contractSummarySchema = z.object({
  id,
  reference: z.string(),
  title: z.string(),
  counterpartyId: id,
  counterpartyName: z.string(),
  route: z.enum(PROCUREMENT_ROUTES),
  status: z.enum(CONTRACT_STATUSES),
  awardOn: z.string().nullable(),
  startOn: z.string().nullable(),
  currentEndOn: z.string().nullable(),
  maximumEndOn: z.string().nullable(),
  annualValuePence: z.number().int().nullable(),
  wholeLifeValuePence: z.number().int().nullable(),
  nextDuty: z.object({ key: z.string(), dueOn: z.string(), title: z.string() }).nullable(),
  overdueCount: z.number().int(),
});
export type ContractSummary = z.output<typeof contractSummarySchema>;

export const contractDetailSchema = contractSummarySchema.extend({
  description: z.string().nullable(),
  bidDueOn: z.string().nullable(),
  endOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  managerOfficerId: id.nullable(),
  managerName: z.string().nullable(),
  notes: z.string().nullable(),
  /** "4 years 11 months", with every extension option not declined. */
  maximumTerm: z.string().nullable(),
  services: z.array(z.object({ code: z.string(), description: z.string(), lightTouch: z.boolean(), reservable: z.boolean() })),
  extensions: z.array(
    z.object({ id, position: z.number().int(), lengthMonths: z.number().int(), decisionBy: z.string().nullable(), noticeBy: z.string().nullable(), exercisedOn: z.string().nullable(), declinedOn: z.string().nullable() }),
  ),
  breaks: z.array(z.object({ id, earliestOn: z.string().nullable(), noticeDays: z.number().int(), description: z.string() })),
  priceReviews: z.array(z.object({ id, reviewOn: z.string(), note: z.string().nullable() })),
  kpis: z.array(z.object({ id, name: z.string(), target: z.string().nullable(), frequency: z.enum(KPI_FREQUENCIES), firstDueOn: z.string() })),
  variations: z.array(z.object({ id, madeOn: z.string(), description: z.string(), valueChangePence: z.number().int(), newEndOn: z.string().nullable() })),
  documents: z.array(
    z.object({ id, title: z.string(), fileName: z.string(), kind: z.enum(CONTRACT_DOCUMENT_KINDS), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), addedAt: isoInstant }),
  ),
  decisions: z.array(
    z.object({ decisionId: id, purpose: z.enum(CONTRACT_DECISION_PURPOSES), text: z.string(), decidedOn: z.string(), outcome: z.string(), meetingId: id.nullable(), meetingTitle: z.string().nullable() }),
  ),
  /**
   * Directors with a current declaration of interest naming the commissioner (linked to it, or
   * recorded with the same name): conflicted on this contract (CA 2006 s177, s182; a society's rules).
   */
  conflicted: z.array(z.object({ officerId: id, name: z.string(), interestId: id, nature: z.string(), declaredOn: z.string() })),
  agendaItems: z.array(z.object({ id, title: z.string(), meetingId: id, meetingTitle: z.string(), heldOn: z.string() })),
  duties: z.array(dutySchema),
});
export type ContractDetail = z.output<typeof contractDetailSchema>;

export const fileResult = z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });

export const contractMethods = defineMethods('contracts', {
  'contracts.list': method({
    kind: 'query',
    summary: 'Contracts and bids with their derived status, current end and next duty; filtered by status, commissioner or words.',
    input: z.strictObject({
      status: z.enum(CONTRACT_STATUSES).optional(),
      counterpartyId: id.optional(),
      search: z.string().max(200).optional(),
    }),
    output: z.array(contractSummarySchema),
  }),
  'contracts.get': method({
    kind: 'query',
    summary: 'One contract with its services, options, clauses, KPIs, variations, documents, decisions, conflicted directors and duties.',
    input: z.strictObject({ id }),
    output: contractDetailSchema,
  }),
  'contracts.create': method({
    kind: 'mutation',
    summary: 'Record a contract or a bid in preparation, with its dated duties.',
    input: contractInput,
    output: contractDetailSchema,
  }),
  'contracts.update': method({
    kind: 'mutation',
    summary: 'Correct a contract: its parts keep their ids (and their duties their done state) where given.',
    input: contractInput.extend({ id }),
    output: contractDetailSchema,
  }),
  'contracts.recordVariation': method({
    kind: 'mutation',
    summary: 'Record a variation made to the contract, with its effect on value and term.',
    input: z.strictObject({
      contractId: id,
      madeOn: legalDate('the date the variation was made'),
      description: requiredText('what the variation changed', 1000, 'many'),
      valueChangePence: z
        .number({ error: 'Enter the change in value in pounds and pence, such as -1500.00.' })
        .int('Enter the change in value in pounds and pence, such as -1500.00.')
        .min(-CONTRACT_VALUE_MAX_PENCE)
        .max(CONTRACT_VALUE_MAX_PENCE),
      newEndOn: optionalDate('the new end date'),
    }),
    output: contractDetailSchema,
  }),
  'contracts.decideExtension': method({
    kind: 'mutation',
    summary: 'Record that an extension option was exercised or declined, and on what date.',
    input: z.strictObject({ contractId: id, extensionId: id, decision: z.enum(['exercised', 'declined']), on: legalDate('the date of the decision') }),
    output: contractDetailSchema,
  }),
  'contracts.terminate': method({
    kind: 'mutation',
    summary: 'Record that the contract was ended early, on what date and why.',
    input: z.strictObject({ id, terminatedOn: legalDate('the date it ended'), reason: requiredText('why it ended', 1000, 'many') }),
    output: contractDetailSchema,
  }),
  'contracts.linkDecision': method({
    kind: 'mutation',
    summary: 'Link a decision in the decisions register to the contract (bidding, signing, varying, extending, ending).',
    input: z.strictObject({ contractId: id, decisionId: id, purpose: z.enum(CONTRACT_DECISION_PURPOSES, { error: 'Choose what the decision approved.' }) }),
    output: contractDetailSchema,
  }),
  'contracts.unlinkDecision': method({
    kind: 'mutation',
    summary: 'Remove a link between a decision and the contract (the decision itself is unchanged).',
    input: z.strictObject({ contractId: id, decisionId: id }),
    output: contractDetailSchema,
  }),
  'contracts.attachDocument': method({
    // A command, as meetings.attachPaper is: it takes the upload, then records the change in a mutation of its own.
    kind: 'command',
    summary: 'Keep an uploaded document with the contract, inside the database file with its SHA-256; its type is checked from its contents; at most 50 MB.',
    input: z.strictObject({ contractId: id, uploadId, title: requiredText('the document’s title', 300, 'one'), kind: z.enum(CONTRACT_DOCUMENT_KINDS) }),
    output: contractDetailSchema,
  }),
  'contracts.removeDocument': method({
    kind: 'mutation',
    summary: 'Remove a document from the contract.',
    input: z.strictObject({ contractId: id, documentId: id }),
    output: contractDetailSchema,
  }),
  'contracts.readDocument': method({
    kind: 'command',
    summary: 'Make a contract document available to download (read back with exports.readFile), after checking its SHA-256.',
    input: z.strictObject({ contractId: id, documentId: id }),
    output: fileResult,
  }),
  'contracts.recordDutyDone': method({
    kind: 'mutation',
    summary: 'Record a dated duty as done: it stops being flagged. Who recorded it and when is kept.',
    input: z.strictObject({ contractId: id, key: z.string().min(1).max(200), doneOn: legalDate('the date it was done'), note: optionalText('the note', 500, 'one') }),
    output: contractDetailSchema,
  }),
  'contracts.reopenDuty': method({
    kind: 'mutation',
    summary: 'Undo recording a duty as done (it was recorded in error).',
    input: z.strictObject({ contractId: id, key: z.string().min(1).max(200) }),
    output: contractDetailSchema,
  }),
  'contracts.timeline': method({
    kind: 'query',
    summary: 'Dated duties across every contract due between two dates, and, if asked, every earlier one not done (overdue).',
    input: z.strictObject({ from: legalDate('the first date'), to: legalDate('the last date'), includeOverdue: z.boolean(), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.object({ entries: z.array(timelineEntrySchema), overdueCount: z.number().int(), truncated: z.boolean() }),
  }),
  'contracts.exportCalendar': method({
    kind: 'command',
    summary: 'The dated duties as an iCalendar (.ics) file for Outlook: one event per duty, with stable UIDs so a re-import updates changed dates.',
    input: z.strictObject({ contractId: id.optional() }),
    output: fileResult.extend({ events: z.number().int() }),
  }),
  'contracts.cpvSearch': method({
    kind: 'query',
    summary: 'CPV 2008 codes matching a code prefix or words, light touch services first.',
    input: z.strictObject({ text: z.string().max(100), limit: z.number().int().min(1).max(100).optional() }),
    output: z.array(z.object({ code: z.string(), description: z.string(), lightTouch: z.boolean(), reservable: z.boolean() })),
  }),
});
