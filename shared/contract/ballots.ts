import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, requiredText } from './fields';
import { jobStartedSchema } from './jobs';

/**
 * Secret, verifiable ballots (issue 8; protocol in docs/ballot-protocol.md). A ballot is set up
 * with its questions and trustees (draft); each trustee makes a key share under their own
 * passphrase; opening freezes the roll (record date, votes per member or per share, class caps)
 * and fixes the election's fingerprint; members vote at the kiosk, with a one-time code, on paper
 * or by proxy, once across all channels; closing seals the box and sums it; the trustees decrypt
 * only the sum; the result is computed on the base the law sets; anyone can check the exported
 * verification file with `npm run verify-ballot`.
 */
export const BALLOT_STATUSES = ['draft', 'open', 'closed', 'decided', 'cancelled'] as const;
export const BALLOT_STATUS_LABEL: Record<(typeof BALLOT_STATUSES)[number], string> = {
  draft: 'Being set up',
  open: 'Open for voting',
  closed: 'Closed, awaiting the trustees',
  decided: 'Result declared',
  cancelled: 'Cancelled',
};
export const VOTE_CHANNELS = ['kiosk', 'code', 'phone', 'paper', 'proxy'] as const;
export const VOTE_CHANNEL_LABEL: Record<(typeof VOTE_CHANNELS)[number], string> = {
  kiosk: 'at the kiosk',
  code: 'with a voting code',
  phone: 'from a phone',
  paper: 'on paper',
  proxy: 'by proxy',
};

const passphrase = z
  .string()
  .max(1000, 'A passphrase can be at most 1,000 characters.')
  .refine((p) => [...p.normalize('NFKC')].length >= 12, 'Use a passphrase of at least 12 characters: four or five ordinary words are easy to remember and hard to guess.');

export const questionInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('resolution'),
    text: requiredText('the text of the resolution', 10000, 'many'),
    resolutionKind: z.enum(['ordinary', 'special']),
    /** The resolution in the meeting's notice this question puts to a poll. */
    resolutionId: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('election'),
    text: requiredText('what the election is for', 500, 'one'),
    seats: z.number().int().min(1, 'An election fills at least one seat.').max(50),
    candidates: z
      .array(z.strictObject({ name: requiredText('the candidate’s name', 200, 'one'), statement: optionalText('the candidate’s statement', 3000, 'many') }))
      .min(1, 'Add at least one candidate.')
      .max(100),
  }),
  z.strictObject({
    kind: z.literal('consultation'),
    text: requiredText('the question', 1000, 'many'),
    options: z.array(requiredText('the option', 300, 'one')).min(2, 'Give at least two options.').max(50),
    /** How many options a voter may choose (1 for a single choice). */
    maxChoices: z.number().int().min(1).max(50).default(1),
  }),
]);
export type QuestionInput = z.input<typeof questionInputSchema>;

export const ballotQuestionSchema = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(['resolution', 'election', 'consultation']),
  text: z.string(),
  resolutionKind: z.enum(['ordinary', 'special']).nullable(),
  resolutionId: id.nullable(),
  min: z.number().int(),
  max: z.number().int(),
  choices: z.array(z.object({ id, label: z.string(), statement: z.string().nullable() })),
});
export type BallotQuestion = z.output<typeof ballotQuestionSchema>;

export const channelCountsSchema = z.object({ kiosk: z.number().int(), code: z.number().int(), phone: z.number().int(), paper: z.number().int(), proxy: z.number().int() });

export const questionResultSchema = z.object({
  questionId: id,
  kind: z.enum(['resolution', 'election', 'consultation']),
  text: z.string(),
  /** Votes for each choice, weighted: electronic (decrypted sum), paper (tellers' agreed counts), and the total. */
  choices: z.array(z.object({ id, label: z.string(), electronic: z.number().int(), paper: z.number().int(), total: z.number().int() })),
  outcome: z.enum(['passed', 'failed', 'elected', 'advisory', 'casting_vote_needed']),
  elected: z.array(id),
  /** The result in words, as the minutes record it, with its base and threshold and the law it follows. */
  words: z.string(),
});
export type QuestionResult = z.output<typeof questionResultSchema>;

