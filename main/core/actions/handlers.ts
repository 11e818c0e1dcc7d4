import { sql, type Selectable } from 'kysely';
import { ACTION_STATUS_LABEL, type Action } from '../../../shared/contract/actions';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { itemNumbers } from '../meetings/quorum';
import type { ActionItemTable, MeetingRow } from '../meetings/tables';
import { assertNotFuture } from '../organisation/guards';
import { fullName } from '../officers/store';

/**
 * The action tracker: what a meeting agreed someone would do, by when. An action is overdue when
 * it is open and its due date is before today (the core's clock, in the UK). Open actions agreed
 * at earlier meetings of the same body (the board, one committee, members' meetings of one kind)
 * are carried to the next meeting's matters arising. Actions stay open to tracking after the
 * minutes are signed (the trigger does not freeze them), but a new one cannot be added to a
 * meeting whose signed minutes record the actions it agreed.
 */
type ActionRow = Selectable<ActionItemTable>;

async function loadMeeting(db: ReadDb, rc: RegisterCtx, id: string, field: string): Promise<MeetingRow> {
  const m = await db.selectFrom('meeting').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!m) throw AppError.field(field, 'That meeting is not on record.');
  return m;
}

/** Actions as the contract shows them, with item numbers and the overdue flag, in the order given. */
async function toActions(db: ReadDb, rows: readonly ActionRow[], today: string): Promise<Action[]> {
  if (rows.length === 0) return [];
  const meetingIds = [...new Set(rows.map((r) => r.meeting_id))];
  const meetings = new Map((await db.selectFrom('meeting').select(['id', 'title', 'held_on']).where('id', 'in', meetingIds).execute()).map((m) => [m.id, m]));
  const withItems = [...new Set(rows.filter((r) => r.agenda_item_id !== null).map((r) => r.meeting_id))];
  const items = withItems.length ? await db.selectFrom('agenda_item').select(['id', 'parent_id', 'position', 'meeting_id']).where('meeting_id', 'in', withItems).execute() : [];
  const numbers = new Map<string, string>();
  for (const id of withItems) for (const [k, v] of itemNumbers(items.filter((i) => i.meeting_id === id))) numbers.set(k, v);
  return rows.map((r) => {
    const m = meetings.get(r.meeting_id)!;
    return {
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: m.title,
      meetingHeldOn: m.held_on,
      agendaItemId: r.agenda_item_id,
      itemNumber: r.agenda_item_id ? (numbers.get(r.agenda_item_id) ?? null) : null,
      description: r.description,
      ownerOfficerId: r.owner_officer_id,
      ownerName: r.owner_name,
      dueOn: r.due_on,
      status: r.status,
      closedOn: r.closed_on,
      closedNote: r.closed_note,
      overdue: r.status === 'open' && r.due_on !== null && r.due_on < today,
    };
  });
}

