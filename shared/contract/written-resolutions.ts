import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, requiredText } from './fields';

/**
 * Written resolutions. The board's, where the articles allow (Model Articles pcls art 7-8: all
 * eligible directors agree in writing). Members' written resolutions of a private company
 * (CA 2006 s288-s300): eligible members are those entitled to vote on the circulation date
 * (s289); the resolution passes when members with the required majority of the total voting
 * rights of eligible members have agreed (s282(2), s283(2), s296(4)); it lapses at the end of the
 * period in the articles, 28 days by default (s297). Not for removing a director or an auditor
 * (s288(2)). A society's rules decide whether and how its members may resolve in writing.
 */
export const WRITTEN_RESOLUTION_STATUSES = ['circulating', 'passed', 'lapsed', 'withdrawn'] as const;
export const WRITTEN_RESOLUTION_STATUS_LABEL: Record<(typeof WRITTEN_RESOLUTION_STATUSES)[number], string> = {
  circulating: 'Circulating',
  passed: 'Passed',
  lapsed: 'Lapsed',
  withdrawn: 'Withdrawn',
};

/**
 * How a member or director signified agreement (CA 2006 s296(1)-(2): an authenticated document,
 * in hard copy or electronic form). 'secretary': the secretary recorded a document received, with
 * the date it was received; 'kiosk' and 'phone': the member typed their one-time agreement code at
 * the meeting laptop or on the voting station's page, which authenticates them in the manner the
 * company specifies (s1146(3)(a)), at an instant the app records. Agreement is not secret.
 */
export const AGREEMENT_CHANNELS = ['secretary', 'kiosk', 'phone'] as const;
export type AgreementChannel = (typeof AGREEMENT_CHANNELS)[number];
export const AGREEMENT_CHANNEL_LABEL: Record<AgreementChannel, string> = {
  secretary: 'recorded by the secretary',
  kiosk: 'at the meeting laptop',
  phone: 'from a phone',
};

export const writtenResolutionSchema = z.object({
  id,
  body: z.enum(['board', 'members']),
  kind: z.enum(['ordinary', 'special']).nullable(),
  text: z.string(),
  circulatedOn: z.string(),
  lapsesAfter: z.string().nullable(),
  status: z.enum(WRITTEN_RESOLUTION_STATUSES),
  decidedOn: z.string().nullable(),
  /** The organisation it concerns (a council, an NHS trust, a supplier); its decision carries it to the register. */
  relatedOrganisation: z.string().nullable(),
  decisionId: id.nullable(),
  eligible: z.number().int(),
  totalVotes: z.number().int(),
  votesAgreed: z.number().int(),
  /** The result so far in words, on the base the law sets. */
  message: z.string(),
  /** Eligible members holding a one-time agreement code (members' resolutions of a company only). */
  codesIssued: z.number().int(),
  signatories: z.array(
    z.object({
      id,
      officerId: id.nullable(),
      memberId: id.nullable(),
      name: z.string(),
      votes: z.number().int(),
      /** The date agreement was received (s296(1)); the date of `agreedAt` where agreed with a code. */
      agreedOn: z.string().nullable(),
      /** The instant agreement was signified with a code; null where the secretary recorded only the date received. */
      agreedAt: z.string().nullable(),
      /** How agreement was signified; null while they have not agreed. */
      agreedVia: z.enum(AGREEMENT_CHANNELS).nullable(),
      /** Whether they hold an agreement code (used or not). */
      hasCode: z.boolean(),
    }),
  ),
});
export type WrittenResolution = z.output<typeof writtenResolutionSchema>;

/** An agreement code as issued: shown once, here only; the core keeps its hash. */
export const issuedAgreementCodeSchema = z.object({ signatoryId: id, memberNumber: z.number().int().nullable(), name: z.string(), code: z.string() });
export type IssuedAgreementCode = z.output<typeof issuedAgreementCodeSchema>;

/** What a member who agreed with their code is told (the station passes on only what its page needs). */
export const agreedWithCodeSchema = z.object({
  /** The member whose code it was (agreement is not secret). */
  name: z.string(),
  /** The instant agreement was signified (ISO 8601, UTC). */
  agreedAt: isoInstant,
  /** Whether this agreement made the resolution pass (s296(4)). */
  passed: z.boolean(),
  resolution: writtenResolutionSchema,
});
export type AgreedWithCode = z.output<typeof agreedWithCodeSchema>;

export const writtenResolutionMethods = defineMethods('writtenResolutions', {
  'writtenResolutions.list': method({
    kind: 'query',
    summary: 'Written resolutions of the board and of members, newest first (lapses are applied as they are read).',
    input: z.strictObject({ body: z.enum(['board', 'members']).optional() }),
    output: z.array(writtenResolutionSchema.omit({ signatories: true })),
  }),
  'writtenResolutions.get': method({
    kind: 'query',
    summary: 'One written resolution with everyone eligible and their agreement.',
    input: z.strictObject({ id }),
    output: writtenResolutionSchema,
  }),
  'writtenResolutions.circulate': method({
    kind: 'mutation',
    summary: 'Circulate a written resolution: the eligible directors or members are fixed on the circulation date.',
    input: z.strictObject({
      body: z.enum(['board', 'members']),
      kind: z.enum(['ordinary', 'special']).optional(),
      text: requiredText('the text of the resolution', 10000, 'many'),
      circulatedOn: legalDate('the circulation date'),
      /** s288(2): a written resolution cannot remove a director (s168) or an auditor (s510). */
      purpose: z.enum(['other', 'remove_director', 'remove_auditor']).default('other'),
      /** The organisation it concerns: kept with it and its decision; for the board, directors with an interest in it are not eligible (art 8(3), 14). */
      relatedOrganisation: optionalText('the related organisation', 200, 'one'),
    }),
    output: writtenResolutionSchema,
  }),
  'writtenResolutions.recordAgreement': method({
    kind: 'mutation',
    summary: 'Record that an eligible director or member signified agreement on a date (a document received); members may also agree with a code (agreeWithCode).',
    input: z.strictObject({ id, signatoryId: id, agreedOn: legalDate('the date agreement was received') }),
    output: writtenResolutionSchema,
  }),
  'writtenResolutions.issueCodes': method({
    kind: 'mutation',
    summary:
      "Issue one-time agreement codes to the eligible members of a circulating members' written resolution who have not agreed (all, or those chosen). Shown once; only their hashes are kept. Reissuing cancels the old code.",
    input: z.strictObject({ id, signatoryIds: z.array(id).max(100_000).optional(), reissue: z.boolean().default(false) }),
    output: z.object({ codes: z.array(issuedAgreementCodeSchema), resolution: writtenResolutionSchema }),
  }),
  'writtenResolutions.agreeWithCode': method({
    kind: 'mutation',
    summary:
      "A member signifies agreement to a members' written resolution with their one-time code, at the meeting laptop ('kiosk') or from a phone on the voting station ('phone'): recorded with the instant and the channel; the resolution passes at once when the required majority of the total voting rights of eligible members have agreed (CA 2006 s296(4)).",
    input: z.strictObject({ id, code: z.string().max(100), via: z.enum(['kiosk', 'phone']) }),
    output: agreedWithCodeSchema,
  }),
  'writtenResolutions.withdraw': method({
    kind: 'mutation',
    summary: 'Withdraw a written resolution that is still circulating.',
    input: z.strictObject({ id }),
    output: writtenResolutionSchema,
  }),
});
