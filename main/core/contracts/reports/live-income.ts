import { CompiledQuery, sql } from 'kysely';
import { lookupCpv } from '../../../../shared/rules/procurement/cpv';
import type { ReadDb } from '../../context';
import { compiledOnce } from '../../db/compiled';
import { OPEN_END, type IncomeTables } from './income-rows';

/**
 * The contracts live on a day and the income they bring, in grouped queries (never one query per
 * contract: the portfolio is read over tens of thousands of them).
 *
 * Live on a day ("live or in an extension", shared/contract/contracts.ts CONTRACT_STATUSES):
 * awarded, started on or before the day, not terminated on or before it, and not ended before it.
 * A contract's end is its current end as the contracts core keeps it: the due date of its `end`
 * duty (contract_duty key 'end', rebuilt from the contract's dates, exercised extensions and
 * variations whenever it changes, with the law's generateDuties); a contract with no end date
 * runs on. The queries read the derived rows the core writes beside the duties (migration 0019,
 * income-rows.ts), so records written outside the core (a benchmark's loader) must write them too,
 * and the monthly checkpoints triggers keep from those rows (migration 0020, LIVE_SQL below), so
 * a day's figures cost the same at 500 contracts as at 50,000. So the term is read as it now stands: an extension exercised after the day is taken as known
 * on the day (it could only lengthen a term that was already running then).
 *
 * Income is the contract's annual value as recorded (annual_value_pence); a variation's change in
 * value is not added to it, since a variation says what it changed in words the app cannot split
 * into years. A contract with no annual value recorded brings no income and is counted apart.
 *
 * A contract with several service categories (CPV codes) has its annual value split equally
 * between them, to the penny: each code gets the value divided by the number of codes, and the
 * first codes in code order one penny more each until the remainder is used up, so the codes'
 * shares add up to the contract's value exactly (worked out when the rows are written, so the
 * report only sums). Counting it all under its first code would
 * make a contract for "home care and meals" read as home care alone.
 */

/**
 * The contracts live on a day, from the derived rows of migration 0019 (income-rows.ts: rebuilt
 * with the duties on every change, holding each contract's start, current end from its 'end' duty
 * or OPEN_END, termination and value): one range of the covering index (organisation_id,
 * current_end_on, start_on, terminated_on, …) with no lookup of the contract itself.
 */
function liveIncome(db: ReadDb, organisationId: string, on: string) {
  return db
    .withTables<IncomeTables>()
    .selectFrom('contract_income as i')
    .where('i.organisation_id', '=', organisationId)
    .where('i.current_end_on', '>=', on)
    .where('i.start_on', '<=', on)
    .where((eb) => eb.or([eb('i.terminated_on', 'is', null), eb('i.terminated_on', '>', on)]));
}

/**
 * Statements written with named values (:org, :on, …) and run with them in order as positional
 * parameters, so one text serves the core (through Kysely's driver) and the benchmark's raw side.
 */
export interface NamedSql {
  sql: string;
  names: string[];
}
function named(text: string): NamedSql {
  const names: string[] = [];
  const sql = text.replace(/:([a-z0-9]+)/g, (_, n: string) => {
    names.push(n);
    return '?';
  });
  return { sql, names };
}
export function bindNamed(q: NamedSql, values: Record<string, unknown>): unknown[] {
  return q.names.map((n) => {
    if (!(n in values)) throw new Error(`No value for :${n}`);
    return values[n];
  });
}
async function runNamed<R>(db: ReadDb, q: NamedSql, values: Record<string, unknown>): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(q.sql, bindNamed(q, values)))).rows;
}

/**
 * Live on a day from the monthly checkpoints of migration 0020 (contract_income_month and
 * contract_service_income_month, kept by triggers on the rows of 0019): the checkpoint on the first
 * of the day's month, plus the change to each row whose start, current end or termination falls
 * between that first day and the day (a month's worth: three short index ranges), plus the
 * contracts that run on (no end, not terminated: never in a checkpoint) started by the day, from
 * the live index (current end '9999-12-31', then start). The same figures as one range over every live row, without reading them.
 */
