import { CompiledQuery, sql } from 'kysely';
import type { TimelineEntry } from '../../../shared/contract/contracts';
import type { ReadDb, RegisterCtx } from '../context';
import { compiledOnce } from '../db/compiled';
import { toDuty } from './view';

/**
 * Every duty due in a range of days, in date order, read from the covering index of duties by day
 * (contract_duty_day, migration 0020: with kind, title and done flag) and joined to its contract and
 * commissioner; the done record is read apart for the few duties flagged done (doneRecords).
 */
const rangeQuery = compiledOnce((db: ReadDb, organisationId: string, from: string, to: string, limit: number) =>
  db
    .selectFrom('contract_duty as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'd.done', 'c.reference', 'c.title as contract_title', 'p.name as counterparty_name'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.due_on', '>=', from)
    .where('d.due_on', '<=', to)
    .orderBy('d.due_on')
    .orderBy('d.contract_id')
    .orderBy('d.key')
    .limit(limit),
);

/** The done records of duties named as a JSON array of [contract id, key] pairs. */
export const DONE_RECORDS_SQL = `select x.contract_id, x.key, x.done_on, x.recorded_by, x.recorded_at, x.note
  from json_each(?) j join contract_duty_done x on x.contract_id = json_extract(j.value, '$[0]') and x.key = json_extract(j.value, '$[1]')`;

type DoneRecord = { contract_id: string; key: string; done_on: string; recorded_by: string; recorded_at: string; note: string | null };

async function doneRecords(db: ReadDb, duties: readonly { contract_id: string; key: string }[]): Promise<Map<string, DoneRecord>> {
  if (duties.length === 0) return new Map();
  const rows = (await db.executeQuery<DoneRecord>(CompiledQuery.raw(DONE_RECORDS_SQL, [JSON.stringify(duties.map((d) => [d.contract_id, d.key]))]))).rows;
  return new Map(rows.map((r) => [`${r.contract_id}\u001f${r.key}`, r]));
}

/** Open duties (not done; never a contract's end) due before a day, oldest first. */
const overdueQuery = compiledOnce((db: ReadDb, organisationId: string, before: string, limit: number) =>
  db
    .selectFrom('contract_duty as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'c.reference', 'c.title as contract_title', 'p.name as counterparty_name'])
    .select([sql<string | null>`null`.as('done_on'), sql<string | null>`null`.as('recorded_by'), sql<string | null>`null`.as('recorded_at'), sql<string | null>`null`.as('note')])
    .where('d.organisation_id', '=', organisationId)
    .where('d.due_on', '<', before)
    .where(sql<boolean>`d.done = 0 and d.key <> 'end'`)
    .orderBy('d.due_on')
    .orderBy('d.contract_id')
    .orderBy('d.key')
    .limit(limit),
);

/** How many open duties are due before a day: a count over the open-duties index. */
const overdueCountQuery = compiledOnce((db: ReadDb, organisationId: string, before: string) =>
  db
    .selectFrom('contract_duty as d')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.organisation_id', '=', organisationId)
    .where('d.due_on', '<', before)
    .where(sql<boolean>`d.done = 0 and d.key <> 'end'`),
);

/**
 * The dated duties across every contract between two dates, as one range of the covering index
 * contract_duty_day (organisation_id, due_on, …) with the done records of those flagged done; with `includeOverdue`,
 * also every earlier duty not recorded as done whose date has passed (overdue: due before today
 * and not done), read from the covering index of open duties (contract_duty_open_day, migration 0020) and
 * capped by `limit`. A contract's end is a date, not a task, and is never overdue.
 */
export async function timeline(
  db: ReadDb,
  rc: RegisterCtx,
  input: { from: string; to: string; includeOverdue: boolean; limit?: number | undefined },
): Promise<{ entries: TimelineEntry[]; overdueCount: number; truncated: boolean }> {
  const limit = input.limit ?? 1000;
  // Overdue: before today (and, when listed ahead of the range, before its first day) and not
  // done, read in date order from the open-duties index (migration 0020, after 0018), whose terms are
  // written as literals so SQLite can use it; stops after `limit` rows. Open duties have no done
  // row, so their done columns are null.
  const overdueBefore = input.from < rc.today ? input.from : rc.today;
  const overdueRows = input.includeOverdue ? await overdueQuery.all(db, rc.org.id, overdueBefore, limit + 1) : [];
  // Only as many as can still be shown (one more says whether the list was cut short): when the
  // overdue duties fill the list, the range is not read at all.
  const room = limit + 1 - overdueRows.length;
  const rangeRows = room > 0 ? await rangeQuery.all(db, rc.org.id, input.from, input.to, room) : [];
  // The done state of a duty flagged done (contract_duty.done, kept with contract_duty_done) from its record.
  const done = await doneRecords(db, rangeRows.filter((r) => Number(r.done) === 1));
  const inRange = rangeRows.map(({ done: _flag, ...r }) => {
    const x = done.get(`${r.contract_id}\u001f${r.key}`);
    return { ...r, done_on: x?.done_on ?? null, recorded_by: x?.recorded_by ?? null, recorded_at: x?.recorded_at ?? null, note: x?.note ?? null };
  });
  const all = [...overdueRows, ...inRange];
  const truncated = all.length > limit;
  // Every open duty due before today, counted in the open-duties index alone.
  const count = await overdueCountQuery.first(db, rc.org.id, rc.today);
  const overdueCount = Number(count?.n ?? 0);
  return {
    entries: all.slice(0, limit).map((r) => ({ ...toDuty(r, rc.today), contractReference: r.reference, contractTitle: r.contract_title, counterpartyName: r.counterparty_name })),
    overdueCount,
    truncated,
  };
}
