import { daysBetween } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import { inOfficeOn } from '../../meetings/people';
import type { MeetingKind } from '../../meetings/tables';
import { beforeLaterChanges, nameOnDate } from './regulator-records';

/**
 * The records behind the board effectiveness pack, read the same way by the builder
 * (effectiveness.ts) and by its trace sets (trace/effectiveness.ts), so that every list a figure
 * links to holds exactly the records counted.
 *
 * Everything is as at the end of the period (`to`) from dated entries: a meeting counts when its
 * date falls in the period and it is recorded as held; a director is in office on a meeting's date
 * (meetings/people.ts `inOfficeOn`); a committee member on it (joined on or before, not left
 * before); an action is done on time when its closing date is on or before its due date and on or
 * before `to`; an interest is held on `to` when declared on or before it and not ended before it;
 * minutes count as approved or signed on their recorded dates when those are on or before `to`.
 * Records dated after `to` change nothing, so the same request gives the same figures later.
 */

/** A meeting counts as held once recorded held (its minutes may since have been approved). */
export const HELD_STATUSES = ['held', 'minutes_approved'] as const;
const PRESENT = new Set(['present', 'present_electronically']);

export interface PeriodMeeting {
  id: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  committeeId: string | null;
}

/** Meetings of the organisation held in the period, by date (board and committee only when `boardOnly`). */
export async function meetingsHeld(db: ReadDb, organisationId: string, from: string, to: string, boardOnly = false): Promise<PeriodMeeting[]> {
  let q = db
    .selectFrom('meeting')
    .select(['id', 'kind', 'title', 'held_on', 'committee_id'])
    .where('organisation_id', '=', organisationId)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where('status', 'in', [...HELD_STATUSES]);
  if (boardOnly) q = q.where('kind', 'in', ['board', 'committee']);
  const rows = await q.orderBy('held_on').orderBy('starts_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, heldOn: r.held_on, committeeId: r.committee_id }));
}

export interface DirectorInPeriod {
  officerId: string;
  name: string;
  appointments: { appointed_on: string; ceased_on: string | null }[];
}

/** Directors in office on any day of the period, named as they stood at its end (the officers table keeps only today's names), in order of that name. */
export async function directorsInPeriod(db: ReadDb, organisationId: string, from: string, to: string): Promise<DirectorInPeriod[]> {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.officer_id', 'a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'director')
    .where('a.appointed_on', '<=', to)
    .where((eb) => eb.or([eb('a.ceased_on', 'is', null), eb('a.ceased_on', '>=', from)]))
    .orderBy('a.appointed_on')
    .execute();
  const renamed = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, [...new Set(rows.map((r) => r.officer_id))], to);
  const out = new Map<string, DirectorInPeriod>();
  for (const r of rows) {
    const d = out.get(r.officer_id) ?? { officerId: r.officer_id, name: nameOnDate({ given: r.given_names, family: r.family_name }, renamed.get(r.officer_id)), appointments: [] };
    d.appointments.push({ appointed_on: r.appointed_on, ceased_on: r.ceased_on });
    out.set(r.officer_id, d);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.officerId < b.officerId ? -1 : 1));
}

export type Body = 'board' | 'committee';

/** One seat at one meeting: a director expected there (in office, or on the committee, that day) and whether they attended. */
export interface AttendanceLine {
  meeting: PeriodMeeting;
  officerId: string;
  body: Body;
  attended: boolean;
  /** What the attendance record says ("apologies", "absent"), or null when none was recorded. */
  recorded: string | null;
}

/**
 * Every seat at every board and committee meeting held in the period, for the directors in
 * office in it. Board meetings: each director in office on the day. Committee meetings: each
 * member of the committee on the day who is one of those directors. Attended: recorded present,
 * in person or by electronic means.
 */
