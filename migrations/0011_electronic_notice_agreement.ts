import { sql, type Kysely } from 'kysely';

/**
 * A member's agreement to receive notices and other documents by e-mail, as a dated fact.
 *
 * A company may send a document in electronic form only to a person who has agreed (generally
 * or specifically) that it may be sent that way and has not revoked that agreement (CA 2006
 * s1144(2), Sch 5 Part 3 para 6), and only to an address that person specified for the purpose
 * (para 7). A notice of a general meeting is such a document (s308). Until now the register kept
 * only a free-text `email_purposes` (a society's s30 record), and the notice's distribution list
 * guessed from it; so the agreement is recorded here:
 * - `member.electronic_comms_agreed_on`: the date the member agreed to receive notices and
 *   documents by e-mail at the address the register holds;
 * - `member.electronic_comms_revoked_on`: the date they revoked that agreement.
 * A co-operative or community benefit society gives notice as its registered rules provide; the
 * same two dates record a member's agreement where the rules make notice by e-mail depend on it.
 *
 * Both nullable, and null for every existing entry: no agreement is on record, so nothing is
 * invented, no record changes, and every existing audit state hash stays as it was (nulls are
 * left out of the state hash, main/core/audit/state.ts). `email_purposes` is kept as it is.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table member add column electronic_comms_agreed_on text`);
  // Revoked only once agreed, and not before the agreement (checked with a message by the service first).
  await run(
    `alter table member add column electronic_comms_revoked_on text check (electronic_comms_revoked_on is null or (electronic_comms_agreed_on is not null and electronic_comms_revoked_on >= electronic_comms_agreed_on))`,
  );
}
