import type { auditMethods, AuditEventView, VerifyReport } from '../../../shared/contract/audit';
import { addDays } from '../../../shared/rules/legal-date';
import { verifyAuditChain } from '../audit/verify';
import type { Handlers, ServiceContext } from '../context';
import { checkIntegrityInWorker } from '../db/integrity';
import type { AuditEventRow } from '../db/schema';
import { AppError } from '../errors';

type Methods = keyof typeof auditMethods;

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

/** The whole check `verify` runs: the file's integrity, then the audit chain. */
export async function verifyAll(
  ctx: Pick<ServiceContext, 'raw' | 'dbPath'>,
  job?: { checkpoint(): Promise<void>; progress(done: number, total: number, message?: string): void },
): Promise<VerifyReport> {
  job?.progress(0, 1, 'Checking the file’s integrity');
  const integrity = await checkIntegrityInWorker(ctx.dbPath);
  if (!integrity.ok) {
    return { ok: false, events: 0, brokenSeq: null, problem: `The database file is damaged: ${integrity.messages[0]}` };
  }
  const chain = await verifyAuditChain(ctx.raw, {
    ...(job ? { checkpoint: () => job.checkpoint(), onProgress: (d, t) => job.progress(d, t, `Recomputing the audit chain: ${d} of ${t} events`) } : {}),
  });
  if (!chain.ok) return { ok: false, events: chain.events, brokenSeq: chain.brokenSeq, problem: chain.problem };
  return { ok: true, events: chain.events, headHash: chain.headHash, integrity: 'ok' };
}

export const auditHandlers: Handlers<Methods> = {
  'audit.list': async (input, ctx) => {
    const limit = input.limit ?? 100;
    let q = ctx.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(limit + 1);
    if (input.action) q = q.where('action', '=', input.action);
    if (input.entityType) q = q.where('entity_type', '=', input.entityType);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    if (input.beforeSeq) q = q.where('seq', '<', input.beforeSeq);
    // Legal dates bound instants by the UTC day; `at` is ISO-8601 UTC text, so text comparison is exact.
    if (input.from) q = q.where('at', '>=', `${input.from}T00:00:00.000Z`);
    if (input.to) q = q.where('at', '<', `${addDays(input.to, 1)}T00:00:00.000Z`);
    if (input.from && input.to && input.from > input.to) {
      throw AppError.field('to', 'The end date must be on or after the start date.');
    }
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    return { events: page.map(toView), nextBeforeSeq: rows.length > limit ? page[page.length - 1]!.seq : null };
  },

  'audit.get': async (input, ctx) => {
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
  },

  'audit.verify': async (_input, ctx) => {
    const jobId = ctx.jobs.start({ kind: 'audit.verify', label: 'Verifying the audit log' }, (job) => verifyAll(ctx, job));
    return { jobId };
  },
};

/** Number of events and the head hash, cheaply (for Settings and backups). */
export async function auditHead(ctx: Pick<ServiceContext, 'db'>): Promise<{ events: number; headHash: string }> {
  const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return head ? { events: head.seq, headHash: head.hash } : { events: 0, headHash: '0'.repeat(64) };
}

