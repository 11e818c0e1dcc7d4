import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';
import { jobStartedSchema } from './jobs';

/**
 * Minutes: a draft generated from the meeting's records, the narrative edited in a rich-text
 * editor (Lexical, stored as its JSON state, never HTML), circulated for comment, approved (by a
 * decision at a later meeting or by the board in writing), signed by the chair and then sealed:
 * frozen with the meeting's record, a SHA-256 over it and its place in the audit chain, printed
 * on the PDF (CA 2006 s248-s249 board, s355-s356 members, s1138). Corrections after signing are
 * new records referring to the original.
 */
export const MINUTES_STATUSES = ['draft', 'circulated', 'approved', 'signed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABEL: Record<MinutesStatus, string> = {
  draft: 'Draft',
  circulated: 'Circulated for comment',
  approved: 'Approved',
  signed: 'Signed and sealed',
};

/** Lexical's serialised editor state as JSON text; checked for shape and size by the core. */
export const minutesBody = z.string().max(2_000_000, 'The minutes are too long to save (2 MB of text).');

export const minutesSchema = z.object({
  id,
  meetingId: id,
  meetingTitle: z.string(),
  heldOn: z.string(),
  status: z.enum(MINUTES_STATUSES),
  body: z.string(),
  circulatedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvedByDecisionId: id.nullable(),
  approvedInWriting: z.boolean(),
  signedOn: z.string().nullable(),
  signedBy: z.string().nullable(),
  sealedSha256: z.string().nullable(),
  /** The audit event that sealed them, as printed on the PDF. */
  sealedEventSeq: z.number().int().nullable(),
  correctsMinutesId: id.nullable(),
  correctedBy: z.array(z.object({ id, meetingId: id, status: z.enum(MINUTES_STATUSES) })),
  comments: z.array(z.object({ id, author: z.string(), body: z.string(), createdAt: z.string() })),
  /** The facts generated from the meeting's records (attendance, quorum, declarations, decisions, actions), shown beside the narrative. */
  facts: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })),
  /** Whether the retention period has passed (CA 2006 s248(2), s355(2): at least 10 years). */
  deletableFrom: z.string(),
});
export type Minutes = z.output<typeof minutesSchema>;

export const minutesMethods = defineMethods('minutes', {
  'minutes.get': method({
    kind: 'query',
    summary: 'The minutes of a meeting, with comments and the facts generated from its records.',
    input: z.strictObject({ meetingId: id }),
    output: minutesSchema.nullable(),
  }),
  'minutes.draft': method({
    kind: 'mutation',
    summary: 'Generate the draft minutes from the meeting (refused if minutes exist; regenerate replaces the narrative of a draft).',
    input: z.strictObject({ meetingId: id, regenerate: z.boolean().default(false) }),
    output: minutesSchema,
  }),
  'minutes.save': method({
    kind: 'mutation',
    summary: 'Save the narrative (Lexical JSON). Refused once signed.',
    input: z.strictObject({ id, body: minutesBody }),
    output: minutesSchema,
  }),
  'minutes.circulate': method({
    kind: 'mutation',
    summary: 'Circulate the draft to the board for comment.',
    input: z.strictObject({ id, circulatedOn: legalDate('the date circulated') }),
    output: minutesSchema,
  }),
  'minutes.comment': method({
    kind: 'mutation',
    summary: 'Record a comment on circulated minutes (kept with them).',
    input: z.strictObject({ id, author: requiredText('who made the comment', 200, 'one'), body: requiredText('the comment', 5000, 'many') }),
    output: minutesSchema,
  }),
  'minutes.approve': method({
    kind: 'mutation',
    summary: 'Record approval: by a decision under "minutes of the previous meeting" at a later meeting, or by the board in writing.',
    input: z.strictObject({ id, decisionId: id.optional(), inWriting: z.boolean().default(false), approvedOn: legalDate('the date approved') }),
    output: minutesSchema,
  }),
  'minutes.sign': method({
    kind: 'mutation',
    summary: 'The chair signs the approved minutes: they, the decisions and the papers are sealed and cannot change.',
    input: z.strictObject({ id, signedBy: requiredText("the chair's name", 200, 'one'), signedOn: legalDate('the date signed') }),
    output: minutesSchema,
  }),
  'minutes.pdf': method({
    kind: 'command',
    summary: 'The minutes as PDF; signed minutes carry the SHA-256 of the sealed record and its audit event.',
    input: z.strictObject({ id }),
    output: jobStartedSchema,
    jobResult: z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), sha256: z.string().nullable() }),
  }),
  'minutes.verify': method({
    kind: 'query',
    summary: 'Check sealed minutes against their recorded SHA-256 (or a SHA-256 typed from a printed copy).',
    input: z.strictObject({ id, sha256: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'Enter the 64-character SHA-256 printed on the minutes.').optional() }),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  }),
  'minutes.correct': method({
    kind: 'mutation',
    summary: 'Record a correction to signed minutes: a new record referring to the original, approved at a later meeting.',
    input: z.strictObject({ id, meetingId: id, text: requiredText('the correction', 10000, 'many') }),
    output: minutesSchema,
  }),
  'minutes.delete': method({
    kind: 'mutation',
    summary: 'Delete draft minutes, or signed minutes once kept for ten years (CA 2006 s248(2), s355(2)).',
    input: z.strictObject({ id, reason: optionalText('the reason', 500) }),
    output: z.object({ deleted: z.literal(true) }),
  }),
});
