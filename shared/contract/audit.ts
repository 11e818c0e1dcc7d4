import { z } from 'zod';
import { method } from './method';
import { isoInstant, legalDate } from './fields';

export const auditEventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: isoInstant,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  hash: z.string(),
});
export type AuditEventView = z.output<typeof auditEventSchema>;

export const auditEventDetailSchema = auditEventSchema.extend({
  prevHash: z.string(),
  payloadHash: z.string(),
  /** Before/after states; null once redacted (e.g. removal of a long-former member's entry). */
  payload: z.object({ before: z.unknown(), after: z.unknown() }).nullable(),
  redactedAt: isoInstant.nullable(),
});
export type AuditEventDetail = z.output<typeof auditEventDetailSchema>;

export const auditFilterSchema = z.strictObject({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  entityId: z.string().max(80).optional(),
  from: legalDate('the start date').optional(),
  to: legalDate('the end date').optional(),
  /** Keyset cursor: only events with a lower sequence number (the log reads newest first). */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const verifyReportSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), events: z.number().int(), headHash: z.string(), integrity: z.literal('ok') }),
  z.object({
    ok: z.literal(false),
    events: z.number().int(),
    /** What failed first: the file itself, or the chain at a named event. */
    problem: z.string(),
    brokenSeq: z.number().int().nullable(),
  }),
]);
export type VerifyReport = z.output<typeof verifyReportSchema>;

export const jobStartedSchema = z.object({ jobId: z.string() });

export const auditMethods = {
  'audit.list': method({
    kind: 'query',
    summary: 'Audit events, newest first, filtered; keyset-paged by sequence number.',
    input: auditFilterSchema,
    output: z.object({ events: z.array(auditEventSchema), nextBeforeSeq: z.number().int().nullable() }),
  }),
  'audit.get': method({
    kind: 'query',
    summary: 'One audit event with its before/after states and hashes.',
    input: z.strictObject({ seq: z.number().int().positive() }),
    output: auditEventDetailSchema,
  }),
  'audit.verify': method({
    kind: 'command',
    summary: 'Check the file and recompute the audit chain, as a job with progress.',
    input: z.strictObject({}),
    output: jobStartedSchema,
  }),
};