const OPEN_ROW = `current_end_on = '${OPEN_END}' and terminated_on is null`;
const liveAt = (x: string) => `(i.start_on <= ${x} and i.current_end_on >= ${x} and (i.terminated_on is null or i.terminated_on > ${x}))`;
const CHANGE = `(${liveAt(':on')} - ${liveAt(':month')})`;
const changedIn = (table: string, key: string) => `select ${key} from ${table} where organisation_id = :org and start_on > :month and start_on <= :on
    union select ${key} from ${table} where organisation_id = :org and current_end_on >= :month and current_end_on < :on
    union select ${key} from ${table} where organisation_id = :org and terminated_on > :month and terminated_on <= :on`;

export const LIVE_SQL = {
  /** Live contracts counted and valued by commissioner, with its name and kind. */
  byCommissioner: named(`select g.counterparty_id, p.name, p.kind, g.contracts, g.valued, g.pence from (
    select counterparty_id, sum(contracts) as contracts, sum(valued) as valued, sum(pence) as pence from (
      select counterparty_id, contracts, valued, pence from contract_income_month where organisation_id = :org and month_on = :month
      union all
      select i.counterparty_id, ${CHANGE}, ${CHANGE} * (i.annual_value_pence is not null), ${CHANGE} * coalesce(i.annual_value_pence, 0)
        from (${changedIn('contract_income', 'contract_id')}) c join contract_income i on i.contract_id = c.contract_id
        where not (i.${OPEN_ROW.replace(' and ', ' and i.')})
      union all
      select counterparty_id, 1, annual_value_pence is not null, coalesce(annual_value_pence, 0) from contract_income
        where organisation_id = :org and start_on <= :on and ${OPEN_ROW}
    ) group by counterparty_id having sum(contracts) > 0
  ) g join counterparty p on p.id = g.counterparty_id`),
  /** Live contracts' shares by service category ('' for none). */
  byService: named(`select nullif(cpv_key, '') as cpv_code, sum(pence) as pence, sum(contracts) as contracts from (
      select cpv_key, contracts, pence from contract_service_income_month where organisation_id = :org and month_on = :month
      union all
      select coalesce(i.cpv_code, ''), ${CHANGE}, ${CHANGE} * i.share_pence
        from (${changedIn('contract_service_income', 'rowid')}) c join contract_service_income i on i.rowid = c.rowid
        where not (i.${OPEN_ROW.replace(' and ', ' and i.')})
      union all
      select coalesce(cpv_code, ''), 1, share_pence from contract_service_income
        where organisation_id = :org and start_on <= :on and ${OPEN_ROW}
    ) group by cpv_key having sum(contracts) > 0`),
  /**
   * Of the contracts live on the day, how many (and how much a year) end by each of three later
   * days, in all: one pass over a range of the live index up to the last, with no grouping (the
   * portfolio shows these totals, not each commissioner's, and grouping cost three times the scan).
   */
  endingTotals: named(`select
      coalesce(sum(current_end_on <= :by6), 0) as end6, coalesce(sum(current_end_on <= :by12), 0) as end12, coalesce(sum(current_end_on <= :by18), 0) as end18,
      coalesce(sum(case when current_end_on <= :by6 then annual_value_pence end), 0) as end6_pence,
      coalesce(sum(case when current_end_on <= :by12 then annual_value_pence end), 0) as end12_pence,
      coalesce(sum(case when current_end_on <= :by18 then annual_value_pence end), 0) as end18_pence
    from contract_income where organisation_id = :org and current_end_on >= :on and current_end_on <= :last and start_on <= :on and (terminated_on is null or terminated_on > :on)`),
};

/** The first day of the day's month, when migration 0020 keeps a checkpoint for it (1900 to 2299); otherwise null. */
export function checkpointMonth(on: string): string | null {
  const month = `${on.slice(0, 7)}-01`;
  return month >= '1900-01-01' && month <= '2299-12-01' ? month : null;
}

