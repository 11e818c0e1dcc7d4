import type { StateReader } from '../audit/state';

export const inspectionState: StateReader = {
  type: 'inspection_request',
  describe: async (db, id) => {
    const row = await db.selectFrom('inspection_request').select('received_on').where('id', '=', id).executeTakeFirst();
    return row ? `the inspection request received on ${row.received_on}` : `an inspection request (${id})`;
  },
  read: async (db, ids) => new Map((await db.selectFrom('inspection_request').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, { ...r }])),
  ids: async (db, after, limit) => {
    let q = db.selectFrom('inspection_request').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
