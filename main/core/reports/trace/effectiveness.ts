import { MEETING_KIND_LABEL } from '../../../../shared/contract/meetings';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import {
  actionsDue,
  actionsWithoutDueDate,
  attendanceLines,
  decisionsAtMeetings,
  directorsInPeriod,
  interestLines,
  meetingsHeld,
  minutesLines,
  writtenDecisions,
  type InterestWhich,
  type MinutesStage,
} from '../builders/effectiveness-data';
import type { TraceSet } from './index';

/**
 * The records behind the board effectiveness pack's figures (builders/effectiveness.ts), read
 * through the same functions as the builder, so each list's total is the figure it explains.
 */

type Params = Record<string, string | number | boolean | null>;
type Row = { id: string; label: string; detail: string; href: string | null };

const str = (p: Params, k: string): string => {
  const v = p[k];
  if (typeof v !== 'string') throw new Error(`The trace needs ${k}.`);
  return v;
};
const strOrNull = (p: Params, k: string): string | null => (typeof p[k] === 'string' ? (p[k] as string) : null);
const page = (rows: Row[], pg: { offset: number; limit: number }) => ({ total: rows.length, rows: rows.slice(pg.offset, pg.offset + pg.limit) });
const span = (p: Params) => `from ${formatLegalDate(str(p, 'from'))} to ${formatLegalDate(str(p, 'to'))}`;
const meetingHref = (id: string) => `#/meetings/${id}`;

const STATUS_WORDS: Record<string, string> = { present: 'Present', present_electronically: 'Present by electronic means', apologies: 'Apologies', absent: 'Absent' };

const meetings: TraceSet = {
  title: (p) => `${p['kind'] === 'board' ? 'Board meetings' : p['kind'] === 'committee' ? 'Committee meetings' : 'Meetings'} held ${span(p)}`,
  async list(db, org, p, pg) {
    const kind = p['kind'];
    const all = await meetingsHeld(db, org.id, str(p, 'from'), str(p, 'to'), kind === 'board' || kind === 'committee');
    const rows = all
      .filter((m) => kind === 'all' || m.kind === kind)
      .map((m) => ({ id: m.id, label: `${m.title}, ${formatLegalDate(m.heldOn)}`, detail: MEETING_KIND_LABEL[m.kind], href: meetingHref(m.id) }));
    return page(rows, pg);
  },
};

const attendance: TraceSet = {
  title: (p) => {
    const which = p['which'] === 'attended' ? 'attended' : p['which'] === 'missed' ? 'missed' : 'expected at';
    const body = p['body'] === 'board' ? 'Board meetings' : p['body'] === 'committee' ? 'Committee meetings' : 'Board and committee meetings';
    return `${body} ${which} ${p['officerId'] ? 'by the director' : 'by directors'} ${span(p)}`;
  },
  async list(db, org, p, pg) {
    const { lines, directors } = await attendanceLines(db, org.id, str(p, 'from'), str(p, 'to'));
    const officerId = strOrNull(p, 'officerId');
    const names = new Map(directors.map((d) => [d.officerId, d.name]));
    const rows = lines
      .filter((l) => (officerId === null || l.officerId === officerId) && (p['body'] === 'all' || l.body === p['body']))
      .filter((l) => (p['which'] === 'attended' ? l.attended : p['which'] === 'missed' ? !l.attended : true))
      .map((l) => ({
        id: `${l.meeting.id}:${l.officerId}`,
        label: `${l.meeting.title}, ${formatLegalDate(l.meeting.heldOn)}`,
        detail: `${names.get(l.officerId) ?? ''}: ${l.recorded ? STATUS_WORDS[l.recorded] ?? l.recorded : 'No attendance recorded'}`,
        href: meetingHref(l.meeting.id),
      }));
    return page(rows, pg);
  },
};

const decisions: TraceSet = {
  title: (p) => `${p['carried'] === true ? 'Decisions carried or passed' : p['carried'] === false ? 'Decisions not carried' : 'Decisions'} at ${p['meetingId'] ? 'the meeting' : `meetings held ${span(p)}`}`,
  async list(db, org, p, pg) {
    const all = await decisionsAtMeetings(db, org.id, str(p, 'from'), str(p, 'to'), strOrNull(p, 'meetingId'));
    const rows = all
      .filter((d) => (p['carried'] === true ? d.carried : p['carried'] === false ? !d.carried : true))
      .map((d) => ({ id: d.id, label: d.text, detail: `${formatLegalDate(d.decidedOn)}: ${d.outcome.replaceAll('_', ' ')}`, href: d.meetingId ? meetingHref(d.meetingId) : null }));
    return page(rows, pg);
  },
};

const written: TraceSet = {
  title: (p) => `Decisions taken in writing ${span(p)}`,
  async list(db, org, p, pg) {
    const rows = (await writtenDecisions(db, org.id, str(p, 'from'), str(p, 'to'))).map((d) => ({ id: d.id, label: d.text, detail: `${formatLegalDate(d.decidedOn)}: ${d.outcome.replaceAll('_', ' ')}`, href: null }));
    return page(rows, pg);
  },
};

