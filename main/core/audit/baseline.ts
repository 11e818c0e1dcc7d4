import { sql, type Kysely } from 'kysely';
import type { WriteContext } from '../context';
import type { DB } from '../db/schema';
import type { RecordRef, StateReaders } from './state';

/**
 * A file from before the log vouched for record states (migration 0004) holds records with
 * no state on record. At the first start after the upgrade, one event records the state of
 * every record as it stands, so `verify` can compare them from then on. It runs only while no
 * version 2 event exists: once the log vouches for anything, a record without a state is a
 * finding for `verify`, never something to record quietly.
 */
export async function recordBaselineIfNeeded(
  db: Kysely<DB>,
  readers: StateReaders,
  mutate: (fn: (tx: WriteContext) => Promise<void>) => Promise<void>,
): Promise<void> {
  const vouched = await db.selectFrom('audit_event').select('seq').where('chain_version', '>=', 2).limit(1).executeTakeFirst();
  if (vouched) return;
  const refs: RecordRef[] = [];
  for (const reader of readers.values()) {
    let after: string | null = null;
    for (;;) {
      const ids = await reader.ids(db, after, 5000);
      for (const id of ids) refs.push({ type: reader.type, id });
      if (ids.length < 5000) break;
      after = ids[ids.length - 1]!;
    }
  }
  if (refs.length === 0) return;
  await mutate(async (tx) => {
    const counts = new Map<string, number>();
    for (const r of refs) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    tx.audit({
      action: 'audit.records_baselined',
      entityType: 'audit',
      entityId: null,
      summary: `The audit log now vouches for the state of ${refs.length} existing record${refs.length === 1 ? '' : 's'}`,
      before: null,
      after: Object.fromEntries(counts),
      records: refs,
      organisationId: null,
    });
  });
  // The planner should know the new table's shape before the first verify.
  await sql`analyze audit_state`.execute(db).catch(() => {});
}
