import type { AuditEventView } from '../../../shared/contract/audit';
import { addDays } from '../../../shared/rules/legal-date';
import type { AuditEventRow } from '../db/schema';
import { AppError } from '../errors';
import { collectAnchors } from './anchors';
import { defineHandlers, job, query } from '../handler';

function toView(r: AuditEventRow): AuditEventView {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    hash: r.hash,
  };
}

export const auditHandlers = defineHandlers('audit', {
  'audit.list': query(async (input, ctx) => {
    const limit = input.limit ?? 100;
    if (input.from && input.to && input.from > input.to) {
      throw AppError.field('to', 'The end date must be on or after the start date.');
    }
    let q = ctx.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(limit + 1);
    if (input.action) q = q.where('action', '=', input.action);
    if (input.entityType) q = q.where('entity_type', '=', input.entityType);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    if (input.beforeSeq) q = q.where('seq', '<', input.beforeSeq);
    // Legal dates bound instants by the UTC day; `at` is ISO-8601 UTC text, so text comparison is exact.
    if (input.from) q = q.where('at', '>=', `${input.from}T00:00:00.000Z`);
    if (input.to) q = q.where('at', '<', `${addDays(input.to, 1)}T00:00:00.000Z`);
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    return { events: page.map(toView), nextBeforeSeq: rows.length > limit ? page[page.length - 1]!.seq : null };
  }),

  'audit.get': query(async (input, ctx) => {
    const row = await ctx.db
      .selectFrom('audit_event as e')
      .leftJoin('audit_payload as p', 'p.event_id', 'e.id')
      .selectAll('e')
      .select(['p.body', 'p.redacted_at'])
      .where('e.seq', '=', input.seq)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `There is no audit event #${input.seq}.`);
    return {
      ...toView(row),
      prevHash: row.prev_hash,
      payloadHash: row.payload_hash,
      payload: row.body === null ? null : (JSON.parse(row.body) as { before: unknown; after: unknown }),
      redactedAt: row.redacted_at,
    };
  }),

  'audit.verify': job(async (input, ctx) => {
    const anchors = collectAnchors(ctx.files.dbPath, ctx.files.backupsDir, input.fingerprints ?? []);
    return ctx.startJob({ label: 'Verifying the audit log' }, (j) => ctx.store.verify(j, anchors));
  }),
});
