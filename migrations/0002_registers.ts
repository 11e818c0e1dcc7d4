import { sql, type Kysely } from 'kysely';

/**
 * The statutory registers: membership classes, the register of members (CA 2006 s113; CCBS Act
 * 2014 s30) with its share ledger, directors and officers with residential addresses held apart
 * (CA 2006 s162-165), people with significant control (Part 21A), declarations of interest
 * (s177/s182), the log of inspection requests (s116-117), and per-organisation settings.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('sequence')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('next_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequence_pk', ['organisation_id', 'name'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_setting_pk', ['organisation_id', 'key'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('membership_class')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('voting_rights', 'text', (c) => c.notNull())
    .addColumn('votes_per_member', 'integer', (c) => c.notNull())
    .addColumn('is_employee_class', 'integer', (c) => c.notNull())
    .addColumn('min_age_years', 'integer')
    .addColumn('min_weekly_hours_centi', 'integer')
    .addColumn('min_service_months', 'integer')
    .addColumn('share_nominal_pence', 'integer')
    .addColumn('share_withdrawable', 'integer')
    .addColumn('share_transferable', 'integer')
    .addColumn('share_max_holding', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_class_name', ['organisation_id', 'name_key'])
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    // One person may have several entries over time (re-admission makes a new entry).
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('member_number', 'integer', (c) => c.notNull())
    .addColumn('class_id', 'text', (c) => c.notNull().references('membership_class.id'))
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('given_key', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('address_town', 'text', (c) => c.notNull())
    .addColumn('address_postcode', 'text')
    .addColumn('address_country', 'text')
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('email_purposes', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('employee_number', 'text')
    .addColumn('service_area', 'text')
    .addColumn('employment_start', 'text')
    .addColumn('employment_end', 'text')
    .addColumn('weekly_hours_centi', 'integer')
    .addColumn('loans_deposits_pence', 'integer')
    .addColumn('application_date', 'text')
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('board_reference', 'text')
    .addColumn('ceased_on', 'text')
    .addColumn('cessation_reason', 'text')
    .addColumn('cessation_note', 'text')
    // Derived from the share ledger in the same transaction as each ledger entry; never typed in.
    .addColumn('shares_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('member_ceased_after_admitted', sql`ceased_on is null or ceased_on >= admitted_on`)
    .modifyEnd(strict)
    .execute();
  // Member numbers are allocated in sequence and never reused.
  await db.schema.createIndex('member_number').unique().on('member').columns(['organisation_id', 'member_number']).execute();
  await db.schema.createIndex('member_by_name').on('member').columns(['organisation_id', 'sort_key', 'member_number']).execute();
  await db.schema.createIndex('member_by_given_name').on('member').columns(['organisation_id', 'given_key']).execute();
  await db.schema
    .createIndex('member_by_email')
    .on('member')
    .columns(['organisation_id', 'email_key'])
    .where(sql.ref('email_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('member_by_employee_number')
    .on('member')
    .columns(['organisation_id', 'employee_number'])
    .where(sql.ref('employee_number'), 'is not', null)
    .execute();
  // A person holds one membership per organisation; an employee number belongs to one current member.
  await db.schema
    .createIndex('member_one_current_per_employee')
    .unique()
    .on('member')
    .columns(['organisation_id', 'employee_number'])
    .where(sql<boolean>`ceased_on is null and employee_number is not null`)
    .execute();
  await db.schema.createIndex('member_by_person').on('member').columns(['person_id']).execute();
  await db.schema.createIndex('member_one_current_per_person').unique().on('member').columns(['person_id']).where(sql.ref('ceased_on'), 'is', null).execute();
  await db.schema
    .createIndex('member_former_by_ceased')
    .on('member')
    .columns(['organisation_id', 'ceased_on'])
    .where(sql.ref('ceased_on'), 'is not', null)
    .execute();

  // Search words the two name keys miss (middle names, later parts of double-barrelled names).
  await db.schema
    .createTable('member_name_token')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('member_name_token_pk', ['organisation_id', 'token', 'member_id'])
    .modifyEnd(sql`strict, without rowid`)
    .execute();
  await db.schema.createIndex('member_name_token_member').on('member_name_token').columns(['member_id']).execute();

  await db.schema
    .createTable('share_transaction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('counterparty_member_id', 'text', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('transfer_id', 'text')
    .addColumn('notice_date', 'text')
    .addColumn('payment_date', 'text')
    .addColumn('board_reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('share_transaction_member').on('share_transaction').columns(['member_id', 'date', 'created_at']).execute();
  await db.schema.createIndex('share_transaction_counterparty').on('share_transaction').columns(['counterparty_member_id']).execute();

  await db.schema
    .createTable('officer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('member_id', 'text', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('former_names', 'text')
    .addColumn('service_line1', 'text', (c) => c.notNull())
    .addColumn('service_line2', 'text')
    .addColumn('service_town', 'text', (c) => c.notNull())
    .addColumn('service_postcode', 'text')
    .addColumn('service_country', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('nationality', 'text')
    .addColumn('occupation', 'text')
    .addColumn('country_of_residence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('officer_member').on('officer').columns(['member_id']).execute();

  // CA 2006 s165: kept apart so no ordinary query, screen or export can reach it by accident.
  await db.schema
    .createTable('officer_residential_address')
    .addColumn('officer_id', 'text', (c) => c.primaryKey().references('officer.id'))
    .addColumn('line1', 'text', (c) => c.notNull())
    .addColumn('line2', 'text')
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('country', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('appointment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officer.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('director_kind', 'text')
    .addColumn('nominated_by', 'text')
    .addColumn('appointed_on', 'text', (c) => c.notNull())
    .addColumn('ceased_on', 'text')
    .addColumn('cessation_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('appointment_ceased_after_appointed', sql`ceased_on is null or ceased_on >= appointed_on`)
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('appointment_officer').on('appointment').columns(['officer_id']).execute();

  await db.schema
    .createTable('interest')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officer.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('related_organisation', 'text')
    .addColumn('declared_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('interest_ended_after_declared', sql`ended_on is null or ended_on >= declared_on`)
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('interest_officer').on('interest').columns(['officer_id', 'declared_on']).execute();

  await db.schema
    .createTable('psc')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('service_line1', 'text', (c) => c.notNull())
    .addColumn('service_line2', 'text')
    .addColumn('service_town', 'text', (c) => c.notNull())
    .addColumn('service_postcode', 'text')
    .addColumn('service_country', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('nationality', 'text')
    .addColumn('country_of_residence', 'text')
    .addColumn('legal_form', 'text')
    .addColumn('governing_law', 'text')
    .addColumn('registration_number', 'text')
    .addColumn('natures', 'text', (c) => c.notNull())
    .addColumn('became_registrable_on', 'text', (c) => c.notNull())
    .addColumn('ceased_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('psc_statement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('inspection_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_address', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('will_share', 'integer', (c) => c.notNull())
    .addColumn('shared_with', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_on', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('inspection_request_received').on('inspection_request').columns(['organisation_id', 'received_on']).execute();
}