const Q = {
  /** Live contracts' annual value by service category (null: no category), each code's share split when the row was written; a contract with no value counts with none. */
  byService: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .withTables<IncomeTables>()
      .selectFrom('contract_service_income as s')
      .where('s.organisation_id', '=', organisationId)
      .where('s.current_end_on', '>=', on)
      .where('s.start_on', '<=', on)
      .where((eb) => eb.or([eb('s.terminated_on', 'is', null), eb('s.terminated_on', '>', on)]))
      .select(['s.cpv_code'])
      .select((eb) => [eb.fn.sum<number>('s.share_pence').as('pence'), eb.fn.countAll<number>().as('contracts')])
      .groupBy('s.cpv_code'),
  ),
  /** Live contracts counted and valued by commissioner (a day outside the checkpoints' years). */
  byCommissioner: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .withTables<IncomeTables>()
      .selectFrom(
        liveIncome(db, organisationId, on)
          .select(['i.counterparty_id'])
          .select((eb) => [eb.fn.countAll<number>().as('contracts'), eb.fn.count<number>('i.annual_value_pence').as('valued'), sql<number>`coalesce(sum(i.annual_value_pence), 0)`.as('pence')])
          .groupBy('i.counterparty_id')
          .as('g'),
      )
      .innerJoin('counterparty as p', 'p.id', 'g.counterparty_id')
      .select(['g.counterparty_id', 'p.name', 'p.kind', 'g.contracts', 'g.valued', 'g.pence']),
  ),
  /** Live contracts ending on or before a date, soonest first: a range of the same index. */
  ending: compiledOnce((db: ReadDb, organisationId: string, on: string, by: string, limit: number) =>
    liveIncome(db, organisationId, on)
      .where('i.current_end_on', '<=', by)
      .innerJoin('contract as c', 'c.id', 'i.contract_id')
      .innerJoin('counterparty as p', 'p.id', 'i.counterparty_id')
      .select(['c.id', 'c.reference', 'c.title', 'p.name as counterparty_name', 'i.annual_value_pence', 'i.current_end_on as current_end'])
      .orderBy('i.current_end_on')
      .orderBy('c.reference')
      .limit(limit),
  ),
};

export interface ServiceIncome {
  /** The CPV code as stored ("85310000-5"), or null for contracts with no service category. */
  code: string | null;
  pence: number;
  contracts: number;
}

export async function incomeByServiceOn(db: ReadDb, organisationId: string, on: string): Promise<ServiceIncome[]> {
  const month = checkpointMonth(on);
  const rows = month
    ? await runNamed<{ cpv_code: string | null; pence: number; contracts: number }>(db, LIVE_SQL.byService, { org: organisationId, month, on })
    : await Q.byService.all(db, organisationId, on);
  return rows.map((r) => ({ code: r.cpv_code, pence: Number(r.pence), contracts: Number(r.contracts) }));
}

export interface CommissionerIncome {
  counterpartyId: string;
  name: string;
  kind: string;
  contracts: number;
  /** Contracts with an annual value recorded. */
  valued: number;
  pence: number;
}

/** Of the contracts live on a day, how many end by each of three later days, and their annual value. */
export interface EndingTotals {
  within6: number;
  within12: number;
  within18: number;
  within6Pence: number;
  within12Pence: number;
  within18Pence: number;
}

type LiveCommissionerRow = { counterparty_id: string; name: string; kind: string; contracts: number; valued: number; pence: number };
type EndingRow = { end6: number; end12: number; end18: number; end6_pence: number; end12_pence: number; end18_pence: number };

/** Live contracts counted and valued by commissioner on a day. */
async function liveByCommissionerRows(db: ReadDb, organisationId: string, on: string): Promise<LiveCommissionerRow[]> {
  const month = checkpointMonth(on);
  return month ? runNamed<LiveCommissionerRow>(db, LIVE_SQL.byCommissioner, { org: organisationId, month, on }) : Q.byCommissioner.all(db, organisationId, on);
}

/** Live contracts by commissioner on a day: how many, how many with a value, and their annual value. */
export async function incomeByCommissionerOn(db: ReadDb, organisationId: string, on: string): Promise<CommissionerIncome[]> {
  const rows = await liveByCommissionerRows(db, organisationId, on);
  return rows.map((r) => ({ counterpartyId: r.counterparty_id, name: r.name, kind: r.kind, contracts: Number(r.contracts), valued: Number(r.valued), pence: Number(r.pence) }));
}

