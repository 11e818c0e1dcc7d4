import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText, wholeNumber } from './fields';
import { MEETING_KINDS } from './meetings';

/**
 * Decisions: board decisions (proposer, seconder, votes named or counted, recusals, the chair's
 * casting vote where the rules give one) and members' resolutions at a general meeting (ordinary,
 * CA 2006 s282; special, s283), each on an agenda item; and the decisions register across all
 * meetings and written resolutions.
 */
export const DECISION_KINDS = ['board', 'ordinary', 'special'] as const;
export const DECISION_METHODS = ['board_vote', 'show_of_hands', 'poll', 'written'] as const;
export const DECISION_OUTCOMES = ['carried', 'lost', 'carried_on_casting_vote', 'lost_on_casting_vote', 'tied_no_casting_vote', 'passed', 'not_passed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  carried: 'Carried',
  lost: 'Lost',
  carried_on_casting_vote: "Carried on the chair's casting vote",
  lost_on_casting_vote: "Lost on the chair's casting vote",
  tied_no_casting_vote: 'Tied: not carried (no casting vote)',
  passed: 'Passed',
  not_passed: 'Not passed',
};
export const VOTE_CHOICES = ['for', 'against', 'abstain', 'recused'] as const;

export const decisionSchema = z.object({
  id,
  meetingId: id.nullable(),
  meetingTitle: z.string().nullable(),
  meetingKind: z.enum(MEETING_KINDS).nullable(),
  agendaItemId: id.nullable(),
  itemNumber: z.string().nullable(),
  resolutionId: id.nullable(),
  writtenResolutionId: id.nullable(),
  kind: z.enum(DECISION_KINDS),
  text: z.string(),
  proposer: z.string().nullable(),
  seconder: z.string().nullable(),
  method: z.enum(DECISION_METHODS),
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  votesAbstain: z.number().int(),
  /** Named board votes, when the board records them by name. */
  votes: z.array(z.object({ officerId: id, name: z.string(), vote: z.enum(VOTE_CHOICES) })),
  outcome: z.enum(DECISION_OUTCOMES),
  /** The result in words, citing the rule ("Carried: 3 for, 3 against; the chair's casting vote (Model Articles art 13)"). */
  outcomeMessage: z.string(),
  recordedNotQuorate: z.boolean(),
  relatedOrganisation: z.string().nullable(),
  /** The organisation on the list of organisations it concerns, where linked (issue 10). */
  counterpartyId: id.nullable(),
  decidedOn: z.string(),
  sealed: z.boolean(),
});
export type Decision = z.output<typeof decisionSchema>;

const voteInput = {
  text: requiredText('the decision', 5000, 'many'),
  proposer: optionalText('the proposer', 200, 'one'),
  seconder: optionalText('the seconder', 200, 'one'),
  /** Named votes (board): each director's vote; counts are then derived from them. */
  votes: z.array(z.object({ officerId: id, vote: z.enum(VOTE_CHOICES) })).optional(),
  votesFor: wholeNumber('the votes for', 0, 100_000_000).optional(),
  votesAgainst: wholeNumber('the votes against', 0, 100_000_000).optional(),
  votesAbstain: wholeNumber('the abstentions', 0, 100_000_000).optional(),
  /** For a board vote with counts: directors who took no part because of an interest. */
  recusedOfficerIds: z.array(id).optional(),
  /**
   * Board votes tied where the chair has a casting vote (Model Articles art 13): which way the
   * chair cast it. The outcome records it (carried or lost on the casting vote).
   */
  castingVote: z.enum(['for', 'against']).optional(),
  /** A decision on an item for which the meeting is not quorate is refused unless this is set (it is then shown in the minutes). */
  recordNotQuorate: z.boolean().default(false),
};

export const decisionMethods = defineMethods('decisions', {
  'decisions.record': method({
    kind: 'mutation',
    summary: 'Record a decision on an agenda item: a board vote, or a members’ resolution with the counts the meeting declared.',
    input: z.strictObject({
      agendaItemId: id,
      kind: z.enum(DECISION_KINDS, { error: 'Choose board decision, ordinary or special resolution.' }),
      method: z.enum(DECISION_METHODS).default('board_vote'),
      resolutionId: id.optional(),
      /** The organisation the decision concerns, from the list of organisations; by default the agenda item's. */
      counterpartyId: id.optional(),
      ...voteInput,
    }),
    output: decisionSchema,
  }),
  'decisions.update': method({
    kind: 'mutation',
    summary: 'Correct a decision before the minutes are signed.',
    input: z.strictObject({ id, ...voteInput }),
    output: decisionSchema,
  }),
  'decisions.remove': method({
    kind: 'mutation',
    summary: 'Remove a decision recorded by mistake (not once the minutes are signed).',
    input: z.strictObject({ id }),
    output: z.object({ removed: z.literal(true) }),
  }),
  'decisions.register': method({
    kind: 'query',
    summary: 'The decisions register: every decision across meetings and written resolutions, searchable and filtered, newest first, a page at a time.',
    input: z.strictObject({
      search: z.string().trim().max(200).optional(),
      meetingKind: z.enum(MEETING_KINDS).optional(),
      from: legalDate('the start date').optional(),
      to: legalDate('the end date').optional(),
      organisation: z.string().trim().max(200).optional(),
      /**
       * An organisation on the list (issue 10): the decisions linked to it, and those whose related
       * organisation names it (case and spacing ignored), as its page and its contracts' conflicts match them.
       */
      counterpartyId: id.optional(),
      outcome: z.enum(DECISION_OUTCOMES).optional(),
      meetingId: id.optional(),
      /** The last row of the previous page (keyset). */
      after: z.object({ decidedOn: z.string(), id }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(decisionSchema), next: z.object({ decidedOn: z.string(), id }).nullable() }),
  }),
});
