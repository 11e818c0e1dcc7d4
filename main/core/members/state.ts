import type { StateReader } from '../audit/state';

/**
 * A register entry as the log vouches for it: its own columns (not the search keys derived
 * from the name and e-mail), its share ledger, and its joint holders (CA 2006 s113(5)).
 */
export const memberState: StateReader = {
  type: 'member',
  describe: async (db, id) => {
    const row = await db.selectFrom('member').select('member_number').where('id', '=', id).executeTakeFirst();
    return row ? `member ${row.member_number}` : `a register entry (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('member').selectAll().where('id', 'in', ids).execute();
    const ledger = await db.selectFrom('share_transaction').selectAll().where('member_id', 'in', ids).orderBy('member_id').orderBy('id').execute();
    const joint = await db.selectFrom('member_joint_holder').selectAll().where('member_id', 'in', ids).orderBy('member_id').orderBy('position').execute();
    const jointBy = new Map<string, unknown[]>();
    for (const { member_id, ...j } of joint) {
      let list = jointBy.get(member_id);
      if (!list) jointBy.set(member_id, (list = []));
      list.push(j);
    }
    const byMember = new Map<string, unknown[]>();
    for (const t of ledger) {
      const { organisation_id: _o, member_id, ...entry } = t;
      let list = byMember.get(member_id);
      if (!list) byMember.set(member_id, (list = []));
      list.push(entry);
    }
    return new Map(
      // Joint holders are listed only where there are some, so entries without them keep the state they had before migration 0006.
      rows.map(({ sort_key: _s, given_key: _g, email_key: _e, ...r }) => [r.id, { ...r, shareLedger: byMember.get(r.id) ?? [], ...(jointBy.has(r.id) ? { jointHolders: jointBy.get(r.id) } : {}) }]),
    );
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('member').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};
