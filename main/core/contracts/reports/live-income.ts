import { sql } from 'kysely';
import { lookupCpv } from '../../../../shared/rules/procurement/cpv';
import type { ReadDb } from '../../context';
import { compiledOnce } from '../../db/compiled';
import type { IncomeTables } from './income-rows';

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
 * income-rows.ts), so records written outside the core (a benchmark's loader) must write them too.
 * So the term is read as it now stands: an extension exercised after the day is taken as known
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
  /** Live contracts counted and valued by commissioner, with how many (and how much) end within 6, 12 and 18 months. */
  byCommissioner: compiledOnce((db: ReadDb, organisationId: string, on: string, by6: string, by12: string, by18: string) =>
    db
      .withTables<IncomeTables>()
      .selectFrom(
        liveIncome(db, organisationId, on)
          .select(['i.counterparty_id'])
          .select((eb) => [
            eb.fn.countAll<number>().as('contracts'),
            eb.fn.count<number>('i.annual_value_pence').as('valued'),
            sql<number>`coalesce(sum(i.annual_value_pence), 0)`.as('pence'),
            sql<number>`sum(case when i.current_end_on <= ${by6} then 1 else 0 end)`.as('end6'),
            sql<number>`sum(case when i.current_end_on <= ${by12} then 1 else 0 end)`.as('end12'),
            sql<number>`sum(case when i.current_end_on <= ${by18} then 1 else 0 end)`.as('end18'),
            sql<number>`coalesce(sum(case when i.current_end_on <= ${by6} then i.annual_value_pence end), 0)`.as('end6_pence'),
            sql<number>`coalesce(sum(case when i.current_end_on <= ${by12} then i.annual_value_pence end), 0)`.as('end12_pence'),
            sql<number>`coalesce(sum(case when i.current_end_on <= ${by18} then i.annual_value_pence end), 0)`.as('end18_pence'),
          ])
          .groupBy('i.counterparty_id')
          .as('g'),
      )
      .innerJoin('counterparty as p', 'p.id', 'g.counterparty_id')
      .select(['g.counterparty_id', 'p.name', 'p.kind', 'g.contracts', 'g.valued', 'g.pence', 'g.end6', 'g.end12', 'g.end18', 'g.end6_pence', 'g.end12_pence', 'g.end18_pence']),
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
  const rows = await Q.byService.all(db, organisationId, on);
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
  ending: { within6: number; within12: number; within18: number; within6Pence: number; within12Pence: number; within18Pence: number };
}

export async function incomeByCommissionerOn(db: ReadDb, organisationId: string, on: string, by: { by6: string; by12: string; by18: string }): Promise<CommissionerIncome[]> {
  const rows = await Q.byCommissioner.all(db, organisationId, on, by.by6, by.by12, by.by18);
  return rows.map((r) => ({
    counterpartyId: r.counterparty_id,
    name: r.name,
    kind: r.kind,
    contracts: Number(r.contracts),
    valued: Number(r.valued),
    pence: Number(r.pence),
    ending: {
      within6: Number(r.end6),
      within12: Number(r.end12),
      within18: Number(r.end18),
      within6Pence: Number(r.end6_pence),
      within12Pence: Number(r.end12_pence),
      within18Pence: Number(r.end18_pence),
    },
  }));
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
  const [services, commissioners] = await Promise.all([incomeByServiceOn(db, organisationId, on), incomeByCommissionerOn(db, organisationId, on, { by6: on, by12: on, by18: on })]);
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
