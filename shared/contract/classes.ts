import { z } from 'zod';
import { defineMethods, method } from './method';
import { hasAtMostTwoDecimals, id, isoInstant, optionalText, penceAmount, requiredText, wholeNumber } from './fields';

/** How a class's members vote: a number of votes each, one per share held, or not at all. */
export const VOTING_RIGHTS = ['per_member', 'per_share', 'none'] as const;
export type VotingRights = (typeof VOTING_RIGHTS)[number];
export const VOTING_RIGHTS_LABEL: Record<VotingRights, string> = {
  per_member: 'Votes per member',
  per_share: 'One vote per share',
  none: 'No vote (non-voting)',
};

const nullableWhole = (what: string, min: number, max: number) => wholeNumber(what, min, max).nullable();

export const eligibilitySchema = z.strictObject({
  minAgeYears: nullableWhole('the minimum age', 0, 100),
  minWeeklyHours: z
    .number({ error: 'Enter the minimum hours as a number.' })
    .min(0, 'The minimum hours cannot be negative.')
    .max(100, 'The minimum hours must be no more than 100.')
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.')
    .nullable(),
  minServiceMonths: nullableWhole('the minimum service', 0, 600),
});
export type Eligibility = z.output<typeof eligibilitySchema>;

export const shareTermsSchema = z.strictObject({
  /** Nominal value of one share in pence (e.g. 100 = £1). */
  nominalPence: penceAmount('the nominal value', 1, 100_000_000),
  /** Societies only: members may withdraw them as the rules provide (CCBS Act 2014 Sch 1). */
  withdrawable: z.boolean(),
  transferable: z.boolean(),
  maxHolding: nullableWhole('the maximum holding', 1, 1_000_000_000),
  /** Companies only: issued as redeemable at the option of the company or the holder (CA 2006 s684). */
  redeemable: z.boolean().default(false),
  /** Each share has a distinguishing number, which the register shows (CA 2006 s113(3)(a)(i)). */
  numbered: z.boolean().default(false),
});
export type ShareTerms = z.output<typeof shareTermsSchema>;

/**
 * A cap on the class's share of the total votes in a ballot, as a society's rules may set for its
 * non-user (investor or supporter) members: the Co-operatives UK Multi-stakeholder Co-operative
 * Model Rules let a society weight voting by member category, and the Community Shares Handbook
 * §2.2.7.3 gives rules limiting non-user investor members to 10% of the votes. The ballot's roll
 * weights the class to exactly its cap where it would otherwise hold more
 * (shared/rules/ballot-roll.ts). Held as basis points (1000 = 10%), so two decimals at most.
 */
export const voteCapSchema = z.strictObject({
  pct: z
    .number({ error: 'Enter the cap as a percentage of the votes, such as 10.' })
    .gt(0, 'The cap must be more than 0% of the votes.')
    .lt(100, 'The cap must be less than 100% of the votes; a class that may hold all of them has no cap.')
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places for the cap.'),
  source: requiredText('the rule that sets the cap', 200, 'one'),
});
export type VoteCap = z.output<typeof voteCapSchema>;

export const NO_VOTE_NO_CAP = 'A class with no voting rights has no votes to cap. Choose how its members vote, or take off the cap.';

export const classInputSchema = z
  .strictObject({
    name: requiredText('the class name', 80),
    description: optionalText('who may join', 1000),
    votingRights: z.enum(VOTING_RIGHTS, { error: 'Choose the voting rights.' }),
    votesPerMember: wholeNumber('the votes per member', 1, 100),
    isEmployeeClass: z.boolean(),
    eligibility: eligibilitySchema,
    /** Required where the legal form has shares; null otherwise. */
    shareTerms: shareTermsSchema.nullable(),
    /** A cap on the class's share of a ballot's votes set by the rules; null (the default): no cap. */
    voteCap: voteCapSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.votingRights === 'none' && v.voteCap) ctx.addIssue({ code: 'custom', path: ['voteCap', 'pct'], message: NO_VOTE_NO_CAP });
  });
export type ClassInput = z.input<typeof classInputSchema>;

export const membershipClassSchema = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  votingRights: z.enum(VOTING_RIGHTS),
  votesPerMember: z.number().int(),
  isEmployeeClass: z.boolean(),
  eligibility: z.object({ minAgeYears: z.number().nullable(), minWeeklyHours: z.number().nullable(), minServiceMonths: z.number().nullable() }),
  shareTerms: z
    .object({
      nominalPence: z.number().int(),
      withdrawable: z.boolean(),
      transferable: z.boolean(),
      maxHolding: z.number().int().nullable(),
      redeemable: z.boolean(),
      numbered: z.boolean(),
    })
    .nullable(),
  voteCap: z.object({ pct: z.number(), source: z.string() }).nullable(),
  currentMembers: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type MembershipClass = z.output<typeof membershipClassSchema>;

export const classMethods = defineMethods('classes', {
  'classes.list': method({
    kind: 'query',
    summary: 'Membership classes with their terms and current member counts.',
    input: z.strictObject({}),
    output: z.array(membershipClassSchema),
  }),
  'classes.create': method({
    kind: 'mutation',
    summary: 'Define a membership class.',
    input: classInputSchema,
    output: membershipClassSchema,
  }),
  'classes.update': method({
    kind: 'mutation',
    summary: 'Change a class; terms that would make current members ineligible or over-holding are refused.',
    input: z.strictObject({ id, changes: classInputSchema }),
    output: membershipClassSchema,
  }),
  'classes.delete': method({
    kind: 'mutation',
    summary: 'Delete a class that has never had a member.',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.literal(true) }),
  }),
});
