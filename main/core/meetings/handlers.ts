import type { Selectable } from 'kysely';
import { z } from 'zod';
import {
  ATTENDANCE_STATUS_LABEL,
  MEETING_KIND_LABEL,
  STANDARD_ITEMS,
  STANDARD_ITEM_TITLE,
  isMembersMeeting,
  type meetingMethods,
} from '../../../shared/contract/meetings';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { noticeVerdict } from '../../../shared/rules/notice';
import { SOCIETY_RESOLUTION_KINDS, SOCIETY_RESOLUTION_LABEL, type SocietyResolutionKind } from '../../../shared/rules/society-resolutions';
import { secondMeetingDateVerdict } from '../../../shared/rules/society-two-meeting';
import { formatLocalDateTime } from '../../../shared/rules/working-hours';
import { attendanceTimesProblem, endTimeProblem } from '../../../shared/rules/meeting-times';
import type { RegisterCtx, WriteContext } from '../context';
import { nameKey } from '../counterparties/names';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { auditView as interestAuditView, insertInterest } from '../interests/handlers';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { toRules } from '../organisation/handlers';
import type { LegalForm } from '../../../shared/domain/legal-form';
import type { RecordRef } from '../audit/state';
import { committeeMembersOn, notInOfficeReason, shortName, votingMembersOn } from './people';
import { foldName, holderKey } from './proxy-holders';
import { itemTags } from './item-tags';
import { itemNumbers } from './quorum';
import type { AgendaItemRow, AttendanceRow, MeetingRow, PaperTable, ProxyAppointmentTable, ResolutionTable } from './tables';
import { attachPaper, boardPack, notice, readPaper } from './documents';
import { defaultTitle, meetingView, meetingWords, noticeDeadline, noticeSource, summaryQuery, toSummary, ukPartOf } from './view';

// Papers, the board pack and the notice (files in and out) are in ./documents.ts.
type Input<M extends keyof typeof meetingMethods> = z.output<(typeof meetingMethods)[M]['input']>;
type MeetingFields = Omit<Input<'meetings.create'>, 'standardItems'>;

const SEALED = 'are signed and sealed: the meeting’s record cannot be changed (CA 2006 s248, s355, s1138). Record a correction at a later meeting instead.';

async function loadMeeting(tx: WriteContext, rc: RegisterCtx, id: string, field?: string): Promise<MeetingRow> {
  const m = await tx.db.selectFrom('meeting').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!m) {
    if (field) throw AppError.field(field, 'That meeting is not on record.');
    throw new AppError('NOT_FOUND', 'That meeting is not on record.');
  }
  return m;
}

/** Refuses any change to a meeting whose minutes are signed, before the SQL trigger has to. */
async function assertOpen(tx: WriteContext, m: MeetingRow): Promise<void> {
  const minutes = await tx.db.selectFrom('minutes').select(['status']).where('meeting_id', '=', m.id).where('corrects_minutes_id', 'is', null).executeTakeFirst();
  if (minutes?.status === 'signed') throw new AppError('CONFLICT', `The minutes of the ${meetingWords(m)} ${SEALED}`);
}

async function openMeeting(tx: WriteContext, rc: RegisterCtx, id: string): Promise<MeetingRow> {
  const m = await loadMeeting(tx, rc, id);
  await assertOpen(tx, m);
  return m;
}

const view = (tx: WriteContext, rc: RegisterCtx, id: string) => meetingView(tx.db, rc.org, id, rc.today);

function meetingAudit(m: MeetingRow) {
  return {
    kind: m.kind,
    title: m.title,
    committeeId: m.committee_id,
    classId: m.class_id,
    heldOn: m.held_on,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    electronicMeans: m.electronic_means,
    chairOfficerId: m.chair_officer_id,
    chairName: m.chair_name,
    status: m.status,
    cancelledReason: m.cancelled_reason,
    noticeSentAt: m.notice_sent_at,
    noticeMethod: m.notice_method,
    shortNotice: m.short_notice === 1,
    firstMeetingId: m.first_meeting_id,
    societyResolutionKind: m.society_resolution_kind,
  };
}

async function directorAppointmentsOf(tx: WriteContext, officerId: string) {
  return tx.db.selectFrom('appointment').select(['appointed_on', 'ceased_on']).where('officer_id', '=', officerId).where('role', '=', 'director').execute();
}

async function officerName(tx: WriteContext, rc: RegisterCtx, officerId: string, field: string) {
  const o = await tx.db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', officerId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!o) throw AppError.field(field, 'That director is not in the register.');
  return { full: `${o.given_names} ${o.family_name}`, short: shortName(o.given_names, o.family_name) };
}

/** Refuses a director not in office on the meeting date ("J. Patel was appointed on 3 May 2026, after this meeting on 1 April 2026"). */
async function assertDirectorOnDate(tx: WriteContext, rc: RegisterCtx, officerId: string, on: string, field: string) {
  const name = await officerName(tx, rc, officerId, field);
  const reason = notInOfficeReason(await directorAppointmentsOf(tx, officerId), name.short, on, formatLegalDate);
  if (reason) throw AppError.field(field, reason);
  return name;
}

/** Refuses an officer who is not on the committee on the meeting date. */
async function assertCommitteeMemberOn(tx: WriteContext, committeeId: string, officerId: string, on: string, field: string, name: string) {
  const members = await committeeMembersOn(tx.db, committeeId, on);
  if (!members.some((m) => m.officerId === officerId)) {
    const c = await tx.db.selectFrom('committee').select('name').where('id', '=', committeeId).executeTakeFirstOrThrow();
    throw AppError.field(field, `${name} is not a member of ${c.name} on ${formatLegalDate(on)}.`);
  }
}

/** Members of the organisation on a day (optionally of one class), each with their name. */
async function memberOnDate(tx: WriteContext, rc: RegisterCtx, memberId: string, m: MeetingRow, field: string) {
  const row = await tx.db
    .selectFrom('member')
    .select(['id', 'given_names', 'family_name', 'admitted_on', 'ceased_on', 'class_id', 'holder_kind'])
    .where('id', '=', memberId)
    .where('organisation_id', '=', rc.org.id)
    .executeTakeFirst();
  if (!row) throw AppError.field(field, 'That member is not in the register.');
  const name = `${row.given_names} ${row.family_name}`.trim();
  if (row.admitted_on > m.held_on) throw AppError.field(field, `${name} was admitted on ${formatLegalDate(row.admitted_on)}, after this meeting on ${formatLegalDate(m.held_on)}.`);
  if (row.ceased_on !== null && row.ceased_on <= m.held_on) throw AppError.field(field, `${name} ceased to be a member on ${formatLegalDate(row.ceased_on)}, before this meeting on ${formatLegalDate(m.held_on)}.`);
  if (m.class_id && row.class_id !== m.class_id) throw AppError.field(field, `${name} is not a member of the class this meeting is for.`);
  return { ...row, name };
}

function assertMembersMeeting(m: MeetingRow, what: string): void {
  if (!isMembersMeeting(m.kind)) throw new AppError('VALIDATION', `${what} belong to general and class meetings of members, not to a ${MEETING_KIND_LABEL[m.kind].toLowerCase()}.`);
}

/**
 * Checks a meeting's fields (create and update) and returns its columns. `existing` is the row
 * being changed, if any.
 */
