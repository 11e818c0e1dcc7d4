import { sql, type Kysely } from 'kysely';

/**
 * The done state of a dated duty on the duty itself, and an index of the duties still open, so
 * the timeline's overdue duties and their count read only the open ones: before this, finding
 * the overdue duties of a portfolio of 50,000 contracts walked every past duty (about 170,000)
 * and probed contract_duty_done for each.
 *
 * - `contract_duty.done` (0/1): 1 when contract_duty_done holds a row for the same contract and
 *   key. contract_duty is derived data, rebuilt by the core from the contract's terms on every
 *   change; the core keeps `done` in step when a duty is recorded done or reopened and when the
 *   duties are rebuilt. contract_duty_done stays the record of who recorded it and when (it is
 *   part of the contract's audited state); Verify regenerates the duties and names a contract
 *   whose `done` flags differ from its contract_duty_done rows.
 * - `contract_duty_open`: (organisation_id, due_on) of the duties not done, leaving out each
 *   contract's end (a date, not a task: never overdue). The timeline writes the same terms
 *   (`done = 0 and key <> 'end'`) as literals so SQLite can use it.
 *
 * Existing rows get their flag from contract_duty_done here, so every record reads as before.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table contract_duty add column done integer not null default 0 check (done in (0, 1))`);
  await run(`update contract_duty set done = 1
    where exists (select 1 from contract_duty_done x where x.contract_id = contract_duty.contract_id and x.key = contract_duty.key)`);
  await run(`create index contract_duty_open on contract_duty(organisation_id, due_on) where done = 0 and key <> 'end'`);
}
