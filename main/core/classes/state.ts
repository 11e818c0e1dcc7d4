import type { StateReader } from '../audit/state';

/** A membership class's terms (name_key is derived from the name, so left out). */
export const classState: StateReader = {
  type: 'membership_class',
  describe: async (db, id) => {
    const row = await db.selectFrom('membership_class').select('name').where('id', '=', id).executeTakeFirst();
    return row ? `the class ${row.name}` : `a membership class (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('membership_class').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map(({ name_key: _derived, ...r }) => [r.id, r]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('membership_class').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
