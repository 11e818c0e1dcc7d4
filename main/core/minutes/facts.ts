import { DECISION_OUTCOME_LABEL, type DecisionOutcome } from '../../../shared/contract/decisions';
import { isMembersMeeting } from '../../../shared/contract/meetings';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
import { compiledOnce } from '../db/compiled';
import { meetingRows } from '../meetings/rows';
import type { DraftMinutesModel, MinutesAction, MinutesAttendee, MinutesDecision } from '../meetings/print/models';
import { computeQuorums, itemNumbers, orderItems, quorumInputs } from '../meetings/quorum';
import type { AgendaItemRow, DecisionRow, MeetingRow } from '../meetings/tables';

/**
 * The facts of a meeting as its records hold them: who was present (in person or by electronic
 * means, CA 2006 s360A), in attendance, apologies, the quorum, declarations of interest, each
 * decision with its counts and outcome, and the actions agreed. Always computed from the records,
 * never stored as text, so the minutes cannot drift from what was recorded at the meeting.
 */
export interface MeetingFacts extends Omit<DraftMinutesModel, 'body'> {
  items: Array<{ id: string; number: string; title: string; notes: string | null; decisions: MinutesDecision[] }>;
}

const PRESENT = new Set(['present', 'present_electronically']);

export function outcomeLabel(outcome: string): string {
  return DECISION_OUTCOME_LABEL[outcome as DecisionOutcome] ?? outcome;
}

const fullName = (o: { given_names: string; family_name: string }) => `${o.given_names} ${o.family_name}`;

/** The facts' queries: fixed shapes, compiled once (db/compiled.ts). */
const Q = {
  organisation: compiledOnce((db: ReadDb, id: string) => db.selectFrom('organisation').select(['name']).where('id', '=', id)),
  attendance: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).orderBy('name')),
  declarations: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('meeting_declaration as d')
      .innerJoin('officer as o', 'o.id', 'd.officer_id')
      .select(['d.agenda_item_id', 'd.nature', 'o.given_names', 'o.family_name', 'd.created_at'])
      .where('d.meeting_id', '=', meetingId)
      .orderBy('d.created_at'),
  ),
  decisions: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('decision').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id')),
  // By the meeting rather than a list of decision ids: one statement whatever the number of decisions.
  votes: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('decision_vote as v')
      .innerJoin('decision as d', 'd.id', 'v.decision_id')
      .innerJoin('officer as o', 'o.id', 'v.officer_id')
      .select(['v.decision_id', 'v.vote', 'o.given_names', 'o.family_name'])
      .where('d.meeting_id', '=', meetingId)
      .orderBy('o.family_name')
      .orderBy('o.given_names')
      .orderBy('v.decision_id'),
  ),
  actions: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('action_item').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at')),
  officer: compiledOnce((db: ReadDb, id: string) => db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', id)),
  proxies: compiledOnce((db: ReadDb, meetingId: string) =>
    db.selectFrom('proxy_appointment as p').innerJoin('member as m', 'm.id', 'p.member_id').select(['p.id', 'm.given_names', 'm.family_name']).where('p.meeting_id', '=', meetingId),
  ),
};

