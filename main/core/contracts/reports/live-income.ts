import { sql } from 'kysely';
import { lookupCpv } from '../../../../shared/rules/procurement/cpv';
import type { ReadDb } from '../../context';
import { compiledOnce } from '../../db/compiled';

/**
 * The contracts live on a day and the income they bring, in grouped queries (never one query per
 * contract: the portfolio is read over tens of thousands of them).
 *
 * Live on a day ("live or in an extension", shared/contract/contracts.ts CONTRACT_STATUSES):
 * awarded, started on or before the day, not terminated on or before it, and not ended before it.
 * A contract's end is its current end as the contracts core keeps it: the due date of its `end`
 * duty (contract_duty key 'end', rebuilt from the contract's dates, exercised extensions and
 * variations whenever it changes, with the law's generateDuties); a contract with no end date
 * runs on. A contract with an end date is found only through its duty, so records written outside
 * the core (a benchmark's loader) must write the duties too.
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
 * shares add up to the contract's value exactly (a window over the contract's codes: measured
 * cheaper than two correlated counts per contract). Counting it all under its first code would
 * make a contract for "home care and meals" read as home care alone.
 */

/** The current end as SQL: the 'end' duty's date, carried from the candidates (null: no end date). */
const currentEnd = sql<string | null>`live.current_end`;

/**
 * The contracts that may be live on the day, found through indexes rather than by reading every
 * contract: those whose `end` duty falls on or after the day (contract_duty_due: the contracts
 * core writes an `end` duty for every contract with an end date, from the law's generateDuties),
 * and those with no end date (contract_org_end). liveOn then keeps the ones awarded, started and
 * not terminated by the day.
 */
function candidates(db: ReadDb, organisationId: string, on: string) {
  return db
    .selectFrom('contract_duty as e')
    .select(['e.contract_id as id', sql<string | null>`e.due_on`.as('current_end')])
    .where('e.organisation_id', '=', organisationId)
    .where('e.due_on', '>=', on)
    .where('e.key', '=', 'end')
    .unionAll(
      db
        .selectFrom('contract as z')
        .select(['z.id', sql<string | null>`null`.as('current_end')])
        .where('z.organisation_id', '=', organisationId)
        .where('z.end_on', 'is', null),
    );
}

function liveOn(db: ReadDb, organisationId: string, on: string) {
  return db
    .selectFrom(candidates(db, organisationId, on).as('live'))
    .innerJoin('contract as c', 'c.id', 'live.id')
    .where('c.award_on', 'is not', null)
    .where('c.start_on', '<=', on)
    .where((eb) => eb.or([eb('c.terminated_on', 'is', null), eb('c.terminated_on', '>', on)]));
}

const Q = {
  /** Live contracts' annual value by service category (null: no category), split equally between a contract's codes; a contract with no value counts with none. */
  byService: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .with('split', () =>
        liveOn(db, organisationId, on)
          .leftJoin('contract_service as s', 's.contract_id', 'c.id')
          .select(['c.id', 's.cpv_code'])
          .select(
            sql<number>`(coalesce(c.annual_value_pence, 0) / count(*) over (partition by c.id)) + (case when row_number() over (partition by c.id order by s.cpv_code) <= coalesce(c.annual_value_pence, 0) % count(*) over (partition by c.id) then 1 else 0 end)`.as(
              'share',
            ),
          ),
      )
      .selectFrom('split')
      .select(['split.cpv_code'])
      .select((eb) => [eb.fn.sum<number>('split.share').as('pence'), eb.fn.count<number>('split.id').distinct().as('contracts')])
      .groupBy('split.cpv_code'),
  ),
  /** Live contracts counted and valued by commissioner, with how many (and how much) end within 6, 12 and 18 months. */
  byCommissioner: compiledOnce((db: ReadDb, organisationId: string, on: string, by6: string, by12: string, by18: string) =>
    liveOn(db, organisationId, on)
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .select(['c.counterparty_id', 'p.name', 'p.kind'])
      .select((eb) => [
        eb.fn.count<number>('c.id').as('contracts'),
        eb.fn.count<number>('c.annual_value_pence').as('valued'),
        sql<number>`coalesce(sum(c.annual_value_pence), 0)`.as('pence'),
        sql<number>`sum(case when ${currentEnd} <= ${by6} then 1 else 0 end)`.as('end6'),
        sql<number>`sum(case when ${currentEnd} <= ${by12} then 1 else 0 end)`.as('end12'),
        sql<number>`sum(case when ${currentEnd} <= ${by18} then 1 else 0 end)`.as('end18'),
        sql<number>`coalesce(sum(case when ${currentEnd} <= ${by6} then c.annual_value_pence end), 0)`.as('end6_pence'),
        sql<number>`coalesce(sum(case when ${currentEnd} <= ${by12} then c.annual_value_pence end), 0)`.as('end12_pence'),
        sql<number>`coalesce(sum(case when ${currentEnd} <= ${by18} then c.annual_value_pence end), 0)`.as('end18_pence'),
      ])
      .groupBy(['c.counterparty_id', 'p.name', 'p.kind']),
  ),
  /** Live contracts ending on or before a date, soonest first: a range of the `end` duties (contract_duty_due). */
  ending: compiledOnce((db: ReadDb, organisationId: string, on: string, by: string, limit: number) =>
    db
      .selectFrom('contract_duty as d')
      .innerJoin('contract as c', 'c.id', 'd.contract_id')
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .select(['c.id', 'c.reference', 'c.title', 'p.name as counterparty_name', 'c.annual_value_pence', 'd.due_on as current_end'])
      .where('d.organisation_id', '=', organisationId)
      .where('d.due_on', '>=', on)
      .where('d.due_on', '<=', by)
      .where('d.key', '=', 'end')
      .where('c.award_on', 'is not', null)
      .where('c.start_on', '<=', on)
      .where((eb) => eb.or([eb('c.terminated_on', 'is', null), eb('c.terminated_on', '>', on)]))
      .orderBy('d.due_on')
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
