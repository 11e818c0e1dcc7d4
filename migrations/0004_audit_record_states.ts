import { sql, type Kysely } from 'kysely';

/**
 * The audit log vouches for the state of the records it describes (main/core/audit/state.ts):
 * each event of chain version 2 carries the digest of the record states it leaves, stored in
 * `audit_state`, so `verify` can prove the registers are what the log says and a change made
 * to the file with a database tool shows up. Events written before this migration keep
 * version 1; the core records one baseline event for the records that existed then.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_event').addColumn('chain_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('audit_event').addColumn('state_digest', 'text').execute();

  await db.schema
    .createTable('audit_state')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('state_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_state_pk', ['entity_type', 'entity_id', 'event_seq'])
    .modifyEnd(sql`without rowid, strict`)
    .execute();
  await db.schema.createIndex('audit_state_event').on('audit_state').columns(['event_seq']).execute();

  // Append-only in SQL as well as in the services, like the events themselves.
  await sql`create trigger audit_state_no_update before update on audit_state
    begin select raise(abort, 'audit states cannot be changed'); end`.execute(db);
  await sql`create trigger audit_state_no_delete before delete on audit_state
    begin select raise(abort, 'audit states cannot be deleted'); end`.execute(db);
}
