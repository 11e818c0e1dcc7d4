import type { ReadDb } from '../context';
import { compiledOnce } from '../db/compiled';

/**
 * A meeting's own rows, read whole: the agenda and the attendance. Every view of a meeting (the
 * meeting page, its quorum, the minutes' facts, the sealed record) reads them; one compiled query
 * each (db/compiled.ts) serves all of them.
 */
export const meetingRows = {
  agendaItems: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId)),
  attendance: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId)),
};
