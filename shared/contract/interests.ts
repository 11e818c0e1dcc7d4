import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';

/**
 * Declarations of interest by directors (CA 2006 s177 for proposed transactions, s182 for
 * existing ones; a society's rules make the like provision for its committee).
 */
export const INTEREST_CATEGORIES = ['employment', 'directorship', 'shareholding', 'contract', 'family', 'gift_or_hospitality', 'other'] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];
export const INTEREST_CATEGORY_LABEL: Record<(typeof INTEREST_CATEGORIES)[number], string> = {
  employment: 'Employment',
  directorship: 'Directorship or trusteeship',
  shareholding: 'Shareholding',
  contract: 'Contract or business relationship',
  family: 'Family or personal relationship',
  gift_or_hospitality: 'Gift or hospitality',
  other: 'Other',
};

export const interestSchema = z.object({
  id,
  officerId: id,
  officerName: z.string(),
  category: z.enum(INTEREST_CATEGORIES),
  nature: z.string(),
  relatedOrganisation: z.string().nullable(),
  /** The organisation on the list of organisations it concerns, where linked (issue 10). */
  counterpartyId: id.nullable(),
  declaredOn: z.string(),
  endedOn: z.string().nullable(),
});
export type Interest = z.output<typeof interestSchema>;

export const interestMethods = defineMethods('interests', {
  'interests.list': method({
    kind: 'query',
    summary: 'Declarations of interest (CA 2006 s177/s182), optionally for one officer or only current ones.',
    input: z.strictObject({ officerId: id.optional(), currentOnly: z.boolean().optional() }),
    output: z.array(interestSchema),
  }),
  'interests.declare': method({
    kind: 'mutation',
    summary: 'Record a declaration of interest.',
    input: z.strictObject({
      officerId: id,
      category: z.enum(INTEREST_CATEGORIES, { error: 'Choose the kind of interest.' }),
      nature: requiredText('the nature of the interest', 500),
      relatedOrganisation: optionalText('the related organisation', 200),
      /** The organisation from the list of organisations; its name is recorded when relatedOrganisation is empty. */
      counterpartyId: id.optional(),
      declaredOn: legalDate('the date declared'),
    }),
    output: interestSchema,
  }),
  'interests.end': method({
    kind: 'mutation',
    summary: 'Record that a declared interest has ended.',
    input: z.strictObject({ id, endedOn: legalDate('the date the interest ended') }),
    output: interestSchema,
  }),
});