const ACTION_WORDS: Record<string, string> = { all: 'Actions due', onTime: 'Actions done on time', late: 'Actions done late', outstanding: 'Actions outstanding', dropped: 'Actions dropped', noDueDate: 'Actions with no due date' };

const actions: TraceSet = {
  title: (p) => `${ACTION_WORDS[String(p['cls'])] ?? 'Actions'}${p['owner'] ? ` (${String(p['owner'])})` : ''} ${p['cls'] === 'noDueDate' ? 'agreed at meetings held' : 'due'} ${span(p)}`,
  async list(db, org, p, pg) {
    const from = str(p, 'from');
    const to = str(p, 'to');
    const cls = str(p, 'cls');
    const owner = strOrNull(p, 'owner');
    const all = cls === 'noDueDate' ? await actionsWithoutDueDate(db, org.id, from, to) : await actionsDue(db, org.id, from, to);
    const rows = all
      .filter((a) => (cls === 'all' || cls === 'noDueDate' || a.cls === cls) && (owner === null || a.ownerName === owner))
      .map((a) => ({
        id: a.id,
        label: a.description,
        detail: `${a.ownerName}; agreed at the ${a.meetingTitle} on ${formatLegalDate(a.heldOn)}${a.dueOn ? `; due ${formatLegalDate(a.dueOn)}` : ''}${a.closedOn ? `; closed ${formatLegalDate(a.closedOn)}` : ''}`,
        href: '#/actions',
      }));
    return page(rows, pg);
  },
};

const INTEREST_WORDS: Record<InterestWhich, string> = { declared: 'Interests declared', held: 'Interests held', atMeetings: 'Interests declared at meetings' };

const interests: TraceSet = {
  title: (p) => `${INTEREST_WORDS[p['which'] as InterestWhich] ?? 'Interests'} ${p['which'] === 'held' ? `on ${formatLegalDate(str(p, 'to'))}` : span(p)}`,
  async list(db, org, p, pg) {
    const from = str(p, 'from');
    const to = str(p, 'to');
    const directors = await directorsInPeriod(db, org.id, from, to);
    const officerId = strOrNull(p, 'officerId');
    const ids = officerId ? directors.filter((d) => d.officerId === officerId).map((d) => d.officerId) : directors.map((d) => d.officerId);
    const names = new Map(directors.map((d) => [d.officerId, d.name]));
    const rows = (await interestLines(db, org.id, from, to, str(p, 'which') as InterestWhich, ids)).map((i) => ({
      id: i.id,
      label: `${names.get(i.officerId) ?? ''}: ${i.nature}`,
      detail: `${i.meetingId ? 'Declared at the meeting on' : 'Declared on'} ${formatLegalDate(i.on)}${i.relatedOrganisation ? `; ${i.relatedOrganisation}` : ''}${i.endedOn ? `; ended ${formatLegalDate(i.endedOn)}` : ''}`,
      href: i.meetingId ? meetingHref(i.meetingId) : `#/officers/${i.officerId}`,
    }));
    return page(rows, pg);
  },
};

const MINUTES_WORDS: Record<string, string> = { inTarget: 'within the target', late: 'after the target', overdue: 'not done by the end, target passed', pending: 'not done by the end, within the target' };

const minutes: TraceSet = {
  title: (p) => `Minutes ${p['stage'] === 'signing' ? 'signed' : 'approved'} ${MINUTES_WORDS[String(p['result'])] ?? ''} (${Number(p['target'])} days), meetings held ${span(p)}`,
  async list(db, org, p, pg) {
    const stage = str(p, 'stage') as MinutesStage;
    const all = await minutesLines(db, org.id, str(p, 'from'), str(p, 'to'), Number(p['target']));
    const rows = all
      .filter((m) => m[stage] === p['result'])
      .map((m) => {
        const on = stage === 'approval' ? m.approvedOn : m.signedOn;
        const days = stage === 'approval' ? m.approvalDays : m.signingDays;
        return {
          id: m.meeting.id,
          label: `${m.meeting.title}, ${formatLegalDate(m.meeting.heldOn)}`,
          detail: on ? `${stage === 'approval' ? 'Approved' : 'Signed'} ${formatLegalDate(on)}, ${days} days after the meeting` : `Not ${stage === 'approval' ? 'approved' : 'signed'} by ${formatLegalDate(str(p, 'to'))}`,
          href: `#/minutes/${m.meeting.id}`,
        };
      });
    return page(rows, pg);
  },
};

export const EFFECTIVENESS_TRACE_SETS: Record<string, TraceSet> = {
  'effectiveness.meetings': meetings,
  'effectiveness.attendance': attendance,
  'effectiveness.decisions': decisions,
  'effectiveness.writtenDecisions': written,
  'effectiveness.actions': actions,
  'effectiveness.interests': interests,
  'effectiveness.minutes': minutes,
};
