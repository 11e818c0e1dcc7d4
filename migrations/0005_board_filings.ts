import { sql, type Kysely } from 'kysely';

/**
 * The board and Companies House as the law stands from 18 November 2025 (Economic Crime and
 * Corporate Transparency Act 2023): a company keeps no register of directors, secretaries or
 * people with significant control of its own, but notifies Companies House of each change within
 * 14 days, and its directors must have their identity verified (CA 2006 s167G, s167M, s279G,
 * s790LA).
 *
 * - Each officer may carry the date their identity was verified with Companies House and their
 *   personal code. Both are nullable: every existing officer reads as "not recorded", and the
 *   audit states of existing records are unchanged (nulls are left out of the state hash).
 * - `filing_duty`: one notice a change requires at Companies House, with its form, the day of the
 *   change, the last day to file and, once met, when it was filed (or why it was not needed).
 *   Duties are created only for changes recorded from now on: none is invented for the past.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('officer').addColumn('identity_verified_on', 'text').execute();
  await db.schema.alterTable('officer').addColumn('personal_code', 'text').execute();

  await db.schema
    .createTable('filing_duty')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    // What changed: an officer (with the appointment, where the change is one), a PSC, a PSC statement.
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text')
    // For a change of details: which details (never their values), e.g. "service address, occupation".
    .addColumn('detail', 'text')
    .addColumn('event_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('filing_duty_subject', sql`subject_type in ('officer', 'psc', 'psc_statement')`)
    .addCheckConstraint('filing_duty_outcome', sql`(outcome is null and outcome_on is null) or (outcome in ('filed', 'not_required') and outcome_on is not null)`)
    .addCheckConstraint('filing_duty_due_after_event', sql`due_on >= event_on`)
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('filing_duty_open').on('filing_duty').columns(['organisation_id', 'outcome', 'due_on']).execute();
  await db.schema.createIndex('filing_duty_subject').on('filing_duty').columns(['subject_type', 'subject_id']).execute();
}
