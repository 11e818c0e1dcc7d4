import { sql } from 'kysely';
import { DIRECTOR_KIND_LABEL, ROLE_LABEL, type AppointmentRole, type DirectorKind } from '../../../../shared/contract/officers';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import { inOfficeOn } from '../../meetings/people';
import type { ReportSource } from '../source';
import { movedSince } from './annual-membership';
import { beforeLaterChanges, classesOnDate, nameOnDate } from './regulator-records';
import { all, byName, figures, n, periodOf, periodWords, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * The board (issue 11, report 1): its composition on the last day of the period (directors in
 * office by kind, the officers), the appointments and departures in the period, and each
 * director's attendance at the board and committee meetings held in it.
 *
 * All from dated entries: an appointment covers a day from appointed_on to ceased_on inclusive
 * (meetings/people.ts `inOfficeOn`: a director leaving on a meeting's day is in office at it); a
 * committee seat from joined_on to left_on inclusive (as meetings/people.ts reads it); attendance
 * from the meeting's attendance records. The tables are small (the board, its meetings), so each
 * is read once for the organisation and worked through here.
 */

export interface AppointmentOnRecord {
  id: string;
  officerId: string;
  name: string;
  role: AppointmentRole;
  directorKind: DirectorKind | null;
  nominatedBy: string | null;
  appointedOn: string;
  ceasedOn: string | null;
  cessationReason: string | null;
  /** The officer's entry in the register is in an employee class, a member on the day asked about (null: not linked). */
  memberId: string | null;
  /** The class of the officer's entry as recorded now. */
  memberClassId: string | null;
  memberAdmittedOn: string | null;
  memberCeasedOn: string | null;
  memberEmployeeClass: boolean;
}

export async function appointmentsOf(db: ReadDb, organisationId: string, until: string): Promise<AppointmentOnRecord[]> {
  const rows = await all<{
    id: string;
    officer_id: string;
    given_names: string;
    family_name: string;
    role: AppointmentRole;
    director_kind: DirectorKind | null;
    nominated_by: string | null;
    appointed_on: string;
    ceased_on: string | null;
    cessation_reason: string | null;
    member_id: string | null;
    class_id: string | null;
    admitted_on: string | null;
    member_ceased_on: string | null;
    is_employee_class: number | null;
  }>(
    db,
    sql`select a.id, a.officer_id, o.given_names, o.family_name, a.role, a.director_kind, a.nominated_by, a.appointed_on, a.ceased_on, a.cessation_reason,
          o.member_id, m.class_id, m.admitted_on, m.ceased_on as member_ceased_on, c.is_employee_class
        from appointment a
        join officer o on o.id = a.officer_id
        left join member m on m.id = o.member_id and m.organisation_id = a.organisation_id
        left join membership_class c on c.id = m.class_id
        where a.organisation_id = ${organisationId} and a.appointed_on <= ${until}
        order by a.appointed_on, a.id`,
  );
  // Names as they stood at the end of the period: an officer renamed since is named as then (the table keeps only today's).
  const before = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, [...new Set(rows.map((r) => r.officer_id))], until);
  return rows.map((r) => ({
    id: r.id,
    officerId: r.officer_id,
    name: nameOnDate({ given: r.given_names, family: r.family_name }, before.get(r.officer_id)),
    role: r.role,
    directorKind: r.director_kind,
    nominatedBy: r.nominated_by,
    appointedOn: r.appointed_on,
    // A cessation recorded for a day after the period is not known on it: the appointment stood open then.
    ceasedOn: r.ceased_on !== null && r.ceased_on <= until ? r.ceased_on : null,
    cessationReason: r.ceased_on !== null && r.ceased_on <= until ? r.cessation_reason : null,
    memberId: r.member_id,
    memberClassId: r.class_id,
    memberAdmittedOn: r.admitted_on,
    memberCeasedOn: r.member_ceased_on,
    memberEmployeeClass: r.is_employee_class === 1,
  }));
}

const inOffice = (a: AppointmentOnRecord, on: string) => inOfficeOn({ appointed_on: a.appointedOn, ceased_on: a.ceasedOn }, on);
const memberOn = (a: AppointmentOnRecord, on: string) => a.memberAdmittedOn !== null && a.memberAdmittedOn <= on && (a.memberCeasedOn === null || a.memberCeasedOn > on);

export interface DirectorOnDay {
  officerId: string;
  name: string;
  directorKind: DirectorKind | null;
  nominatedBy: string | null;
  appointedOn: string;
  employeeMember: boolean;
  memberId: string | null;
  /** Other offices held the same day (chair, secretary…). */
  offices: AppointmentRole[];
}

/** Whether an officer's entry in the register was, on the day, a member of a class that was then an employee class. */
export type EmployeeMemberOn = (a: AppointmentOnRecord, on: string) => boolean;
const employeeMemberNow: EmployeeMemberOn = (a, on) => a.memberEmployeeClass && memberOn(a, on);

/**
 * The classes as they stood on the day (names, employee flag: regulator-records.ts) and the class
 * each member moved since was in, for telling whether a director was an employee member then.
 */
export async function employeeMemberOn(db: ReadDb, organisationId: string, on: string): Promise<EmployeeMemberOn> {
  const then = await classesOnDate(db, organisationId, on);
  const moved = new Map((await movedSince(db, organisationId, on)).map((m) => [m.id, m.then]));
  return (a, day) => {
    if (a.memberId === null || a.memberClassId === null || !memberOn(a, day)) return false;
    const cls = moved.get(a.memberId) ?? a.memberClassId;
    return then.get(cls)?.isEmployeeClass ?? a.memberEmployeeClass;
  };
}

/** Directors in office on a day, each officer once (one with two appointments on the day, re-appointed on the day they left, is one director). */
export function directorsOnDay(appointments: AppointmentOnRecord[], on: string, isEmployeeMember: EmployeeMemberOn = employeeMemberNow): DirectorOnDay[] {
  const out = new Map<string, DirectorOnDay>();
  for (const a of appointments) {
    if (a.role !== 'director' || !inOffice(a, on)) continue;
    const seen = out.get(a.officerId);
    if (seen) {
      if (a.appointedOn < seen.appointedOn) seen.appointedOn = a.appointedOn;
      if (!seen.directorKind && a.directorKind) seen.directorKind = a.directorKind;
      continue;
    }
    out.set(a.officerId, {
      officerId: a.officerId,
      name: a.name,
      directorKind: a.directorKind,
      nominatedBy: a.nominatedBy,
      appointedOn: a.appointedOn,
      employeeMember: isEmployeeMember(a, on),
      memberId: a.memberId,
      offices: [],
    });
  }
  for (const a of appointments) {
    const d = out.get(a.officerId);
    if (d && a.role !== 'director' && inOffice(a, on) && !d.offices.includes(a.role)) d.offices.push(a.role);
  }
  return [...out.values()].sort((a, b) => byName(a, b) || a.officerId.localeCompare(b.officerId));
}

/** Officers (chair, vice-chair, secretary, treasurer) in office on a day. */
export function officersOnDay(appointments: AppointmentOnRecord[], on: string): AppointmentOnRecord[] {
  const order: AppointmentRole[] = ['chair', 'vice_chair', 'secretary', 'treasurer'];
  return appointments
    .filter((a) => a.role !== 'director' && inOffice(a, on))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || byName(a, b) || a.id.localeCompare(b.id));
}