export const ballotResultSchema = z.object({
  questions: z.array(questionResultSchema),
  /** Voters on the roll who voted, by channel; votes by proxy are shown separately (the result line). */
  turnout: z.object({ voters: z.number().int(), roll: z.number().int(), byChannel: channelCountsSchema, words: z.string() }),
  /** The seed of any lot drawn to break a tie, so anyone can redraw it. */
  lotSeed: z.string().nullable(),
  declaredAt: isoInstant,
});
export type BallotResult = z.output<typeof ballotResultSchema>;

export const ballotSummarySchema = z.object({
  id,
  title: z.string(),
  meetingId: id.nullable(),
  status: z.enum(BALLOT_STATUSES),
  recordDate: z.string(),
  questions: z.number().int(),
  rollCount: z.number().int().nullable(),
  voted: z.number().int(),
  createdAt: isoInstant,
});
export type BallotSummary = z.output<typeof ballotSummarySchema>;

export const ballotSchema = ballotSummarySchema.extend({
  base: z.enum(['votes_cast', 'eligible_votes']),
  /** The base in words, with its source. */
  baseWords: z.string(),
  castingVote: z.boolean(),
  trusteeCount: z.number().int(),
  threshold: z.number().int(),
  questionList: z.array(ballotQuestionSchema),
  trustees: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      role: z.string().nullable(),
      keyMade: z.boolean(),
      /** k-of-n: has sealed their shares for the others (step 2 of the setup). */
      sharesDealt: z.boolean(),
      /** k-of-n: has opened and checked the shares sealed for them (step 3). */
      sharesAccepted: z.boolean(),
      decrypted: z.boolean(),
    }),
  ),
  roll: z
    .object({ count: z.number().int(), totalWeight: z.number().int(), voted: channelCountsSchema, codesIssued: z.number().int(), hash: z.string() })
    .nullable(),
  fingerprint: z.string().nullable(),
  sealedBoxHash: z.string().nullable(),
  boxCount: z.number().int().nullable(),
  /** Closed and the sealed ballots added up (still encrypted): the trustees can decrypt. */
  summed: z.boolean(),
  openedAt: isoInstant.nullable(),
  closedAt: isoInstant.nullable(),
  result: ballotResultSchema.nullable(),
  /** What has to happen next, in words ("Trustee 2, J. Patel, has not made their key yet."). */
  nextStep: z.string(),
  /** Things the secretary must know before going on (n-of-n: a lost passphrase means no result). */
  warnings: z.array(z.string()),
});
export type Ballot = z.output<typeof ballotSchema>;

/**
 * A batch of paper ballots as the tellers entered it; its agreed counts (per question, per choice,
 * weighted) and spoilt papers only once voting has closed, so no screen shows a running result.
 */
export const paperBatchSchema = z.object({
  label: z.string(),
  firstTeller: z.string().nullable(),
  secondTeller: z.string().nullable(),
  agreed: z.boolean(),
  discrepancies: z.array(z.string()),
  counts: z.array(z.array(z.number().int())).nullable(),
  spoilt: z.number().int().nullable(),
});
export type PaperBatch = z.infer<typeof paperBatchSchema>;

export const rollEntrySchema = z.object({
  id,
  memberNumber: z.number().int(),
  name: z.string(),
  className: z.string(),
  votes: z.number().int(),
  votedBy: z.enum(VOTE_CHANNELS).nullable(),
  hasCode: z.boolean(),
  paperSerial: z.string().nullable(),
});
export type RollEntry = z.output<typeof rollEntrySchema>;

/** What the voting device needs: the election's public part (shared/ballot ElectionPublic) and the questions' words. */
export const publicElectionSchema = z.object({
  ballotId: id,
  title: z.string(),
  election: z.unknown(),
  questions: z.array(ballotQuestionSchema),
});

export const issuedCodeSchema = z.object({ rollId: id, memberNumber: z.number().int(), name: z.string(), code: z.string() });

const tallyEntrySchema = z.array(z.array(z.number().int().min(0).max(100_000_000)));

