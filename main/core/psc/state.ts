import type { StateReader } from '../audit/state';

export const pscState: StateReader = {
  type: 'psc',
  describe: async (db, id) => {
    const row = await db.selectFrom('psc').select('name').where('id', '=', id).executeTakeFirst();
    return row ? `the person with significant control ${row.name}` : `a person with significant control (${id})`;
  },
  read: async (db, ids) => new Map((await db.selectFrom('psc').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, { ...r }])),
  ids: async (db, after, limit) => {
    let q = db.selectFrom('psc').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};

export const pscStatementState: StateReader = {
  type: 'psc_statement',
  describe: async (db, id) => {
    const row = await db.selectFrom('psc_statement').select(['statement', 'made_on']).where('id', '=', id).executeTakeFirst();
    return row ? `the PSC statement made on ${row.made_on}` : `a PSC statement (${id})`;
  },
  read: async (db, ids) => new Map((await db.selectFrom('psc_statement').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, { ...r }])),
  ids: async (db, after, limit) => {
    let q = db.selectFrom('psc_statement').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
