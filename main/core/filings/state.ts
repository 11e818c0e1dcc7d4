import type { StateReader } from '../audit/state';

/** A filing duty: its form, the change it reports, when it is due and how it was met. */
export const filingDutyState: StateReader = {
  type: 'filing_duty',
  describe: async (db, id) => {
    const row = await db.selectFrom('filing_duty').select(['form', 'due_on']).where('id', '=', id).executeTakeFirst();
    return row ? `the ${row.form} filing due by ${row.due_on}` : `a Companies House filing duty (${id})`;
  },
  read: async (db, ids) => new Map((await db.selectFrom('filing_duty').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, { ...r }])),
  ids: async (db, after, limit) => {
    let q = db.selectFrom('filing_duty').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
