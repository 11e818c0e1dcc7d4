import { sql, type Kysely } from 'kysely';

/**
 * A meeting holds its own minutes and may also approve corrections to the signed minutes of
 * earlier meetings (CA 2006 s248, s355: a correction after signing is a new record referring to
 * the original, never an edit). Migration 0007 made `minutes.meeting_id` unique, so a meeting
 * that approved a correction could never have minutes of its own.
 *
 * - `minutes` is rebuilt with the same columns and rows (so every record's audit state is
 *   unchanged) and without that constraint; instead one ordinary record per meeting
 *   (`corrects_minutes_id is null`) and one correction of a given original per meeting.
 * - The sealing triggers are recreated so that only a meeting's own signed minutes freeze its
 *   records: signing a correction seals the correction, not the meeting that approved it.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  // The rebuild drops and renames `minutes` while `minutes_comment` and `minutes` itself refer to
  // it; foreign keys are checked when the migration commits, once the new table holds every row.
  await run(`pragma defer_foreign_keys = on`);

  const frozen: Array<[table: string, meetingOf: (row: 'new' | 'old') => string]> = [
    ['meeting', (r) => `${r}.id`],
    ['agenda_item', (r) => `${r}.meeting_id`],
    ['attendance', (r) => `${r}.meeting_id`],
    ['meeting_declaration', (r) => `${r}.meeting_id`],
    ['resolution', (r) => `${r}.meeting_id`],
    ['decision', (r) => `${r}.meeting_id`],
    ['proxy_appointment', (r) => `${r}.meeting_id`],
    ['paper', (r) => `(select meeting_id from agenda_item where id = ${r}.agenda_item_id)`],
    ['decision_vote', (r) => `(select meeting_id from decision where id = ${r}.decision_id)`],
  ];
  for (const [table] of frozen) {
    if (table !== 'meeting') await run(`drop trigger ${table}_sealed_insert`);
    await run(`drop trigger ${table}_sealed_update`);
    await run(`drop trigger ${table}_sealed_delete`);
  }
  await run(`drop trigger minutes_sealed_update`);
  await run(`drop trigger minutes_sealed_delete`);

  await run(`create table minutes_new (
    id text primary key,
    meeting_id text not null references meeting(id),
    status text not null check (status in ('draft', 'circulated', 'approved', 'signed')),
    body text not null,
    circulated_on text,
    approved_on text,
    approved_by_decision_id text references decision(id),
    approved_in_writing integer not null default 0,
    signed_on text,
    signed_by text,
    sealed_sha256 text,
    sealed_record text,
    corrects_minutes_id text references minutes(id),
    created_at text not null,
    updated_at text not null,
    check ((status = 'signed') = (sealed_sha256 is not null)),
    check (sealed_sha256 is null or (signed_on is not null and signed_by is not null and sealed_record is not null))
  ) strict`);
  await run(`insert into minutes_new select id, meeting_id, status, body, circulated_on, approved_on, approved_by_decision_id, approved_in_writing,
    signed_on, signed_by, sealed_sha256, sealed_record, corrects_minutes_id, created_at, updated_at from minutes`);
  await run(`drop table minutes`);
  await run(`alter table minutes_new rename to minutes`);
  await run(`create unique index minutes_of_meeting on minutes(meeting_id) where corrects_minutes_id is null`);
  await run(`create unique index minutes_correction on minutes(corrects_minutes_id, meeting_id) where corrects_minutes_id is not null`);

  const sealed = (meetingExpr: string) => `exists (select 1 from minutes where meeting_id = ${meetingExpr} and status = 'signed' and corrects_minutes_id is null)`;
  const refuse = `select raise(abort, 'These minutes are signed and sealed: they cannot be changed (CA 2006 s248, s355, s1138). Record a correction instead.')`;
  await run(`create trigger minutes_sealed_update before update on minutes when old.status = 'signed' begin ${refuse}; end`);
  await run(`create trigger minutes_sealed_delete before delete on minutes when old.status = 'signed'
    and (select held_on from meeting where id = old.meeting_id) > date('now', '-10 years')
    begin select raise(abort, 'Signed minutes must be kept for at least ten years from the meeting (CA 2006 s248(2), s355(2)).'); end`);
  for (const [table, meetingOf] of frozen) {
    if (table !== 'meeting') await run(`create trigger ${table}_sealed_insert before insert on ${table} when ${sealed(meetingOf('new'))} begin ${refuse}; end`);
    await run(`create trigger ${table}_sealed_update before update on ${table} when ${sealed(meetingOf('old'))} begin ${refuse}; end`);
    await run(`create trigger ${table}_sealed_delete before delete on ${table} when ${sealed(meetingOf('old'))} begin ${refuse}; end`);
  }
}