export async function attendanceLines(db: ReadDb, organisationId: string, from: string, to: string): Promise<{ directors: DirectorInPeriod[]; meetings: PeriodMeeting[]; lines: AttendanceLine[] }> {
  const directors = await directorsInPeriod(db, organisationId, from, to);
  const meetings = await meetingsHeld(db, organisationId, from, to, true);
  const attendance = await db
    .selectFrom('attendance as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .select(['a.meeting_id', 'a.officer_id', 'a.status'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('m.kind', 'in', ['board', 'committee'])
    .where('a.officer_id', 'is not', null)
    .execute();
  const statusOf = new Map<string, string>();
  for (const a of attendance) {
    const key = `${a.meeting_id}|${a.officer_id}`;
    // One officer may have two rows (say, as director and in attendance): present wins.
    if (!statusOf.has(key) || PRESENT.has(a.status)) statusOf.set(key, a.status);
  }
  const memberships = await db
    .selectFrom('committee_member as cm')
    .innerJoin('committee as c', 'c.id', 'cm.committee_id')
    .select(['cm.committee_id', 'cm.officer_id', 'cm.joined_on', 'cm.left_on'])
    .where('c.organisation_id', '=', organisationId)
    .execute();
  const lines: AttendanceLine[] = [];
  for (const m of meetings) {
    for (const d of directors) {
      let expected: boolean;
      if (m.kind === 'board') expected = d.appointments.some((a) => inOfficeOn(a, m.heldOn));
      else expected = memberships.some((cm) => cm.committee_id === m.committeeId && cm.officer_id === d.officerId && inOfficeOn({ appointed_on: cm.joined_on, ceased_on: cm.left_on }, m.heldOn));
      if (!expected) continue;
      const recorded = statusOf.get(`${m.id}|${d.officerId}`) ?? null;
      lines.push({ meeting: m, officerId: d.officerId, body: m.kind === 'board' ? 'board' : 'committee', attended: recorded !== null && PRESENT.has(recorded), recorded });
    }
  }
  return { directors, meetings, lines };
}

const CARRIED = new Set(['carried', 'carried_on_casting_vote', 'passed']);

export interface DecisionLine {
  id: string;
  meetingId: string | null;
  text: string;
  outcome: string;
  carried: boolean;
  decidedOn: string;
}

/** Decisions taken at meetings held in the period (one meeting's when `meetingId` is given), on or before `to`. */
export async function decisionsAtMeetings(db: ReadDb, organisationId: string, from: string, to: string, meetingId: string | null = null): Promise<DecisionLine[]> {
  let q = db
    .selectFrom('decision as d')
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .select(['d.id', 'd.meeting_id', 'd.text', 'd.outcome', 'd.decided_on'])
    .where('d.organisation_id', '=', organisationId)
    .where('m.organisation_id', '=', organisationId)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('m.status', 'in', [...HELD_STATUSES])
    .where('d.decided_on', '<=', to);
  if (meetingId) q = q.where('d.meeting_id', '=', meetingId);
  const rows = await q.orderBy('m.held_on').orderBy('d.decided_on').orderBy('d.id').execute();
  return rows.map((r) => ({ id: r.id, meetingId: r.meeting_id, text: r.text, outcome: r.outcome, carried: CARRIED.has(r.outcome), decidedOn: r.decided_on }));
}

/** Decisions taken outside meetings (written resolutions) in the period. */
export async function writtenDecisions(db: ReadDb, organisationId: string, from: string, to: string): Promise<DecisionLine[]> {
  const rows = await db
    .selectFrom('decision')
    .select(['id', 'meeting_id', 'text', 'outcome', 'decided_on'])
    .where('organisation_id', '=', organisationId)
    .where('meeting_id', 'is', null)
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, meetingId: null, text: r.text, outcome: r.outcome, carried: CARRIED.has(r.outcome), decidedOn: r.decided_on }));
}

export const ACTION_CLASSES = ['onTime', 'late', 'outstanding', 'dropped'] as const;
export type ActionClass = (typeof ACTION_CLASSES)[number];

export interface ActionLine {
  id: string;
  description: string;
  ownerName: string;
  dueOn: string | null;
  /** The closing date as it stood on `to` (null when still open then). */
  closedOn: string | null;
  meetingId: string;
  meetingTitle: string;
  heldOn: string;
  cls: ActionClass | 'noDueDate';
}

/**
 * Actions due in the period, agreed at meetings held by its end, each classed as it stood on
 * `to`: done on or before its due date (on time), done after it (late), dropped, or not closed
 * by `to` (outstanding). An action closed after `to` was outstanding on `to`.
 */
export async function actionsDue(db: ReadDb, organisationId: string, from: string, to: string): Promise<ActionLine[]> {
  const rows = await db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.description', 'a.owner_name', 'a.due_on', 'a.status', 'a.closed_on', 'a.meeting_id', 'm.title', 'm.held_on'])
    .where('a.organisation_id', '=', organisationId)
    .where('m.organisation_id', '=', organisationId)
    .where('a.due_on', '>=', from)
    .where('a.due_on', '<=', to)
    .where('m.held_on', '<=', to)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => {
    const closedBy = r.status !== 'open' && r.closed_on !== null && r.closed_on <= to;
    const cls: ActionClass = !closedBy ? 'outstanding' : r.status === 'dropped' ? 'dropped' : r.closed_on! <= r.due_on! ? 'onTime' : 'late';
    return { id: r.id, description: r.description, ownerName: r.owner_name, dueOn: r.due_on, closedOn: closedBy ? r.closed_on : null, meetingId: r.meeting_id, meetingTitle: r.title, heldOn: r.held_on, cls };
  });
}