export const ballotMethods = defineMethods('ballots', {
  'ballots.list': method({
    kind: 'query',
    summary: 'Ballots, newest first.',
    input: z.strictObject({}),
    output: z.array(ballotSummarySchema),
  }),
  'ballots.get': method({
    kind: 'query',
    summary: 'One ballot: questions, trustees, roll and turnout (never a running result), and the result once declared.',
    input: z.strictObject({ id }),
    output: ballotSchema,
  }),
  'ballots.create': method({
    kind: 'mutation',
    summary: 'Set up a ballot: its questions, record date, trustees (two or more; k of n with threshold sharing).',
    input: z.strictObject({
      title: requiredText('the title of the ballot', 200, 'one'),
      meetingId: id.optional(),
      /** At a meeting (a poll) results are on the votes cast; a members' vote in writing on the eligible members' total votes. */
      base: z.enum(['votes_cast', 'eligible_votes']).optional(),
      recordDate: legalDate('the record date'),
      questions: z.array(questionInputSchema).min(1, 'Add at least one question.').max(50),
      trustees: z
        .array(z.strictObject({ name: requiredText('the trustee’s name', 200, 'one'), role: optionalText('the trustee’s role', 200, 'one') }))
        .min(2, 'A ballot needs at least two trustees, so that no one person can decrypt it.')
        .max(9),
      /** k: how many trustees must take part in decryption (defaults to all of them). */
      threshold: z.number().int().min(1).optional(),
    }),
    output: ballotSchema,
  }),
  'ballots.cancel': method({
    kind: 'mutation',
    summary: 'Cancel a ballot that has not been decided; nothing is decrypted.',
    input: z.strictObject({ id, reason: requiredText('why the ballot is cancelled', 1000, 'many') }),
    output: ballotSchema,
  }),
  'ballots.makeTrusteeKey': method({
    kind: 'mutation',
    summary: 'A trustee makes their key share on this laptop under their own passphrase; answers the sealed backup to print or save.',
    input: z.strictObject({ id, trustee: z.number().int().min(1), passphrase }),
    output: z.object({ ballot: ballotSchema, backup: z.string(), backupFileName: z.string() }),
  }),
  'ballots.dealShares': method({
    kind: 'mutation',
    summary: 'Threshold sharing, step 2: a trustee (passphrase) seals a share of their key for each other trustee.',
    input: z.strictObject({ id, trustee: z.number().int().min(1), passphrase: z.string().max(1000) }),
    output: ballotSchema,
  }),
  'ballots.acceptShares': method({
    kind: 'mutation',
    summary: 'Threshold sharing, step 3: a trustee (passphrase) opens and checks the shares sealed for them and keeps their combined share.',
    input: z.strictObject({ id, trustee: z.number().int().min(1), passphrase: z.string().max(1000) }),
    output: z.object({ ballot: ballotSchema, backup: z.string(), backupFileName: z.string() }),
  }),
  'ballots.previewRoll': method({
    kind: 'query',
    summary: 'The roll the ballot would freeze if opened now: voters and votes by class, with any cap applied.',
    input: z.strictObject({ id }),
    output: z.object({ count: z.number().int(), totalWeight: z.number().int(), classes: z.array(z.object({ name: z.string(), voters: z.number().int(), votes: z.number().int(), weight: z.number().int() })), words: z.string() }),
  }),
  'ballots.open': method({
    kind: 'mutation',
    summary: 'Open the ballot: the roll is frozen from the register on the record date and its hash recorded; the election fingerprint is fixed; one empty slot per voter is laid out in the box. A job with progress.',
    input: z.strictObject({ id }),
    output: jobStartedSchema,
    jobResult: ballotSchema,
  }),
  'ballots.roll': method({
    kind: 'query',
    summary: 'Entries of the frozen roll, by member number, searched by name or number (for check-in, printing and export).',
    input: z.strictObject({ id, search: z.string().max(200).optional(), votedBy: z.enum(VOTE_CHANNELS).optional(), offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.object({ entries: z.array(rollEntrySchema), total: z.number().int() }),
  }),
  'ballots.issueCodes': method({
    kind: 'mutation',
    summary: 'Issue one-time voting codes (shown once; only their hashes are kept). Reissuing a code cancels the old one.',
    input: z.strictObject({ id, rollIds: z.array(id).max(100_000).optional(), reissue: z.boolean().default(false) }),
    output: z.object({ codes: z.array(issuedCodeSchema), ballot: ballotSchema }),
  }),
  'ballots.publicElection': method({
    kind: 'query',
    summary: 'What a voting device needs to encrypt a ballot: the election’s public key, fingerprint and questions.',
    input: z.strictObject({ id }),
    output: publicElectionSchema,
  }),
  'ballots.checkIn': method({
    kind: 'command',
    summary: 'Kiosk: the poll clerk checks a voter in from the roll; answers a one-use token for the voting screen.',
    input: z.strictObject({ id, rollId: id }),
    output: z.object({ token: z.string(), voter: z.string() }),
  }),
  'ballots.checkInProxy': method({
    kind: 'command',
    summary: 'Kiosk: check in a proxy to vote for one appointer (the appointment must be on record for the ballot’s meeting).',
    input: z.strictObject({ id, proxyAppointmentId: id }),
    /** `instructions`: a mandated proxy's instructions from the appointment, shown to the proxy as they vote (null: discretionary). */
    output: z.object({ token: z.string(), voter: z.string(), instructions: z.string().nullable() }),
  }),
  'ballots.cast': method({
    kind: 'mutation',
    summary: 'Cast an encrypted ballot with a check-in token or a voting code; answers its tracker (the receipt).',
    input: z.strictObject({
      id,
      credential: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('checkin'), token: z.string().max(100) }),
        /** `via: 'phone'`: cast from a phone on the voting station (issue 9), recorded on the roll as such. */
        z.strictObject({ kind: z.literal('code'), code: z.string().max(100), via: z.enum(['phone']).optional() }),
      ]),
      ballot: z.unknown(),
    }),
    output: z.object({ tracker: z.string() }),
  }),
  'ballots.issuePaper': method({
    kind: 'mutation',
    summary: 'Record that a voter on the roll was given a paper ballot with this serial number (they then cannot vote electronically).',
    input: z.strictObject({ id, rollId: id, serial: requiredText('the paper’s serial number', 40, 'one') }),
    output: rollEntrySchema,
  }),
  'ballots.enterPaperBatch': method({
    kind: 'mutation',
    summary: 'A teller enters the counts of a batch of paper ballots (per question, per choice, weighted, and the spoilt papers); the second teller’s entry must agree.',
    input: z.strictObject({ id, label: requiredText('the batch label', 60, 'one'), teller: requiredText('the teller’s name', 200, 'one'), counts: tallyEntrySchema, spoilt: z.number().int().min(0) }),
    output: z.object({ batches: z.array(paperBatchSchema) }),
  }),
  'ballots.paperBatches': method({
    kind: 'query',
    summary: 'The paper batches entered so far, with their tellers, whether the two counts agree, and each difference.',
    input: z.strictObject({ id }),
    output: z.object({ batches: z.array(paperBatchSchema) }),
  }),
  'ballots.close': method({
    kind: 'mutation',
    summary: 'Close the ballot: no more votes; the box is sealed (its hash into the audit chain) and summed. A job with progress.',
    input: z.strictObject({ id }),
    output: jobStartedSchema,
    jobResult: z.object({ sealedBoxHash: z.string(), boxCount: z.number().int() }),
  }),
  'ballots.decrypt': method({
    kind: 'mutation',
    summary: 'A trustee (passphrase) decrypts their part of the summed ballots, with a proof; when enough have, the result is declared.',
    input: z.strictObject({ id, trustee: z.number().int().min(1), passphrase: z.string().max(1000) }),
    output: ballotSchema,
  }),
  'ballots.decryptionRequest': method({
    kind: 'query',
    summary: "A file for a trustee to decrypt their part on their own computer (npm run cli -- ballot-decrypt): the election's public part, the sealed box hash and the summed ciphertexts; no secret and no ballot.",
    input: z.strictObject({ id, trustee: z.number().int().min(1) }),
    output: z.object({ file: z.string(), fileName: z.string() }),
  }),
  'ballots.importDecryption': method({
    kind: 'mutation',
    summary: "Take a trustee's decryption made on their own computer: its proof is checked against the sealed total before it is kept.",
    input: z.strictObject({ id, file: z.string().max(5_000_000, 'That file is far larger than a decryption; choose the file ballot-decrypt wrote.') }),
    output: ballotSchema,
  }),
  'ballots.recordInMinutes': method({
    kind: 'mutation',
    summary: "Record a resolution's declared poll result as a decision of the ballot's meeting (decisions.record with method 'poll'), so the minutes carry it.",
    input: z.strictObject({ id, questionId: id, /** Needed when the resolution in the notice is not on an agenda item. */ agendaItemId: id.optional() }),
    output: z.object({ decisionId: id, words: z.string() }),
  }),
  'ballots.exportVerification': method({
    kind: 'mutation',
    summary: 'Write the verification file of a closed ballot (every encrypted ballot, proofs, tally, decryptions, result); read it with exports.readFile.',
    input: z.strictObject({ id }),
    output: jobStartedSchema,
    jobResult: z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), ballots: z.number().int() }),
  }),
});
