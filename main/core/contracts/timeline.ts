import { sql } from 'kysely';
import type { TimelineEntry } from '../../../shared/contract/contracts';
import type { ReadDb, RegisterCtx } from '../context';
import { compiledOnce } from '../db/compiled';
import { toDuty } from './view';

/**
 * Every duty due in a range of days, in date order, read from the covering index of duties by day
 * with the names they are shown with (contract_duty_named_day, migration 0023: kind, title, done
 * flag, contract reference and title, commissioner's name), so no contract or commissioner is
 * joined; the done record is joined only for a duty flagged done.
 */
const rangeQuery = compiledOnce((db: ReadDb, organisationId: string, from: string, to: string, limit: number) =>
  db
    .selectFrom('contract_duty as d')
    .leftJoin('contract_duty_done as x', (j) => j.on(sql<boolean>`d.done = 1`).onRef('x.contract_id', '=', 'd.contract_id').onRef('x.key', '=', 'd.key'))
    .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'd.contract_reference', 'd.contract_title', 'd.counterparty_name', 'x.done_on', 'x.recorded_by', 'x.recorded_at', 'x.note'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.due_on', '>=', from)
    .where('d.due_on', '<=', to)
    .orderBy('d.due_on')
    .orderBy('d.contract_id')
    .orderBy('d.key')
    .limit(limit),
);

/** Open duties (not done; never a contract's end) due before a day, oldest first, from the covering index of open duties with their names (contract_duty_named_open_day, migration 0023). */
const overdueQuery = compiledOnce((db: ReadDb, organisationId: string, before: string, limit: number) =>
  db
    .selectFrom('contract_duty as d')
    .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'd.contract_reference', 'd.contract_title', 'd.counterparty_name'])
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
  // done, read in date order from the open-duties index (migration 0023, after 0018 and 0020), whose terms are
  // written as literals so SQLite can use it; stops after `limit` rows. Open duties have no done
  // row, so their done columns are null.
  const overdueBefore = input.from < rc.today ? input.from : rc.today;
  const overdueRows = input.includeOverdue ? await overdueQuery.all(db, rc.org.id, overdueBefore, limit + 1) : [];
  // Only as many as can still be shown (one more says whether the list was cut short): when the
  // overdue duties fill the list, the range is not read at all.
  const room = limit + 1 - overdueRows.length;
  const rangeRows = room > 0 ? await rangeQuery.all(db, rc.org.id, input.from, input.to, room) : [];
  const all = overdueRows.length === 0 ? rangeRows : [...overdueRows, ...rangeRows];
  const truncated = all.length > limit;
  // Every open duty due before today, counted in the open-duties index alone.
  const count = await overdueCountQuery.first(db, rc.org.id, rc.today);
  const overdueCount = Number(count?.n ?? 0);
  return {
    // Object.assign, not `{ ...toDuty(r), more }`: on Node 20 a spread followed by more properties
    // takes V8's slow path, about 10 µs an entry (12 ms for a six-week calendar grid) against 0.1 µs.
    entries: all.slice(0, limit).map((r) => Object.assign(toDuty(r, rc.today), { contractReference: r.contract_reference, contractTitle: r.contract_title, counterpartyName: r.counterparty_name })),
    overdueCount,
    truncated,
  };
}
