import type { ReportBlock, ReportSection, ReportValue } from '../../../../shared/contract/reports';
import { MEETING_KIND_LABEL } from '../../../../shared/contract/meetings';
import { formFamily } from '../../../../shared/domain/legal-form';
import { addDays, addYears, formatLegalDate } from '../../../../shared/rules/legal-date';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { minutesTargetOnDate } from '../../organisation/minutes-target';
import { particularsOnDate } from './regulator-records';
import { count, text, type ReportBuilder } from '../source';
import {
  actionsDue,
  actionsWithoutDueDate,
  attendanceLines,
  decisionsAtMeetings,
  interestLines,
  meetingsHeld,
  minutesLines,
  writtenDecisions,
  type AttendanceLine,
  type Body,
} from './effectiveness-data';

/**
 * The board effectiveness pack (issue 11, report 6): for a period, each director's attendance at
 * the board and committee meetings they were expected at, the decisions taken at each meeting,
 * actions completed on time, interests by director, and how soon minutes were approved and signed
 * against the secretary's target. Every count links to its records (trace/effectiveness.ts), which
 * read them through the same functions (effectiveness-data.ts), as they stood at the period's end.
 */

/** "83.3%", or "—" where there is nothing to divide by. */
export function percent(part: number, whole: number): ReportValue {
  if (whole === 0) return { display: '—', value: null };
  const v = Math.round((part / whole) * 1000) / 10;
  return { display: `${v.toLocaleString('en-GB')}%`, value: v };
}

const plain = (s: string): ReportValue => ({ display: s });

/** The default period: the year ending on `to`. */
export function periodOf(src: { period: { from: string | null; to: string } }): { from: string; to: string } {
  const to = src.period.to;
  return { from: src.period.from ?? addDays(addYears(to, -1), 1), to };
}

function attendanceSection(data: Awaited<ReturnType<typeof attendanceLines>>, from: string, to: string): ReportSection {
  const { directors, meetings, lines } = data;
  const P = { from, to };
  const tally = (ls: AttendanceLine[]) => ({ expected: ls.length, attended: ls.filter((l) => l.attended).length });
  const trace = (officerId: string | null, body: Body | 'all', which: 'expected' | 'attended' | 'missed') => ({ set: 'effectiveness.attendance', params: { ...P, officerId, body, which } });
  const rows = directors.map((d) => {
    const own = lines.filter((l) => l.officerId === d.officerId);
    const board = tally(own.filter((l) => l.body === 'board'));
    const committee = tally(own.filter((l) => l.body === 'committee'));
    const all = tally(own);
    return {
      director: plain(d.name),
      boardExpected: count(board.expected, trace(d.officerId, 'board', 'expected')),
      boardAttended: count(board.attended, trace(d.officerId, 'board', 'attended')),
      boardPct: percent(board.attended, board.expected),
      committeeExpected: count(committee.expected, trace(d.officerId, 'committee', 'expected')),
      committeeAttended: count(committee.attended, trace(d.officerId, 'committee', 'attended')),
      committeePct: percent(committee.attended, committee.expected),
      missed: count(all.expected - all.attended, trace(d.officerId, 'all', 'missed')),
      pct: percent(all.attended, all.expected),
    };
  });
  const board = tally(lines.filter((l) => l.body === 'board'));
  const committee = tally(lines.filter((l) => l.body === 'committee'));
  const all = tally(lines);
  const boardMeetings = meetings.filter((m) => m.kind === 'board').length;
  const committeeMeetings = meetings.length - boardMeetings;
  const withPct = rows.filter((r) => r.pct.value !== null);
  const blocks: ReportBlock[] = [
    text(
      `Each director’s attendance from ${formatLegalDate(from)} to ${formatLegalDate(to)} at the meetings they were expected at: every board meeting held while they were in office, and every meeting of a committee they sat on that day. Attended means recorded as present, in person or by electronic means; apologies, absence and no record all count as not attended. Only meetings recorded as held count.`,
    ),
    {
      type: 'figures',
      items: [
        { id: 'board-meetings', label: 'Board meetings held', value: count(boardMeetings, { set: 'effectiveness.meetings', params: { ...P, kind: 'board' } }) },
        { id: 'committee-meetings', label: 'Committee meetings held', value: count(committeeMeetings, { set: 'effectiveness.meetings', params: { ...P, kind: 'committee' } }) },
        { id: 'attendance', label: 'Attendance overall', value: percent(all.attended, all.expected), note: `${all.attended.toLocaleString('en-GB')} of ${all.expected.toLocaleString('en-GB')} places at meetings` },
      ],
    },
    {
      type: 'table',
      id: 'effectiveness-attendance',
      title: 'Attendance by director',
      columns: [
        { key: 'director', label: 'Director' },
        { key: 'boardExpected', label: 'Board meetings in office', numeric: true },
        { key: 'boardAttended', label: 'Board meetings attended', numeric: true },
        { key: 'boardPct', label: 'Board attendance', numeric: true },
        { key: 'committeeExpected', label: 'Committee meetings as a member', numeric: true },
        { key: 'committeeAttended', label: 'Committee meetings attended', numeric: true },
        { key: 'committeePct', label: 'Committee attendance', numeric: true },
        { key: 'missed', label: 'Meetings missed', numeric: true },
        { key: 'pct', label: 'Attendance overall', numeric: true },
      ],
      rows,
      total: {
        director: plain('All directors'),
        boardExpected: count(board.expected, trace(null, 'board', 'expected')),
        boardAttended: count(board.attended, trace(null, 'board', 'attended')),
        boardPct: percent(board.attended, board.expected),
        committeeExpected: count(committee.expected, trace(null, 'committee', 'expected')),
        committeeAttended: count(committee.attended, trace(null, 'committee', 'attended')),
        committeePct: percent(committee.attended, committee.expected),
        missed: count(all.expected - all.attended, trace(null, 'all', 'missed')),
        pct: percent(all.attended, all.expected),
      },
      empty: 'No director was in office in the period.',
    },
  ];
  if (withPct.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'effectiveness-attendance-chart',
      chart: 'bar',
      title: 'Attendance overall by director (%)',
      alt: `Attendance overall by director: ${withPct.map((r) => `${r.director.display} ${r.pct.display}`).join('; ')}.`,
      tableId: 'effectiveness-attendance',
      labelKey: 'director',
      valueKeys: ['pct'],
    });
  }
  return { id: 'attendance', title: 'Attendance at board and committee meetings', blocks };
}

