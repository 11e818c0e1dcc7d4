import type { StateReader } from '../audit/state';

/** An organisation on the shared list: its own columns (the name key is derived, so left out). */
export const counterpartyState: StateReader = {
  type: 'counterparty',
  describe: async (db, id) => {
    const row = await db.selectFrom('counterparty').select(['name']).where('id', '=', id).executeTakeFirst();
    return row ? `the organisation ${row.name}` : `an organisation on the list (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('counterparty').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map(({ name_key: _k, ...r }) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('counterparty').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