/** Of the contracts live on a day, how many (and how much a year) end by each of the three days. */
export async function endingTotalsOn(db: ReadDb, organisationId: string, on: string, by: { by6: string; by12: string; by18: string }): Promise<EndingTotals> {
  const last = [by.by6, by.by12, by.by18].reduce((a, b) => (a > b ? a : b));
  const [e] = await runNamed<EndingRow>(db, LIVE_SQL.endingTotals, { org: organisationId, on, last, ...by });
  return {
    within6: Number(e?.end6 ?? 0),
    within12: Number(e?.end12 ?? 0),
    within18: Number(e?.end18 ?? 0),
    within6Pence: Number(e?.end6_pence ?? 0),
    within12Pence: Number(e?.end12_pence ?? 0),
    within18Pence: Number(e?.end18_pence ?? 0),
  };
}

export interface EndingContract {
  id: string;
  reference: string;
  title: string;
  counterpartyName: string;
  currentEndOn: string;
  annualValuePence: number | null;
}

export async function contractsEndingBy(db: ReadDb, organisationId: string, on: string, by: string, limit: number): Promise<EndingContract[]> {
  const rows = await Q.ending.all(db, organisationId, on, by, limit);
  return rows.map((r) => ({ id: r.id, reference: r.reference, title: r.title, counterpartyName: r.counterparty_name, currentEndOn: r.current_end, annualValuePence: r.annual_value_pence }));
}

/**
 * The share of the mutual's contract income from reservable light touch services on a day
 * (Procurement Act 2023 s33(6)(a)): the live contracts' annual values, each code's share counted
 * as reservable when the CPV list shipped with the app marks it so.
 */
export interface IncomeShare {
  totalPence: number;
  reservablePence: number;
  lightTouchPence: number;
  /** Live contracts with no annual value recorded: left out of both figures. */
  unvalued: number;
  contracts: number;
  /** The live contracts whose commissioner is a public body, and their annual value. */
  publicBodies: { contracts: number; pence: number };
  byService: (ServiceIncome & { description: string | null; reservable: boolean; lightTouch: boolean })[];
}

export async function incomeShareOn(db: ReadDb, organisationId: string, on: string): Promise<IncomeShare> {
  const services = await incomeByServiceOn(db, organisationId, on);
  const commissioners = await incomeByCommissionerOn(db, organisationId, on);
  const totals = totalsOf(commissioners);
  const byService = services.map((s) => {
    const entry = s.code ? lookupCpv(s.code) : null;
    return { ...s, description: entry?.description ?? null, reservable: entry?.reservable ?? false, lightTouch: entry?.lightTouch ?? false };
  });
  return {
    totalPence: byService.reduce((n, s) => n + s.pence, 0),
    reservablePence: byService.filter((s) => s.reservable).reduce((n, s) => n + s.pence, 0),
    lightTouchPence: byService.filter((s) => s.lightTouch).reduce((n, s) => n + s.pence, 0),
    unvalued: totals.contracts - totals.valued,
    contracts: totals.contracts,
    publicBodies: totals.publicBodies,
    byService: byService.sort((a, b) => b.pence - a.pence || (a.code ?? '').localeCompare(b.code ?? '')),
  };
}

/** Commissioners that are public bodies: a contract with one of them is for public services. */
export const PUBLIC_BODY_KINDS = ['council', 'nhs_trust', 'icb', 'nhs_england', 'government_department', 'public_body'] as const;

/** How many contracts were live, how many have an annual value, and those whose commissioner is a public body (a council, an NHS body, a department) with their annual value. */
export function totalsOf(commissioners: readonly CommissionerIncome[]): { contracts: number; valued: number; publicBodies: { contracts: number; pence: number } } {
  const isPublic = (c: CommissionerIncome) => (PUBLIC_BODY_KINDS as readonly string[]).includes(c.kind);
  return {
    contracts: commissioners.reduce((n, c) => n + c.contracts, 0),
    valued: commissioners.reduce((n, c) => n + c.valued, 0),
    publicBodies: {
      contracts: commissioners.filter(isPublic).reduce((n, c) => n + c.contracts, 0),
      pence: commissioners.filter(isPublic).reduce((n, c) => n + c.pence, 0),
    },
  };
}