async function meetingColumns(tx: WriteContext, rc: RegisterCtx, input: MeetingFields, existing?: MeetingRow) {
  const endProblem = endTimeProblem(input.startsAt, input.endsAt ?? null);
  if (endProblem) throw AppError.field('endsAt', endProblem);
  assertNotBeforeIncorporation(rc, input.heldOn, 'heldOn', 'A meeting');
  if (!input.place && !input.electronicMeans) {
    throw AppError.field('place', 'Give the place of the meeting, or how to attend by electronic means, or both (CA 2006 s360A: those attending need not be in one place).');
  }
  let committeeName: string | null = null;
  let className: string | null = null;
  if (input.kind === 'committee') {
    if (!input.committeeId) throw AppError.field('committeeId', 'Choose the committee that is meeting.');
    const c = await tx.db.selectFrom('committee').selectAll().where('id', '=', input.committeeId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!c) throw AppError.field('committeeId', 'That committee is not on record.');
    if (c.formed_on > input.heldOn) throw AppError.field('heldOn', `${c.name} was formed on ${formatLegalDate(c.formed_on)}, after ${formatLegalDate(input.heldOn)}.`);
    if (c.dissolved_on !== null && c.dissolved_on < input.heldOn) throw AppError.field('committeeId', `${c.name} was dissolved on ${formatLegalDate(c.dissolved_on)}; it cannot meet after that.`);
    committeeName = c.name;
  } else if (input.committeeId) {
    throw AppError.field('committeeId', 'Only a committee meeting has a committee.');
  }
  if (input.kind === 'class') {
    if (!input.classId) throw AppError.field('classId', 'Choose the class of members that is meeting.');
    const k = await tx.db.selectFrom('membership_class').select(['name']).where('id', '=', input.classId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!k) throw AppError.field('classId', 'That class of members is not on record.');
    className = k.name;
  } else if (input.classId) {
    throw AppError.field('classId', 'Only a class meeting is for one class of members.');
  }
  let chairName = input.chairName ?? null;
  if (input.chairOfficerId) {
    if (input.kind === 'board' || input.kind === 'committee') {
      const name = await assertDirectorOnDate(tx, rc, input.chairOfficerId, input.heldOn, 'chairOfficerId');
      if (input.kind === 'committee') await assertCommitteeMemberOn(tx, input.committeeId!, input.chairOfficerId, input.heldOn, 'chairOfficerId', name.short);
      chairName = input.chairName ?? name.full;
    } else {
      chairName = input.chairName ?? (await officerName(tx, rc, input.chairOfficerId, 'chairOfficerId')).full;
    }
  }
  let firstMeetingId: string | null = null;
  let societyKind: string | null = null;
  if (input.firstMeetingId || input.societyResolutionKind) {
    if (!input.firstMeetingId) throw AppError.field('firstMeetingId', 'Choose the first meeting this one confirms.');
    if (!input.societyResolutionKind || !(SOCIETY_RESOLUTION_KINDS as readonly string[]).includes(input.societyResolutionKind)) {
      throw AppError.field('societyResolutionKind', 'Choose what the resolution is for: an amalgamation, a transfer of engagements or a conversion.');
    }
    if (rc.form.family !== 'society') throw AppError.field('firstMeetingId', 'Only a registered society confirms a resolution at a second meeting (CCBS Act 2014 s111-s113).');
    if (!isMembersMeeting(input.kind)) throw AppError.field('kind', 'The confirming meeting is a general meeting of members (CCBS Act 2014 s111-s113).');
    const first = await loadMeeting(tx, rc, input.firstMeetingId, 'firstMeetingId');
    if (existing && first.id === existing.id) throw AppError.field('firstMeetingId', 'A meeting cannot confirm its own resolution.');
    if (!isMembersMeeting(first.kind)) throw AppError.field('firstMeetingId', 'The first meeting must be a general meeting of members.');
    const verdict = secondMeetingDateVerdict(input.societyResolutionKind as SocietyResolutionKind, first.held_on, input.heldOn);
    if (!verdict.ok) throw AppError.field('heldOn', `${SOCIETY_RESOLUTION_LABEL[input.societyResolutionKind as SocietyResolutionKind]}: ${verdict.message}`);
    firstMeetingId = first.id;
    societyKind = input.societyResolutionKind;
  }
  return {
    kind: input.kind,
    title: input.title ?? (existing && existing.kind === input.kind ? existing.title : defaultTitle(input.kind, input.heldOn, committeeName, className)),
    committee_id: input.kind === 'committee' ? input.committeeId! : null,
    class_id: input.kind === 'class' ? input.classId! : null,
    held_on: input.heldOn,
    starts_at: input.startsAt,
    ends_at: input.endsAt ?? null,
    place: input.place ?? null,
    electronic_means: input.electronicMeans ?? null,
    chair_officer_id: input.chairOfficerId ?? null,
    chair_name: chairName,
    first_meeting_id: firstMeetingId,
    society_resolution_kind: societyKind,
  };
}

/** Sets positions 0..n-1 among an item's siblings in the order given; returns the items whose position changed. */
async function renumber(tx: WriteContext, siblings: readonly Pick<AgendaItemRow, 'id' | 'position'>[]): Promise<RecordRef[]> {
  const changed: RecordRef[] = [];
  for (const [i, s] of siblings.entries()) {
    if (s.position === i) continue;
    await tx.db.updateTable('agenda_item').set({ position: i }).where('id', '=', s.id).execute();
    changed.push({ type: 'agenda_item', id: s.id });
  }
  return changed;
}

async function siblingsOf(tx: WriteContext, meetingId: string, parentId: string | null): Promise<AgendaItemRow[]> {
  let q = tx.db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return (await q.orderBy('position').orderBy('id').execute()) as AgendaItemRow[];
}

/** Whether the words name the organisation on the list (case and spacing ignored, as the list compares names). */
async function namesCounterparty(tx: WriteContext, counterpartyId: string, words: string): Promise<boolean> {
  const p = await tx.db.selectFrom('counterparty').select(['name_key']).where('id', '=', counterpartyId).executeTakeFirst();
  return p !== undefined && nameKey(words) === p.name_key;
}

async function itemNumberOf(tx: WriteContext, meetingId: string, itemId: string): Promise<string> {
  const items = await tx.db.selectFrom('agenda_item').select(['id', 'parent_id', 'position']).where('meeting_id', '=', meetingId).execute();
  return itemNumbers(items).get(itemId) ?? '';
}

/** A meeting's own records that a change reaches by their id, with the words for one not found. */
const NOT_ON_RECORD = {
  agenda_item: 'That agenda item is not on record.',
  attendance: 'That attendance entry is not on record.',
  proxy_appointment: 'That proxy appointment is not on record.',
  resolution: 'That resolution is not on record.',
  paper: 'That paper is not on record.',
} as const;

interface ChildRows {
  agenda_item: AgendaItemRow;
  attendance: AttendanceRow;
  proxy_appointment: Selectable<ProxyAppointmentTable>;
  resolution: Selectable<ResolutionTable>;
  /** A paper belongs to an item; its meeting is the item's. */
  paper: Selectable<PaperTable> & { meeting_id: string };
}

/**
 * Loads one of a meeting's records by id, with its meeting: NOT_FOUND (in the record's own words)
 * when it is not there or its meeting is another organisation's, CONFLICT when the meeting's
 * minutes are signed (assertOpen). Every change to an item, attendance entry, proxy appointment,
 * resolution or paper starts here.
 */
async function loadInMeeting<T extends keyof ChildRows>(tx: WriteContext, rc: RegisterCtx, table: T, id: string): Promise<{ row: ChildRows[T]; meeting: MeetingRow }> {
  const row = (
    table === 'paper'
      ? await tx.db.selectFrom('paper as c').innerJoin('agenda_item as i', 'i.id', 'c.agenda_item_id').selectAll('c').select('i.meeting_id').where('c.id', '=', id).executeTakeFirst()
      : await tx.db.selectFrom(table as Exclude<keyof ChildRows, 'paper'>).selectAll().where('id', '=', id).executeTakeFirst()
  ) as ChildRows[T] | undefined;
  const meeting = row ? await tx.db.selectFrom('meeting').selectAll().where('id', '=', row.meeting_id).where('organisation_id', '=', rc.org.id).executeTakeFirst() : undefined;
  if (!row || !meeting) throw new AppError('NOT_FOUND', NOT_ON_RECORD[table]);
  await assertOpen(tx, meeting);
  return { row, meeting };
}

