import { CompiledQuery, sql, type RawBuilder } from 'kysely';
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

/** The first days of months migration 0020's calendar holds (calendar_month: 1900 to 2299). */
const FIRST_MONTH = '1900-01-01';
const LAST_MONTH = '2299-12-01';

/**
 * The months a row of contract_income or contract_service_income counts in for migration 0020's
 * checkpoints (as its fill and triggers join calendar_month): the first days of months from its
 * start to its current end, before its termination, unless it runs on (open end, not terminated).
 */
function monthsCounted(startOn: string, currentEndOn: string, terminatedOn: string | null): string[] {
  if (currentEndOn === OPEN_END && terminatedOn === null) return [];
  let y = Number(startOn.slice(0, 4));
  let m = Number(startOn.slice(5, 7));
  if (startOn.slice(8) !== '01' || startOn.length !== 10) m += 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  let on = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  if (on < FIRST_MONTH) {
    y = 1900;
    m = 1;
    on = FIRST_MONTH;
  }
  const months: string[] = [];
  while (on <= currentEndOn && on <= LAST_MONTH && (terminatedOn === null || on < terminatedOn)) {
    if (on >= startOn) months.push(on);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    on = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  }
  return months;
}

type Totals = { contracts: number; valued: number; pence: number };

/** The checkpoints of migration 0020 worked out again from the rows of 0019 (as its fill does), beside those stored; only rows that are not all zeros count (a month whose contracts have gone keeps zeros). */
const MONTH_CHECKS = [
  {
    what: 'commissioner',
    rows: `select rowid as rid, organisation_id, counterparty_id as grp, start_on, current_end_on, terminated_on, annual_value_pence as value from contract_income`,
    add: (t: Totals, value: number | null) => {
      t.contracts += 1;
      if (value !== null) {
        t.valued += 1;
        t.pence += value;
      }
    },
    stored: `select organisation_id, month_on, counterparty_id as grp, contracts, valued, pence from contract_income_month`,
    key: ['organisation_id', 'month_on', 'counterparty_id'],
    contract: `select i.contract_id from contract_income i where i.organisation_id = ? and i.counterparty_id = ? and i.start_on <= ? order by i.current_end_on desc limit 1`,
  },
  {
    what: 'service category',
    rows: `select rowid as rid, organisation_id, coalesce(cpv_code, '') as grp, start_on, current_end_on, terminated_on, share_pence as value from contract_service_income`,
    add: (t: Totals, value: number | null) => {
      t.contracts += 1;
      t.pence += value ?? 0;
    },
    stored: `select organisation_id, month_on, cpv_key as grp, contracts, 0 as valued, pence from contract_service_income_month`,
    key: ['organisation_id', 'month_on', 'cpv_key'],
    contract: `select i.contract_id from contract_service_income i where i.organisation_id = ? and coalesce(i.cpv_code, '') = ? and i.start_on <= ? order by i.current_end_on desc limit 1`,
  },
] as const;

export interface IncomeMonthsOptions {
  /** Called between slices (the start-up register check passes its 15 ms checkpoint, so the host's event loop is never held for the whole comparison). */
  checkpoint?: () => Promise<void>;
  /** Rows read per slice. */
  batchSize?: number;
}

/**
 * Verify: the monthly live-income checkpoints (migration 0020) that differ from the income rows
 * they sum, one finding per commissioner or service category (its first differing month), named
 * by a contract of it live by then. The rows themselves are checked per contract
 * (incomeRowsDiffering); the triggers keep the checkpoints with them, so a difference here means
 * the checkpoints were changed outside the app.
 *
 * The totals are worked out from the income rows in slices of rows (keyset by rowid) and the
 * stored checkpoints read in slices of their key, compared in memory, yielding at `checkpoint`
 * between slices: one statement over every contract × month held the host thread for seconds at
 * 50,000 contracts (54 to 121 s in one block at 49,000 income rows on the loaded shared test machine; sliced, 9 to 54 s in all there, the longest slice 114 to 497 ms, likely collecting the map of about 260,000 totals). The comparison is the one the
 * statement made (every stored row that is not all zeros against every total, both ways).
 */
