import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';

/**
 * The log of requests to inspect or copy the register of members (CA 2006 s116-s117, for
 * companies only: request with purpose, answer within 5 working days). A society's register is
 * inspected under CCBS Act 2014 s103 with no request to log (shared/rules/inspection.ts).
 */
export const INSPECTION_OUTCOMES = ['open', 'inspected', 'copy_provided', 'declined'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

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
  outcome: z.enum(INSPECTION_OUTCOMES),
  outcomeNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type InspectionRequest = z.output<typeof inspectionSchema>;

export const inspectionMethods = defineMethods('inspections', {
  'inspections.list': method({
    kind: 'query',
    summary: 'The log of requests to inspect or copy the register, with due dates.',
    input: z.strictObject({}),
    output: z.array(inspectionSchema),
  }),
  'inspections.log': method({
    kind: 'mutation',
    summary: 'Record a request (CA 2006 s116(4): name, address, purpose, whether it will be shared); companies only.',
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
});
