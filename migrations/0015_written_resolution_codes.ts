import { sql, type Kysely } from 'kysely';

/**
 * Members' written resolutions agreed with a one-time code, at the meeting laptop (the kiosk) or
 * from a phone on the voting station (issue 9, "Members' written resolutions collected
 * electronically").
 *
 * The law: a member signifies agreement when the company receives an authenticated document
 * identifying the resolution and indicating agreement, in hard copy or electronic form (CA 2006
 * s296(1)-(2)); a document in electronic form is authenticated if the sender's identity is
 * confirmed in a manner the company specifies (s1146(3)(a)), which is what the code is. Agreement
 * once signified cannot be revoked (s296(3)); the resolution passes when the required majority of
 * eligible members have agreed (s296(4)), and agreement after the lapse period is ineffective
 * (s297(2)). Agreement is not secret: who agreed, when and how is kept.
 *
 * `written_resolution_signatory` gains three columns, nullable so that every existing record and
 * its audit state hash is unchanged (a state leaves null columns out, main/core/audit/state.ts):
 * - `code_hash`: the SHA-256 of the member's agreement code, in a domain of its own (never a
 *   ballot's); the code itself is shown once and never kept. Unique where present, so a code
 *   names one member of one resolution. Kept after use, so a used code is known as used.
 * - `agreed_at`: the instant agreement was signified (ISO 8601, UTC) where the app saw it happen
 *   (a code at the kiosk or from a phone); null where the secretary recorded only the date an
 *   agreement was received, as every agreement before this migration was.
 * - `agreed_via`: how it was signified: 'secretary' (recorded by the secretary from a document
 *   received), 'kiosk' or 'phone' (with the code). Null on an agreement recorded before this
 *   migration, which was always the secretary's, and is read so.
 * Existing agreements keep their `agreed_on` date as recorded. Frozen: change the schema in a new
 * migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table written_resolution_signatory add column code_hash text check (code_hash is null or length(code_hash) = 64)`);
  await run(`alter table written_resolution_signatory add column agreed_at text check (agreed_at is null or agreed_on is not null)`);
  await run(
    `alter table written_resolution_signatory add column agreed_via text check (agreed_via is null or (agreed_via in ('secretary', 'kiosk', 'phone') and agreed_on is not null))`,
  );
  await run(`create unique index written_resolution_signatory_code on written_resolution_signatory(code_hash) where code_hash is not null`);
}