export async function incomeMonthsDiffering(db: ReadDb, options: IncomeMonthsOptions = {}): Promise<{ id: string; message: string }[]> {
  const batch = options.batchSize ?? 200;
  const findings: { id: string; message: string }[] = [];
  for (const c of MONTH_CHECKS) {
    const expected = new Map<string, Totals>();
    let after = 0;
    for (;;) {
      const rows = (
        await sql<{ rid: number; organisation_id: string; grp: string; start_on: string; current_end_on: string; terminated_on: string | null; value: number | null }>`
          ${sql.raw(c.rows)} where rowid > ${after} order by rowid limit ${batch}`.execute(db)
      ).rows;
      if (rows.length === 0) break;
      for (const r of rows) {
        for (const month of monthsCounted(r.start_on, r.current_end_on, r.terminated_on)) {
          const key = `${r.organisation_id}\t${month}\t${r.grp}`;
          let t = expected.get(key);
          if (!t) expected.set(key, (t = { contracts: 0, valued: 0, pence: 0 }));
          c.add(t, r.value);
        }
      }
      after = rows[rows.length - 1]!.rid;
      await options.checkpoint?.();
    }
    // First differing month of each (organisation, group).
    const first = new Map<string, { organisation_id: string; grp: string; month_on: string }>();
    const differs = (organisationId: string, grp: string, monthOn: string) => {
      const k = `${organisationId}\t${grp}`;
      const seen = first.get(k);
      if (!seen || monthOn < seen.month_on) first.set(k, { organisation_id: organisationId, grp, month_on: monthOn });
    };
    const [ko, km, kg] = c.key;
    let last: [string, string, string] | null = null;
    for (;;) {
      const where: RawBuilder<unknown> = last === null ? sql`` : sql`where (${sql.ref(ko)}, ${sql.ref(km)}, ${sql.ref(kg)}) > (${last[0]}, ${last[1]}, ${last[2]})`;
      const stored: { organisation_id: string; month_on: string; grp: string; contracts: number; valued: number; pence: number }[] = (
        await sql<{ organisation_id: string; month_on: string; grp: string; contracts: number; valued: number; pence: number }>`
          ${sql.raw(c.stored)} ${where} order by ${sql.ref(ko)}, ${sql.ref(km)}, ${sql.ref(kg)} limit ${batch * 4}`.execute(db)
      ).rows;
      if (stored.length === 0) break;
      for (const s of stored) {
        const key = `${s.organisation_id}\t${s.month_on}\t${s.grp}`;
        const t = expected.get(key);
        expected.delete(key);
        const zero = Number(s.contracts) === 0 && Number(s.valued) === 0 && Number(s.pence) === 0;
        if (t === undefined ? !zero : t.contracts !== Number(s.contracts) || t.valued !== Number(s.valued) || t.pence !== Number(s.pence)) {
          differs(s.organisation_id, s.grp, s.month_on);
        }
      }
      const l: { organisation_id: string; month_on: string; grp: string } = stored[stored.length - 1]!;
      last = [l.organisation_id, l.month_on, l.grp];
      await options.checkpoint?.();
    }
    // Totals with no stored row at all.
    for (const key of expected.keys()) {
      const [organisationId, monthOn, grp] = key.split('\t') as [string, string, string];
      differs(organisationId, grp, monthOn);
    }
    const differing = [...first.values()].sort((a, b) =>
      a.organisation_id !== b.organisation_id ? (a.organisation_id < b.organisation_id ? -1 : 1) : a.grp < b.grp ? -1 : a.grp > b.grp ? 1 : 0,
    );
    for (const d of differing) {
      const row = (await db.executeQuery<{ contract_id: string }>(CompiledQuery.raw(c.contract, [d.organisation_id, d.grp, d.month_on]))).rows[0];
      const label = c.what === 'commissioner' ? 'its commissioner' : `service category ${d.grp || '(none)'}`;
      findings.push({
        id: row?.contract_id ?? d.grp,
        message: `the monthly totals of live income for ${label} from ${d.month_on}, read by the portfolio and the s33 check, no longer match the contracts' income rows (they were changed outside the app)`,
      });
      await options.checkpoint?.();
    }
  }
  return findings;
}
