import type { StateReader } from '../audit/state';
import type { ReadDb } from '../context';

/** The organisation's particulars as the log vouches for them (every column is its own). */
export const organisationState: StateReader = {
  type: 'organisation',
  describe: async () => 'the organisation’s record',
  read: async (db: ReadDb, ids) => {
    const rows = await db.selectFrom('organisation').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('organisation').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};

/** The governing rules, one row per organisation (keyed by the organisation's id). */
export const governingRulesState: StateReader = {
  type: 'governing_rules',
  describe: async () => 'the record of the governing rules',
  read: async (db: ReadDb, ids) => {
    const rows = await db.selectFrom('governing_rules').selectAll().where('organisation_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.organisation_id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('governing_rules').select('organisation_id').orderBy('organisation_id').limit(limit);
    if (after !== null) q = q.where('organisation_id', '>', after);
    return (await q.execute()).map((r) => r.organisation_id);
  },
};
