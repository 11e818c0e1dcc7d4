import { sql, type Kysely } from 'kysely';

/**
 * Foundation: the app marker, the organisation with its governing-document rules, and the
 * hash-chained audit log (CA 2006 s1138: precautions against falsification).
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.insertInto('app_meta').values({ key: 'app', value: 'mutual-governance' }).execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text', (c) => c.notNull())
    .addColumn('office_line1', 'text', (c) => c.notNull())
    .addColumn('office_line2', 'text')
    .addColumn('office_town', 'text', (c) => c.notNull())
    .addColumn('office_county', 'text')
    .addColumn('office_postcode', 'text', (c) => c.notNull())
    .addColumn('office_country', 'text', (c) => c.notNull())
    .addColumn('incorporated_on', 'text', (c) => c.notNull())
    .addColumn('financial_year_end', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('governing_rules')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('gm_notice_clear_days', 'integer', (c) => c.notNull())
    .addColumn('gm_quorum', 'integer', (c) => c.notNull())
    .addColumn('board_quorum', 'integer', (c) => c.notNull())
    .addColumn('special_resolution_bp', 'integer', (c) => c.notNull())
    .addColumn('written_resolution_lapse_days', 'integer', (c) => c.notNull())
    .addColumn('voting_basis', 'text', (c) => c.notNull())
    .addColumn('chair_casting_vote', 'integer', (c) => c.notNull())
    .addColumn('proxies_allowed', 'integer', (c) => c.notNull())
    .addColumn('proxy_deadline_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity_type', 'entity_id', 'seq']).execute();
  await db.schema.createIndex('audit_event_action').on('audit_event').columns(['action', 'seq']).execute();

  // Personal data lives apart from the chain so an entry can be erased when the law allows
  // (CA 2006 s121) while the chain, which hashes only the payload's digest, still verifies.
  await db.schema
    .createTable('audit_payload')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('audit_event.id'))
    .addColumn('body', 'text')
    .addColumn('redacted_at', 'text')
    .addColumn('redacted_by', 'text', (c) => c.references('audit_event.id'))
    .modifyEnd(sql`strict`)
    .execute();

  // The newest event as last written by the app: deleting events from the end shows up as a
  // mismatch with this row.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();

  // Append-only in SQL as well as in the services.
  await sql`create trigger audit_event_no_update before update on audit_event
    begin select raise(abort, 'audit events cannot be changed'); end`.execute(db);
  await sql`create trigger audit_event_no_delete before delete on audit_event
    begin select raise(abort, 'audit events cannot be deleted'); end`.execute(db);
  await sql`create trigger audit_payload_no_delete before delete on audit_payload
    begin select raise(abort, 'audit payloads cannot be deleted'); end`.execute(db);
  await sql`create trigger audit_payload_redact_only before update on audit_payload
    when old.body is null or new.body is not null or new.redacted_by is null or new.redacted_at is null
      or new.event_id is not old.event_id
    begin select raise(abort, 'audit payloads can only be redacted'); end`.execute(db);
}
