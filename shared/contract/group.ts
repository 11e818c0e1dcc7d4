import { z } from 'zod';
import { LEGAL_FORMS } from '../domain/legal-form';
import { defineMethods, method } from './method';
import { hasAtMostTwoDecimals, id, isoInstant, legalDate, optionalText, requiredText, wholeNumber } from './fields';
import { organisationSchema, setUpSchema } from './organisation';

/**
 * Group structures (issue 11): one file may keep several organisations, one of them current (every
 * screen shows the current one's records, and only them), and how they relate: a parent and its
 * subsidiaries (with how the parent holds each: shares or membership), and sisters that share a
 * secretariat without either holding the other.
 */
export const RELATION_KINDS = ['subsidiary', 'sister'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_KIND_LABEL: Record<RelationKind, string> = {
  subsidiary: 'Subsidiary',
  sister: 'Sister (shares a secretariat)',
};

export const HOLDING_BASES = ['shares', 'membership'] as const;
export type HoldingBasis = (typeof HOLDING_BASES)[number];
export const HOLDING_BASIS_LABEL: Record<HoldingBasis, string> = {
  shares: 'Holds shares',
  membership: 'Is a member',
};
/** The choices as the relation form offers them (its radio buttons); messages name them in these words. */
export const HOLDING_BASIS_CHOICE: Record<HoldingBasis, string> = {
  shares: 'It holds shares',
  membership: 'It is a member (for example of a society)',
};

const percentage = (what: string) =>
  z
    .number({ error: `Enter ${what} as a number from 0 to 100.` })
    .min(0, `${what.charAt(0).toUpperCase()}${what.slice(1)} cannot be negative.`)
    .max(100, `${what.charAt(0).toUpperCase()}${what.slice(1)} cannot be more than 100%.`)
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.');

/** How a parent holds its subsidiary: always in words, with the figures where they are known. */
export const holdingSchema = z
  .strictObject({
    basis: z.enum(HOLDING_BASES, { error: 'Choose how the parent holds it: shares or membership.' }),
    words: requiredText('how the parent holds it', 500),
    /** Shares held (basis 'shares'). */
    sharesHeld: wholeNumber('the number of shares held', 0, 1_000_000_000_000).nullable().optional(),
    /** Percentage of the ordinary shares (basis 'shares'). */
    sharesPct: percentage('the percentage of the ordinary shares').nullable().optional(),
    /** Percentage of the votes (either basis). */
    votesPct: percentage('the percentage of the votes').nullable().optional(),
    /** The class of membership held (basis 'membership'). */
    membershipClass: optionalText('the class of membership', 200),
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'membership' && (v.sharesHeld != null || v.sharesPct != null)) {
      ctx.addIssue({ code: 'custom', path: ['sharesHeld'], message: `A holding by membership has no shares: choose “${HOLDING_BASIS_CHOICE.shares}”, or leave the shares empty.` });
    }
    if (v.basis === 'shares' && v.membershipClass) {
      ctx.addIssue({ code: 'custom', path: ['membershipClass'], message: 'A class of membership is for a holding by membership.' });
    }
  });
export type Holding = z.output<typeof holdingSchema>;

export const holdingViewSchema = z.object({
  basis: z.enum(HOLDING_BASES),
  words: z.string(),
  sharesHeld: z.number().int().nullable(),
  sharesPct: z.number().nullable(),
  votesPct: z.number().nullable(),
  membershipClass: z.string().nullable(),
});
export type HoldingView = z.output<typeof holdingViewSchema>;

export const relationSchema = z.object({
  id,
  /** The parent (subsidiary) or the first party (sister). */
  organisationId: id,
  organisationName: z.string(),
  relatedOrganisationId: id,
  relatedOrganisationName: z.string(),
  kind: z.enum(RELATION_KINDS),
  holding: holdingViewSchema.nullable(),
  sinceOn: z.string(),
  endedOn: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Relation = z.output<typeof relationSchema>;

export const groupOrganisationSchema = z.object({
  id,
  name: z.string(),
  legalForm: z.enum(LEGAL_FORMS),
  registrationNumber: z.string(),
  current: z.boolean(),
  /** Every relation this organisation is a party to (either side), ended ones too. */
  relations: z.array(relationSchema),
});
export type GroupOrganisation = z.output<typeof groupOrganisationSchema>;

export const groupMethods = defineMethods('group', {
  'group.organisations': method({
    kind: 'query',
    summary: 'Every organisation this file keeps (the current one marked), with how each relates to the others.',
    input: z.strictObject({}),
    output: z.object({ organisations: z.array(groupOrganisationSchema), relations: z.array(relationSchema) }),
  }),
  'group.switch': method({
    kind: 'command',
    summary: 'Make another organisation in this file the current one (refused while a job is running or the voting station is open).',
    input: z.strictObject({ organisationId: id }),
    output: organisationSchema,
  }),
  'group.addOrganisation': method({
    kind: 'mutation',
    summary: 'Set up another organisation in this file (the same particulars and rules as the first-run set-up); the current one stays current.',
    input: setUpSchema,
    output: organisationSchema,
  }),
  'group.setRelation': method({
    kind: 'mutation',
    summary: 'Record how two organisations in the file relate (subsidiary with the holding, or sister), replacing what was recorded for the pair.',
    input: z
      .strictObject({
        organisationId: id,
        relatedOrganisationId: id,
        kind: z.enum(RELATION_KINDS, { error: 'Choose how they relate.' }),
        holding: holdingSchema.nullable().optional(),
        sinceOn: legalDate('the date the relation began'),
      })
      .superRefine((v, ctx) => {
        if (v.organisationId === v.relatedOrganisationId) {
          ctx.addIssue({ code: 'custom', path: ['relatedOrganisationId'], message: 'Choose another organisation: an organisation cannot be related to itself.' });
        }
        if (v.kind === 'subsidiary' && !v.holding) {
          ctx.addIssue({ code: 'custom', path: ['holding', 'words'], message: 'Say how the parent holds its subsidiary (its shares or its membership).' });
        }
        if (v.kind === 'sister' && v.holding) {
          ctx.addIssue({ code: 'custom', path: ['holding', 'basis'], message: 'Sister organisations share a secretariat; neither holds the other, so there is no holding to record.' });
        }
      }),
    output: relationSchema,
  }),
  'group.endRelation': method({
    kind: 'mutation',
    summary: 'Record that a relation between two organisations ended (the parent sold its holding, the secretariat is no longer shared).',
    input: z.strictObject({ id, endedOn: legalDate('the date the relation ended') }),
    output: relationSchema,
  }),
});
