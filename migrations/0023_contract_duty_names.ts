import { sql, type Kysely } from 'kysely';

/**
 * The names a dated duty is shown with, kept on the duty, so the timeline and the calendar read a
 * range of days from one covering index and join nothing for names: at 50,000 contracts a six-week
 * calendar grid (about 1,200 duties) joined each duty to its contract and commissioner, 2,400 b-tree
 * searches by text id that took 5 of its 7 ms in SQLite and 20 to 55 ms at p99 through the app.
 *
 * - `contract_duty.contract_reference`, `contract_title`, `counterparty_name`: the contract's
 *   reference and title and its commissioner's name. Existing duties are filled from their
 *   contracts; '' is never a real value (contract.reference, contract.title and counterparty.name
 *   are all at least one character).
 * - Triggers keep them with their sources on every write path, whatever writes:
 *   - a duty inserted without names (''), e.g. by a loader, takes them from its contract;
 *   - a contract whose reference, title or commissioner changes passes them to its duties;
 *   - a commissioner renamed passes its name to its contracts' duties.
 *   The core writes them itself when it rebuilds a contract's duties (store.ts rebuildDuties), so
 *   the insert trigger only acts for other writers. Verify compares them with their sources.
 * - contract_duty_day and contract_duty_open_day (0020) are replaced by the same indexes with the
 *   names added (contract_duty_named_day, contract_duty_named_open_day), so both stay covering.
 *
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table contract_duty add column contract_reference text not null default ''`);
  await run(`alter table contract_duty add column contract_title text not null default ''`);
  await run(`alter table contract_duty add column counterparty_name text not null default ''`);
  await run(`update contract_duty set (contract_reference, contract_title, counterparty_name) = (
      select c.reference, c.title, p.name from contract c join counterparty p on p.id = c.counterparty_id where c.id = contract_duty.contract_id)
    where exists (select 1 from contract c where c.id = contract_duty.contract_id)`);

  await run(`create trigger contract_duty_names_on_insert after insert on contract_duty
    when new.contract_reference = '' or new.contract_title = '' or new.counterparty_name = ''
    begin
      update contract_duty set (contract_reference, contract_title, counterparty_name) = (
          select c.reference, c.title, p.name from contract c join counterparty p on p.id = c.counterparty_id where c.id = new.contract_id)
        where contract_id = new.contract_id and key = new.key;
    end`);
  await run(`create trigger contract_duty_names_on_contract after update of reference, title, counterparty_id on contract
    when old.reference is not new.reference or old.title is not new.title or old.counterparty_id is not new.counterparty_id
    begin
      update contract_duty set contract_reference = new.reference, contract_title = new.title,
          counterparty_name = (select name from counterparty where id = new.counterparty_id)
        where contract_id = new.id;
    end`);
  await run(`create trigger contract_duty_names_on_counterparty after update of name on counterparty
    when old.name is not new.name
    begin
      update contract_duty set counterparty_name = new.name
        where contract_id in (select id from contract where counterparty_id = new.id);
    end`);

  await run(`create index contract_duty_named_day on contract_duty(organisation_id, due_on, contract_id, key, kind, title, done, contract_reference, contract_title, counterparty_name)`);
  await run(`drop index contract_duty_day`);
  await run(
    `create index contract_duty_named_open_day on contract_duty(organisation_id, due_on, contract_id, key, kind, title, contract_reference, contract_title, counterparty_name) where done = 0 and key <> 'end'`,
  );
  await run(`drop index contract_duty_open_day`);
}
