import { sql } from 'kysely';
import type { TimelineEntry } from '../../../shared/contract/contracts';
import type { ReadDb, RegisterCtx } from '../context';
import { compiledOnce } from '../db/compiled';
import { toDuty } from './view';

/** Every duty due in a range of days, with its done state, in date order. */
const rangeQuery = compiledOnce((db: ReadDb, organisationId: string, from: string, to: string, limit: number) =>
  db
    .selectFrom('contract_duty as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .leftJoin('contract_duty_done as x', (j) => j.onRef('x.contract_id', '=', 'd.contract_id').onRef('x.key', '=', 'd.key'))
    .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'x.done_on', 'x.recorded_by', 'x.recorded_at', 'x.note', 'c.reference', 'c.title as contract_title', 'p.name as counterparty_name'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.due_on', '>=', from)
    .where('d.due_on', '<=', to)
    .orderBy('d.due_on')
    .orderBy('d.contract_id')
    .orderBy('d.key')
    .limit(limit),
);

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
 * The dated duties across every contract between two dates, as one indexed range read on
 * contract_duty (organisation_id, due_on) joined with the done state; with `includeOverdue`,
 * also every earlier duty not recorded as done whose date has passed (overdue: due before today
 * and not done), read from the index of open duties (contract_duty_open, migration 0018) and
 * capped by `limit`. A contract's end is a date, not a task, and is never overdue.
 */
export async function timeline(
  db: ReadDb,
  rc: RegisterCtx,
  input: { from: string; to: string; includeOverdue: boolean; limit?: number | undefined },
): Promise<{ entries: TimelineEntry[]; overdueCount: number; truncated: boolean }> {
  const limit = input.limit ?? 1000;
  // Overdue: before today (and, when listed ahead of the range, before its first day) and not
  // done, read in date order from the open-duties index (migration 0018), whose terms are
  // written as literals so SQLite can use it; stops after `limit` rows. Open duties have no done
  // row, so their done columns are null.
  const overdueBefore = input.from < rc.today ? input.from : rc.today;
  const overdueRows = input.includeOverdue ? await overdueQuery.all(db, rc.org.id, overdueBefore, limit + 1) : [];
  // Only as many as can still be shown (one more says whether the list was cut short): when the
  // overdue duties fill the list, the range is not read at all.
  const room = limit + 1 - overdueRows.length;
  const inRange = room > 0 ? await rangeQuery.all(db, rc.org.id, input.from, input.to, room) : [];
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
