import type { TimelineEntry } from '../../../shared/contract/members';
import type { ReadDb } from '../context';

/**
 * A member's history, newest first, read from the audit log: field-by-field changes for edits
 * and cessation (a change from nothing to nothing is not a change), the summary for the rest.
 */
export async function timeline(db: ReadDb, memberId: string): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('audit_event as e')
    .leftJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.at', 'e.actor', 'e.action', 'e.summary', 'p.body'])
    .where('e.entity_type', '=', 'member')
    .where('e.entity_id', '=', memberId)
    .orderBy('e.seq', 'desc')
    .execute();
  return events.map((e) => {
    if (e.body === null || e.body === undefined) return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, summary: e.summary, changes: [], redacted: true };
    const { before, after } = JSON.parse(e.body) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
    const changes =
      (e.action !== 'member.updated' && e.action !== 'member.ceased') || !after || typeof after !== 'object'
        ? []
        : Object.keys(after)
            .filter((k) => k !== 'memberId')
            .map((k) => ({ field: k, from: before?.[k] ?? null, to: after[k] ?? null }))
            .filter((c) => !(isEmpty(c.from) && isEmpty(c.to)));
    return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, summary: e.summary, changes, redacted: false };
  });
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}
