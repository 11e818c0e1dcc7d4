import { sql, type Kysely } from 'kysely';

/**
 * Live income kept per month, so the portfolio and the s33 check read the contracts live on a day
 * without reading every live contract (at 50,000 contracts the covering-index ranges of 0019 read
 * 12,000 to 25,000 rows per grouping and sorted them: 10 to 20 ms each).
 *
 * - `calendar_month`: the first day of every month from 1900 to 2299 (the days checkpoints are kept for).
 * - `contract_income_month`: for each commissioner and each first day of a month, the contracts of
 *   contract_income live that day (started on or before it, current end on or after it, not
 *   terminated on or before it), how many of them have an annual value, and the sum of the values.
 * - `contract_service_income_month`: the same per service category (cpv_key: the CPV code, '' for
 *   none), summing contract_service_income's shares.
 *   Contracts that run on (current end '9999-12-31', not terminated) are left out of both: they are
 *   live on every day from their start, and the reports add them from the live indexes of 0019
 *   (current end '9999-12-31', then start): they would otherwise need a row in every month to 2299.
 * - Indexes for what changes within a month: contract_income and contract_service_income by start
 *   and by termination; the live index of 0019 already orders them by current end.
 *
 * Kept by triggers on contract_income and contract_service_income, whichever path writes them (the
 * core's refreshContractIncome on every contract change, an import, a benchmark loader), so they
 * cannot fall out of step with the rows they sum; Verify recomputes them from those rows
 * (income-rows.ts incomeMonthsDiffering). A month whose contracts have all gone keeps a row of
 * zeros. Frozen: change the schema in a new migration.
 *
 * Also covering indexes of the duties by day, so the timeline reads no duty row: every duty with
 * its kind, title and done flag (contract_duty_day, replacing contract_duty_due, which it extends),
 * and the open duties with their kind and title (contract_duty_open_day, replacing 0018's
 * contract_duty_open, with the same condition `done = 0 and key <> 'end'`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create table calendar_month (on_date text primary key) strict, without rowid`);
  await run(`insert into calendar_month (on_date)
    with recursive m(n) as (select 0 union all select n + 1 from m where n < 4799)
    select printf('%04d-%02d-01', 1900 + n / 12, n % 12 + 1) from m`);

  await run(`create table contract_income_month (
    organisation_id text not null,
    month_on text not null,
    counterparty_id text not null,
    contracts integer not null,
    valued integer not null,
    pence integer not null,
    primary key (organisation_id, month_on, counterparty_id)
  ) strict, without rowid`);
  await run(`create table contract_service_income_month (
    organisation_id text not null,
    month_on text not null,
    cpv_key text not null,
    contracts integer not null,
    pence integer not null,
    primary key (organisation_id, month_on, cpv_key)
  ) strict, without rowid`);

  await run(`create index contract_income_start on contract_income(organisation_id, start_on)`);
  await run(`create index contract_income_terminated on contract_income(organisation_id, terminated_on) where terminated_on is not null`);
  await run(`create index contract_service_income_start on contract_service_income(organisation_id, start_on)`);
  await run(`create index contract_service_income_terminated on contract_service_income(organisation_id, terminated_on) where terminated_on is not null`);

  // The months a row counts in: the first days of months it is live on, unless it runs on.
  const months = (r: 'new' | 'old') => `select on_date from calendar_month
    where on_date >= ${r}.start_on and on_date <= ${r}.current_end_on and (${r}.terminated_on is null or on_date < ${r}.terminated_on)
      and (${r}.current_end_on <> '9999-12-31' or ${r}.terminated_on is not null)`;
  const addIncome = `insert into contract_income_month (organisation_id, month_on, counterparty_id, contracts, valued, pence)
    select new.organisation_id, on_date, new.counterparty_id, 1, new.annual_value_pence is not null, coalesce(new.annual_value_pence, 0) from (${months('new')}) where 1
    on conflict (organisation_id, month_on, counterparty_id) do update set contracts = contracts + 1, valued = valued + excluded.valued, pence = pence + excluded.pence;`;
  const removeIncome = `update contract_income_month set contracts = contracts - 1, valued = valued - (old.annual_value_pence is not null), pence = pence - coalesce(old.annual_value_pence, 0)
    where organisation_id = old.organisation_id and counterparty_id = old.counterparty_id and month_on in (${months('old')});`;
  await run(`create trigger contract_income_month_insert after insert on contract_income begin ${addIncome} end`);
  await run(`create trigger contract_income_month_delete after delete on contract_income begin ${removeIncome} end`);
  await run(`create trigger contract_income_month_update after update on contract_income begin ${removeIncome} ${addIncome} end`);

  const addService = `insert into contract_service_income_month (organisation_id, month_on, cpv_key, contracts, pence)
    select new.organisation_id, on_date, coalesce(new.cpv_code, ''), 1, new.share_pence from (${months('new')}) where 1
    on conflict (organisation_id, month_on, cpv_key) do update set contracts = contracts + 1, pence = pence + excluded.pence;`;
  const removeService = `update contract_service_income_month set contracts = contracts - 1, pence = pence - old.share_pence
    where organisation_id = old.organisation_id and cpv_key = coalesce(old.cpv_code, '') and month_on in (${months('old')});`;
  await run(`create trigger contract_service_income_month_insert after insert on contract_service_income begin ${addService} end`);
  await run(`create trigger contract_service_income_month_delete after delete on contract_service_income begin ${removeService} end`);
  await run(`create trigger contract_service_income_month_update after update on contract_service_income begin ${removeService} ${addService} end`);

  await run(`insert into contract_income_month (organisation_id, month_on, counterparty_id, contracts, valued, pence)
    select i.organisation_id, m.on_date, i.counterparty_id, count(*), count(i.annual_value_pence), coalesce(sum(i.annual_value_pence), 0)
    from contract_income i join calendar_month m on m.on_date >= i.start_on and m.on_date <= i.current_end_on and (i.terminated_on is null or m.on_date < i.terminated_on)
    where i.current_end_on <> '9999-12-31' or i.terminated_on is not null
    group by i.organisation_id, m.on_date, i.counterparty_id`);
  await run(`insert into contract_service_income_month (organisation_id, month_on, cpv_key, contracts, pence)
    select s.organisation_id, m.on_date, coalesce(s.cpv_code, ''), count(*), sum(s.share_pence)
    from contract_service_income s join calendar_month m on m.on_date >= s.start_on and m.on_date <= s.current_end_on and (s.terminated_on is null or m.on_date < s.terminated_on)
    where s.current_end_on <> '9999-12-31' or s.terminated_on is not null
    group by s.organisation_id, m.on_date, coalesce(s.cpv_code, '')`);

  await run(`create index contract_duty_day on contract_duty(organisation_id, due_on, contract_id, key, kind, title, done)`);
  await run(`drop index contract_duty_due`);
  // The open duties likewise with their kind and title: covering, so the overdue list keeps to the
  // open duties rather than reading every past one from contract_duty_day (which covers it too).
  await run(`create index contract_duty_open_day on contract_duty(organisation_id, due_on, contract_id, key, kind, title) where done = 0 and key <> 'end'`);
  await run(`drop index contract_duty_open`);
}
