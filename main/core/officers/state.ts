import type { StateReader } from '../audit/state';

/** A director's or officer's entry: particulars, residential address (held apart) and appointments. */
export const officerState: StateReader = {
  type: 'officer',
  describe: async (db, id) => {
    const row = await db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', id).executeTakeFirst();
    return row ? `the officer ${row.given_names} ${row.family_name}` : `an officer (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('officer').selectAll().where('id', 'in', ids).execute();
    const addresses = await db.selectFrom('officer_residential_address').selectAll().where('officer_id', 'in', ids).execute();
    const appointments = await db.selectFrom('appointment').selectAll().where('officer_id', 'in', ids).orderBy('officer_id').orderBy('id').execute();
    const addressOf = new Map(addresses.map(({ officer_id, ...a }) => [officer_id, a]));
    const appointmentsOf = new Map<string, unknown[]>();
    for (const { officer_id, organisation_id: _o, ...a } of appointments) {
      let list = appointmentsOf.get(officer_id);
      if (!list) appointmentsOf.set(officer_id, (list = []));
      list.push(a);
    }
    return new Map(rows.map((r) => [r.id, { ...r, residentialAddress: addressOf.get(r.id) ?? null, appointments: appointmentsOf.get(r.id) ?? [] }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('officer').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