export const directorAppointedIn = (appointments: AppointmentOnRecord[], p: AnnualPeriod) =>
  appointments.filter((a) => a.role === 'director' && a.appointedOn >= p.from && a.appointedOn <= p.to);
export const directorDepartedIn = (appointments: AppointmentOnRecord[], p: AnnualPeriod) =>
  appointments.filter((a) => a.role === 'director' && a.ceasedOn !== null && a.ceasedOn >= p.from && a.ceasedOn <= p.to).sort((a, b) => a.ceasedOn!.localeCompare(b.ceasedOn!) || byName(a, b));

// ---------------------------------------------------------------- attendance

export interface MeetingInPeriod {
  id: string;
  kind: 'board' | 'committee';
  title: string;
  heldOn: string;
  committeeId: string | null;
}

export type AttendanceStatus = 'eligible' | 'attended' | 'apologies';

export interface DirectorAttendance {
  officerId: string;
  name: string;
  board: Record<AttendanceStatus, MeetingInPeriod[]>;
  committee: Record<AttendanceStatus, MeetingInPeriod[]>;
}

/** Board and committee meetings dated in the period and not cancelled (meeting_when: organisation_id, held_on). */
export async function boardMeetingsIn(db: ReadDb, organisationId: string, p: AnnualPeriod): Promise<MeetingInPeriod[]> {
  const rows = await all<{ id: string; kind: 'board' | 'committee'; title: string; held_on: string; committee_id: string | null }>(
    db,
    sql`select id, kind, title, held_on, committee_id from meeting
        where organisation_id = ${organisationId} and held_on >= ${p.from} and held_on <= ${p.to}
          and kind in ('board', 'committee') and status <> 'cancelled'
        order by held_on, starts_at, id`,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, heldOn: r.held_on, committeeId: r.committee_id }));
}

