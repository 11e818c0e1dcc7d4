import { sql, type Kysely } from 'kysely';

/**
 * The register of members and the share ledger as the law stands in 2026.
 *
 * New columns, all nullable, so the audit states of existing records are unchanged (nulls are
 * left out of the state hash):
 * - `membership_class.share_redeemable`: the class's shares were issued as redeemable (companies
 *   only, CA 2006 s684); `share_numbered`: each share has a distinguishing number, which the
 *   register must show (s113(3)(a)(i)).
 * - `member.holder_kind` ('organisation'; null for a person), `organisation_kind`,
 *   `organisation_number` and `representative_name`: members that are organisations (a council,
 *   an NHS trust, an employee ownership trust's trustee company, or a registered society, which
 *   CCBS Act 2014 s24(2) frees from the £100,000 limit). An organisation's name is kept in
 *   `family_name` (so it sorts and is found with everyone else's) and `given_names` is empty.
 * - `member_joint_holder`: the other names of joint holders of shares, in order (s113(5)); the
 *   entry's own name is the first-named holder, who receives notices.
 * - `share_transaction.resolution_reference` (the resolution a redemption or purchase of own
 *   shares rests on), `share_numbers` (the numbers that moved, "1-10,15") and `recorded_as` (the
 *   kind an entry was first recorded as, where this migration relabelled it).
 * - `migration_event`: events a migration asks the core to record in the audit log at the next
 *   start, so the log vouches for the records the migration changed.
 *
 * Existing company data is converted, never deleted. A company has no withdrawable shares:
 * withdrawable share capital exists only in registered societies (CCBS Act 2014 Sch 1), and a
 * company returns capital only as CA 2006 Part 18 allows. So, where the organisation's legal form
 * is a company:
 * - each membership class marked withdrawable is marked not withdrawable. It is not marked
 *   redeemable: shares are redeemable only if issued as such (s684(1)), which the app cannot know;
 *   where the articles did issue them as redeemable, the secretary ticks that on the class.
 * - each ledger entry recorded as a 'withdrawal' becomes a 'purchase' of own shares (s690-s708),
 *   the way a company buys back shares that were not issued as redeemable. `recorded_as` keeps
 *   'withdrawal', and the entry's date, number of shares, amount, notice and payment dates and
 *   board reference stay as they were; the ledger shows that it was first recorded as a
 *   withdrawal, so the secretary can check the purchase was authorised (s694) and reported to
 *   Companies House (s707).
 * - one `migration_event` lists the classes and register entries changed; the core records it as
 *   one audit event at the next start, so `verify` vouches for their new states.
 * Societies' data is unchanged.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const strict = sql`strict`;

  await db.schema.alterTable('membership_class').addColumn('share_redeemable', 'integer').execute();
  await db.schema.alterTable('membership_class').addColumn('share_numbered', 'integer').execute();

  await db.schema.alterTable('member').addColumn('holder_kind', 'text').execute();
  await db.schema.alterTable('member').addColumn('organisation_kind', 'text').execute();
  await db.schema.alterTable('member').addColumn('organisation_number', 'text').execute();
  await db.schema.alterTable('member').addColumn('representative_name', 'text').execute();

  await db.schema
    .createTable('member_joint_holder')
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_joint_holder_pk', ['member_id', 'position'])
    .modifyEnd(sql`strict, without rowid`)
    .execute();

  await db.schema.alterTable('share_transaction').addColumn('resolution_reference', 'text').execute();
  await db.schema.alterTable('share_transaction').addColumn('share_numbers', 'text').execute();
  await db.schema.alterTable('share_transaction').addColumn('recorded_as', 'text').execute();

  await db.schema
    .createTable('migration_event')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('migration', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('records', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  // The legal forms that are companies when this migration was written (shared/domain/legal-form.ts).
  const companyForms = ['company_limited_by_guarantee', 'cic_limited_by_guarantee', 'cic_limited_by_shares', 'eot_company'];
  const companies = await db.selectFrom('organisation').select(['id']).where('legal_form', 'in', companyForms).execute();
  for (const org of companies) {
    const classes = (await db
      .selectFrom('membership_class')
      .select(['id', 'name'])
      .where('organisation_id', '=', org.id)
      .where('share_withdrawable', '=', 1)
      .orderBy('id')
      .execute()) as { id: string; name: string }[];
    const entries = (await db
      .selectFrom('share_transaction')
      .select(['id', 'member_id'])
      .where('organisation_id', '=', org.id)
      .where('kind', '=', 'withdrawal')
      .orderBy('id')
      .execute()) as { id: string; member_id: string }[];
    if (classes.length === 0 && entries.length === 0) continue;
    if (classes.length > 0) {
      await db
        .updateTable('membership_class')
        .set({ share_withdrawable: 0 })
        .where('id', 'in', classes.map((c) => c.id))
        .execute();
    }
    if (entries.length > 0) {
      await db.updateTable('share_transaction').set({ kind: 'purchase', recorded_as: 'withdrawal' }).where('organisation_id', '=', org.id).where('kind', '=', 'withdrawal').execute();
    }
    const members = [...new Set(entries.map((e) => e.member_id))].sort();
    const parts = [
      classes.length > 0 ? `${classes.length} membership class${classes.length === 1 ? '' : 'es'} marked not withdrawable (${classes.map((c) => c.name).join(', ')})` : null,
      entries.length > 0
        ? `${entries.length === 1 ? '1 ledger entry recorded as a withdrawal relabelled as a purchase' : `${entries.length} ledger entries recorded as withdrawals relabelled as purchases`} of own shares (CA 2006 s690-s708), for ${members.length} member${members.length === 1 ? '' : 's'}`
        : null,
    ].filter(Boolean);
    await db
      .insertInto('migration_event')
      .values({
        migration: '0006_members_law',
        action: 'data.migrated',
        summary: `A company has no withdrawable shares, so ${parts.join(' and ')}; nothing was deleted`,
        after: JSON.stringify({ classes: classes.map((c) => c.id), ledgerEntries: entries.map((e) => e.id), recordedAs: 'withdrawal', now: 'purchase' }),
        records: JSON.stringify([...classes.map((c) => ({ type: 'membership_class', id: c.id })), ...members.map((id) => ({ type: 'member', id }))]),
      })
      .execute();
  }
}
