import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';

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
  signatories: z.array(z.object({ id, officerId: id.nullable(), memberId: id.nullable(), name: z.string(), votes: z.number().int(), agreedOn: z.string().nullable() })),
});
export type WrittenResolution = z.output<typeof writtenResolutionSchema>;

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
    summary: 'Record that an eligible director or member signified agreement on a date (received; electronic collection comes with voting).',
    input: z.strictObject({ id, signatoryId: id, agreedOn: legalDate('the date agreement was received') }),
    output: writtenResolutionSchema,
  }),
  'writtenResolutions.withdraw': method({
    kind: 'mutation',
    summary: 'Withdraw a written resolution that is still circulating.',
    input: z.strictObject({ id }),
    output: writtenResolutionSchema,
  }),
});