async function loadItem(tx: WriteContext, rc: RegisterCtx, id: string) {
  const { row, meeting } = await loadInMeeting(tx, rc, 'agenda_item', id);
  return { item: row, meeting };
}

function itemAudit(
  i: Pick<AgendaItemRow, 'parent_id' | 'position' | 'title' | 'presenter' | 'purpose' | 'minutes_allotted' | 'standard' | 'related_organisation' | 'contract_ref' | 'starts_at' | 'notes'> & Partial<Pick<AgendaItemRow, 'counterparty_id' | 'contract_id'>>,
) {
  return {
    // The links to the list of organisations and to a contract (issue 10), only where set.
    ...(i.counterparty_id ? { counterpartyId: i.counterparty_id } : {}),
    ...(i.contract_id ? { contractId: i.contract_id } : {}),
    parentId: i.parent_id,
    position: i.position,
    title: i.title,
    presenter: i.presenter,
    purpose: i.purpose,
    minutesAllotted: i.minutes_allotted,
    standard: i.standard,
    relatedOrganisation: i.related_organisation,
    contractRef: i.contract_ref,
    startsAt: i.starts_at,
    notes: i.notes,
  };
}

function attendanceAudit(a: Pick<AttendanceRow, 'role' | 'officer_id' | 'member_id' | 'name' | 'capacity' | 'status' | 'arrived_at' | 'left_at' | 'proxy_appointment_id'>) {
  return {
    role: a.role,
    officerId: a.officer_id,
    memberId: a.member_id,
    name: a.name,
    capacity: a.capacity,
    status: a.status,
    arrivedAt: a.arrived_at,
    leftAt: a.left_at,
    proxyAppointmentId: a.proxy_appointment_id,
  };
}

/** Arrival and departure times that make sense for the meeting. */
function checkTimes(m: MeetingRow, name: string, status: string, arrivedAt: string | null, leftAt: string | null): void {
  const present = status === 'present' || status === 'present_electronically';
  if (!present && (arrivedAt || leftAt)) {
    throw AppError.field(arrivedAt ? 'arrivedAt' : 'leftAt', `Arrival and departure times are for someone present; ${ATTENDANCE_STATUS_LABEL[status as 'absent'].toLowerCase()} has none.`);
  }
  // shared/rules/meeting-times.ts: arrival within the meeting, departure after the start and the arrival.
  const meeting = { startsAt: m.starts_at, endsAt: m.ends_at };
  const arrival = attendanceTimesProblem({ name, arrivedAt, leftAt: null }, meeting);
  if (arrival) throw AppError.field('arrivedAt', arrival);
  const departure = attendanceTimesProblem({ name, arrivedAt, leftAt }, meeting);
  if (departure) throw AppError.field('leftAt', departure);
  if (leftAt && m.ends_at && leftAt > m.ends_at) throw AppError.field('leftAt', `The meeting ended at ${m.ends_at}; a departure at ${leftAt} is after it.`);
}

function attendanceWords(status: string, arrivedAt: string | null, leftAt: string | null): string {
  if (status === 'apologies') return 'sent apologies';
  if (status === 'absent') return 'absent';
  const how = status === 'present_electronically' ? ' (by electronic means)' : '';
  if (arrivedAt && leftAt) return `present ${arrivedAt} to ${leftAt}${how}`;
  if (leftAt) return `left ${leftAt}${how}`;
  if (arrivedAt) return `arrived ${arrivedAt}${how}`;
  return `present${how}`;
}

async function rulesOf(tx: WriteContext, rc: RegisterCtx) {
  return toRules(await tx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow(), rc.org.legal_form as LegalForm);
}

/** Refuses a change to what the notice said once notice has been given. */
function assertNoticeNotGiven(m: MeetingRow, what: string): void {
  if (m.notice_sent_at) {
    throw new AppError(
      'CONFLICT',
      `Notice of the ${meetingWords(m)} was given at ${formatLocalDateTime(m.notice_sent_at)}; ${what} would change what members were told. Give fresh notice for a new or changed resolution.`,
    );
  }
}