async function actionOut(tx: WriteContext, rc: RegisterCtx, id: string): Promise<Action> {
  const row = await tx.db.selectFrom('action_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toActions(tx.db, [row], rc.today))[0]!;
}

async function loadAction(tx: WriteContext, rc: RegisterCtx, id: string): Promise<ActionRow> {
  const row = await tx.db.selectFrom('action_item').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That action is not on record.');
  return row;
}

/** The owner: a director or officer by id (their name taken from the register), or a named person. */
async function owner(tx: WriteContext, rc: RegisterCtx, input: { ownerOfficerId?: string | undefined; ownerName?: string | undefined }) {
  if (input.ownerOfficerId) {
    const o = await tx.db.selectFrom('officer').select(['id', 'given_names', 'family_name']).where('id', '=', input.ownerOfficerId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!o) throw AppError.field('ownerOfficerId', 'That officer is not in the register.');
    return { owner_officer_id: o.id, owner_name: fullName(o) };
  }
  if (!input.ownerName) throw AppError.field('ownerName', 'Say who will do it: choose a director or officer, or enter the name of the person.');
  return { owner_officer_id: null, owner_name: input.ownerName };
}

function checkDue(meeting: Pick<MeetingRow, 'held_on' | 'title'>, dueOn: string | undefined): void {
  if (dueOn !== undefined && dueOn < meeting.held_on) {
    throw AppError.field('dueOn', `An action agreed at the ${meeting.title} on ${formatLegalDate(meeting.held_on)} cannot be due before that meeting; ${formatLegalDate(dueOn)} was given.`);
  }
}

function auditView(r: Pick<ActionRow, 'meeting_id' | 'agenda_item_id' | 'description' | 'owner_officer_id' | 'owner_name' | 'due_on' | 'status' | 'closed_on' | 'closed_note'>) {
  return {
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    description: r.description,
    ownerOfficerId: r.owner_officer_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status,
    closedOn: r.closed_on,
    closedNote: r.closed_note,
  };
}

const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const actionsHandlers = defineHandlers('actions', {
  'actions.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    let q = ctx.db.selectFrom('action_item as a').innerJoin('meeting as m', 'm.id', 'a.meeting_id').selectAll('a').where('a.organisation_id', '=', rc.org.id);
    if (input.status === 'open') q = q.where('a.status', '=', 'open');
    if (input.status === 'overdue') q = q.where('a.status', '=', 'open').where('a.due_on', '<', rc.today);
    if (input.status === 'closed') q = q.where('a.status', '<>', 'open');
    if (input.meetingId) q = q.where('a.meeting_id', '=', input.meetingId);
    if (input.carriedTo) {
      // Matters arising: actions agreed at earlier meetings of the same body, not closed before
      // this meeting (so a past meeting's list still shows what it reviewed).
      const to = await ctx.db.selectFrom('meeting').selectAll().where('id', '=', input.carriedTo).where('organisation_id', '=', rc.org.id).executeTakeFirst();
      if (!to) throw AppError.field('carriedTo', 'That meeting is not on record.');
      q = q
        .where('m.kind', '=', to.kind)
        .where('m.held_on', '<', to.held_on)
        .where('m.id', '<>', to.id)
        .where((eb) => eb.or([eb('a.status', '=', 'open'), eb('a.closed_on', '>=', to.held_on)]));
      q = to.committee_id === null ? q.where('m.committee_id', 'is', null) : q.where('m.committee_id', '=', to.committee_id);
      q = to.class_id === null ? q.where('m.class_id', 'is', null) : q.where('m.class_id', '=', to.class_id);
    }
    if (input.search) {
      const term = likeTerm(input.search);
      q = q.where((eb) => eb.or([sql<boolean>`a.description like ${term} escape '\\'`, sql<boolean>`a.owner_name like ${term} escape '\\'`]));
    }
    const rows = await q
      .orderBy(sql`a.due_on is null`)
      .orderBy('a.due_on')
      .orderBy('m.held_on')
      .orderBy('a.id')
      .limit(input.limit)
      .execute();
    return toActions(ctx.db, rows as ActionRow[], rc.today);
  }),

  'actions.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    const meeting = await loadMeeting(tx.db, rc, input.meetingId, 'meetingId');
    if (meeting.status === 'cancelled') throw AppError.field('meetingId', `The ${meeting.title} on ${formatLegalDate(meeting.held_on)} was cancelled, so it agreed no actions.`);
    const minutes = await tx.db.selectFrom('minutes').select('status').where('meeting_id', '=', meeting.id).where('corrects_minutes_id', 'is', null).executeTakeFirst();
    if (minutes?.status === 'signed') {
      throw new AppError('CONFLICT', `The minutes of the ${meeting.title} on ${formatLegalDate(meeting.held_on)} are signed and record the actions it agreed (CA 2006 s248, s355); record a new action at a later meeting.`);
    }
    if (input.agendaItemId) {
      const item = await tx.db.selectFrom('agenda_item').select(['meeting_id']).where('id', '=', input.agendaItemId).executeTakeFirst();
      if (!item || item.meeting_id !== meeting.id) throw AppError.field('agendaItemId', 'That item is not on the agenda of this meeting.');
    }
    checkDue(meeting, input.dueOn);
    const row: ActionRow = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      meeting_id: meeting.id,
      agenda_item_id: input.agendaItemId ?? null,
      description: input.description,
      ...(await owner(tx, rc, input)),
      due_on: input.dueOn ?? null,
      status: 'open',
      closed_on: null,
      closed_note: null,
      created_at: tx.who.at,
      updated_at: tx.who.at,
    };
    await tx.db.insertInto('action_item').values(row).execute();
    tx.audit({
      action: 'action.created',
      entityType: 'action_item',
      entityId: row.id,
      summary: `Action agreed at the ${meeting.title} on ${formatLegalDate(meeting.held_on)}${row.due_on ? `, due ${formatLegalDate(row.due_on)}` : ''}`,
      before: null,
      after: auditView(row),
    });
    return actionOut(tx, rc, row.id);
  }),

  'actions.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await loadAction(tx, rc, input.id);
    const meeting = await loadMeeting(tx.db, rc, before.meeting_id, 'id');
    checkDue(meeting, input.dueOn);
    const next = { description: input.description, ...(await owner(tx, rc, input)), due_on: input.dueOn ?? null };
    const changed = next.description !== before.description || next.owner_officer_id !== before.owner_officer_id || next.owner_name !== before.owner_name || next.due_on !== before.due_on;
    if (!changed) return actionOut(tx, rc, before.id);
    await tx.db.updateTable('action_item').set({ ...next, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    tx.audit({
      action: 'action.updated',
      entityType: 'action_item',
      entityId: before.id,
      summary: `Action from the ${meeting.title} on ${formatLegalDate(meeting.held_on)} changed${next.due_on !== before.due_on && next.due_on ? `: now due ${formatLegalDate(next.due_on)}` : ''}`,
      before: auditView(before),
      after: auditView({ ...before, ...next }),
    });
    return actionOut(tx, rc, before.id);
  }),

  'actions.close': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await loadAction(tx, rc, input.id);
    const meeting = await loadMeeting(tx.db, rc, before.meeting_id, 'id');
    let next: Pick<ActionRow, 'status' | 'closed_on' | 'closed_note'>;
    if (input.status === 'open') {
      if (before.status === 'open') throw new AppError('CONFLICT', 'That action is already open.');
      next = { status: 'open', closed_on: null, closed_note: null };
    } else {
      if (before.status !== 'open') {
        throw new AppError('CONFLICT', `That action was already marked ${ACTION_STATUS_LABEL[before.status].toLowerCase()} on ${formatLegalDate(before.closed_on!)}; reopen it first to close it again.`);
      }
      const closedOn = input.closedOn ?? rc.today;
      assertNotFuture(rc, closedOn, 'closedOn', 'The date an action was closed');
      if (closedOn < meeting.held_on) {
        throw AppError.field('closedOn', `The action was agreed at the meeting on ${formatLegalDate(meeting.held_on)}; it cannot be closed before then.`);
      }
      if (input.status === 'dropped' && !input.note) throw AppError.field('note', 'Say why the action was dropped, for the next meeting’s matters arising.');
      next = { status: input.status, closed_on: closedOn, closed_note: input.note ?? null };
    }
    await tx.db.updateTable('action_item').set({ ...next, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    tx.audit({
      action: next.status === 'open' ? 'action.reopened' : 'action.closed',
      entityType: 'action_item',
      entityId: before.id,
      summary:
        next.status === 'open'
          ? `Action from the ${meeting.title} on ${formatLegalDate(meeting.held_on)} reopened`
          : `Action from the ${meeting.title} on ${formatLegalDate(meeting.held_on)} marked ${ACTION_STATUS_LABEL[next.status].toLowerCase()} on ${formatLegalDate(next.closed_on!)}`,
      before: auditView(before),
      after: auditView({ ...before, ...next }),
    });
    return actionOut(tx, rc, before.id);
  }),
});