/**
 * Each director's attendance: the board meetings held while in office and the committee meetings
 * held while on the committee, and of those the ones attended (present in person or by electronic
 * means) and those they sent apologies to, from the meetings' attendance records.
 */
export async function attendanceIn(db: ReadDb, organisationId: string, p: AnnualPeriod, appointments: AppointmentOnRecord[]): Promise<DirectorAttendance[]> {
  const meetings = await boardMeetingsIn(db, organisationId, p);
  const marks = await all<{ meeting_id: string; officer_id: string; status: string }>(
    db,
    sql`select a.meeting_id, a.officer_id, a.status from attendance a
        join meeting m on m.id = a.meeting_id
        where m.organisation_id = ${organisationId} and m.held_on >= ${p.from} and m.held_on <= ${p.to}
          and m.kind in ('board', 'committee') and m.status <> 'cancelled' and a.officer_id is not null`,
  );
  const seats = await all<{ committee_id: string; officer_id: string; joined_on: string; left_on: string | null }>(
    db,
    sql`select cm.committee_id, cm.officer_id, cm.joined_on, cm.left_on from committee_member cm
        join committee c on c.id = cm.committee_id
        where c.organisation_id = ${organisationId} and cm.joined_on <= ${p.to}`,
  );
  const mark = new Map<string, string>();
  for (const m of marks) {
    const key = `${m.meeting_id}|${m.officer_id}`;
    // Present beats apologies where an officer appears twice (director and in attendance).
    const prev = mark.get(key);
    if (!prev || m.status.startsWith('present')) mark.set(key, m.status);
  }
  const directors = new Map<string, { name: string; apps: AppointmentOnRecord[] }>();
  for (const a of appointments) {
    if (a.role !== 'director') continue;
    if (a.appointedOn > p.to || (a.ceasedOn !== null && a.ceasedOn < p.from)) continue;
    const d = directors.get(a.officerId) ?? { name: a.name, apps: [] };
    d.apps.push(a);
    directors.set(a.officerId, d);
  }
  const out: DirectorAttendance[] = [];
  for (const [officerId, d] of directors) {
    const empty = (): Record<AttendanceStatus, MeetingInPeriod[]> => ({ eligible: [], attended: [], apologies: [] });
    const r: DirectorAttendance = { officerId, name: d.name, board: empty(), committee: empty() };
    for (const m of meetings) {
      if (!d.apps.some((a) => inOffice(a, m.heldOn))) continue;
      let target: Record<AttendanceStatus, MeetingInPeriod[]> | null = null;
      if (m.kind === 'board') target = r.board;
      else if (seats.some((s) => s.committee_id === m.committeeId && s.officer_id === officerId && s.joined_on <= m.heldOn && (s.left_on === null || s.left_on >= m.heldOn))) target = r.committee;
      if (!target) continue;
      target.eligible.push(m);
      const status = mark.get(`${m.id}|${officerId}`);
      if (status === 'present' || status === 'present_electronically') target.attended.push(m);
      else if (status === 'apologies') target.apologies.push(m);
    }
    out.push(r);
  }
  return out.sort((a, b) => byName(a, b) || a.officerId.localeCompare(b.officerId));
}

