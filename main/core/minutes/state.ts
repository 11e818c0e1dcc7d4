import type { StateReader } from '../audit/state';
import type { ReadDb } from '../context';
import { checkSeal } from './verify';

/**
 * What the audit log vouches for in the minutes area: each row's own columns (CONTRIBUTING,
 * "The audit log vouches for record states"). Minutes also carry a check verify runs over every
 * signed record: the sealed record recomputed from the rows now must still hash to the SHA-256
 * recorded when they were signed (CA 2006 s1138).
 */
async function meetingWords(db: ReadDb, meetingId: string | null | undefined): Promise<string> {
  if (!meetingId) return 'a meeting';
  const m = await db.selectFrom('meeting').select(['title', 'held_on']).where('id', '=', meetingId).executeTakeFirst();
  return m ? `the ${m.title} on ${m.held_on}` : `a meeting (${meetingId})`;
}

export const minutesState: StateReader = {
  type: 'minutes',
  describe: async (db, id) => {
    const r = await db.selectFrom('minutes').select(['meeting_id', 'corrects_minutes_id']).where('id', '=', id).executeTakeFirst();
    if (!r) return `minutes (${id})`;
    return `the ${r.corrects_minutes_id ? 'correction approved at' : 'minutes of'} ${await meetingWords(db, r.meeting_id)}`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('minutes').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('minutes').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
  check: async (db, checkpoint) => {
    const signed = await db.selectFrom('minutes').select('id').where('status', '=', 'signed').orderBy('id').execute();
    const findings: { id: string; message: string }[] = [];
    for (const { id } of signed) {
      const result = await checkSeal(db, id);
      if (!result.ok) findings.push({ id, message: result.problems.join('; ') });
      // Verify runs in slices so the window stays responsive over years of sealed minutes.
      await checkpoint?.();
    }
    return { checked: signed.length, findings };
  },
};

export const minutesCommentState: StateReader = {
  type: 'minutes_comment',
  describe: async (db, id) => {
    const r = await db
      .selectFrom('minutes_comment as c')
      .innerJoin('minutes as m', 'm.id', 'c.minutes_id')
      .select(['c.author', 'm.meeting_id'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    return r ? `the comment by ${r.author} on the minutes of ${await meetingWords(db, r.meeting_id)}` : `a comment on minutes (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('minutes_comment').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('minutes_comment').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
};

export const minutesStateReaders: StateReader[] = [minutesState, minutesCommentState];
