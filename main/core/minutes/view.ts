import type { Minutes } from '../../../shared/contract/minutes';
import { addYears, formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
import { AppError } from '../errors';
import type { MeetingRow, MinutesRow } from '../meetings/tables';
import { factLines, meetingFacts } from './facts';
import { sealEvent } from './verify';

/**
 * Minutes must be kept for at least ten years from the date of the meeting (CA 2006 s248(2) for
 * the board, s355(2) for members). Until shared/rules/minutes-retention.ts lands this is the
 * rule; the SQL trigger on signed minutes applies the same ten years.
 */
export const RETENTION_YEARS = 10;
export function minutesDeletableFrom(heldOn: string): string {
  return addYears(heldOn, RETENTION_YEARS);
}

export async function requireMinutes(db: ReadDb, id: string): Promise<MinutesRow> {
  const row = await db.selectFrom('minutes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Those minutes are not on record.');
  return row;
}

export async function requireMeeting(db: ReadDb, id: string, field = 'meetingId'): Promise<MeetingRow> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That meeting is not on record.', { [field]: 'That meeting is not on record.' });
  return row;
}

/** The service's refusal of any change to signed minutes, before the trigger would refuse it. */
export function refuseIfSealed(row: MinutesRow): void {
  if (row.status === 'signed') {
    throw new AppError(
      'CONFLICT',
      `These minutes were signed on ${formatLegalDate(row.signed_on!)} and are sealed (CA 2006 s248, s355, s1138); record a correction instead.`,
    );
  }
}

export async function minutesView(db: ReadDb, row: MinutesRow): Promise<Minutes> {
  const meeting = await requireMeeting(db, row.meeting_id);
  const comments = await db.selectFrom('minutes_comment').selectAll().where('minutes_id', '=', row.id).orderBy('created_at').orderBy('id').execute();
  const corrections = await db.selectFrom('minutes').select(['id', 'meeting_id', 'status']).where('corrects_minutes_id', '=', row.id).orderBy('created_at').execute();
  const event = row.status === 'signed' ? await sealEvent(db, row.id) : null;
  let facts: Minutes['facts'];
  if (row.corrects_minutes_id) {
    const original = await db
      .selectFrom('minutes as m')
      .innerJoin('meeting as g', 'g.id', 'm.meeting_id')
      .select(['g.title', 'g.held_on', 'm.signed_on'])
      .where('m.id', '=', row.corrects_minutes_id)
      .executeTakeFirst();
    facts = [
      {
        heading: 'Correction',
        lines: [
          original
            ? `Corrects the minutes of the ${original.title} on ${formatLegalDate(original.held_on)}${original.signed_on ? `, signed on ${formatLegalDate(original.signed_on)}` : ''}; those minutes stay as signed.`
            : 'Corrects minutes no longer on record.',
          `To be approved at the ${meeting.title} on ${formatLegalDate(meeting.held_on)}.`,
        ],
      },
    ];
  } else {
    facts = factLines(await meetingFacts(db, meeting));
  }
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: meeting.title,
    heldOn: meeting.held_on,
    status: row.status,
    body: row.body,
    circulatedOn: row.circulated_on,
    approvedOn: row.approved_on,
    approvedByDecisionId: row.approved_by_decision_id,
    approvedInWriting: row.approved_in_writing === 1,
    signedOn: row.signed_on,
    signedBy: row.signed_by,
    sealedSha256: row.sealed_sha256,
    sealedEventSeq: event?.seq ?? null,
    correctsMinutesId: row.corrects_minutes_id,
    correctedBy: corrections.map((c) => ({ id: c.id, meetingId: c.meeting_id, status: c.status })),
    comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.created_at })),
    facts,
    deletableFrom: minutesDeletableFrom(meeting.held_on),
  };
}