export const effectivenessReport: ReportBuilder = async (src) => {
  const orgId = src.org.id;
  const { from, to } = periodOf(src);
  const P = { from, to };
  const steps = 6;
  const onDate = await organisationOnDate(src.db, src.org, to);
  const company = formFamily(onDate.legalForm) === 'company';
  const sections: ReportSection[] = [];

  // 1. Attendance.
  src.progress(0, steps, 'Attendance');
  const att = await attendanceLines(src.db, orgId, from, to);
  sections.push(attendanceSection(att, from, to));
  await src.checkpoint();

  // 2. Decisions per meeting.
  src.progress(1, steps, 'Decisions');
  const meetings = await meetingsHeld(src.db, orgId, from, to);
  const decisions = await decisionsAtMeetings(src.db, orgId, from, to);
  const written = await writtenDecisions(src.db, orgId, from, to);
  const decisionTrace = (meetingId: string | null, carried: boolean | null) => ({ set: 'effectiveness.decisions', params: { ...P, meetingId, carried } });
  const decisionRows = meetings.map((m) => {
    const own = decisions.filter((d) => d.meetingId === m.id);
    const carried = own.filter((d) => d.carried).length;
    return {
      meeting: { display: m.title },
      date: { display: formatLegalDate(m.heldOn) },
      kind: { display: MEETING_KIND_LABEL[m.kind] },
      decisions: count(own.length, decisionTrace(m.id, null)),
      carried: count(carried, decisionTrace(m.id, true)),
      notCarried: count(own.length - carried, decisionTrace(m.id, false)),
    };
  });
  const carriedAll = decisions.filter((d) => d.carried).length;
  const average = meetings.length === 0 ? null : Math.round((decisions.length / meetings.length) * 10) / 10;
  sections.push({
    id: 'decisions',
    title: 'Decisions per meeting',
    blocks: [
      text(`Decisions recorded at each meeting held from ${formatLegalDate(from)} to ${formatLegalDate(to)} (board, committee and members’ meetings), from the decisions register, and decisions taken in writing without a meeting.`),
      {
        type: 'figures',
        items: [
          { id: 'meetings-held', label: 'Meetings held', value: count(meetings.length, { set: 'effectiveness.meetings', params: { ...P, kind: 'all' } }) },
          { id: 'decisions', label: 'Decisions at meetings', value: count(decisions.length, decisionTrace(null, null)) },
          { id: 'average', label: 'Decisions per meeting on average', value: average === null ? { display: '—', value: null } : { display: average.toLocaleString('en-GB'), value: average } },
          { id: 'written', label: 'Decisions taken in writing', value: count(written.length, { set: 'effectiveness.writtenDecisions', params: P }) },
        ],
      },
      {
        type: 'table',
        id: 'effectiveness-decisions',
        title: 'Decisions by meeting',
        columns: [
          { key: 'meeting', label: 'Meeting' },
          { key: 'date', label: 'Date' },
          { key: 'kind', label: 'Kind' },
          { key: 'decisions', label: 'Decisions', numeric: true },
          { key: 'carried', label: 'Carried or passed', numeric: true },
          { key: 'notCarried', label: 'Not carried', numeric: true },
        ],
        rows: decisionRows,
        total: { meeting: plain('All meetings'), decisions: count(decisions.length, decisionTrace(null, null)), carried: count(carriedAll, decisionTrace(null, true)), notCarried: count(decisions.length - carriedAll, decisionTrace(null, false)) },
        empty: 'No meeting was recorded as held in the period.',
      },
    ],
  });
  await src.checkpoint();

  // 3. Actions.
  src.progress(2, steps, 'Actions');
  const actions = await actionsDue(src.db, orgId, from, to);
  const undated = await actionsWithoutDueDate(src.db, orgId, from, to);
  const actionTrace = (cls: string, owner: string | null) => ({ set: 'effectiveness.actions', params: { ...P, cls, owner } });
  const by = (cls: string) => actions.filter((a) => a.cls === cls).length;
  const onTime = by('onTime');
  const late = by('late');
  const outstanding = by('outstanding');
  const dropped = by('dropped');
  const owners = [...new Set(actions.map((a) => a.ownerName))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const ownerRows = owners.map((o) => {
    const own = actions.filter((a) => a.ownerName === o);
    const n = (cls: string) => own.filter((a) => a.cls === cls).length;
    return {
      owner: plain(o),
      due: count(own.length, actionTrace('all', o)),
      onTime: count(n('onTime'), actionTrace('onTime', o)),
      late: count(n('late'), actionTrace('late', o)),
      outstanding: count(n('outstanding'), actionTrace('outstanding', o)),
      dropped: count(n('dropped'), actionTrace('dropped', o)),
      pct: percent(n('onTime'), own.length - n('dropped')),
    };
  });
  sections.push({
    id: 'actions',
    title: 'Actions completed on time',
    blocks: [
      text(
        `Actions agreed at meetings and due from ${formatLegalDate(from)} to ${formatLegalDate(to)}, as they stood on ${formatLegalDate(to)}: done on or before the due date (on time), done after it (late), not yet done (outstanding, including any closed after ${formatLegalDate(to)}), or dropped. The share done on time leaves dropped actions out.`,
      ),
      {
        type: 'figures',
        items: [
          { id: 'actions-due', label: 'Actions due in the period', value: count(actions.length, actionTrace('all', null)) },
          { id: 'actions-on-time', label: 'Done on time', value: count(onTime, actionTrace('onTime', null)) },
          { id: 'actions-late', label: 'Done late', value: count(late, actionTrace('late', null)) },
          { id: 'actions-outstanding', label: `Outstanding on ${formatLegalDate(to)}`, value: count(outstanding, actionTrace('outstanding', null)) },
          { id: 'actions-dropped', label: 'Dropped', value: count(dropped, actionTrace('dropped', null)) },
          { id: 'actions-pct', label: 'Share done on time', value: percent(onTime, actions.length - dropped) },
          { id: 'actions-undated', label: 'Actions agreed in the period with no due date', value: count(undated.length, actionTrace('noDueDate', null)), note: 'Whether these were done on time cannot be judged.' },
        ],
      },
      {
        type: 'table',
        id: 'effectiveness-actions',
        title: 'Actions by owner',
        columns: [
          { key: 'owner', label: 'Owner' },
          { key: 'due', label: 'Due', numeric: true },
          { key: 'onTime', label: 'On time', numeric: true },
          { key: 'late', label: 'Late', numeric: true },
          { key: 'outstanding', label: 'Outstanding', numeric: true },
          { key: 'dropped', label: 'Dropped', numeric: true },
          { key: 'pct', label: 'Done on time', numeric: true },
        ],
        rows: ownerRows,
        total: {
          owner: plain('All owners'),
          due: count(actions.length, actionTrace('all', null)),
          onTime: count(onTime, actionTrace('onTime', null)),
          late: count(late, actionTrace('late', null)),
          outstanding: count(outstanding, actionTrace('outstanding', null)),
          dropped: count(dropped, actionTrace('dropped', null)),
          pct: percent(onTime, actions.length - dropped),
        },
        empty: 'No action fell due in the period.',
      },
    ],
  });
  await src.checkpoint();

  // 4. Interests by director.
  src.progress(3, steps, 'Interests');
  const ids = att.directors.map((d) => d.officerId);
  const declared = await interestLines(src.db, orgId, from, to, 'declared', ids);
  const held = await interestLines(src.db, orgId, from, to, 'held', ids);
  const atMeetings = await interestLines(src.db, orgId, from, to, 'atMeetings', ids);
  const interestTrace = (which: string, officerId: string | null) => ({ set: 'effectiveness.interests', params: { ...P, which, officerId } });
  sections.push({
    id: 'interests',
    title: 'Interests by director',
    blocks: [
      text(
        `For each director in office in the period: interests entered in the register of interests from ${formatLegalDate(from)} to ${formatLegalDate(to)}, interests held on ${formatLegalDate(to)} (declared by then and not ended before it), and declarations made at meetings held in the period.`,
      ),
      text(
        company
          ? 'A director must declare the nature and extent of an interest in a proposed transaction or arrangement with the company before it is entered into (CA 2006 s177), and in an existing one as soon as reasonably practicable (s182); the articles say whether an interested director counts in the quorum and votes (Model Articles art 14).'
          : 'A society’s registered rules say how its board members declare interests and whether an interested member counts in the quorum and votes; the CCBS Act 2014 sets no rule of its own.',
        'law',
      ),
      {
        type: 'table',
        id: 'effectiveness-interests',
        title: 'Interests by director',
        columns: [
          { key: 'director', label: 'Director' },
          { key: 'declared', label: 'Declared in the period', numeric: true },
          { key: 'held', label: `Held on ${formatLegalDate(to)}`, numeric: true },
          { key: 'atMeetings', label: 'Declared at meetings', numeric: true },
        ],
        rows: att.directors.map((d) => ({
          director: plain(d.name),
          declared: count(declared.filter((i) => i.officerId === d.officerId).length, interestTrace('declared', d.officerId)),
          held: count(held.filter((i) => i.officerId === d.officerId).length, interestTrace('held', d.officerId)),
          atMeetings: count(atMeetings.filter((i) => i.officerId === d.officerId).length, interestTrace('atMeetings', d.officerId)),
        })),
        total: {
          director: plain('All directors'),
          declared: count(declared.length, interestTrace('declared', null)),
          held: count(held.length, interestTrace('held', null)),
          atMeetings: count(atMeetings.length, interestTrace('atMeetings', null)),
        },
        empty: 'No director was in office in the period.',
      },
    ],
  });
  await src.checkpoint();

  // 5. Minutes against the target.
  src.progress(4, steps, 'Minutes');
  // The target as it stood at the end of the period, so the pack is the same after it changes.
  const targetOnDate = await minutesTargetOnDate(src.db, orgId, to);
  const target = targetOnDate.days;
  const minutes = await minutesLines(src.db, orgId, from, to, target);
  const minutesTrace = (stage: string, result: string) => ({ set: 'effectiveness.minutes', params: { ...P, target, stage, result } });
  const n = (stage: 'approval' | 'signing', result: string) => minutes.filter((m) => m[stage] === result).length;
  const RESULT_WORDS: Record<string, string> = { inTarget: 'Within the target', late: 'After the target', overdue: `Not done by ${formatLegalDate(to)}; target passed`, pending: `Not done by ${formatLegalDate(to)}; within the target` };
  const dayWords = (d: number | null) => (d === null ? { display: '—', value: null } : { display: `${d.toLocaleString('en-GB')} day${d === 1 ? '' : 's'}`, value: d });
  sections.push({
    id: 'minutes',
    title: 'Minutes approved and signed within the target',
    blocks: [
      text(
        targetOnDate.isDefault
          ? `The secretary’s target is ${target} days from the meeting to the approval of its minutes, and ${target} days to their signing. This is the app’s default: neither the governing rules nor the settings record a target for ${(await particularsOnDate(src.db, src.org, to)).name} on ${formatLegalDate(to)}, so the app’s default of ${target} days applies (change it in Settings). The figures here always say which target they used.`
          : `Minutes are judged against the secretary’s target of ${target} days, set on ${formatLegalDate(targetOnDate.setOn!)}: ${target} days from the meeting to the approval of its minutes, and ${target} days to their signing. This is the target as it stood on ${formatLegalDate(to)}; a later change to it in Settings leaves this pack as it is.`,
      ),
      text(
        company
          ? 'No statute sets a time for approving minutes. Minutes must be kept for at least ten years from the meeting (CA 2006 s248 for directors’ meetings, s355 for general meetings), and minutes signed by the chair of the meeting or of the next one are evidence of the proceedings (s249(1), s356(4)).'
          : 'No statute sets a time for approving minutes: a society’s registered rules say how its minutes are approved and signed (the CCBS Act 2014 sets no rule on it).',
        'law',
      ),
      {
        type: 'figures',
        items: [
          { id: 'minutes-meetings', label: 'Meetings held', value: count(minutes.length, { set: 'effectiveness.meetings', params: { ...P, kind: 'all' } }) },
          { id: 'approved-in-target', label: `Minutes approved within ${target} days`, value: count(n('approval', 'inTarget'), minutesTrace('approval', 'inTarget')) },
          { id: 'approved-late', label: `Minutes approved after ${target} days`, value: count(n('approval', 'late'), minutesTrace('approval', 'late')) },
          { id: 'approval-overdue', label: `Minutes not approved by ${formatLegalDate(to)}, target passed`, value: count(n('approval', 'overdue'), minutesTrace('approval', 'overdue')) },
          { id: 'signed-in-target', label: `Minutes signed within ${target} days`, value: count(n('signing', 'inTarget'), minutesTrace('signing', 'inTarget')) },
          { id: 'signed-late', label: `Minutes signed after ${target} days`, value: count(n('signing', 'late'), minutesTrace('signing', 'late')) },
          { id: 'signing-overdue', label: `Minutes not signed by ${formatLegalDate(to)}, target passed`, value: count(n('signing', 'overdue'), minutesTrace('signing', 'overdue')) },
        ],
      },
      {
        type: 'table',
        id: 'effectiveness-minutes',
        title: 'Minutes by meeting',
        columns: [
          { key: 'meeting', label: 'Meeting' },
          { key: 'date', label: 'Held' },
          { key: 'approvedOn', label: 'Approved' },
          { key: 'approvalDays', label: 'Days to approval', numeric: true },
          { key: 'approval', label: 'Approval' },
          { key: 'signedOn', label: 'Signed' },
          { key: 'signingDays', label: 'Days to signing', numeric: true },
          { key: 'signing', label: 'Signing' },
        ],
        rows: minutes.map((m) => ({
          meeting: plain(m.meeting.title),
          date: plain(formatLegalDate(m.meeting.heldOn)),
          approvedOn: plain(m.approvedOn ? formatLegalDate(m.approvedOn) : '—'),
          approvalDays: dayWords(m.approvalDays),
          approval: plain(RESULT_WORDS[m.approval]!),
          signedOn: plain(m.signedOn ? formatLegalDate(m.signedOn) : '—'),
          signingDays: dayWords(m.signingDays),
          signing: plain(RESULT_WORDS[m.signing]!),
        })),
        empty: 'No meeting was recorded as held in the period.',
      },
    ],
  });
  src.progress(5, steps, 'Done');
  await src.checkpoint();

  return {
    title: `Board effectiveness pack, ${formatLegalDate(from)} to ${formatLegalDate(to)}`,
    sections,
    missing: [],
  };
};
