import { sql, type Kysely } from 'kysely';

/**
 * The live income of contracts kept as derived rows, so the portfolio and the s33 check read the
 * contracts live on a day as one covering-index range (at 50,000 contracts they found them through
 * the 'end' duty rows and joined each to its contract: ~400 ms).
 *
 * - `contract_income`: one row per awarded contract that has a start date and either an 'end'
 *   duty (its current end, as contract_duty holds it) or no end date at all, with what the
 *   aggregates need: commissioner, start, current end ('9999-12-31' for a contract that runs on,
 *   so "not ended before the day" is one range), termination and annual value (null: none recorded).
 * - `contract_service_income`: the same contracts once per service category (CPV code; null for a
 *   contract with none), each with its share of the annual value: the value divided equally between
 *   the codes to the penny, the first codes in code order one penny more until the remainder is used.
 *
 * - `member_class_admitted`: members by class and admission (and cessation), so counting a class's
 *   members on a day reads the index alone; `contract_reserved_by_authority`: a commissioner's
 *   contracts by route and award date, for the s33(5) look-back (it read every award in 3 years).
 *
 * Derived, never edited: the contracts core rebuilds a contract's rows in the same transaction as
 * its duties (main/core/contracts/reports/income-rows.ts runs the same statements as this fill,
 * restricted to the one contract), so they hold exactly what the reports computed before.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create table contract_income (
    contract_id text primary key references contract(id),
    organisation_id text not null,
    counterparty_id text not null,
    start_on text not null,
    current_end_on text not null,
    terminated_on text,
    annual_value_pence integer
  ) strict`);
  await run(`create index contract_income_live on contract_income(organisation_id, current_end_on, start_on, terminated_on, counterparty_id, annual_value_pence)`);
  await run(`create table contract_service_income (
    contract_id text not null references contract(id),
    cpv_code text,
    organisation_id text not null,
    start_on text not null,
    current_end_on text not null,
    terminated_on text,
    share_pence integer not null
  ) strict`);
  await run(`create index contract_service_income_contract on contract_service_income(contract_id)`);
  await run(`create index contract_service_income_live on contract_service_income(organisation_id, current_end_on, start_on, terminated_on, cpv_code, share_pence)`);
  // The registers on a day (the s33 check's control figures) count each class's members admitted
  // by the day and not ceased: this index answers it without reading every member.
  await run(`create index member_class_admitted on member(class_id, admitted_on, ceased_on)`);
  // The s33 check's earlier reservations by the same authority (s33(5)): the contracts with one
  // commissioner under the reserved route, by award date, instead of every award in three years.
  await run(`create index contract_reserved_by_authority on contract(organisation_id, counterparty_id, route, award_on)`);
  await run(`${FILL_INCOME}`);
  await run(`${FILL_SERVICE_INCOME}`);
}

// Kept here (not imported) so the migration never changes; income-rows.ts holds the same text.
const FILL_INCOME = `insert into contract_income (contract_id, organisation_id, counterparty_id, start_on, current_end_on, terminated_on, annual_value_pence)
  select c.id, c.organisation_id, c.counterparty_id, c.start_on, coalesce(e.due_on, '9999-12-31'), c.terminated_on, c.annual_value_pence
  from contract c left join contract_duty e on e.contract_id = c.id and e.key = 'end'
  where c.award_on is not null and c.start_on is not null and (e.due_on is not null or c.end_on is null) and 1 = 1`;

const FILL_SERVICE_INCOME = `insert into contract_service_income (contract_id, cpv_code, organisation_id, start_on, current_end_on, terminated_on, share_pence)
  select i.contract_id, s.cpv_code, i.organisation_id, i.start_on, i.current_end_on, i.terminated_on,
    coalesce(i.annual_value_pence, 0) / count(*) over w
      + case when row_number() over (partition by i.contract_id order by s.cpv_code) <= coalesce(i.annual_value_pence, 0) % count(*) over w then 1 else 0 end
  from contract_income i left join contract_service s on s.contract_id = i.contract_id
  where 1 = 1 window w as (partition by i.contract_id)`;
