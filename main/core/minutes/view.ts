import type { Minutes } from '../../../shared/contract/minutes';
import { formFamily, type FormFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { earliestDeletionDate, type MinutesKind } from '../../../shared/rules/minutes-retention';
import type { ReadDb } from '../context';
import { AppError } from '../errors';
import type { MeetingRow, MinutesRow } from '../meetings/tables';
import { factLines, meetingFacts } from './facts';
import { sealEvent } from './verify';

/** Which retention rule a meeting's minutes follow (shared/rules/minutes-retention.ts). */
export function retentionKind(kind: MeetingRow['kind']): MinutesKind {
  return kind === 'board' ? 'board_meeting' : kind === 'committee' ? 'committee_meeting' : 'general_meeting';
}

/** The organisation's legal-form family, for the retention rule (a company's is statutory). */
export async function familyOf(db: ReadDb, organisationId: string): Promise<FormFamily> {
  const org = await db.selectFrom('organisation').select('legal_form').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return formFamily(org.legal_form as LegalForm);
}

/**
 * The first day the minutes may be deleted: kept at least ten years from the date of the meeting
 * (CA 2006 s248(2) board, s355(2) members; a society's rules, else ten years too). The SQL
 * trigger on signed minutes applies ten years as well, as a last guard.
 */
export async function minutesDeletableFrom(db: ReadDb, meeting: MeetingRow): Promise<string> {
  return earliestDeletionDate(retentionKind(meeting.kind), meeting.held_on, await familyOf(db, meeting.organisation_id));
}

/**
 * The minutes, if they are the organisation's (through their meeting): another organisation's in
 * the same file are not on record for it (group structures: records never cross organisations).
 */
export async function requireMinutes(db: ReadDb, organisationId: string, id: string): Promise<MinutesRow> {
  const row = await db
    .selectFrom('minutes as m')
    .innerJoin('meeting as g', 'g.id', 'm.meeting_id')
    .selectAll('m')
    .where('m.id', '=', id)
    .where('g.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Those minutes are not on record.');
  return row;
}

/** The organisation's meeting (another organisation's in the same file is not on record for it). */
export async function requireMeeting(db: ReadDb, organisationId: string, id: string, field = 'meetingId'): Promise<MeetingRow> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
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
  // The meeting of minutes already found for the organisation.
  const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', row.meeting_id).executeTakeFirstOrThrow();
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
    deletableFrom: await minutesDeletableFrom(db, meeting),
  };
}
