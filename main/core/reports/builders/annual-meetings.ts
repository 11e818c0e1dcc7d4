import { sql } from 'kysely';
import { DECISION_OUTCOME_LABEL, type DecisionOutcome } from '../../../../shared/contract/decisions';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { MeetingKind } from '../../meetings/tables';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import type { ReportSource } from '../source';
import { controlAsAt } from './annual-control';
import { classFigures, movedSince } from './annual-membership';
import { classesOnDate } from './regulator-records';
import { all, figures, n, pct, periodOf, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Meetings held and decisions taken in the period by kind, and the general meetings with the
 * members' resolutions decided at them, their results as recorded and their turnout.
 *
 * A meeting counts as held when dated in the period and not cancelled (meeting_when:
 * organisation_id, held_on); a decision when dated in it (decision_register: organisation_id,
 * decided_on). Turnout is the votes cast (for and against: abstentions are not votes cast, CA 2006
 * s282(3)-(4), s283(4)-(5)) over those who could cast them on the meeting's day, from the register
 * as it stood then (contracts/reports/register-on-date.ts): the members of classes with votes for
 * a show of hands, their voting rights for a poll.
 */

export const MEETING_KIND_LABEL: Record<MeetingKind, string> = {
  board: 'Board meetings',
  committee: 'Committee meetings',
  annual_general: 'Annual general meetings',
  general: 'General meetings',
  class: 'Class meetings',
};
const MEETING_KINDS: MeetingKind[] = ['board', 'committee', 'annual_general', 'general', 'class'];
export const GENERAL_KINDS: MeetingKind[] = ['annual_general', 'general', 'class'];

export const DECISION_KIND_LABEL = { board: 'Board decisions', ordinary: 'Ordinary resolutions', special: 'Special resolutions' } as const;
type DecisionKind = keyof typeof DECISION_KIND_LABEL;
export const CARRIED: DecisionOutcome[] = ['carried', 'carried_on_casting_vote', 'passed'];

export async function meetingsByKind(db: ReadDb, organisationId: string, p: Pick<AnnualPeriod, 'from' | 'to'>) {
  return all<{ kind: MeetingKind; count: number }>(
    db,
    sql`select kind, count(*) as count from meeting
        where organisation_id = ${organisationId} and held_on >= ${p.from} and held_on <= ${p.to} and status <> 'cancelled'
        group by kind`,
  );
}

export async function decisionsByKind(db: ReadDb, organisationId: string, p: Pick<AnnualPeriod, 'from' | 'to'>) {
  return all<{ kind: DecisionKind; count: number; carried: number }>(
    db,
    sql`select kind, count(*) as count, count(case when outcome in ('carried', 'carried_on_casting_vote', 'passed') then 1 end) as carried
        from decision
        where organisation_id = ${organisationId} and decided_on >= ${p.from} and decided_on <= ${p.to}
        group by kind`,
  );
}

export interface GeneralMeetingResolution {
  decisionId: string | null;
  position: number | null;
  kind: 'ordinary' | 'special';
  text: string;
  method: 'show_of_hands' | 'poll' | 'written' | 'board_vote' | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  outcome: DecisionOutcome | null;
}

export interface GeneralMeeting {
  id: string;
  kind: MeetingKind;
  /** The class whose meeting it is (kind 'class'), else null. */
  classId: string | null;
  title: string;
  heldOn: string;
  membersPresent: number;
  eligibleMembers: number;
  votingRights: number;
  resolutions: GeneralMeetingResolution[];
}

/**
 * The members entitled to vote on a day (in a class with votes, as the classes stood then) and
 * their votes where every such class votes one way per member (null where a class votes by
 * shares), from the member_class_admitted index in windows (annual-membership.ts classFigures),
 * each member in the class they were in that day. With `classId` (a class meeting), only the
 * members of that class as it stood that day: they are the members entitled to attend and vote at
 * their class's meeting, whatever the class's votes at general meetings.
 */
export async function votersOnDay(db: ReadDb, organisationId: string, day: string, checkpoint: () => Promise<void>, classId: string | null = null): Promise<{ members: number; votes: number | null }> {
  const rows = await classFigures(db, organisationId, { from: day, to: day, start: day }, checkpoint);
  const then = await classesOnDate(db, organisationId, day);
  const members = new Map(rows.map((r) => [r.id, r.at_end]));
  for (const m of await movedSince(db, organisationId, day)) {
    if (m.admittedOn > day || (m.ceasedOn !== null && m.ceasedOn <= day)) continue;
    members.set(m.now, (members.get(m.now) ?? 0) - 1);
    members.set(m.then, (members.get(m.then) ?? 0) + 1);
  }
  let voters = 0;
  let votes: number | null = 0;
  for (const [id, k] of members) {
    const c = then.get(id);
    if (classId !== null) {
      if (id !== classId || !c) continue;
      voters += k;
      if (c.votingRights === 'per_share') votes = null;
      else if (votes !== null) votes += k * Math.max(1, c.votesPerMember);
      continue;
    }
    if (!c || c.votingRights === 'none') continue;
    voters += k;
    if (c.votingRights === 'per_share') votes = null;
    else if (votes !== null) votes += k * c.votesPerMember;
  }
  return { members: voters, votes };
}

/**
 * The members' resolutions of a meeting: each on its notice with the decision recorded on it (or
 * none), then any members' decision recorded at it without a resolution on the notice.
 */
export async function resolutionsAt(db: ReadDb, meetingId: string): Promise<GeneralMeetingResolution[]> {
  const rows = await all<{ decision_id: string | null; position: number | null; kind: 'ordinary' | 'special'; text: string; method: GeneralMeetingResolution['method']; votes_for: number | null; votes_against: number | null; votes_abstain: number | null; outcome: DecisionOutcome | null }>(
    db,
    sql`select * from (
          select d.id as decision_id, r.position as position, coalesce(d.kind, r.kind) as kind, r.text as text, d.method as method, d.votes_for as votes_for, d.votes_against as votes_against, d.votes_abstain as votes_abstain, d.outcome as outcome
          from resolution r left join decision d on d.resolution_id = r.id and d.meeting_id = r.meeting_id
          where r.meeting_id = ${meetingId}
          union all
          select d.id, null, d.kind, d.text, d.method, d.votes_for, d.votes_against, d.votes_abstain, d.outcome
          from decision d where d.meeting_id = ${meetingId} and d.resolution_id is null and d.kind in ('ordinary', 'special')
        ) order by position is null, position, decision_id`,
  );
  return rows.map((r) => ({
    decisionId: r.decision_id,
    position: r.position,
    kind: r.kind,
    text: r.text,
    method: r.method,
    votesFor: r.votes_for,
    votesAgainst: r.votes_against,
    votesAbstain: r.votes_abstain,
    outcome: r.outcome,
  }));
}

/** General and class meetings held in the period, each with its resolutions (notice) and the decisions recorded on them. */
export async function generalMeetingsIn(db: ReadDb, organisationId: string, p: Pick<AnnualPeriod, 'from' | 'to'>, checkpoint: () => Promise<void>): Promise<GeneralMeeting[]> {
  const meetings = await all<{ id: string; kind: MeetingKind; class_id: string | null; title: string; held_on: string; present: number }>(
    db,
    sql`select m.id, m.kind, m.class_id, m.title, m.held_on,
          (select count(*) from attendance a where a.meeting_id = m.id and a.role in ('member', 'proxy', 'corporate_representative') and a.status in ('present', 'present_electronically')) as present
        from meeting m
        where m.organisation_id = ${organisationId} and m.held_on >= ${p.from} and m.held_on <= ${p.to} and m.status <> 'cancelled'
          and m.kind in ('annual_general', 'general', 'class')
        order by m.held_on, m.starts_at, m.id`,
  );
  const out: GeneralMeeting[] = [];
  for (const m of meetings) {
    const resolutions = await resolutionsAt(db, m.id);
    // The register as it stood on the meeting's day, read in windows (votersOnDay); the voting rights by shares only where a poll needs them.
    // A class meeting: only its class's members as the classes stood that day.
    const classId = m.kind === 'class' ? m.class_id : null;
    const voters = await votersOnDay(db, organisationId, m.held_on, checkpoint, classId);
    const poll = resolutions.some((r) => r.method === 'poll');
    const control = voters.votes === null && poll ? await controlAsAt(db, organisationId, m.held_on) : null;
    const votingRights = voters.votes ?? (control ? (classId ? (control.classes.find((c) => c.classId === classId)?.votes ?? 0) : control.votingRights) : 0);
    await checkpoint();
    out.push({
      id: m.id,
      kind: m.kind,
      classId,
      title: m.title,
      heldOn: m.held_on,
      membersPresent: Number(m.present),
      eligibleMembers: voters.members,
      votingRights,
      resolutions,
    });
  }
  return out;
}

export async function meetingsSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const kinds = new Map((await meetingsByKind(src.db, src.org.id, p)).map((r) => [r.kind, Number(r.count)]));
  await src.checkpoint();
  const decisions = new Map((await decisionsByKind(src.db, src.org.id, p)).map((r) => [r.kind, { count: Number(r.count), carried: Number(r.carried) }]));
  await src.checkpoint();
  const meetingTotal = [...kinds.values()].reduce((a, b) => a + b, 0);
  const decisionTotal = [...decisions.values()].reduce((a, b) => a + b.count, 0);
  const carriedTotal = [...decisions.values()].reduce((a, b) => a + b.carried, 0);
  const dk: DecisionKind[] = ['board', 'ordinary', 'special'];
  const blocks: SectionResult['section']['blocks'] = [
    figures([
      { id: 'meetings-held', label: 'Meetings held in the period', value: n(meetingTotal, 'annual.meetings.held', { from: p.from, to: p.to, kind: null }) },
      { id: 'decisions-taken', label: 'Decisions recorded in the period', value: n(decisionTotal, 'annual.decisions.taken', { from: p.from, to: p.to, kind: null, result: null }) },
    ]),
    table(
      'meetings-by-kind',
      'Meetings held by kind',
      [
        { key: 'kind', label: 'Kind' },
        { key: 'held', label: 'Held', numeric: true },
      ],
      MEETING_KINDS.filter((k) => (kinds.get(k) ?? 0) > 0).map((k) => ({ kind: words(MEETING_KIND_LABEL[k]), held: n(kinds.get(k)!, 'annual.meetings.held', { from: p.from, to: p.to, kind: k }) })),
      { total: { kind: words('All meetings'), held: n(meetingTotal, 'annual.meetings.held', { from: p.from, to: p.to, kind: null }) }, empty: 'No meeting was held in the period.', note: 'Meetings dated in the period and not cancelled.' },
    ),
    table(
      'decisions-by-kind',
      'Decisions taken by kind',
      [
        { key: 'kind', label: 'Kind' },
        { key: 'recorded', label: 'Recorded', numeric: true },
        { key: 'carried', label: 'Carried or passed', numeric: true },
        { key: 'notCarried', label: 'Not carried', numeric: true },
      ],
      dk
        .filter((k) => decisions.has(k))
        .map((k) => {
          const d = decisions.get(k)!;
          return {
            kind: words(DECISION_KIND_LABEL[k]),
            recorded: n(d.count, 'annual.decisions.taken', { from: p.from, to: p.to, kind: k, result: null }),
            carried: n(d.carried, 'annual.decisions.taken', { from: p.from, to: p.to, kind: k, result: 'carried' }),
            notCarried: n(d.count - d.carried, 'annual.decisions.taken', { from: p.from, to: p.to, kind: k, result: 'notCarried' }),
          };
        }),
      {
        total: {
          kind: words('All decisions'),
          recorded: n(decisionTotal, 'annual.decisions.taken', { from: p.from, to: p.to, kind: null, result: null }),
          carried: n(carriedTotal, 'annual.decisions.taken', { from: p.from, to: p.to, kind: null, result: 'carried' }),
          notCarried: n(decisionTotal - carriedTotal, 'annual.decisions.taken', { from: p.from, to: p.to, kind: null, result: 'notCarried' }),
        },
        empty: 'No decision was recorded in the period.',
        note: 'From the decisions register: decisions at meetings and by written resolution, by the date decided.',
      },
    ),
  ];
  return { section: { id: 'meetings', title: 'Meetings and decisions', blocks }, missing: [] };
}

