import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/audit-actions';
import type { WriteContext } from '../context';
import type { DB } from '../db/schema';
import type { RecordRef } from './state';

/**
 * A migration that converts existing records (0006 relabels a company's "withdrawals") cannot
 * write to the audit chain itself: the chain's hashes and record states belong to the running
 * core. It leaves a row in `migration_event` instead, and at the next start this records each as
 * one event listing the records it changed, so `verify` vouches for their new states rather than
 * reporting them as changed outside the app. The rows are then deleted: the events hold them.
 *
 * Only rows left by a migration applied in this very start are recorded (the start that ran it,
 * right after its transaction): a row someone adds to the file later would otherwise get their
 * own change to a record vouched for. Any other row is left where it is, unrecorded.
 */
interface MigrationEventTable {
  id: number;
  migration: string;
  action: string;
  summary: string;
  after: string;
  records: string;
}

type WithEvents = Kysely<DB & { migration_event: MigrationEventTable }>;

export async function recordMigrationEvents(
  db: Kysely<DB>,
  appliedNow: readonly string[],
  mutate: (fn: (tx: WriteContext) => Promise<void>) => Promise<void>,
): Promise<void> {
  if (appliedNow.length === 0) return;
  const events = db as WithEvents;
  const rows = await events.selectFrom('migration_event').selectAll().where('migration', 'in', appliedNow).orderBy('id').execute();
  if (rows.length === 0) return;
  await mutate(async (tx) => {
    for (const r of rows) {
      const action: AuditAction = r.action in AUDIT_ACTIONS ? (r.action as AuditAction) : 'data.migrated';
      tx.audit({
        action,
        entityType: 'register',
        entityId: null,
        summary: r.summary,
        before: null,
        after: { migration: r.migration, ...(JSON.parse(r.after) as object) },
        records: JSON.parse(r.records) as RecordRef[],
        // An upgrade's event is the file's, whichever organisations' records it converted.
        organisationId: null,
      });
    }
    await (tx.db as unknown as WithEvents)
      .deleteFrom('migration_event')
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
  });
}

const ORGANISATIONS_MIGRATION = '0022_audit_organisation';

/**
 * Migration 0022 assigns the organisations of the events written before the log was kept per
 * organisation (chain versions 1 and 2); the `audit.organisations_assigned` event recorded above
 * vouches for them with a digest. If the start that ran 0022 stopped between its commit and that
 * event, the event never exists (its `migration_event` row is left, no longer "applied now"), and
 * verify reports the old events as unvouched. Every start after 0022 therefore records the event
 * if it is missing, with the digest of what the file holds then (said in its summary), and
 * removes the row the migration left.
 *
 * Cheap when nothing is missing: the old events come first, so the first event's version says
 * whether there are any, and the assigned event follows them closely.
 */
export async function recordMissingOrganisationsAssigned(
  db: Kysely<DB>,
  mutate: (fn: (tx: WriteContext) => Promise<void>) => Promise<void>,
): Promise<void> {
  const ran = await sql<{ one: number }>`select 1 as one from schema_migration where name = ${ORGANISATIONS_MIGRATION}`.execute(db);
  if (ran.rows.length === 0) return;
  const first = await db.selectFrom('audit_event').select('chain_version').orderBy('seq').limit(1).executeTakeFirst();
  if (!first || first.chain_version >= 3) return;
  const recorded = await db.selectFrom('audit_event').select('seq').where('action', '=', 'audit.organisations_assigned').limit(1).executeTakeFirst();
  if (recorded) return;
  await mutate(async (tx) => {
    const digest = createHash('sha256').update('mg-audit-organisations-v1\n');
    let after = 0;
    let through = 0;
    let assigned = 0;
    let count = 0;
    for (;;) {
      const rows = (
        await sql<{ seq: number; organisation_id: string | null }>`select seq, organisation_id from audit_event
          where seq > ${after} and chain_version < 3 order by seq limit 20000`.execute(tx.db)
      ).rows;
      if (rows.length === 0) break;
      for (const r of rows) {
        digest.update(`${r.seq}\t${r.organisation_id ?? ''}\n`);
        if (r.organisation_id !== null) assigned += 1;
        count += 1;
      }
      after = through = rows[rows.length - 1]!.seq;
    }
    tx.audit({
      action: 'audit.organisations_assigned',
      entityType: 'register',
      entityId: null,
      summary: `The log’s ${count} earlier events were each assigned to the organisation they are about (${assigned}), or to the file itself (${count - assigned}); recorded at a later start than the upgrade, which stopped before recording it, so it vouches for the assignments as the file held them then`,
      before: null,
      after: { migration: ORGANISATIONS_MIGRATION, throughSeq: through, events: count, assigned, digest: digest.digest('hex'), recordedLater: true },
      records: [],
      organisationId: null,
    });
    await (tx.db as unknown as WithEvents).deleteFrom('migration_event').where('migration', '=', ORGANISATIONS_MIGRATION).execute();
  });
}