export const meetingsHandlers = defineHandlers('meetings', {
  'meetings.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    const rules = toRules(await ctx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow(), rc.legalForm);
    let q = summaryQuery(ctx.db).where('m.organisation_id', '=', rc.org.id);
    if (input.kind) q = q.where('m.kind', '=', input.kind);
    if (input.when === 'upcoming') q = q.where('m.held_on', '>=', rc.today).orderBy('m.held_on', 'asc').orderBy('m.starts_at', 'asc');
    else {
      if (input.when === 'past') q = q.where('m.held_on', '<', rc.today);
      q = q.orderBy('m.held_on', 'desc').orderBy('m.starts_at', 'desc');
    }
    const rows = await q.limit(input.limit).execute();
    const part = ukPartOf(rc.org);
    return rows.map((r) => toSummary(r, noticeDeadline(r, rules, part)));
  }),

  'meetings.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return meetingView(ctx.db, rc.org, input.id, rc.today);
  }),

  'meetings.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    const cols = await meetingColumns(tx, rc, input);
    const at = tx.who.at;
    const row: MeetingRow = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      ...cols,
      status: 'planned',
      cancelled_reason: null,
      notice_sent_at: null,
      notice_method: null,
      short_notice: 0,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('meeting').values(row).execute();
    const records: RecordRef[] = [{ type: 'meeting', id: row.id }];
    if (input.standardItems) {
      const items = STANDARD_ITEMS.map((standard, position) => ({
        id: uuidv7(),
        meeting_id: row.id,
        parent_id: null,
        position,
        title: STANDARD_ITEM_TITLE[standard],
        presenter: null,
        purpose: standard === 'previous_minutes' ? ('decision' as const) : ('information' as const),
        minutes_allotted: null,
        standard,
        related_organisation: null,
        contract_ref: null,
        starts_at: null,
        notes: null,
        created_at: at,
        updated_at: at,
      }));
      await tx.db.insertInto('agenda_item').values(items).execute();
      records.push(...items.map((i) => ({ type: 'agenda_item', id: i.id })));
    }
    tx.audit({
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: row.id,
      summary: `${meetingWords(row)} planned at ${row.starts_at}${input.standardItems ? ', with the standard items' : ''}`,
      before: null,
      after: meetingAudit(row),
      records,
    });
    return view(tx, rc, row.id);
  }),

  'meetings.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await openMeeting(tx, rc, input.id);
    if (input.kind !== before.kind) throw AppError.field('kind', `The kind of a meeting cannot change once planned; cancel this ${MEETING_KIND_LABEL[before.kind].toLowerCase()} and plan a new meeting.`);
    const cols = await meetingColumns(tx, rc, input, before);
    if (before.notice_sent_at && cols.held_on !== before.held_on) {
      throw AppError.field('heldOn', `Notice of this meeting was given for ${formatLegalDate(before.held_on)}; a new date needs fresh notice: cancel this meeting and plan a new one.`);
    }
    const after: MeetingRow = { ...before, ...cols, updated_at: tx.who.at };
    const changed = Object.keys(cols).filter((k) => before[k as keyof MeetingRow] !== after[k as keyof MeetingRow]);
    if (changed.length === 0) return view(tx, rc, before.id);
    const { id: _id, ...set } = after;
    await tx.db.updateTable('meeting').set(set).where('id', '=', before.id).execute();
    tx.audit({
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: before.id,
      summary: `${meetingWords(before)}: ${changed.map((k) => k.replaceAll('_', ' ')).join(', ')} changed`,
      before: meetingAudit(before),
      after: meetingAudit(after),
    });
    return view(tx, rc, before.id);
  }),

  'meetings.setStatus': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await openMeeting(tx, rc, input.id);
    if (before.status === 'minutes_approved') throw new AppError('CONFLICT', `The minutes of the ${meetingWords(before)} are approved; the meeting was held and stays so.`);
    let status: MeetingRow['status'] = input.status;
    let reason: string | null = null;
    let action: 'meeting.held' | 'meeting.cancelled' | 'meeting.replanned';
    if (input.status === 'held') {
      if (before.held_on > rc.today) {
        throw AppError.field('status', `The ${meetingWords(before)} cannot be marked held before its date; today is ${formatLegalDate(rc.today)}.`);
      }
      if (before.status === 'cancelled') throw AppError.field('status', 'This meeting was cancelled; set it back to planned first if it did take place.');
      action = 'meeting.held';
    } else if (input.status === 'cancelled') {
      if (!input.reason) throw AppError.field('reason', 'Give the reason the meeting is cancelled.');
      if (before.status === 'held') throw AppError.field('status', 'This meeting has been held; it cannot be cancelled. Set it back to planned first if it was marked held by mistake.');
      reason = input.reason;
      action = 'meeting.cancelled';
    } else {
      // Back to planned; with notice on record it is "notice given" again.
      if (before.notice_sent_at) status = 'notice_given';
      action = 'meeting.replanned';
    }
    if (status === before.status && reason === before.cancelled_reason) return view(tx, rc, before.id);
    await tx.db.updateTable('meeting').set({ status, cancelled_reason: reason, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    const after = { ...before, status, cancelled_reason: reason };
    tx.audit({
      action,
      entityType: 'meeting',
      entityId: before.id,
      summary: `${meetingWords(before)}: ${action === 'meeting.held' ? 'marked held' : action === 'meeting.cancelled' ? 'cancelled' : 'set back to planned'}`,
      before: meetingAudit(before),
      after: meetingAudit(after),
    });
    return view(tx, rc, before.id);
  }),

  'meetings.recordNotice': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await openMeeting(tx, rc, input.id);
    if (before.status === 'cancelled') throw new AppError('CONFLICT', `The ${meetingWords(before)} was cancelled; there is no notice to record.`);
    const sentOn = input.sentAt.slice(0, 10);
    if (sentOn > before.held_on || (sentOn === before.held_on && input.sentAt.slice(11) >= before.starts_at)) {
      throw AppError.field('sentAt', `Notice sent on ${formatLegalDate(sentOn)} is after the meeting on ${formatLegalDate(before.held_on)}.`);
    }
    assertNotFuture(rc, sentOn, 'sentAt', 'Notice');
    assertNotBeforeIncorporation(rc, sentOn, 'sentAt', 'Notice');
    let short = input.shortNotice;
    let verdictWords = '';
    if (isMembersMeeting(before.kind)) {
      const rules = await rulesOf(tx, rc);
      const verdict = noticeVerdict({
        sentAt: input.sentAt,
        method: input.method,
        meetingOn: before.held_on,
        requiredClearDays: rules.gmNoticeClearDays,
        part: ukPartOf(rc.org),
        source: noticeSource(rc.legalForm),
      });
      if (!verdict.ok && !input.shortNotice) {
        throw AppError.field(
          'sentAt',
          rc.form.family === 'company'
            ? `${verdict.message} The meeting can be held on shorter notice only if enough members agree (CA 2006 s307(4)-(6)): record it as short notice, then their consents.`
            : `${verdict.message} Your registered rules decide whether it can be held on shorter notice (the CCBS Act 2014 is silent): if they allow it, record it as short notice, then the members' consents.`,
        );
      }
      if (verdict.ok) short = false;
      verdictWords = ` (${verdict.message.replace(/\.$/, '')}${!verdict.ok ? '; held at short notice' : ''})`;
    }
    const after: MeetingRow = {
      ...before,
      notice_sent_at: input.sentAt,
      notice_method: input.method,
      short_notice: short ? 1 : 0,
      status: before.status === 'planned' ? 'notice_given' : before.status,
      updated_at: tx.who.at,
    };
    await tx.db
      .updateTable('meeting')
      .set({ notice_sent_at: after.notice_sent_at, notice_method: after.notice_method, short_notice: after.short_notice, status: after.status, updated_at: after.updated_at })
      .where('id', '=', before.id)
      .execute();
    tx.audit({
      action: 'meeting.notice_recorded',
      entityType: 'meeting',
      entityId: before.id,
      summary: `${meetingWords(before)}: notice ${input.method === 'post' ? 'posted' : input.method === 'hand' ? 'delivered by hand' : 'sent electronically'} at ${formatLocalDateTime(input.sentAt)}${verdictWords}`,
      before: meetingAudit(before),
      after: meetingAudit(after),
    });
    return view(tx, rc, before.id);
  }),

  'meetings.recordConsent': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.id);
    assertMembersMeeting(m, 'Consents to short notice');
    const member = await memberOnDate(tx, rc, input.memberId, m, 'memberId');
    const existing = await tx.db.selectFrom('short_notice_consent').selectAll().where('meeting_id', '=', m.id).where('member_id', '=', member.id).executeTakeFirst();
    if (input.withdraw) {
      if (!existing) throw AppError.field('memberId', `No consent to short notice is recorded for ${member.name}.`);
      await tx.db.deleteFrom('short_notice_consent').where('id', '=', existing.id).execute();
      tx.audit({
        action: 'meeting.consent_withdrawn',
        entityType: 'short_notice_consent',
        entityId: existing.id,
        summary: `${meetingWords(m)}: consent to short notice withdrawn`,
        before: { memberId: existing.member_id, consentedOn: existing.consented_on },
        after: null,
      });
      return view(tx, rc, m.id);
    }
    if (existing) throw AppError.field('memberId', `${member.name}'s consent to short notice is already recorded (given on ${formatLegalDate(existing.consented_on)}).`);
    if (input.consentedOn > m.held_on) throw AppError.field('consentedOn', `Consent given on ${formatLegalDate(input.consentedOn)} is after the meeting on ${formatLegalDate(m.held_on)}.`);
    assertNotFuture(rc, input.consentedOn, 'consentedOn', 'A consent');
    assertNotBeforeIncorporation(rc, input.consentedOn, 'consentedOn', 'A consent');
    const voters = await votingMembersOn(tx.db, rc.org.id, m.held_on, m.class_id);
    if (!voters.some((v) => v.memberId === member.id && v.votes > 0)) {
      throw AppError.field('memberId', `${member.name} has no vote at this meeting; only members entitled to attend and vote consent to short notice (CA 2006 s307(5)).`);
    }
    const row = { id: uuidv7(), meeting_id: m.id, member_id: member.id, consented_on: input.consentedOn, created_at: tx.who.at };
    await tx.db.insertInto('short_notice_consent').values(row).execute();
    tx.audit({
      action: 'meeting.consent_recorded',
      entityType: 'short_notice_consent',
      entityId: row.id,
      summary: `${meetingWords(m)}: consent to short notice recorded (given ${formatLegalDate(input.consentedOn)})`,
      before: null,
      after: { memberId: row.member_id, consentedOn: row.consented_on },
    });
    return view(tx, rc, m.id);
  }),

  'meetings.addItem': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await tx.db.selectFrom('agenda_item').select(['id', 'parent_id', 'title']).where('id', '=', input.parentId).where('meeting_id', '=', m.id).executeTakeFirst();
      if (!parent) throw AppError.field('parentId', 'That item is not on this meeting’s agenda.');
      if (parent.parent_id !== null) throw AppError.field('parentId', `“${parent.title}” is already a sub-item; sub-items go one level deep.`);
      parentId = parent.id;
    }
    const siblings = await siblingsOf(tx, m.id, parentId);
    let index = siblings.length;
    if (input.afterId) {
      const at = siblings.findIndex((s) => s.id === input.afterId);
      if (at < 0) throw AppError.field('afterId', 'That item is not among the items this one would follow.');
      index = at + 1;
    } else if (parentId === null && input.standard !== 'aob') {
      // Any other business stays last.
      const aob = siblings.findIndex((s) => s.standard === 'aob');
      if (aob >= 0) index = aob;
    }
    const at = tx.who.at;
    const tags = await itemTags(tx, rc, input, null);
    const row: AgendaItemRow = {
      id: uuidv7(),
      meeting_id: m.id,
      parent_id: parentId,
      position: index,
      title: input.title,
      presenter: input.presenter ?? null,
      purpose: input.purpose,
      minutes_allotted: input.minutesAllotted ?? null,
      standard: input.standard ?? null,
      ...tags,
      starts_at: null,
      notes: null,
      created_at: at,
      updated_at: at,
    };
    const shifted: RecordRef[] = [];
    for (const [i, s] of siblings.entries()) {
      const want = i < index ? i : i + 1;
      if (s.position !== want) {
        await tx.db.updateTable('agenda_item').set({ position: want }).where('id', '=', s.id).execute();
        shifted.push({ type: 'agenda_item', id: s.id });
      }
    }
    await tx.db.insertInto('agenda_item').values(row).execute();
    const number = await itemNumberOf(tx, m.id, row.id);
    tx.audit({
      action: 'agenda.item_added',
      entityType: 'agenda_item',
      entityId: row.id,
      summary: `${meetingWords(m)}: item ${number} “${row.title}” added`,
      before: null,
      after: itemAudit(row),
      records: [{ type: 'agenda_item', id: row.id }, ...shifted],
    });
    return view(tx, rc, m.id);
  }),

  'meetings.updateItem': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { item: before, meeting: m } = await loadItem(tx, rc, input.id);
    if (input.startsAt) {
      if (input.startsAt < m.starts_at) throw AppError.field('startsAt', `The meeting started at ${m.starts_at}; an item cannot be taken at ${input.startsAt}, before it.`);
      if (m.ends_at && input.startsAt > m.ends_at) throw AppError.field('startsAt', `The meeting ended at ${m.ends_at}; an item cannot be taken at ${input.startsAt}, after it.`);
    }
    const after: AgendaItemRow = {
      ...before,
      title: input.title,
      presenter: input.presenter ?? null,
      purpose: input.purpose,
      minutes_allotted: input.minutesAllotted ?? null,
      ...(await itemTags(tx, rc, input, before)),
      notes: input.notes ?? null,
      starts_at: input.startsAt ?? null,
      updated_at: tx.who.at,
    };
    const a = itemAudit(after);
    const b = itemAudit(before);
    const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]);
    if (changed.length === 0) return view(tx, rc, m.id);
    const { id: _id, ...set } = after;
    await tx.db.updateTable('agenda_item').set(set).where('id', '=', before.id).execute();
    const number = await itemNumberOf(tx, m.id, before.id);
    const words = changed.length === 1 && changed[0] === 'startsAt' && after.starts_at ? `taken at ${after.starts_at}` : `${changed.join(', ')} changed`;
    tx.audit({ action: 'agenda.item_changed', entityType: 'agenda_item', entityId: before.id, summary: `${meetingWords(m)}: item ${number} ${words}`, before: b, after: a });
    return view(tx, rc, m.id);
  }),

  'meetings.moveItem': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { item, meeting: m } = await loadItem(tx, rc, input.id);
    const siblings = await siblingsOf(tx, m.id, item.parent_id);
    const i = siblings.findIndex((s) => s.id === item.id);
    const j = input.direction === 'up' ? i - 1 : i + 1;
    const number = await itemNumberOf(tx, m.id, item.id);
    if (j < 0 || j >= siblings.length) throw new AppError('CONFLICT', `Item ${number} is already ${input.direction === 'up' ? 'first' : 'last'}${item.parent_id ? ' among its sub-items' : ''}.`);
    const order = [...siblings];
    [order[i], order[j]] = [order[j]!, order[i]!];
    const changed = await renumber(tx, order);
    tx.audit({
      action: 'agenda.item_moved',
      entityType: 'agenda_item',
      entityId: item.id,
      summary: `${meetingWords(m)}: item ${number} “${item.title}” moved ${input.direction}`,
      before: { position: item.position },
      after: { position: j },
      records: changed,
    });
    return view(tx, rc, m.id);
  }),

  'meetings.removeItem': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { item, meeting: m } = await loadItem(tx, rc, input.id);
    const number = await itemNumberOf(tx, m.id, item.id);
    const children = await tx.db.selectFrom('agenda_item').selectAll().where('parent_id', '=', item.id).execute();
    const ids = [item.id, ...children.map((c) => c.id)];
    const decisions = await tx.db.selectFrom('decision').select((eb) => eb.fn.countAll<number>().as('n')).where('agenda_item_id', 'in', ids).executeTakeFirstOrThrow();
    if (Number(decisions.n) > 0) {
      throw new AppError('CONFLICT', `Item ${number} “${item.title}” has ${Number(decisions.n)} decision${Number(decisions.n) === 1 ? '' : 's'} recorded; a decision is part of the meeting’s record, so the item stays.`);
    }
    const actions = await tx.db.selectFrom('action_item').select((eb) => eb.fn.countAll<number>().as('n')).where('agenda_item_id', 'in', ids).executeTakeFirstOrThrow();
    if (Number(actions.n) > 0) throw new AppError('CONFLICT', `Item ${number} “${item.title}” has actions agreed under it; move or remove those first.`);
    const papers = await tx.db.selectFrom('paper').select('id').where('agenda_item_id', 'in', ids).execute();
    const resolutions = await tx.db.selectFrom('resolution').select('id').where('agenda_item_id', 'in', ids).execute();
    const declarations = await tx.db.selectFrom('meeting_declaration').select('id').where('agenda_item_id', 'in', ids).execute();
    if (papers.length) await tx.db.deleteFrom('paper').where('agenda_item_id', 'in', ids).execute();
    // A resolution or declaration outlives the item it was filed under: it stays with the meeting.
    if (resolutions.length) await tx.db.updateTable('resolution').set({ agenda_item_id: null }).where('agenda_item_id', 'in', ids).execute();
    if (declarations.length) await tx.db.updateTable('meeting_declaration').set({ agenda_item_id: null }).where('agenda_item_id', 'in', ids).execute();
    if (children.length) await tx.db.deleteFrom('agenda_item').where('parent_id', '=', item.id).execute();
    await tx.db.deleteFrom('agenda_item').where('id', '=', item.id).execute();
    const renumbered = await renumber(tx, await siblingsOf(tx, m.id, item.parent_id));
    tx.audit({
      action: 'agenda.item_removed',
      entityType: 'agenda_item',
      entityId: item.id,
      summary: `${meetingWords(m)}: item ${number} “${item.title}” removed${children.length ? ` with ${children.length} sub-item${children.length === 1 ? '' : 's'}` : ''}${papers.length ? ` and ${papers.length} paper${papers.length === 1 ? '' : 's'}` : ''}`,
      before: { ...itemAudit(item), subItems: children.map(itemAudit), papers: papers.length },
      after: null,
      records: [
        ...ids.map((id) => ({ type: 'agenda_item', id })),
        ...papers.map((p) => ({ type: 'paper', id: p.id })),
        ...resolutions.map((r) => ({ type: 'resolution', id: r.id })),
        ...declarations.map((d) => ({ type: 'meeting_declaration', id: d.id })),
        ...renumbered,
      ],
    });
    return view(tx, rc, m.id);
  }),

  'meetings.attachPaper': attachPaper,

  'meetings.removePaper': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { row: paper, meeting: m } = await loadInMeeting(tx, rc, 'paper', input.id);
    await tx.db.deleteFrom('paper').where('id', '=', paper.id).execute();
    const rest = await tx.db.selectFrom('paper').select(['id', 'position']).where('agenda_item_id', '=', paper.agenda_item_id).orderBy('position').execute();
    const renumbered: RecordRef[] = [];
    for (const [i, p] of rest.entries()) {
      if (p.position === i) continue;
      await tx.db.updateTable('paper').set({ position: i }).where('id', '=', p.id).execute();
      renumbered.push({ type: 'paper', id: p.id });
    }
    const number = await itemNumberOf(tx, m.id, paper.agenda_item_id);
    tx.audit({
      action: 'paper.removed',
      entityType: 'paper',
      entityId: paper.id,
      summary: `${meetingWords(m)}: paper “${paper.title}” removed from item ${number}`,
      before: { agendaItemId: paper.agenda_item_id, documentId: paper.document_id, title: paper.title, fileName: paper.file_name, kind: paper.kind },
      after: null,
      records: [{ type: 'paper', id: paper.id }, ...renumbered],
    });
    return view(tx, rc, m.id);
  }),

  'meetings.readPaper': readPaper,

  'meetings.setAttendance': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    if (m.status === 'cancelled') throw new AppError('CONFLICT', `The ${meetingWords(m)} was cancelled; there is no attendance to record.`);
    if (Boolean(input.officerId) === Boolean(input.memberId)) {
      throw AppError.field(isMembersMeeting(m.kind) ? 'memberId' : 'officerId', isMembersMeeting(m.kind) ? 'Choose the member.' : 'Choose the director.');
    }
    let role: 'director' | 'member';
    let name: string;
    let key: { officer_id: string | null; member_id: string | null };
    if (!isMembersMeeting(m.kind)) {
      if (!input.officerId) throw AppError.field('memberId', `A ${MEETING_KIND_LABEL[m.kind].toLowerCase()} records directors; add anyone else as in attendance.`);
      const n = await assertDirectorOnDate(tx, rc, input.officerId, m.held_on, 'officerId');
      if (m.kind === 'committee') await assertCommitteeMemberOn(tx, m.committee_id!, input.officerId, m.held_on, 'officerId', n.short);
      role = 'director';
      name = n.full;
      key = { officer_id: input.officerId, member_id: null };
    } else {
      if (!input.memberId) throw AppError.field('officerId', 'A meeting of members records members; add directors or others as in attendance.');
      const member = await memberOnDate(tx, rc, input.memberId, m, 'memberId');
      if (member.holder_kind === 'organisation') {
        throw AppError.field('memberId', `${member.name} is an organisation: it attends through the person it authorises (CA 2006 s323); add them as its corporate representative.`);
      }
      role = 'member';
      name = member.name;
      key = { officer_id: null, member_id: member.id };
    }
    let q = tx.db.selectFrom('attendance').selectAll().where('meeting_id', '=', m.id).where('role', '=', role);
    q = role === 'director' ? q.where('officer_id', '=', key.officer_id) : q.where('member_id', '=', key.member_id);
    const before = await q.executeTakeFirst();
    const present = input.status === 'present' || input.status === 'present_electronically';
    // Times left out keep what was recorded (marking a departure does not forget the arrival).
    const arrivedAt = present ? (input.arrivedAt ?? before?.arrived_at ?? null) : null;
    const leftAt = present ? (input.leftAt ?? before?.left_at ?? null) : null;
    const short = name.includes(' ') ? shortName(name.slice(0, name.lastIndexOf(' ')), name.slice(name.lastIndexOf(' ') + 1)) : name;
    if (!present) checkTimes(m, short, input.status, input.arrivedAt ?? null, input.leftAt ?? null);
    checkTimes(m, short, input.status, arrivedAt, leftAt);
    const at = tx.who.at;
    let id: string;
    if (before) {
      if (before.status === input.status && before.arrived_at === arrivedAt && before.left_at === leftAt) return view(tx, rc, m.id);
      await tx.db.updateTable('attendance').set({ status: input.status, arrived_at: arrivedAt, left_at: leftAt, updated_at: at }).where('id', '=', before.id).execute();
      id = before.id;
    } else {
      id = uuidv7();
      await tx.db
        .insertInto('attendance')
        .values({ id, meeting_id: m.id, role, ...key, name, capacity: null, status: input.status, arrived_at: arrivedAt, left_at: leftAt, proxy_appointment_id: null, created_at: at, updated_at: at })
        .execute();
    }
    const words =
      before && present && leftAt && leftAt !== before.left_at
        ? `left ${leftAt}`
        : before && present && arrivedAt && arrivedAt !== before.arrived_at
          ? `arrived ${arrivedAt}`
          : attendanceWords(input.status, arrivedAt, leftAt);
    tx.audit({
      action: 'attendance.recorded',
      entityType: 'attendance',
      entityId: id,
      summary: `${meetingWords(m)}: ${short} ${words}`,
      before: before ? attendanceAudit(before) : null,
      after: attendanceAudit({ role, ...key, name, capacity: before?.capacity ?? null, status: input.status, arrived_at: arrivedAt, left_at: leftAt, proxy_appointment_id: null }),
    });
    return view(tx, rc, m.id);
  }),

  'meetings.addAttendee': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    if (input.arrivedAt) checkTimes(m, input.name, input.status, input.arrivedAt, null);
    let memberId: string | null = null;
    let proxyAppointmentId: string | null = null;
    if (input.role === 'proxy') {
      assertMembersMeeting(m, 'Proxies');
      let q = tx.db.selectFrom('proxy_appointment').selectAll().where('meeting_id', '=', m.id).where('revoked_at', 'is', null);
      if (input.memberId) q = q.where('member_id', '=', input.memberId);
      // The holder by name, case, spaces and punctuation ignored (a member holder's appointments carry their register name).
      const appointments = (await q.orderBy('received_at').execute()).filter((p) => foldName(p.proxy_name) === foldName(input.name));
      if (appointments.length === 0) {
        throw AppError.field(
          'name',
          `No proxy appointment naming ${input.name}${input.memberId ? ' for that member' : ''} is recorded for this meeting (or it was revoked); record the appointment first (CA 2006 s324).`,
        );
      }
      proxyAppointmentId = appointments[0]!.id;
      memberId = null;
    } else if (input.role === 'corporate_representative') {
      assertMembersMeeting(m, 'Corporate representatives');
      if (!input.memberId) throw AppError.field('memberId', 'Choose the member organisation they represent (CA 2006 s323).');
      const member = await memberOnDate(tx, rc, input.memberId, m, 'memberId');
      if (member.holder_kind !== 'organisation') throw AppError.field('memberId', `${member.name} is not an organisation; only a corporation appoints a representative (CA 2006 s323).`);
      memberId = member.id;
    } else if (input.memberId) {
      throw AppError.field('memberId', 'Someone in attendance is not there for a member; record members’ own attendance with their entry.');
    }
    const at = tx.who.at;
    const row: AttendanceRow = {
      id: uuidv7(),
      meeting_id: m.id,
      role: input.role,
      officer_id: null,
      member_id: memberId,
      name: input.name,
      capacity: input.capacity ?? null,
      status: input.status,
      arrived_at: input.arrivedAt ?? null,
      left_at: null,
      proxy_appointment_id: proxyAppointmentId,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('attendance').values(row).execute();
    const as = input.role === 'proxy' ? 'as a proxy' : input.role === 'corporate_representative' ? 'as a corporate representative' : `in attendance${input.capacity ? ` (${input.capacity})` : ''}`;
    tx.audit({
      action: 'attendance.recorded',
      entityType: 'attendance',
      entityId: row.id,
      summary: `${meetingWords(m)}: ${input.name} ${as}`,
      before: null,
      after: attendanceAudit(row),
    });
    return view(tx, rc, m.id);
  }),

  'meetings.removeAttendee': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { row, meeting: m } = await loadInMeeting(tx, rc, 'attendance', input.id);
    await tx.db.deleteFrom('attendance').where('id', '=', row.id).execute();
    tx.audit({
      action: 'attendance.removed',
      entityType: 'attendance',
      entityId: row.id,
      summary: `${meetingWords(m)}: attendance entry for ${row.name} removed`,
      before: attendanceAudit(row),
      after: null,
    });
    return view(tx, rc, m.id);
  }),

  'meetings.recordProxy': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    assertMembersMeeting(m, 'Proxies');
    const rules = await rulesOf(tx, rc);
    if (!rules.proxiesAllowed) {
      throw AppError.field('proxyName', rc.form.family === 'society' ? 'Your registered rules do not allow proxies (a society’s members have no statutory right to one); change the governing rules if they do.' : 'Your governing rules say proxies are not allowed; check them (CA 2006 s324 gives every member of a company the right to appoint one).');
    }
    const member = await memberOnDate(tx, rc, input.memberId, m, 'memberId');
    const voters = await votingMembersOn(tx.db, rc.org.id, m.held_on, m.class_id);
    if (!voters.some((v) => v.memberId === member.id)) throw AppError.field('memberId', `${member.name} is not entitled to attend and vote at this meeting, so cannot appoint a proxy.`);
    const meetingAt = `${m.held_on}T${m.starts_at}`;
    if (input.receivedAt >= meetingAt) throw AppError.field('receivedAt', `An appointment received at ${formatLocalDateTime(input.receivedAt)} came after the meeting began at ${formatLocalDateTime(meetingAt)}.`);
    assertNotFuture(rc, input.receivedAt.slice(0, 10), 'receivedAt', 'A proxy appointment');
    assertNotBeforeIncorporation(rc, input.receivedAt.slice(0, 10), 'receivedAt', 'A proxy appointment');
    // The holder: a member (by id, so that one person holding several appointments is one
    // qualifying person, CA 2006 s318(3)), or anyone else by the name the appointment gives.
    let holder: { proxy_member_id: string | null; proxy_name: string; field: 'proxyMemberId' | 'proxyName' };
    if (input.proxyMemberId) {
      if (input.proxyMemberId === member.id) throw AppError.field('proxyMemberId', `${member.name} cannot be their own proxy; a proxy attends and votes in a member’s place (CA 2006 s324).`);
      const h = await memberOnDate(tx, rc, input.proxyMemberId, m, 'proxyMemberId');
      holder = { proxy_member_id: h.id, proxy_name: h.name, field: 'proxyMemberId' };
    } else if (input.proxyName) {
      holder = { proxy_member_id: null, proxy_name: input.proxyName, field: 'proxyName' };
    } else {
      throw AppError.field('proxyName', 'Choose the member appointed as proxy, or give the name of the proxy if they are not a member.');
    }
    const dup = await tx.db
      .selectFrom('proxy_appointment')
      .select(['proxy_name', 'proxy_member_id'])
      .where('meeting_id', '=', m.id)
      .where('member_id', '=', member.id)
      .where('revoked_at', 'is', null)
      .execute();
    if (dup.some((d) => holderKey(d) === holderKey(holder))) throw AppError.field(holder.field, `${member.name} has already appointed ${holder.proxy_name} as proxy for this meeting.`);
    const at = tx.who.at;
    const row = {
      id: uuidv7(),
      meeting_id: m.id,
      member_id: member.id,
      proxy_name: holder.proxy_name,
      proxy_member_id: holder.proxy_member_id,
      received_at: input.receivedAt,
      instructions: input.instructions ?? null,
      revoked_at: null,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('proxy_appointment').values(row).execute();
    tx.audit({
      action: 'proxy.recorded',
      entityType: 'proxy_appointment',
      entityId: row.id,
      summary: `${meetingWords(m)}: proxy appointment received ${formatLocalDateTime(input.receivedAt)}`,
      before: null,
      after: { memberId: row.member_id, proxyName: row.proxy_name, proxyMemberId: row.proxy_member_id, receivedAt: row.received_at, instructions: row.instructions },
    });
    return view(tx, rc, m.id);
  }),

  'meetings.revokeProxy': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { row: p, meeting: m } = await loadInMeeting(tx, rc, 'proxy_appointment', input.id);
    if (p.revoked_at) throw new AppError('CONFLICT', `That appointment was already revoked at ${formatLocalDateTime(p.revoked_at)}.`);
    if (input.revokedAt < p.received_at) throw AppError.field('revokedAt', `The appointment was received at ${formatLocalDateTime(p.received_at)}; it cannot be revoked before that.`);
    assertNotFuture(rc, input.revokedAt.slice(0, 10), 'revokedAt', 'A revocation');
    const attending = await tx.db.selectFrom('attendance').select(['name']).where('proxy_appointment_id', '=', p.id).executeTakeFirst();
    if (attending) throw new AppError('CONFLICT', `${attending.name} is recorded as attending as proxy under this appointment; remove that attendance entry first.`);
    await tx.db.updateTable('proxy_appointment').set({ revoked_at: input.revokedAt, updated_at: tx.who.at }).where('id', '=', p.id).execute();
    tx.audit({
      action: 'proxy.revoked',
      entityType: 'proxy_appointment',
      entityId: p.id,
      summary: `${meetingWords(m)}: proxy appointment revoked ${formatLocalDateTime(input.revokedAt)}`,
      before: { revokedAt: null },
      after: { revokedAt: input.revokedAt },
    });
    return view(tx, rc, m.id);
  }),

  'meetings.addResolution': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    assertMembersMeeting(m, 'Resolutions set out in a notice');
    assertNoticeNotGiven(m, 'adding a resolution now');
    if (input.agendaItemId) {
      const item = await tx.db.selectFrom('agenda_item').select('id').where('id', '=', input.agendaItemId).where('meeting_id', '=', m.id).executeTakeFirst();
      if (!item) throw AppError.field('agendaItemId', 'That item is not on this meeting’s agenda.');
    }
    if (input.societyKind !== undefined) {
      if (rc.form.family !== 'society') throw AppError.field('societyKind', 'Only a registered society passes these resolutions (CCBS Act 2014 s111-s113).');
      if (!(SOCIETY_RESOLUTION_KINDS as readonly string[]).includes(input.societyKind)) throw AppError.field('societyKind', 'Choose an amalgamation, a transfer of engagements or a conversion.');
      if (input.kind !== 'special') throw AppError.field('kind', `${SOCIETY_RESOLUTION_LABEL[input.societyKind as SocietyResolutionKind]} needs a special resolution (CCBS Act 2014 s111-s113).`);
    }
    const last = await tx.db.selectFrom('resolution').select((eb) => eb.fn.max<number | null>('position').as('p')).where('meeting_id', '=', m.id).executeTakeFirst();
    const at = tx.who.at;
    const row = {
      id: uuidv7(),
      meeting_id: m.id,
      agenda_item_id: input.agendaItemId ?? null,
      position: last?.p === null || last?.p === undefined ? 0 : last.p + 1,
      kind: input.kind,
      society_kind: input.societyKind ?? null,
      text: input.text,
      explanatory_note: input.explanatoryNote ?? null,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('resolution').values(row).execute();
    tx.audit({
      action: 'resolution.added',
      entityType: 'resolution',
      entityId: row.id,
      summary: `${meetingWords(m)}: ${row.kind} resolution ${row.position + 1} set out`,
      before: null,
      after: { agendaItemId: row.agenda_item_id, position: row.position, kind: row.kind, societyKind: row.society_kind, text: row.text, explanatoryNote: row.explanatory_note },
    });
    return view(tx, rc, m.id);
  }),

  'meetings.updateResolution': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { row: r, meeting: m } = await loadInMeeting(tx, rc, 'resolution', input.id);
    const note = input.explanatoryNote ?? null;
    if (r.text === input.text && r.kind === input.kind && r.explanatory_note === note) return view(tx, rc, m.id);
    assertNoticeNotGiven(m, 'changing a resolution now');
    if (r.society_kind && input.kind !== 'special') throw AppError.field('kind', `${SOCIETY_RESOLUTION_LABEL[r.society_kind as SocietyResolutionKind] ?? 'This resolution'} needs a special resolution (CCBS Act 2014 s111-s113).`);
    await tx.db.updateTable('resolution').set({ text: input.text, kind: input.kind, explanatory_note: note, updated_at: tx.who.at }).where('id', '=', r.id).execute();
    tx.audit({
      action: 'resolution.changed',
      entityType: 'resolution',
      entityId: r.id,
      summary: `${meetingWords(m)}: resolution ${r.position + 1} changed`,
      before: { kind: r.kind, text: r.text, explanatoryNote: r.explanatory_note },
      after: { kind: input.kind, text: input.text, explanatoryNote: note },
    });
    return view(tx, rc, m.id);
  }),

  'meetings.removeResolution': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { row: r, meeting: m } = await loadInMeeting(tx, rc, 'resolution', input.id);
    assertNoticeNotGiven(m, 'removing a resolution now');
    const decided = await tx.db.selectFrom('decision').select('id').where('resolution_id', '=', r.id).executeTakeFirst();
    if (decided) throw new AppError('CONFLICT', 'A decision is recorded on this resolution; it stays on the record.');
    await tx.db.deleteFrom('resolution').where('id', '=', r.id).execute();
    const rest = await tx.db.selectFrom('resolution').select(['id', 'position']).where('meeting_id', '=', m.id).orderBy('position').execute();
    const renumbered: RecordRef[] = [];
    for (const [i, x] of rest.entries()) {
      if (x.position === i) continue;
      await tx.db.updateTable('resolution').set({ position: i }).where('id', '=', x.id).execute();
      renumbered.push({ type: 'resolution', id: x.id });
    }
    tx.audit({
      action: 'resolution.removed',
      entityType: 'resolution',
      entityId: r.id,
      summary: `${meetingWords(m)}: resolution ${r.position + 1} removed`,
      before: { kind: r.kind, text: r.text, position: r.position },
      after: null,
      records: [{ type: 'resolution', id: r.id }, ...renumbered],
    });
    return view(tx, rc, m.id);
  }),

  'meetings.declareInterest': mutation(async (input, tx) => {
    const rc = await tx.register();
    const m = await openMeeting(tx, rc, input.meetingId);
    if (isMembersMeeting(m.kind)) throw new AppError('VALIDATION', 'Declarations of interest are made by directors at board and committee meetings (CA 2006 s177, s182).');
    const name = await assertDirectorOnDate(tx, rc, input.officerId, m.held_on, 'officerId');
    let related = input.relatedOrganisation ?? null;
    let counterpartyId = input.counterpartyId;
    let number: string | null = null;
    if (input.agendaItemId) {
      const item = await tx.db.selectFrom('agenda_item').select(['id', 'related_organisation', 'counterparty_id']).where('id', '=', input.agendaItemId).where('meeting_id', '=', m.id).executeTakeFirst();
      if (!item) throw AppError.field('agendaItemId', 'That item is not on this meeting’s agenda.');
      // Declared on an item tagged with an organisation: the interest is in that organisation,
      // linked to it on the list when the item is, unless other words or another organisation are given.
      if (counterpartyId === undefined && item.counterparty_id && (related === null || related === item.related_organisation || (await namesCounterparty(tx, item.counterparty_id, related)))) {
        counterpartyId = item.counterparty_id;
      }
      // Another organisation chosen from the list: its own name, not the item's words.
      if (counterpartyId === undefined || counterpartyId === item.counterparty_id) related = related ?? item.related_organisation;
      number = await itemNumberOf(tx, m.id, item.id);
    }
    if (m.held_on > rc.today) throw AppError.field('officerId', `A declaration made at the meeting is recorded at or after it; the ${meetingWords(m)} has not happened yet. Record an advance declaration in the interests register instead.`);
    const interest = await insertInterest(
      tx,
      rc,
      { officerId: input.officerId, category: 'other', nature: input.nature, relatedOrganisation: related, counterpartyId, declaredOn: m.held_on },
      { declaredOn: 'officerId' },
    );
    const row = {
      id: uuidv7(),
      meeting_id: m.id,
      agenda_item_id: input.agendaItemId ?? null,
      officer_id: input.officerId,
      interest_id: interest.id,
      nature: input.nature,
      created_at: tx.who.at,
    };
    await tx.db.insertInto('meeting_declaration').values(row).execute();
    tx.audit({
      action: 'meeting.interest_declared',
      entityType: 'meeting_declaration',
      entityId: row.id,
      summary: `${meetingWords(m)}: ${name.short} declared an interest${number ? ` in item ${number}` : ''}${interest.related_organisation ? ` (${interest.related_organisation})` : ''}; entered in the interests register`,
      before: null,
      after: { declaration: { agendaItemId: row.agenda_item_id, officerId: row.officer_id, interestId: row.interest_id, nature: row.nature }, interest: interestAuditView(interest) },
      records: [
        { type: 'meeting_declaration', id: row.id },
        { type: 'interest', id: interest.id },
      ],
    });
    return view(tx, rc, m.id);
  }),

  'meetings.boardPack': boardPack,
  'meetings.notice': notice,

  'meetings.dashboard': query(async (_input, ctx) => {
    const rc = await ctx.register();
    const rules = toRules(await ctx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow(), rc.legalForm);
    const next = await summaryQuery(ctx.db)
      .where('m.organisation_id', '=', rc.org.id)
      .where('m.held_on', '>=', rc.today)
      .where('m.status', 'in', ['planned', 'notice_given'])
      .orderBy('m.held_on')
      .orderBy('m.starts_at')
      .limit(1)
      .executeTakeFirst();
    const minutes = await ctx.db
      .selectFrom('minutes as n')
      .innerJoin('meeting as m', 'm.id', 'n.meeting_id')
      .select(['n.id', 'n.status', 'm.id as meeting_id', 'm.title', 'm.held_on'])
      .where('m.organisation_id', '=', rc.org.id)
      .where('n.status', 'in', ['draft', 'circulated', 'approved'])
      .orderBy('m.held_on')
      .limit(100)
      .execute();
    const overdue = await ctx.db
      .selectFrom('action_item as a')
      .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
      .select(['a.id', 'a.description', 'a.owner_name', 'a.due_on', 'a.meeting_id', 'm.title'])
      .where('a.organisation_id', '=', rc.org.id)
      .where('a.status', '=', 'open')
      .where('a.due_on', '<', rc.today)
      .orderBy('a.due_on')
      .limit(100)
      .execute();
    return {
      next: next ? toSummary(next, noticeDeadline(next, rules, ukPartOf(rc.org))) : null,
      minutesAwaiting: minutes.map((n) => ({ minutesId: n.id, meetingId: n.meeting_id, title: n.title, heldOn: n.held_on, status: n.status as 'draft' | 'circulated' | 'approved' })),
      overdueActions: overdue.map((a) => ({ id: a.id, description: a.description, ownerName: a.owner_name, dueOn: a.due_on!, meetingId: a.meeting_id, meetingTitle: a.title })),
    };
  }),
});