export async function meetingFacts(db: ReadDb, meeting: MeetingRow): Promise<MeetingFacts> {
  const org = await Q.organisation.first(db, meeting.organisation_id);
  if (!org) throw new Error('The organisation of this meeting is not on record.');
  const items = await meetingRows.agendaItems.all(db, meeting.id);
  const attendance = await Q.attendance.all(db, meeting.id);
  const declarations = await Q.declarations.all(db, meeting.id);
  const decisions = await Q.decisions.all(db, meeting.id);
  const votes = decisions.length ? await Q.votes.all(db, meeting.id) : [];
  const actions = await Q.actions.all(db, meeting.id);
  const chair = meeting.chair_officer_id ? await Q.officer.first(db, meeting.chair_officer_id) : undefined;
  const proxies = await Q.proxies.all(db, meeting.id);
  const proxyFor = new Map(proxies.map((p) => [p.id, `${p.given_names} ${p.family_name}`.trim()]));

  const numbers = itemNumbers(items);
  const ordered = orderItems(items);
  const itemNo = (id: string | null) => (id ? (numbers.get(id) ?? null) : null);

  const attendee = (a: (typeof attendance)[number]): MinutesAttendee => ({
    name: a.name,
    capacity:
      a.capacity ??
      (a.role === 'proxy'
        ? a.proxy_appointment_id && proxyFor.has(a.proxy_appointment_id)
          ? `proxy for ${proxyFor.get(a.proxy_appointment_id)}`
          : 'proxy'
        : a.role === 'corporate_representative'
          ? 'corporate representative'
          : null),
    ...(a.status === 'present_electronically' ? { electronically: true } : {}),
    arrived: a.arrived_at && a.arrived_at > meeting.starts_at ? a.arrived_at : null,
    left: a.left_at && (meeting.ends_at === null || a.left_at < meeting.ends_at) ? a.left_at : null,
  });

  const decisionModel = (d: DecisionRow): MinutesDecision => {
    const mine = votes.filter((v) => v.decision_id === d.id);
    const names = (vote: string) => mine.filter((v) => v.vote === vote).map(fullName);
    return {
      item: itemNo(d.agenda_item_id),
      text: d.text,
      kind: d.kind,
      method: d.method,
      proposer: d.proposer,
      seconder: d.seconder,
      votesFor: d.votes_for,
      votesAgainst: d.votes_against,
      votesAbstain: d.votes_abstain,
      named: d.votes_named ? { for: names('for'), against: names('against'), abstain: names('abstain') } : null,
      recused: names('recused'),
      outcome: outcomeLabel(d.outcome),
      ...(d.recorded_not_quorate ? { recordedNotQuorate: true } : {}),
    };
  };

  return {
    meeting: {
      organisationName: org.name,
      title: meeting.title,
      kind: meeting.kind,
      date: meeting.held_on,
      startTime: meeting.starts_at,
      endTime: meeting.ends_at,
      place: meeting.place,
      electronicMeans: meeting.electronic_means,
    },
    chairName: chair ? fullName(chair) : (meeting.chair_name ?? ''),
    present: attendance.filter((a) => a.role !== 'in_attendance' && PRESENT.has(a.status)).map(attendee),
    inAttendance: attendance.filter((a) => a.role === 'in_attendance' && PRESENT.has(a.status)).map(attendee),
    apologies: attendance.filter((a) => a.status === 'apologies').map((a) => a.name),
    absent: attendance.filter((a) => a.status === 'absent' && a.role !== 'in_attendance').map((a) => a.name),
    quorumStatement: await quorumStatement(db, meeting, items, attendance),
    declarations: declarations.map((d) => ({ name: fullName(d), item: itemNo(d.agenda_item_id), nature: d.nature })),
    decisions: [...decisions].sort((a, b) => itemOrder(a, ordered) - itemOrder(b, ordered)).map(decisionModel),
    actions: actions.map(
      (a): MinutesAction => ({ item: itemNo(a.agenda_item_id), description: a.description, owner: a.owner_name, dueOn: a.due_on }),
    ),
    items: ordered.map((it) => ({
      id: it.id,
      number: numbers.get(it.id)!,
      title: it.title,
      notes: it.notes,
      decisions: decisions.filter((d) => d.agenda_item_id === it.id).map(decisionModel),
    })),
  };
}

function itemOrder(d: DecisionRow, ordered: readonly AgendaItemRow[]): number {
  const i = ordered.findIndex((it) => it.id === d.agenda_item_id);
  return i < 0 ? ordered.length : i;
}

