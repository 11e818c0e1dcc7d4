import type { StateReader } from '../audit/state';

/** How two organisations in the file relate, as the log vouches for it (group.setRelation, group.endRelation). */
export const organisationRelationState: StateReader = {
  type: 'organisation_relation',
  describe: async (db, id) => {
    const row = await db
      .selectFrom('organisation_relation as r')
      .innerJoin('organisation as a', 'a.id', 'r.organisation_id')
      .innerJoin('organisation as b', 'b.id', 'r.related_organisation_id')
      .select(['a.name as a', 'b.name as b', 'r.kind'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) return `a relation between organisations (${id})`;
    return row.kind === 'sister' ? `the relation of ${row.a} and ${row.b} as sisters` : `the relation of ${row.b} as a subsidiary of ${row.a}`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('organisation_relation').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('organisation_relation').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