// ---------------------------------------------------------------- the section

const kindWords = (d: { directorKind: DirectorKind | null; nominatedBy: string | null }) =>
  d.directorKind ? (d.directorKind === 'nominee' && d.nominatedBy ? `${DIRECTOR_KIND_LABEL.nominee} (${d.nominatedBy})` : DIRECTOR_KIND_LABEL[d.directorKind]) : 'Not recorded';

export async function boardSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const apps = await appointmentsOf(src.db, src.org.id, p.to);
  await src.checkpoint();
  const attendance = await attendanceIn(src.db, src.org.id, p, apps);
  await src.checkpoint();
  const onDay = directorsOnDay(apps, p.to, await employeeMemberOn(src.db, src.org.id, p.to));
  const officers = officersOnDay(apps, p.to);
  const appointed = directorAppointedIn(apps, p);
  const departed = directorDepartedIn(apps, p);
  const blocks: SectionResult['section']['blocks'] = [];
  const missing: SectionResult['missing'] = [];

  blocks.push(
    figures([
      { id: 'directors-on-date', label: `Directors in office on ${formatLegalDate(p.to)}`, value: n(onDay.length, 'annual.board.directorsOnDate', { on: p.to, kind: null }) },
      { id: 'directors-appointed', label: 'Directors appointed in the period', value: n(appointed.length, 'annual.board.appointed', { from: p.from, to: p.to }) },
      { id: 'directors-departed', label: 'Directors who left office in the period', value: n(departed.length, 'annual.board.departed', { from: p.from, to: p.to }) },
      {
        id: 'directors-employee-members',
        label: 'Directors who were employee members on the date',
        value: n(onDay.filter((d) => d.employeeMember).length, 'annual.board.directorsOnDate', { on: p.to, kind: 'employeeMember' }),
      },
    ]),
  );

  blocks.push(
    table(
      'board-composition',
      `The board on ${formatLegalDate(p.to)}`,
      [
        { key: 'name', label: 'Director' },
        { key: 'kind', label: 'Kind' },
        { key: 'employeeMember', label: 'Employee member' },
        { key: 'offices', label: 'Also' },
        { key: 'appointedOn', label: 'In office since' },
      ],
      onDay.map((d) => ({
        name: words(d.name),
        kind: words(kindWords(d)),
        employeeMember: words(d.memberId === null ? 'Not linked to the register' : d.employeeMember ? 'Yes' : 'No'),
        offices: words(d.offices.map((r) => ROLE_LABEL[r]).join(', ') || '—'),
        appointedOn: words(formatLegalDate(d.appointedOn)),
      })),
      { empty: 'No director was in office on the date.' },
    ),
  );

  const kinds: (DirectorKind | null)[] = ['employee', 'member', 'independent', 'nominee', null];
  const kindRows = kinds
    .map((k) => ({ k, count: onDay.filter((d) => d.directorKind === k).length }))
    .filter((r) => r.count > 0)
    .map((r) => ({ kind: words(r.k ? DIRECTOR_KIND_LABEL[r.k] : 'Kind not recorded'), directors: n(r.count, 'annual.board.directorsOnDate', { on: p.to, kind: r.k ?? 'unrecorded' }) }));
  blocks.push(
    table('board-by-kind', 'Directors by kind', [{ key: 'kind', label: 'Kind' }, { key: 'directors', label: 'Directors', numeric: true }], kindRows, {
      total: { kind: words('All directors'), directors: n(onDay.length, 'annual.board.directorsOnDate', { on: p.to, kind: null }) },
      empty: 'No director was in office on the date.',
      note: 'An employee director is one the records name as such (the kind recorded on appointment); the records do not say separately whether the employees elected them.',
    }),
  );
  if (kindRows.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'board-by-kind-chart',
      chart: 'bar',
      title: 'Directors by kind',
      alt: `Bar chart of the directors in office on ${formatLegalDate(p.to)} by kind: ${kindRows.map((r) => `${r.kind.display} ${r.directors.display}`).join('; ')}.`,
      tableId: 'board-by-kind',
      labelKey: 'kind',
      valueKeys: ['directors'],
    });
  }

  blocks.push(
    table(
      'board-officers',
      `Officers on ${formatLegalDate(p.to)}`,
      [
        { key: 'office', label: 'Office' },
        { key: 'name', label: 'Name' },
        { key: 'appointedOn', label: 'Since' },
      ],
      officers.map((o) => ({ office: words(ROLE_LABEL[o.role]), name: words(o.name), appointedOn: words(formatLegalDate(o.appointedOn)) })),
      { empty: 'No chair, vice-chair, secretary or treasurer is recorded as in office on the date.', total: { office: words('Offices held'), name: n(officers.length, 'annual.board.officersOnDate', { on: p.to }), appointedOn: words('') } },
    ),
  );

  blocks.push(
    table(
      'board-appointments',
      'Directors appointed in the period',
      [
        { key: 'name', label: 'Director' },
        { key: 'kind', label: 'Kind' },
        { key: 'on', label: 'Appointed on' },
      ],
      appointed.map((a) => ({ name: words(a.name), kind: words(kindWords(a)), on: words(formatLegalDate(a.appointedOn)) })),
      { empty: 'No director was appointed in the period.' },
    ),
  );
  blocks.push(
    table(
      'board-departures',
      'Directors who left office in the period',
      [
        { key: 'name', label: 'Director' },
        { key: 'kind', label: 'Kind' },
        { key: 'on', label: 'Left office on' },
        { key: 'reason', label: 'Reason' },
      ],
      departed.map((a) => ({ name: words(a.name), kind: words(kindWords(a)), on: words(formatLegalDate(a.ceasedOn!)), reason: words(a.cessationReason ?? 'Not recorded') })),
      { empty: 'No director left office in the period.' },
    ),
  );

  const att = (d: DirectorAttendance, kind: 'board' | 'committee', status: 'eligible' | 'attended' | 'apologies') =>
    n(d[kind][status].length, 'annual.board.attendance', { officerId: d.officerId, from: p.from, to: p.to, kind, status });
  blocks.push(
    table(
      'board-attendance',
      'Attendance at board and committee meetings',
      [
        { key: 'name', label: 'Director' },
        { key: 'boardHeld', label: 'Board meetings while in office', numeric: true },
        { key: 'boardAttended', label: 'Attended', numeric: true },
        { key: 'boardApologies', label: 'Apologies', numeric: true },
        { key: 'committeeHeld', label: 'Committee meetings while a member', numeric: true },
        { key: 'committeeAttended', label: 'Attended', numeric: true },
        { key: 'committeeApologies', label: 'Apologies', numeric: true },
      ],
      attendance.map((d) => ({
        name: words(d.name),
        boardHeld: att(d, 'board', 'eligible'),
        boardAttended: att(d, 'board', 'attended'),
        boardApologies: att(d, 'board', 'apologies'),
        committeeHeld: att(d, 'committee', 'eligible'),
        committeeAttended: att(d, 'committee', 'attended'),
        committeeApologies: att(d, 'committee', 'apologies'),
      })),
      {
        empty: 'No director was in office in the period.',
        note: 'From the meetings’ attendance records: attended means present in person or by electronic means. A meeting counts for a director when it was held while they were in office (for a committee, while they sat on it). Meetings dated in the period and not cancelled count as held.',
      },
    ),
  );
  blocks.push({ type: 'text', tone: 'note', text: `From the appointments recorded ${periodWords(p)}: a director is in office from the day appointed to the day they left office, both included. Names are as they stood at the end of the period.` });
  return { section: { id: 'board', title: 'The board', blocks }, missing };
}