/** The quorum in words, from the meetings area's rule (quorum.ts), item by item where it failed. */
async function quorumStatement(db: ReadDb, meeting: MeetingRow, items: readonly AgendaItemRow[], attendance: readonly import('../meetings/tables').AttendanceRow[]): Promise<string> {
  const q = computeQuorums(await quorumInputs(db, meeting, { items, attendance }));
  if (isMembersMeeting(meeting.kind) || items.length === 0) {
    return q.now ? (q.now.quorate ? `The meeting was quorate: ${lowerFirst(q.now.message.replace(/^Quorate: /, ''))}` : `The meeting was not quorate: ${lowerFirst(q.now.message.replace(/^Not quorate: /, ''))}`) : 'No quorum was recorded.';
  }
  const failed = orderItems(items)
    .map((it) => q.items.get(it.id))
    .filter((v) => v && !v.quorate)
    .map((v) => v!.message);
  const verdicts = [...q.items.values()];
  const required = verdicts[0]?.required ?? q.now?.required ?? 0;
  const fewest = Math.min(...verdicts.map((v) => v.counted));
  const who = meeting.kind === 'committee' ? 'members of the committee' : 'directors';
  if (failed.length === 0) return `The meeting was quorate for every item: at least ${fewest} ${who} counted, ${required} needed.`;
  return `The meeting was quorate (${required} ${who} needed) except as follows. ${failed.join(' ')}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const attendeeLine = (a: MinutesAttendee) =>
  [a.name, a.capacity ? ` (${a.capacity})` : '', a.electronically ? ', by electronic means' : ', in person', a.arrived ? `, arrived at ${a.arrived}` : '', a.left ? `, left at ${a.left}` : ''].join('');

export function decisionLine(d: MinutesDecision): string {
  const counts = `For ${d.votesFor}, against ${d.votesAgainst}, abstaining ${d.votesAbstain}`;
  const named = d.named ? [d.named.for.length ? `for: ${d.named.for.join(', ')}` : '', d.named.against.length ? `against: ${d.named.against.join(', ')}` : '', d.named.abstain.length ? `abstaining: ${d.named.abstain.join(', ')}` : ''].filter(Boolean).join('; ') : '';
  const recused = d.recused?.length ? `; ${d.recused.join(', ')} took no part` : '';
  const moved = d.proposer ? `; proposed by ${d.proposer}${d.seconder ? `, seconded by ${d.seconder}` : ''}` : '';
  const kind = d.kind === 'special' ? ' (special resolution)' : d.kind === 'ordinary' ? ' (ordinary resolution)' : '';
  return `${d.text}${kind}: ${d.outcome}. ${counts}${named ? ` (${named})` : ''}${recused}${moved}.${d.recordedNotQuorate ? ' Recorded as not quorate.' : ''}`;
}

/** The facts as headed lists of lines, for minutes.get (shown beside the narrative). */
export function factLines(f: MeetingFacts): Array<{ heading: string; lines: string[] }> {
  const none = (xs: string[], word: string) => (xs.length ? xs : [word]);
  return [
    { heading: 'Meeting', lines: [`${f.meeting.title}, ${formatLegalDate(f.meeting.date)} at ${f.meeting.startTime}${f.meeting.endTime ? ` to ${f.meeting.endTime}` : ''}`, ...(f.meeting.place ? [`Place: ${f.meeting.place}`] : []), ...(f.meeting.electronicMeans ? [`By electronic means: ${f.meeting.electronicMeans}`] : []), ...(f.chairName ? [`Chair: ${f.chairName}`] : [])] },
    { heading: 'Present', lines: none(f.present.map(attendeeLine), 'Nobody is recorded as present.') },
    { heading: 'In attendance', lines: none(f.inAttendance.map(attendeeLine), 'None.') },
    { heading: 'Apologies', lines: none(f.apologies, 'None.') },
    { heading: 'Quorum', lines: [f.quorumStatement] },
    { heading: 'Declarations of interest', lines: none(f.declarations.map((d) => `${d.name}${d.item ? ` (item ${d.item})` : ''}: ${d.nature}`), 'None.') },
    { heading: 'Decisions', lines: none(f.decisions.map((d) => `${d.item ? `Item ${d.item}: ` : ''}${decisionLine(d)}`), 'None.') },
    { heading: 'Actions agreed', lines: none(f.actions.map((a) => `${a.item ? `Item ${a.item}: ` : ''}${a.description} (${a.owner}${a.dueOn ? `, by ${formatLegalDate(a.dueOn)}` : ''})`), 'None.') },
  ];
}
