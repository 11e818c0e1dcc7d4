import type { StateReader } from '../audit/state';

export const interestState: StateReader = {
  type: 'interest',
  describe: async (db, id) => {
    const row = await db
      .selectFrom('interest as i')
      .innerJoin('officer as o', 'o.id', 'i.officer_id')
      .select(['o.given_names', 'o.family_name', 'i.declared_on'])
      .where('i.id', '=', id)
      .executeTakeFirst();
    return row ? `the interest ${row.given_names} ${row.family_name} declared on ${row.declared_on}` : `a declaration of interest (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('interest').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('interest').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
