import { sql, type Kysely } from 'kysely';

/**
 * The clauses of the governing document that the Procurement Act 2023 s33(6) turns on, so the
 * s33 check can decide (a) and (b) from what the secretary recorded and cite (c):
 *
 * - `objects_public_services` (0/1) and `objects_clause` (the article or rule number and its
 *   words): whether the mutual's objects include delivering public services (s33(6)(a)).
 * - `profit_basis` ('not_for_profit', 'members_only' or 'other') and `profit_clause`: whether it
 *   is run on a not-for-profit basis or distributes profits only to members (s33(6)(b)).
 * - `employee_control_clause`: the clause securing the employees' management and control
 *   (s33(6)(c)).
 *
 * All nullable, null meaning "not recorded": nothing is assumed from the legal form, every
 * existing record reads as before, and its audit state hash is unchanged (a state leaves null
 * columns out). An answer and its clause go together; the core refuses one without the other.
 *
 * Also an index of agenda items by contract (migration 0016 added the link): the contract's page
 * lists the agenda items that concern it, which without this read every agenda item.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table governing_rules add column objects_public_services integer check (objects_public_services in (0, 1))`);
  await run(`alter table governing_rules add column objects_clause text`);
  await run(`alter table governing_rules add column profit_basis text check (profit_basis in ('not_for_profit', 'members_only', 'other'))`);
  await run(`alter table governing_rules add column profit_clause text`);
  await run(`alter table governing_rules add column employee_control_clause text`);
  await run(`create index agenda_item_contract on agenda_item(contract_id) where contract_id is not null`);
}
