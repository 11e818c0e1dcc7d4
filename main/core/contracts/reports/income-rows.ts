import { CompiledQuery, sql } from 'kysely';
import type { ReadDb, WriteContext } from '../../context';
import { termsOf } from '../status';
import type { ContractRow } from '../tables';
import { generateDuties } from '../terms';

/**
 * The derived rows the portfolio and the s33 check read live income from (migration 0019:
 * contract_income and contract_service_income), rebuilt for one contract whenever its duties are
 * (main/core/contracts/store.ts rebuildDuties: every create, correction, import, variation,
 * extension decision and termination), in the same transaction.
 *
 * The statements are the migration's fill restricted to the contract, so rows written by the core
 * and rows filled by the migration cannot differ. A contract gets a row when it is awarded, has a
 * start date, and either has an 'end' duty (its current end) or no end date (runs on, stored as
 * OPEN_END); its service rows split the annual value equally between its CPV codes to the penny.
 */

/** The current end stored for a contract that runs on: later than any day asked about. */
export const OPEN_END = '9999-12-31';

export type IncomeTables = {
  contract_income: {
    contract_id: string;
    organisation_id: string;
    counterparty_id: string;
    start_on: string;
    current_end_on: string;
    terminated_on: string | null;
    annual_value_pence: number | null;
  };
  contract_service_income: {
    contract_id: string;
    cpv_code: string | null;
    organisation_id: string;
    start_on: string;
    current_end_on: string;
    terminated_on: string | null;
    share_pence: number;
  };
};

/** The fill of migration 0019 up to its condition on the contract (c.id), and for the service rows (i.contract_id) with what follows it. */
export const FILL_INCOME_HEAD = `insert into contract_income (contract_id, organisation_id, counterparty_id, start_on, current_end_on, terminated_on, annual_value_pence)
  select c.id, c.organisation_id, c.counterparty_id, c.start_on, coalesce(e.due_on, '${OPEN_END}'), c.terminated_on, c.annual_value_pence
  from contract c left join contract_duty e on e.contract_id = c.id and e.key = 'end'
  where c.award_on is not null and c.start_on is not null and (e.due_on is not null or c.end_on is null) and`;

export const FILL_SERVICE_INCOME_HEAD = `insert into contract_service_income (contract_id, cpv_code, organisation_id, start_on, current_end_on, terminated_on, share_pence)
  select i.contract_id, s.cpv_code, i.organisation_id, i.start_on, i.current_end_on, i.terminated_on,
    coalesce(i.annual_value_pence, 0) / count(*) over w
      + case when row_number() over (partition by i.contract_id order by s.cpv_code) <= coalesce(i.annual_value_pence, 0) % count(*) over w then 1 else 0 end
  from contract_income i left join contract_service s on s.contract_id = i.contract_id
  where`;
export const FILL_SERVICE_INCOME_TAIL = `window w as (partition by i.contract_id)`;

/** Rebuilds one contract's income rows from its row, its CPV codes and its 'end' duty (call after the duties are rebuilt). */
export async function refreshContractIncome(tx: WriteContext, contractId: string): Promise<void> {
  const db = tx.db;
  await sql`delete from contract_service_income where contract_id = ${contractId}`.execute(db);
  await sql`delete from contract_income where contract_id = ${contractId}`.execute(db);
  await sql`${sql.raw(FILL_INCOME_HEAD)} c.id = ${contractId}`.execute(db);
  await sql`${sql.raw(FILL_SERVICE_INCOME_HEAD)} i.contract_id = ${contractId} ${sql.raw(FILL_SERVICE_INCOME_TAIL)}`.execute(db);
}

/**
 * The contracts among `rows` whose stored income rows differ from what their records give now
 * (Verify: a row edited or deleted outside the app would change the portfolio and the s33 check's
 * figures). Recomputed here independently of the SQL above: the current end from the contract's
 * terms (the 'end' duty the law's generateDuties gives them; a duty changed in the file is named by
 * Verify's own check of the duties, not again here), the split in code order.
 */