/** Actions agreed at meetings held in the period with no due date (on-time cannot be judged). */
export async function actionsWithoutDueDate(db: ReadDb, organisationId: string, from: string, to: string): Promise<ActionLine[]> {
  const rows = await db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.description', 'a.owner_name', 'a.meeting_id', 'm.title', 'm.held_on'])
    .where('a.organisation_id', '=', organisationId)
    .where('m.organisation_id', '=', organisationId)
    .where('a.due_on', 'is', null)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .orderBy('m.held_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, description: r.description, ownerName: r.owner_name, dueOn: null, closedOn: null, meetingId: r.meeting_id, meetingTitle: r.title, heldOn: r.held_on, cls: 'noDueDate' as const }));
}

export const INTEREST_WHICH = ['declared', 'held', 'atMeetings'] as const;
export type InterestWhich = (typeof INTEREST_WHICH)[number];

export interface InterestLine {
  id: string;
  officerId: string;
  nature: string;
  relatedOrganisation: string | null;
  on: string;
  endedOn: string | null;
  meetingId: string | null;
}

/**
 * Interests of the given directors: declared in the register in the period ('declared'), held on
 * `to` ('held': declared on or before it and not ended before it, the inclusive reading the
 * conflict rule gives an interest ending on the day), or declared at meetings held in the period
 * ('atMeetings').
 */
export async function interestLines(db: ReadDb, organisationId: string, from: string, to: string, which: InterestWhich, officerIds: readonly string[]): Promise<InterestLine[]> {
  if (officerIds.length === 0) return [];
  if (which === 'atMeetings') {
    const rows = await db
      .selectFrom('meeting_declaration as d')
      .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
      .select(['d.id', 'd.officer_id', 'd.nature', 'd.meeting_id', 'm.held_on'])
      .where('m.organisation_id', '=', organisationId)
      .where('m.held_on', '>=', from)
      .where('m.held_on', '<=', to)
      .where('m.status', 'in', [...HELD_STATUSES])
      .where('d.officer_id', 'in', [...officerIds])
      .orderBy('m.held_on')
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({ id: r.id, officerId: r.officer_id, nature: r.nature, relatedOrganisation: null, on: r.held_on, endedOn: null, meetingId: r.meeting_id }));
  }
  let q = db
    .selectFrom('interest')
    .select(['id', 'officer_id', 'nature', 'related_organisation', 'declared_on', 'ended_on'])
    .where('organisation_id', '=', organisationId)
    .where('officer_id', 'in', [...officerIds]);
  q =
    which === 'declared'
      ? q.where('declared_on', '>=', from).where('declared_on', '<=', to)
      : q.where('declared_on', '<=', to).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', to)]));
  const rows = await q.orderBy('declared_on').orderBy('id').execute();
  // An end recorded after `to` was not known on it.
  return rows.map((r) => ({ id: r.id, officerId: r.officer_id, nature: r.nature, relatedOrganisation: r.related_organisation, on: r.declared_on, endedOn: r.ended_on !== null && r.ended_on <= to ? r.ended_on : null, meetingId: null }));
}

/**
 * The app's default target for approving and signing minutes, in days from the meeting, where the
 * secretary has set none. The secretary sets one in Settings (organisation.setMinutesTarget); a
 * report reads it as it stood on its date from the audit log (organisation/minutes-target.ts).
 */
export { DEFAULT_MINUTES_TARGET_DAYS } from '../../../../shared/contract/organisation';

export const MINUTES_STAGES = ['approval', 'signing'] as const;
export type MinutesStage = (typeof MINUTES_STAGES)[number];
export const MINUTES_RESULTS = ['inTarget', 'late', 'overdue', 'pending'] as const;
export type MinutesResult = (typeof MINUTES_RESULTS)[number];

export interface MinutesLine {
  meeting: PeriodMeeting;
  minutesId: string | null;
  approvedOn: string | null;
  signedOn: string | null;
  approvalDays: number | null;
  signingDays: number | null;
  approval: MinutesResult;
  signing: MinutesResult;
}

function judge(heldOn: string, done: string | null, to: string, target: number): { days: number | null; result: MinutesResult } {
  if (done !== null) {
    const days = daysBetween(heldOn, done);
    return { days, result: days <= target ? 'inTarget' : 'late' };
  }
  // Not done by `to`: overdue once the target has passed by then, else still within it.
  return { days: null, result: daysBetween(heldOn, to) > target ? 'overdue' : 'pending' };
}

/** The minutes of each meeting held in the period: days from the meeting to approval and to signing, judged against the target as they stood on `to`. */
export async function minutesLines(db: ReadDb, organisationId: string, from: string, to: string, target: number): Promise<MinutesLine[]> {
  const meetings = await meetingsHeld(db, organisationId, from, to);
  if (meetings.length === 0) return [];
  const rows = await db
    .selectFrom('minutes as n')
    .innerJoin('meeting as m', 'm.id', 'n.meeting_id')
    .select(['n.id', 'n.meeting_id', 'n.approved_on', 'n.signed_on'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', to)
    .where('n.corrects_minutes_id', 'is', null)
    .execute();
  const byMeeting = new Map(rows.map((r) => [r.meeting_id, r]));
  return meetings.map((m) => {
    const n = byMeeting.get(m.id);
    const approvedOn = n?.approved_on && n.approved_on <= to ? n.approved_on : null;
    const signedOn = n?.signed_on && n.signed_on <= to ? n.signed_on : null;
    const a = judge(m.heldOn, approvedOn, to, target);
    const s = judge(m.heldOn, signedOn, to, target);
    return { meeting: m, minutesId: n?.id ?? null, approvedOn, signedOn, approvalDays: a.days, signingDays: s.days, approval: a.result, signing: s.result };
  });
}
