import { z } from 'zod';
import { defineMethods, method } from './method';
import { jobStartedSchema } from './jobs';
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

/** A fingerprint as printed on copies and kept with backups: "#1234 · 3f9a c2e1 07bd". */
export const FINGERPRINT_PATTERN = /^#?(\d{1,12})\s*[·.:-]?\s*([0-9a-f]{4})\s?([0-9a-f]{4})\s?([0-9a-f]{4})$/i;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  headHash: z.string(),
  /** The head's short fingerprint, to compare with printed copies and backups. */
  fingerprint: z.string(),
  /** The first problem found, in words; null when everything verified. */
  problem: z.string().nullable(),
  /** The first event that did not verify, if the chain broke. */
  brokenSeq: z.number().int().nullable(),
  integrity: z.enum(['ok', 'damaged']),
  /** The registers compared with the log: each record's state against its last event. */
  records: z.object({ checked: z.number().int(), problems: z.array(z.string()), more: z.number().int() }),
  /** Heads recorded outside the file (backups, exports, fingerprints typed in) and whether the log still holds them. */
  anchors: z.array(z.object({ source: z.string(), seq: z.number().int(), matches: z.boolean(), message: z.string() })),
});
export type VerifyReport = z.output<typeof verifyReportSchema>;

export const auditMethods = defineMethods('audit', {
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
    summary: 'Check the file, recompute the audit chain and compare the registers with it, as a job with progress.',
    input: z.strictObject({
      /** Fingerprints from printed copies or elsewhere, each checked against the log. */
      fingerprints: z.array(z.string().trim().regex(FINGERPRINT_PATTERN, 'Type the fingerprint as printed, e.g. #1234 · 3f9a c2e1 07bd.')).max(20).optional(),
    }),
    output: jobStartedSchema,
    jobResult: verifyReportSchema,
  }),
});