export async function incomeRowsDiffering(
  db: ReadDb,
  rows: readonly ContractRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const idb = db.withTables<IncomeTables>();
  const [terms, codes, income, shares] = await Promise.all([
    termsOf(db, rows),
    db.selectFrom('contract_service').select(['contract_id', 'cpv_code']).where('contract_id', 'in', ids).orderBy('contract_id').orderBy('cpv_code').execute(),
    idb.selectFrom('contract_income').selectAll().where('contract_id', 'in', ids).execute(),
    idb.selectFrom('contract_service_income').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('cpv_code').execute(),
  ]);
  const endOf = new Map(rows.map((r) => [r.id, generateDuties(terms.get(r.id)!).find((d) => d.key === 'end')?.dueOn ?? null]));
  const group = <T extends { contract_id: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.contract_id, [...(m.get(x.contract_id) ?? []), x]);
    return m;
  };
  const codesOf = group(codes);
  const incomeOf = group(income);
  const sharesOf = group(shares);
  const differing: string[] = [];
  for (const r of rows) {
    const end = endOf.get(r.id) ?? null;
    const live = r.award_on !== null && r.start_on !== null && (end !== null || r.end_on === null);
    const head = (x: { organisation_id: string; start_on: string; current_end_on: string; terminated_on: string | null }) => [x.organisation_id, x.start_on, x.current_end_on, x.terminated_on];
    const expectedHead = live ? [r.organisation_id, r.start_on, end ?? OPEN_END, r.terminated_on] : null;
    const expected = live ? [JSON.stringify([...expectedHead!, r.counterparty_id, r.annual_value_pence])] : [];
    const actual = (incomeOf.get(r.id) ?? []).map((x) => JSON.stringify([...head(x), x.counterparty_id, x.annual_value_pence]));
    const list = (codesOf.get(r.id) ?? []).map((c) => c.cpv_code as string | null);
    const v = r.annual_value_pence ?? 0;
    const n = Math.max(list.length, 1);
    const expectedShares = live ? (list.length ? list : [null]).map((code, i) => JSON.stringify([...expectedHead!, code, Math.floor(v / n) + (i < v % n ? 1 : 0)])) : [];
    const actualShares = (sharesOf.get(r.id) ?? []).map((x) => JSON.stringify([...head(x), x.cpv_code, x.share_pence]));
    if (expected.join('\n') !== actual.join('\n') || expectedShares.join('\n') !== actualShares.join('\n')) differing.push(r.id);
  }
  return differing;
}

/** The months a row of contract_income or contract_service_income (alias i) counts in for migration 0020's checkpoints: the first days of months it is live on, unless it runs on. */
const MONTHS_OF = `join calendar_month m on m.on_date >= i.start_on and m.on_date <= i.current_end_on and (i.terminated_on is null or m.on_date < i.terminated_on)
  where i.current_end_on <> '${OPEN_END}' or i.terminated_on is not null`;

/** The checkpoints of migration 0020 worked out again from the rows of 0019 (as its fill does), beside those stored; only rows that are not all zeros count (a month whose contracts have gone keeps zeros). */
const MONTH_CHECKS = [
  {
    what: 'commissioner',
    expected: `select i.organisation_id, m.on_date as month_on, i.counterparty_id as grp, count(*) as contracts, count(i.annual_value_pence) as valued, coalesce(sum(i.annual_value_pence), 0) as pence
      from contract_income i ${MONTHS_OF} group by i.organisation_id, m.on_date, i.counterparty_id`,
    stored: `select organisation_id, month_on, counterparty_id as grp, contracts, valued, pence from contract_income_month where contracts <> 0 or valued <> 0 or pence <> 0`,
    contract: `select i.contract_id from contract_income i where i.organisation_id = ? and i.counterparty_id = ? and i.start_on <= ? order by i.current_end_on desc limit 1`,
  },
  {
    what: 'service category',
    expected: `select i.organisation_id, m.on_date as month_on, coalesce(i.cpv_code, '') as grp, count(*) as contracts, 0 as valued, sum(i.share_pence) as pence
      from contract_service_income i ${MONTHS_OF} group by i.organisation_id, m.on_date, coalesce(i.cpv_code, '')`,
    stored: `select organisation_id, month_on, cpv_key as grp, contracts, 0 as valued, pence from contract_service_income_month where contracts <> 0 or pence <> 0`,
    contract: `select i.contract_id from contract_service_income i where i.organisation_id = ? and coalesce(i.cpv_code, '') = ? and i.start_on <= ? order by i.current_end_on desc limit 1`,
  },
] as const;

/**
 * Verify: the monthly live-income checkpoints (migration 0020) that differ from the income rows
 * they sum, one finding per commissioner or service category (its first differing month), named
 * by a contract of it live by then. The rows themselves are checked per contract
 * (incomeRowsDiffering); the triggers keep the checkpoints with them, so a difference here means
 * the checkpoints were changed outside the app.
 */
export async function incomeMonthsDiffering(db: ReadDb): Promise<{ id: string; message: string }[]> {
  const findings: { id: string; message: string }[] = [];
  for (const c of MONTH_CHECKS) {
    const differing = await sql<{ organisation_id: string; grp: string; month_on: string }>`
      select organisation_id, grp, min(month_on) as month_on from (
        select * from (${sql.raw(c.expected)} except ${sql.raw(c.stored)})
        union all
        select * from (${sql.raw(c.stored)} except ${sql.raw(c.expected)})
      ) group by organisation_id, grp order by organisation_id, grp`.execute(db);
    for (const d of differing.rows) {
      const row = (await db.executeQuery<{ contract_id: string }>(CompiledQuery.raw(c.contract, [d.organisation_id, d.grp, d.month_on]))).rows[0];
      const label = c.what === 'commissioner' ? 'its commissioner' : `service category ${d.grp || '(none)'}`;
      findings.push({
        id: row?.contract_id ?? d.grp,
        message: `the monthly totals of live income for ${label} from ${d.month_on}, read by the portfolio and the s33 check, no longer match the contracts' income rows (they were changed outside the app)`,
      });
    }
  }
  return findings;
}
