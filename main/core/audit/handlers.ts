import type { AuditEventView } from '../../../shared/contract/audit';
import { addDays } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
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

/**
 * Whether the current organisation may see an event (issue 11): its own events, the file's own
 * (organisation null: restores, the baseline, upgrades), and a relation's events, which belong to
 * both parties though stamped with the first.
 */
async function visibleTo(db: ReadDb, row: Pick<AuditEventRow, 'organisation_id' | 'entity_type' | 'entity_id'>, org: string | null): Promise<boolean> {
  if (row.organisation_id === null || org === null || row.organisation_id === org) return true;
  if (row.entity_type !== 'organisation_relation' || row.entity_id === null) return false;
  const rel = await db
    .selectFrom('organisation_relation')
    .select('id')
    .where('id', '=', row.entity_id)
    .where((w) => w.or([w('organisation_id', '=', org), w('related_organisation_id', '=', org)]))
    .executeTakeFirst();
  return rel !== undefined;
}

export const auditHandlers = defineHandlers('audit', {
  'audit.list': query(async (input, ctx) => {
    const limit = input.limit ?? 100;
    if (input.from && input.to && input.from > input.to) {
      throw AppError.field('to', 'The end date must be on or after the start date.');
    }
    const org = (await ctx.organisation())?.id ?? null;
    const filtered = () => {
      let q = ctx.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(limit + 1);
      if (input.action) q = q.where('action', '=', input.action);
      if (input.entityType) q = q.where('entity_type', '=', input.entityType);
      if (input.entityId) q = q.where('entity_id', '=', input.entityId);
      if (input.beforeSeq) q = q.where('seq', '<', input.beforeSeq);
      // Legal dates bound instants by the UTC day; `at` is ISO-8601 UTC text, so text comparison is exact.
      if (input.from) q = q.where('at', '>=', `${input.from}T00:00:00.000Z`);
      if (input.to) q = q.where('at', '<', `${addDays(input.to, 1)}T00:00:00.000Z`);
      return q;
    };
    // The current organisation's events and the file's, each a descending walk of the index
    // (organisation_id, seq) that stops at the page, merged by seq; plus the relations where the
    // organisation is the other party (stamped with the first), found through the entity index.
    // A file with no organisation yet has only the file's events.
    const branches =
      org === null
        ? [filtered()]
        : [
            filtered().where('organisation_id', 'is', null),
            filtered().where('organisation_id', '=', org),
            filtered()
              .where('entity_type', '=', 'organisation_relation')
              .where('entity_id', 'in', (s) => s.selectFrom('organisation_relation').select('id').where('related_organisation_id', '=', org))
              .where('organisation_id', '!=', org),
          ];
    const bySeq = new Map<number, AuditEventRow>();
    for (const b of branches) for (const r of await b.execute()) bySeq.set(r.seq, r);
    const rows = [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, limit + 1);
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
    // Another organisation's event is not found, as its records are not (issue 11).
    if (!row || !(await visibleTo(ctx.db, row, (await ctx.organisation())?.id ?? null))) {
      throw new AppError('NOT_FOUND', `There is no audit event #${input.seq}.`);
    }
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
