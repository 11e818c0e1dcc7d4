import { ukDateOf } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import { AppError } from '../../errors';
import type { MeetingRow } from '../../meetings/tables';

/**
 * The records behind the AGM pack (agm-pack.ts), read the same way by the builder and by its trace
 * sets (trace/agm.ts), so that each list holds exactly the records counted.
 */

/** The pack's meeting: a general meeting (annual or other) of this organisation, not cancelled. */
export async function packMeeting(db: ReadDb, organisationId: string, organisationName: string, meetingId: string | undefined): Promise<MeetingRow> {
  if (!meetingId) throw AppError.field('meetingId', 'Choose the general meeting the pack is for.');
  const m = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!m || m.organisation_id !== organisationId) throw AppError.field('meetingId', `That meeting is not a meeting of ${organisationName}; choose one of its general meetings.`);
  if (m.kind !== 'annual_general' && m.kind !== 'general') {
    const what = m.kind === 'board' ? 'a board meeting' : m.kind === 'committee' ? 'a committee meeting' : 'a class meeting (of one class of members only)';
    throw AppError.field('meetingId', `The AGM pack is for a general meeting of the members; the ${m.title} is ${what}.`);
  }
  if (m.status === 'cancelled') throw AppError.field('meetingId', `The ${m.title} was cancelled${m.cancelled_reason ? ` (${m.cancelled_reason})` : ''}; there is no pack to produce.`);
  return m;
}

/**
 * The members a notice of the meeting goes to on a day: every member on the register that day
 * (admitted on or before it, not ceased on or before it), as meetings/documents.ts addresses the
 * notice (CA 2006 s310(1)(a): notice goes to every member).
 */
export function entitledQuery(db: ReadDb, organisationId: string, on: string) {
  return db
    .selectFrom('member')
    .where('organisation_id', '=', organisationId)
    .where('admitted_on', '<=', on)
    .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]));
}

/**
 * How many members the notice goes to on the day: counted class by class through the covering
 * index member(class_id, admitted_on, ceased_on), never a member row. Counting through the
 * organisation's admission index instead read every member row to test ceased_on (about 1 s at
 * 400,000 members in the reports benchmark, against 30 ms this way). Every member has a class of
 * their own organisation, so the sum over its classes is the same count as entitledQuery's.
 */
export async function entitledCount(db: ReadDb, organisationId: string, on: string): Promise<number> {
  const classes = await db.selectFrom('membership_class').select('id').where('organisation_id', '=', organisationId).execute();
  let n = 0;
  for (const c of classes) {
    const r = await db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', '=', c.id)
      .where('admitted_on', '<=', on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
      .executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}

export interface Candidate {
  id: string;
  ballotId: string;
  ballotTitle: string;
  questionId: string;
  election: string;
  seats: number;
  name: string;
  statement: string | null;
}

/**
 * Candidates at elections on the meeting's ballots as they stood at the end of `asAt`: ballots set
 * up by then (a ballot's questions and candidates are fixed when it is set up) and not cancelled
 * by then. A ballot set up later is left out (so the pack for the date never changes); the pack
 * says from which date it reads them.
 */
export async function candidatesOf(db: ReadDb, organisationId: string, meetingId: string, asAt: string): Promise<{ candidates: Candidate[] }> {
  const ballots = await db
    .selectFrom('ballot')
    .select(['id', 'title', 'status', 'created_at', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const day = (iso: string) => ukDateOf(new Date(iso));
  const shown = ballots.filter((b) => day(b.created_at) <= asAt && !(b.status === 'cancelled' && day(b.updated_at) <= asAt));
  if (shown.length === 0) return { candidates: [] };
  const rows = await db
    .selectFrom('ballot_question as q')
    .innerJoin('ballot_choice as c', 'c.question_id', 'q.id')
    .select(['q.id as question_id', 'q.ballot_id', 'q.text', 'q.position as qpos', 'q.max_choices', 'c.id', 'c.label', 'c.statement', 'c.position'])
    .where(
      'q.ballot_id',
      'in',
      shown.map((b) => b.id),
    )
    .where('q.kind', '=', 'election')
    .execute();
  const order = new Map(shown.map((b, i) => [b.id, i]));
  const title = new Map(shown.map((b) => [b.id, b.title]));
  rows.sort((a, b) => order.get(a.ballot_id)! - order.get(b.ballot_id)! || a.qpos - b.qpos || a.position - b.position);
  return {
    candidates: rows.map((r) => ({
      id: r.id,
      ballotId: r.ballot_id,
      ballotTitle: title.get(r.ballot_id)!,
      questionId: r.question_id,
      election: r.text,
      seats: r.max_choices,
      name: r.label,
      statement: r.statement !== null && r.statement.trim() !== '' ? r.statement : null,
    })),
  };
}
