import { z } from 'zod';
import { FILING_FORMS } from '../rules/companies-house';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, requiredText } from './fields';

/**
 * Companies House filing duties (companies only). Since 18 November 2025 (ECCTA 2023) a company
 * keeps no register of directors, secretaries or people with significant control: it notifies
 * Companies House of each change within 14 days (CA 2006 s167G, s167H, s279G, s279H, s790LA).
 * Each change recorded in the app creates the duty to file, in the same transaction; the
 * secretary marks it filed once it is.
 */
export const FILING_STATUSES = ['open', 'done', 'all'] as const;
export const FILING_OUTCOMES = ['filed', 'not_required'] as const;
export type FilingOutcome = (typeof FILING_OUTCOMES)[number];

export const filingDutySchema = z.object({
  id,
  form: z.enum(FILING_FORMS),
  /** Companies House's title for the form: "Appoint a director". */
  formTitle: z.string(),
  /** What changed, in words: "Priya Shah appointed director on 1 December 2026". */
  description: z.string(),
  subjectType: z.enum(['officer', 'psc', 'psc_statement']),
  subjectId: id,
  /** The day of the change (for a PSC, the day the company had confirmation of it). */
  eventOn: z.string(),
  dueOn: z.string(),
  /** Why that day: the section and how the period runs. */
  source: z.string(),
  overdue: z.boolean(),
  /** Days to the due day from today (negative once overdue). */
  daysLeft: z.number().int(),
  /** Something to do before the form can be filed (an AP01 needs the director's verified identity), or null. */
  blocker: z.string().nullable(),
  outcome: z.enum(FILING_OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoInstant,
});
export type FilingDuty = z.output<typeof filingDutySchema>;

export const filingMethods = defineMethods('filings', {
  'filings.list': method({
    kind: 'query',
    summary: 'Companies House filing duties, open ones by due date; not applicable to a society.',
    input: z.strictObject({ status: z.enum(FILING_STATUSES).optional() }),
    output: z.object({
      applicable: z.boolean(),
      /** Why not, for a society. */
      reason: z.string().nullable(),
      /** The day the app began tracking duties for this file; changes recorded earlier have none. */
      trackedSince: z.string().nullable(),
      duties: z.array(filingDutySchema),
    }),
  }),
  'filings.markFiled': method({
    kind: 'mutation',
    summary: 'Record that a form was filed at Companies House.',
    input: z.strictObject({
      id,
      filedOn: legalDate('the date it was filed'),
      reference: optionalText('the Companies House reference', 60),
    }),
    output: filingDutySchema,
  }),
  'filings.markNotRequired': method({
    kind: 'mutation',
    summary: 'Record that no filing was needed for a change, and why.',
    input: z.strictObject({ id, reason: requiredText('why no filing was needed', 300) }),
    output: filingDutySchema,
  }),
});
