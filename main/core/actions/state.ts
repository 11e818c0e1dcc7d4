import type { StateReader } from '../audit/state';

/** What the audit log vouches for in the action tracker: each action's own columns. */
export const actionItemState: StateReader = {
  type: 'action_item',
  describe: async (db, id) => {
    const r = await db
      .selectFrom('action_item as a')
      .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
      .select(['m.title', 'm.held_on'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    return r ? `an action agreed at the ${r.title} on ${r.held_on}` : `an action (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('action_item').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('action_item').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
