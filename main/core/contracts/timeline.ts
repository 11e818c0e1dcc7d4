import { sql } from 'kysely';
import type { TimelineEntry } from '../../../shared/contract/contracts';
import type { ReadDb, RegisterCtx } from '../context';
import { toDuty } from './view';

/**
 * The dated duties across every contract between two dates, as one indexed range read on
 * contract_duty (organisation_id, due_on) joined with the done state; with `includeOverdue`,
 * also every earlier duty not recorded as done whose date has passed (overdue: due before today
 * and not done). A contract's end is a date, not a task, and is never overdue.
 */
export async function timeline(
  db: ReadDb,
  rc: RegisterCtx,
  input: { from: string; to: string; includeOverdue: boolean; limit?: number | undefined },
): Promise<{ entries: TimelineEntry[]; overdueCount: number; truncated: boolean }> {
  const limit = input.limit ?? 1000;
  const base = () =>
    db
      .selectFrom('contract_duty as d')
      .innerJoin('contract as c', 'c.id', 'd.contract_id')
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .leftJoin('contract_duty_done as x', (j) => j.onRef('x.contract_id', '=', 'd.contract_id').onRef('x.key', '=', 'd.key'))
      .select(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'x.done_on', 'x.recorded_by', 'x.recorded_at', 'x.note', 'c.reference', 'c.title as contract_title', 'p.name as counterparty_name'])
      .where('d.organisation_id', '=', rc.org.id);
  // Overdue: before today (and, when listed ahead of the range, before its first day) and not done.
  const overdueBefore = input.from < rc.today ? input.from : rc.today;
  const overdueRows = input.includeOverdue
    ? await base().where('d.due_on', '<', overdueBefore).where('d.key', '!=', 'end').where('x.done_on', 'is', null).orderBy('d.due_on').orderBy('d.contract_id').orderBy('d.key').limit(limit + 1).execute()
    : [];
  const inRange = await base()
    .where('d.due_on', '>=', input.from)
    .where('d.due_on', '<=', input.to)
    .orderBy('d.due_on')
    .orderBy('d.contract_id')
    .orderBy('d.key')
    .limit(limit + 1)
    .execute();
  const all = [...overdueRows, ...inRange];
  const truncated = all.length > limit;
  // Every duty due before today, less those recorded as done: the first is read from the
  // (organisation_id, due_on) index alone, so the count stays quick on a large portfolio.
  const before = await db
    .selectFrom('contract_duty')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', rc.org.id)
    .where('due_on', '<', rc.today)
    .where('key', '!=', 'end')
    .executeTakeFirstOrThrow();
  // The done ones are read from the done table outwards (CROSS JOIN keeps SQLite from walking
  // every past duty to probe it), each matched to its duty by the primary key.
  const doneBefore = await sql<{ n: number }>`
    select count(*) as n from contract_duty_done x cross join contract_duty d on d.contract_id = x.contract_id and d.key = x.key
    where d.organisation_id = ${rc.org.id} and d.due_on < ${rc.today} and d.key <> 'end'`.execute(db);
  const overdueCount = Number(before.n) - Number(doneBefore.rows[0]?.n ?? 0);
  return {
    entries: all.slice(0, limit).map((r) => ({ ...toDuty(r, rc.today), contractReference: r.reference, contractTitle: r.contract_title, counterpartyName: r.counterparty_name })),
    overdueCount,
    truncated,
  };
}