const METHOD_WORDS = { show_of_hands: 'Show of hands', poll: 'Poll', written: 'Written', board_vote: 'Vote' } as const;

export async function generalMeetingsSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const gms = await generalMeetingsIn(src.db, src.org.id, p, src.checkpoint);
  const blocks: SectionResult['section']['blocks'] = [];
  const missing: SectionResult['missing'] = [];
  blocks.push(
    table(
      'general-meetings',
      'General meetings held in the period',
      [
        { key: 'meeting', label: 'Meeting' },
        { key: 'heldOn', label: 'Held on' },
        { key: 'present', label: 'Members present or represented', numeric: true },
        { key: 'eligible', label: 'Members entitled to vote', numeric: true },
        { key: 'attendance', label: 'Attendance', numeric: true },
        { key: 'resolutions', label: 'Resolutions', numeric: true },
      ],
      gms.map((m) => ({
        meeting: words(m.title),
        heldOn: words(formatLegalDate(m.heldOn)),
        present: n(m.membersPresent, 'annual.meetings.membersPresent', { meetingId: m.id }),
        eligible: n(m.eligibleMembers, 'annual.members.onDate', { on: m.heldOn, classId: m.classId, voting: true, classAsAt: m.heldOn }),
        attendance: pct(m.membersPresent, m.eligibleMembers),
        resolutions: n(m.resolutions.length, 'annual.meetings.resolutions', { meetingId: m.id }),
      })),
      { empty: 'No general meeting was held in the period.', note: 'Members present in person or electronically, by proxy or by a corporate representative, from the attendance records; members entitled to vote from the register on the meeting’s day (at a class meeting, the members of that class on the day).' },
    ),
  );
  const rows = gms.flatMap((m) =>
    m.resolutions.map((r) => {
      const cast = r.votesFor === null ? null : r.votesFor + (r.votesAgainst ?? 0);
      const base = r.method === 'poll' ? m.votingRights : m.eligibleMembers;
      return {
        meeting: words(`${m.title} (${formatLegalDate(m.heldOn)})`),
        resolution: words(`${r.position !== null ? `${r.position + 1}. ` : ''}${r.kind === 'special' ? 'Special' : 'Ordinary'}: ${r.text}`),
        method: words(r.method ? METHOD_WORDS[r.method] : '—'),
        for: r.votesFor === null ? words('—') : n(r.votesFor),
        against: r.votesAgainst === null ? words('—') : n(r.votesAgainst),
        abstain: r.votesAbstain === null ? words('—') : n(r.votesAbstain),
        result: words(r.outcome ? DECISION_OUTCOME_LABEL[r.outcome] : 'No result recorded'),
        turnout: cast === null ? words('—') : pct(cast, base),
      };
    }),
  );
  blocks.push(
    table(
      'general-meeting-resolutions',
      'Members’ resolutions and their results',
      [
        { key: 'meeting', label: 'Meeting' },
        { key: 'resolution', label: 'Resolution' },
        { key: 'method', label: 'Voting' },
        { key: 'for', label: 'For', numeric: true },
        { key: 'against', label: 'Against', numeric: true },
        { key: 'abstain', label: 'Abstentions', numeric: true },
        { key: 'result', label: 'Result' },
        { key: 'turnout', label: 'Turnout', numeric: true },
      ],
      rows,
      {
        empty: 'No members’ resolution was put to a general meeting in the period.',
        note: 'The votes are those the meeting declared, as recorded. Turnout is the votes cast (for and against; abstentions are not votes cast) over the members entitled to vote on the day for a show of hands, or over their voting rights for a poll.',
      },
    ),
  );
  // The majorities are the legal form's as it stood at the end of the period (a converted society keeps its old law for earlier years).
  const form = (await organisationOnDate(src.db, src.org, p.to)).legalForm;
  blocks.push({
    type: 'text',
    tone: 'law',
    text:
      LEGAL_FORM_INFO[form].family === 'society'
        ? 'A society’s resolutions pass by the majorities its registered rules set: the Co-operative and Community Benefit Societies Act 2014 sets no general majority, and defines a special resolution only for an amalgamation, a transfer of engagements or a conversion into a company (ss109–113).'
        : 'An ordinary resolution is passed by a simple majority and a special resolution by not less than 75% of the votes cast, on a show of hands or on a poll (Companies Act 2006 s282, s283).',
  });
  if (gms.some((m) => m.resolutions.some((r) => r.outcome === null))) missing.push({ section: 'General meetings', what: 'The result of a resolution on the notice of a general meeting held in the period is not recorded.' });
  return { section: { id: 'general-meetings', title: 'General meetings and resolutions', blocks }, missing };
}
