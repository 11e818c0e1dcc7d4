import type { Kysely } from 'kysely';
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
