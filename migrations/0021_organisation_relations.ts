import { sql, type Kysely } from 'kysely';

/**
 * Group structures (issue 11): one file may keep several organisations (every record was already
 * keyed by organisation), and this records how they relate.
 *
 * - `organisation_relation`: one row per pair of organisations in the file. `kind` 'subsidiary':
 *   `related_organisation_id` is a subsidiary of `organisation_id` (the parent); 'sister': the two
 *   share a secretariat and neither holds the other (`organisation_id` is then simply the first
 *   party). A subsidiary's holding says how the parent holds it: `holding_basis` 'shares' (shares
 *   held, as a count and as basis points of the ordinary shares and of the votes) or 'membership'
 *   (the parent is a member, e.g. of a society, with its class), always in words too; a sister has
 *   none. `since_on` and `ended_on` are legal dates ('YYYY-MM-DD'); the relation holds on a day d
 *   with since_on <= d and (ended_on null or d < ended_on). One row per pair in either order (the
 *   unique index on the ordered pair), never an organisation with itself; cycles of subsidiaries are
 *   refused by the core (main/core/group), which a check constraint cannot see.
 *
 * Which organisation is current is a preference of the window, not a record: it is kept in
 * app_meta under 'current_organisation' (written by the core outside the audit rule, as
 * app_setting preferences are), so needs no table.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create table organisation_relation (
    id text primary key,
    organisation_id text not null references organisation(id),
    related_organisation_id text not null references organisation(id),
    kind text not null check (kind in ('subsidiary', 'sister')),
    holding_basis text check (holding_basis in ('shares', 'membership')),
    holding_words text check (holding_words is null or length(holding_words) between 1 and 500),
    shares_held integer check (shares_held is null or shares_held >= 0),
    shares_bp integer check (shares_bp is null or shares_bp between 0 and 10000),
    votes_bp integer check (votes_bp is null or votes_bp between 0 and 10000),
    membership_class text check (membership_class is null or length(membership_class) between 1 and 200),
    since_on text not null check (since_on glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ended_on text check (ended_on is null or ended_on glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at text not null,
    updated_at text not null,
    check (organisation_id <> related_organisation_id),
    check (ended_on is null or ended_on > since_on),
    check ((kind = 'sister') = (holding_basis is null)),
    check ((holding_basis is null) = (holding_words is null)),
    check (holding_basis = 'shares' or (shares_held is null and shares_bp is null)),
    check (holding_basis = 'membership' or membership_class is null)
  ) strict`);
  await run(`create unique index organisation_relation_pair on organisation_relation(min(organisation_id, related_organisation_id), max(organisation_id, related_organisation_id))`);
  await run(`create index organisation_relation_related on organisation_relation(related_organisation_id)`);
  await run(`create index organisation_relation_parent on organisation_relation(organisation_id)`);
}
