import { sql, type Kysely } from 'kysely';

/**
 * Proxy holders who are members, and the organisation a written resolution relates to.
 *
 * - `proxy_appointment.proxy_member_id`: the member appointed as proxy, when the holder is
 *   themselves a member (null for anyone else, who is known by `proxy_name` alone). CA 2006
 *   s318(2)-(3) counts qualifying persons, and one person holding appointments from several
 *   members is one person; matching holders by the name typed on each appointment counted one
 *   member twice when the name was typed two ways. Existing appointments keep their name and get
 *   no member: nothing is guessed from names.
 * - `written_resolution.related_organisation`: the organisation (a council, an NHS trust, a
 *   supplier) the resolution concerns, as an agenda item has one, so that the decision a written
 *   resolution records is found by the decisions register's organisation filter. Existing
 *   resolutions have none recorded.
 *
 * Both columns are nullable and added in place, so every existing row, its triggers (the seal of
 * signed minutes covers proxy_appointment) and its audit state hash are unchanged: a state leaves
 * null columns out of its hash (main/core/audit/state.ts). Frozen once landed: change the schema
 * in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table proxy_appointment add column proxy_member_id text references member(id)`.execute(db);
  await sql`alter table written_resolution add column related_organisation text`.execute(db);
}
