import { sql } from 'kysely';
import type { ReportBlock, ReportValue } from '../../../../shared/contract/reports';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import type { ReadDb } from '../../context';
import { incomeByCommissionerOn } from '../../contracts/reports/live-income';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import type { OrganisationRow } from '../../db/schema';
import { groupOf, inForceOn, relationsOnDate, toHolding, type GroupMember } from '../../group/relations';
import type { OrganisationRelationRow } from '../../group/tables';
import type { BuiltReport, ReportBuilder, ReportSource } from '../source';
import { appointmentsOf, directorsOnDay } from './annual-board';
import { decisionsByKind, GENERAL_KINDS, meetingsByKind } from './annual-meetings';
import { membershipFigures } from './annual-membership';
import { particularsOnDate } from './regulator-records';
import { all, byName, figures, n, periodOf, periodWords, plural, table, words, type AnnualPeriod, type Params } from './annual-util';

/**
 * The consolidated group report (issue 11, "Group structures"): the organisation the report is
 * built for and its group as at the end of the period (main/core/group/relations.ts `groupOf`:
 * its subsidiaries, theirs, and its sisters), each organisation's governance figures side by
 * side and in total, the directors serving on several of the group's boards, and the contracts
 * across the group.
 *
 * This is the one report that reads records of more than one organisation, and it reads only
 * those `groupOf` returns: every figure is computed for one organisation at a time, by its own
 * organisation_id, with the annual governance report's own functions (membershipFigures,
 * appointmentsOf and directorsOnDay, meetingsByKind, decisionsByKind, incomeByCommissionerOn),
 * so each column equals that organisation's annual report for the same period and the total is
 * their sum. Each figure's trace names the organisation of its column (trace/group.ts checks it
 * is in the group on the date before listing anything).
 */

export interface OrganisationFigures {
  organisation: OrganisationRow;
  membersAtStart: number;
  employeeMembersAtStart: number;
  membersAtEnd: number;
  employeeMembersAtEnd: number;
  admitted: number;
  ceased: number;
  directors: number;
  boardMeetings: number;
  generalMeetings: number;
  decisions: number;
  liveContracts: number;
  incomePence: number;
  commissioners: { counterpartyId: string; name: string; nameKey: string; contracts: number; pence: number }[];
  /** Directors in office on the date, with what matching across organisations needs. */
  directorsOnDate: { officerId: string; name: string; dateOfBirth: string | null }[];
}

type Src = Pick<ReportSource, 'db' | 'period' | 'checkpoint'>;

/** One organisation's figures, each by the annual report's own function for that organisation. */
export async function organisationFigures(src: Src, org: OrganisationRow): Promise<OrganisationFigures> {
  const p = periodOf(src);
  const one = { db: src.db, org, period: src.period, checkpoint: src.checkpoint };
  const m = await membershipFigures(one);
  await src.checkpoint();
  const onDay = directorsOnDay(await appointmentsOf(src.db, org.id, p.to), p.to);
  await src.checkpoint();
  const dobs = await datesOfBirth(src.db, org.id, onDay.map((d) => d.officerId));
  const kinds = new Map((await meetingsByKind(src.db, org.id, p)).map((r) => [r.kind, Number(r.count)]));
  const decisions = (await decisionsByKind(src.db, org.id, p)).reduce((k, r) => k + Number(r.count), 0);
  await src.checkpoint();
  const live = await incomeByCommissionerOn(src.db, org.id, p.to);
  const keys = await nameKeys(src.db, org.id, live.map((l) => l.counterpartyId));
  await src.checkpoint();
  const employeeAt = (f: (c: (typeof m.classes)[number]) => number) => m.classes.reduce((k, c) => k + (c.isEmployeeClass ? f(c) : 0), 0);
  return {
    organisation: org,
    membersAtStart: m.atStart,
    employeeMembersAtStart: employeeAt((c) => c.atStart),
    membersAtEnd: m.atEnd,
    employeeMembersAtEnd: m.employeeMembersAtEnd,
    admitted: m.admitted,
    ceased: m.ceased,
    directors: onDay.length,
    boardMeetings: kinds.get('board') ?? 0,
    generalMeetings: GENERAL_KINDS.reduce((k, kind) => k + (kinds.get(kind) ?? 0), 0),
    decisions,
    liveContracts: live.reduce((k, l) => k + l.contracts, 0),
    incomePence: live.reduce((k, l) => k + l.pence, 0),
    commissioners: live.map((l) => ({ counterpartyId: l.counterpartyId, name: l.name, nameKey: keys.get(l.counterpartyId) ?? normaliseName(l.name), contracts: l.contracts, pence: l.pence })),
    directorsOnDate: onDay.map((d) => ({ officerId: d.officerId, name: d.name, dateOfBirth: dobs.get(d.officerId) ?? null })),
  };
}

async function datesOfBirth(db: ReadDb, organisationId: string, officerIds: string[]): Promise<Map<string, string | null>> {
  if (officerIds.length === 0) return new Map();
  const rows = await all<{ id: string; date_of_birth: string | null }>(
    db,
    sql`select id, date_of_birth from officer where organisation_id = ${organisationId} and id in (${sql.join(officerIds)})`,
  );
  return new Map(rows.map((r) => [r.id, r.date_of_birth]));
}

async function nameKeys(db: ReadDb, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await all<{ id: string; name: string }>(db, sql`select id, name from counterparty where organisation_id = ${organisationId} and id in (${sql.join(ids)})`);
  return new Map(rows.map((r) => [r.id, normaliseName(r.name)]));
}

/** A name for matching: accents and case folded, punctuation and repeated spaces dropped ("Siân Ó'Briain" = "sian o briain"). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SharedDirector {
  name: string;
  /** 'nameAndDateOfBirth': every entry matched had a date of birth and they agree; 'nameOnly': at least one had none recorded. */
  matchedBy: 'nameAndDateOfBirth' | 'nameOnly';
  boards: { organisationId: string; organisationName: string; officerId: string }[];
}

/**
 * The same person in office as a director of two or more of the group's organisations on the
 * date. Officers are kept per organisation (a person on two boards has two entries), so they are
 * matched by name (normaliseName) and, where both entries record it, date of birth: entries with
 * different dates of birth are different people; an entry with none is matched by name alone to
 * the one dated person of that name (or to other undated entries), and the match says so.
 */
export function sharedDirectors(cols: OrganisationFigures[]): SharedDirector[] {
  type Entry = { organisationId: string; organisationName: string; officerId: string; name: string; dob: string | null };
  const byName = new Map<string, Entry[]>();
  for (const c of cols) {
    for (const d of c.directorsOnDate) {
      const key = normaliseName(d.name);
      if (!key) continue;
      const list = byName.get(key) ?? [];
      list.push({ organisationId: c.organisation.id, organisationName: c.organisation.name, officerId: d.officerId, name: d.name, dob: d.dateOfBirth });
      byName.set(key, list);
    }
  }
  const out: SharedDirector[] = [];
  for (const entries of byName.values()) {
    const dated = new Map<string, Entry[]>();
    const undated: Entry[] = [];
    for (const e of entries) {
      if (e.dob) dated.set(e.dob, [...(dated.get(e.dob) ?? []), e]);
      else undated.push(e);
    }
    const people: { entries: Entry[]; nameOnly: boolean }[] = [...dated.values()].map((g) => ({ entries: g, nameOnly: false }));
    if (undated.length > 0) {
      // The undated entries can be told apart from no one: with exactly one dated person of the name they are taken as that person.
      if (people.length === 1) people[0] = { entries: [...people[0]!.entries, ...undated], nameOnly: true };
      else people.push({ entries: undated, nameOnly: true });
    }
    for (const person of people) {
      const orgs = new Set(person.entries.map((e) => e.organisationId));
      if (orgs.size < 2) continue;
      const boards = [...new Map(person.entries.map((e) => [e.organisationId, e])).values()]
        .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.organisationId.localeCompare(b.organisationId))
        .map((e) => ({ organisationId: e.organisationId, organisationName: e.organisationName, officerId: e.officerId }));
      out.push({ name: person.entries[0]!.name, matchedBy: person.nameOnly ? 'nameOnly' : 'nameAndDateOfBirth', boards });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.boards[0]!.officerId.localeCompare(b.boards[0]!.officerId));
}

/** The organisation that holds this one as a subsidiary on the date, if any (named only: its records are not read), with the relation as it stood then. */
async function parentOf(db: ReadDb, organisationId: string, on: string): Promise<{ relation: OrganisationRelationRow; name: string } | null> {
  const r = (await relationsOnDate(db, on)).find((x) => x.kind === 'subsidiary' && x.related_organisation_id === organisationId && inForceOn(x, on));
  if (!r) return null;
  const o = await db.selectFrom('organisation').selectAll().where('id', '=', r.organisation_id).executeTakeFirst();
  return { relation: r, name: o ? (await particularsOnDate(db, o, on)).name : '' };
}

/** The trace of one organisation's figure: its set, the organisation and the date its group is as at. */
function traceOf(set: string, org: OrganisationRow, groupOn: string, params: Params): Pick<ReportValue, 'trace'> {
  return { trace: { set, params: { ...params, organisationId: org.id, organisationName: org.name, groupOn } } };
}
function cnt(value: number, set: string, org: OrganisationRow, groupOn: string, params: Params): ReportValue {
  return { ...n(value), ...traceOf(set, org, groupOn, params) };
}
/** A group total: its trace lists the records of every organisation in the group on the date, one after another. */
function total(value: number, set: string, groupOn: string, params: Params): ReportValue {
  return { ...n(value), trace: { set, params: { ...params, organisationId: null, groupOn } } };
}
const money = (pence: number): ReportValue => ({ display: formatPence(pence), value: pence });

function roleWords(m: GroupMember, names: Map<string, string>, terms: { words: string | null } | undefined): string {
  if (m.role === 'self') return 'The organisation this report is for';
  if (m.role === 'sister') return 'Sister organisation (shares a secretariat)';
  return `Subsidiary of ${names.get(m.parentId ?? '') ?? ''}${terms?.words ? `: ${terms.words}` : ''}`;
}

export const groupReport: ReportBuilder = async (src): Promise<BuiltReport> => {
  const p: AnnualPeriod = periodOf(src);
  const group = await groupOf(src.db, src.org.id, p.to);
  // Each organisation under its name as it stood at the end of the period (the table keeps only today's).
  const members: GroupMember[] = [];
  for (const m of group.members.length > 0 ? group.members : [{ organisation: src.org, role: 'self' as const, parentId: null, depth: 0 }]) {
    members.push({ ...m, organisation: { ...m.organisation, name: (await particularsOnDate(src.db, m.organisation, p.to)).name } });
  }
  const self = members[0]!.organisation;
  const names = new Map(members.map((m) => [m.organisation.id, m.organisation.name]));
  const relationOf = (m: GroupMember) =>
    group.relations.find((r) =>
      m.role === 'subsidiary'
        ? r.kind === 'subsidiary' && r.organisation_id === m.parentId && r.related_organisation_id === m.organisation.id
        : r.kind === 'sister' && (r.organisation_id === m.organisation.id || r.related_organisation_id === m.organisation.id),
    );
  const parent = await parentOf(src.db, self.id, p.to);
  const steps = members.length + 1;

  // Each organisation in turn, by its own id: never a statement over several.
  const cols: OrganisationFigures[] = [];
  for (const [i, m] of members.entries()) {
    src.progress(i, steps, `Reading ${m.organisation.name}`);
    await src.checkpoint();
    cols.push(await organisationFigures(src, m.organisation));
  }
  src.progress(members.length, steps, 'Across the group');
  await src.checkpoint();

  const on = p.to;
  const sum = (f: (c: OrganisationFigures) => number) => cols.reduce((k, c) => k + f(c), 0);
  const orgCell = (c: OrganisationFigures) => words(c.organisation.name);
  const pp = { from: p.from, to: p.to };

  // The group and how it relates.
  const groupBlocks: ReportBlock[] = [
    {
      type: 'text',
      text: `The group of ${self.name} on ${formatLegalDate(on)}: ${plural(members.length, 'organisation')} kept in this file — ${self.name}, ${
        members.length > 1 ? `its subsidiaries (held directly or through another) and the organisations sharing its secretariat, as recorded in Settings › Group` : 'and no other organisation related to it on that day'
      }. Each organisation’s figures are read from its own records only and are the figures of its own annual governance report ${periodWords(p)}.`,
    },
    table(
      'group-organisations',
      `The organisations in the group on ${formatLegalDate(on)}`,
      [
        { key: 'organisation', label: 'Organisation' },
        { key: 'relation', label: 'In the group as' },
        { key: 'since', label: 'Since' },
      ],
      members.map((m) => {
        const r = relationOf(m);
        // groupOf's relations are as they stood on the date (a holding recorded again later shows its terms then).
        return { organisation: words(m.organisation.name), relation: words(roleWords(m, names, r ? { words: toHolding(r)?.words ?? null } : undefined)), since: words(r ? formatLegalDate(r.since_on) : '—') };
      }),
    ),
  ];
  if (parent) {
    const holding = toHolding(parent.relation)?.words ?? null;
    groupBlocks.push({
      type: 'text',
      tone: 'note',
      text: `${self.name} was itself a subsidiary of ${parent.name} on ${formatLegalDate(on)}${holding ? ` (${holding})` : ''}. This report covers ${self.name} and the organisations it holds or shares a secretariat with; ${parent.name}’s records are not part of it. Build the report for ${parent.name} to see its whole group.`,
    });
  }
  groupBlocks.push({
    type: 'text',
    tone: 'note',
    text: 'This is a governance report, not consolidated accounts: the figures are counts from each organisation’s registers and the contract income recorded, added up. Group accounts, where the law asks for them, are prepared from the accounts, which the app does not keep.',
  });
  if (members.some((m) => m.role === 'subsidiary' && m.parentId === self.id)) {
    // Read from legislation.gov.uk: CA 2006 s399(2), (2A) (as amended by SI 2015/980); CCBS Act 2014 s98(1)-(2), (6), (8).
    // The legal form at the end of the period, rolled back from the audit log (the table keeps only today's).
    const form = (await organisationOnDate(src.db, self, p.to)).legalForm;
    const society = form === 'cooperative_society' || form === 'community_benefit_society';
    groupBlocks.push({
      type: 'text',
      tone: 'law',
      text: society
        ? `A registered society with subsidiaries at the end of its year of account must have group accounts prepared for the society and its subsidiaries, audited and sent to the FCA with its annual return (Co-operative and Community Benefit Societies Act 2014 s98). They are not part of this report.`
        : `A parent company’s directors must prepare group accounts as well as the company’s own accounts for the year, unless it is exempt, for example as a company subject to the small companies regime (Companies Act 2006 s399(2), (2A)). They are not part of this report.`,
    });
  }

  // Members by organisation.
  const memberRow = (c: OrganisationFigures) => {
    const o = c.organisation;
    return {
      organisation: orgCell(c),
      employeeAtStart: cnt(c.employeeMembersAtStart, 'group.members.onDate', o, on, { on: p.start, classKind: 'employee', classAsAt: p.to }),
      otherAtStart: cnt(c.membersAtStart - c.employeeMembersAtStart, 'group.members.onDate', o, on, { on: p.start, classKind: 'other', classAsAt: p.to }),
      atStart: cnt(c.membersAtStart, 'group.members.onDate', o, on, { on: p.start, classKind: null, classAsAt: p.to }),
      admitted: cnt(c.admitted, 'group.members.admitted', o, on, { ...pp, classId: null }),
      ceased: cnt(c.ceased, 'group.members.ceased', o, on, { ...pp, classId: null, reason: null }),
      employeeAtEnd: cnt(c.employeeMembersAtEnd, 'group.members.onDate', o, on, { on: p.to, classKind: 'employee', classAsAt: p.to }),
      otherAtEnd: cnt(c.membersAtEnd - c.employeeMembersAtEnd, 'group.members.onDate', o, on, { on: p.to, classKind: 'other', classAsAt: p.to }),
      atEnd: cnt(c.membersAtEnd, 'group.members.onDate', o, on, { on: p.to, classKind: null, classAsAt: p.to }),
    };
  };
  const groupTotal = (label = 'The group') => ({ organisation: words(label) });
  const membersTotal = {
    ...groupTotal(),
    employeeAtStart: total(sum((c) => c.employeeMembersAtStart), 'group.members.onDate', on, { on: p.start, classKind: 'employee', classAsAt: p.to }),
    otherAtStart: total(sum((c) => c.membersAtStart - c.employeeMembersAtStart), 'group.members.onDate', on, { on: p.start, classKind: 'other', classAsAt: p.to }),
    atStart: total(sum((c) => c.membersAtStart), 'group.members.onDate', on, { on: p.start, classKind: null, classAsAt: p.to }),
    admitted: total(sum((c) => c.admitted), 'group.members.admitted', on, { ...pp, classId: null }),
    ceased: total(sum((c) => c.ceased), 'group.members.ceased', on, { ...pp, classId: null, reason: null }),
    employeeAtEnd: total(sum((c) => c.employeeMembersAtEnd), 'group.members.onDate', on, { on: p.to, classKind: 'employee', classAsAt: p.to }),
    otherAtEnd: total(sum((c) => c.membersAtEnd - c.employeeMembersAtEnd), 'group.members.onDate', on, { on: p.to, classKind: 'other', classAsAt: p.to }),
    atEnd: total(sum((c) => c.membersAtEnd), 'group.members.onDate', on, { on: p.to, classKind: null, classAsAt: p.to }),
  };
  const memberBlocks: ReportBlock[] = [
    figures([
      { id: 'group-members-at-start', label: `Members across the group on ${formatLegalDate(p.start)}`, value: membersTotal.atStart },
      { id: 'group-members-admitted', label: 'Members admitted in the period', value: membersTotal.admitted },
      { id: 'group-members-ceased', label: 'Members who ceased in the period', value: membersTotal.ceased },
      { id: 'group-members-at-end', label: `Members across the group on ${formatLegalDate(p.to)}`, value: membersTotal.atEnd },
    ]),
    table(
      'group-members',
      'Members by organisation',
      [
        { key: 'organisation', label: 'Organisation' },
        { key: 'employeeAtStart', label: `Employee members on ${formatLegalDate(p.start)}`, numeric: true },
        { key: 'otherAtStart', label: `Other members on ${formatLegalDate(p.start)}`, numeric: true },
        { key: 'atStart', label: `All members on ${formatLegalDate(p.start)}`, numeric: true },
        { key: 'admitted', label: 'Admitted', numeric: true },
        { key: 'ceased', label: 'Ceased', numeric: true },
        { key: 'employeeAtEnd', label: `Employee members on ${formatLegalDate(p.to)}`, numeric: true },
        { key: 'otherAtEnd', label: `Other members on ${formatLegalDate(p.to)}`, numeric: true },
        { key: 'atEnd', label: `All members on ${formatLegalDate(p.to)}`, numeric: true },
      ],
      cols.map(memberRow),
      {
        total: membersTotal,
        note: 'Employee members are the members of the classes marked as employee classes; each member is counted in the class they were in at the end of the period, as the annual governance report counts them. The group’s row is the sum of the organisations’ rows.',
      },
    ),
    {
      type: 'chart',
      id: 'group-members-chart',
      chart: 'stackedBar',
      title: `Members by organisation on ${formatLegalDate(p.to)}`,
      alt: `Stacked bar chart of the members of each organisation in the group on ${formatLegalDate(p.to)}, employee members and other members: ${cols
        .map((c) => `${c.organisation.name} ${c.employeeMembersAtEnd.toLocaleString('en-GB')} employee and ${(c.membersAtEnd - c.employeeMembersAtEnd).toLocaleString('en-GB')} other, ${c.membersAtEnd.toLocaleString('en-GB')} in all`)
        .join('; ')}. ${membersTotal.atEnd.display} members across the group.`,
      tableId: 'group-members',
      labelKey: 'organisation',
      valueKeys: ['employeeAtEnd', 'otherAtEnd'],
    },
  ];

  // Boards, meetings and decisions by organisation.
  const shared = sharedDirectors(cols);
  const boardBlocks: ReportBlock[] = [
    table(
      'group-governance',
      'Boards, meetings and decisions by organisation',
      [
        { key: 'organisation', label: 'Organisation' },
        { key: 'directors', label: `Directors in office on ${formatLegalDate(p.to)}`, numeric: true },
        { key: 'boardMeetings', label: 'Board meetings held', numeric: true },
        { key: 'generalMeetings', label: 'General meetings held', numeric: true },
        { key: 'decisions', label: 'Decisions recorded', numeric: true },
      ],
      cols.map((c) => ({
        organisation: orgCell(c),
        directors: cnt(c.directors, 'group.board.directorsOnDate', c.organisation, on, { on: p.to, kind: null }),
        boardMeetings: cnt(c.boardMeetings, 'group.meetings.held', c.organisation, on, { ...pp, kind: 'board' }),
        generalMeetings: cnt(c.generalMeetings, 'group.meetings.general', c.organisation, on, pp),
        decisions: cnt(c.decisions, 'group.decisions.taken', c.organisation, on, { ...pp, kind: null, result: null }),
      })),
      {
        total: {
          ...groupTotal(),
          directors: total(sum((c) => c.directors), 'group.board.directorsOnDate', on, { on: p.to, kind: null }),
          boardMeetings: total(sum((c) => c.boardMeetings), 'group.meetings.held', on, { ...pp, kind: 'board' }),
          generalMeetings: total(sum((c) => c.generalMeetings), 'group.meetings.general', on, pp),
          decisions: total(sum((c) => c.decisions), 'group.decisions.taken', on, { ...pp, kind: null, result: null }),
        },
        note: `Meetings held ${periodWords(p)} and not cancelled; general meetings include annual general and class meetings; decisions are those recorded in each organisation’s decision register in the period. The group’s directors are counted once per board: a person on two boards counts twice (see below).`,
      },
    ),
    table(
      'group-shared-directors',
      `Directors serving on several boards of the group on ${formatLegalDate(p.to)}`,
      [
        { key: 'director', label: 'Director' },
        { key: 'boards', label: 'Boards' },
        { key: 'count', label: 'Number of boards', numeric: true },
        { key: 'matchedBy', label: 'Matched by' },
      ],
      shared.map((s) => ({
        director: words(s.name),
        boards: words(s.boards.map((b) => b.organisationName).join('; ')),
        count: n(s.boards.length),
        matchedBy: words(s.matchedBy === 'nameAndDateOfBirth' ? 'Name and date of birth' : 'Name only (a date of birth is not recorded for every entry)'),
      })),
      {
        empty: `No director was in office on the boards of two or more of the group’s organisations on ${formatLegalDate(p.to)}.`,
        note: 'Each organisation keeps its own register of directors, so the same person on two boards has two entries. They are matched by name (ignoring case, accents and punctuation) and by date of birth where both entries record one; entries with different dates of birth are different people. A match by name only may join two people of the same name: check it against the registers.',
      },
    ),
  ];

  // Contracts across the group.
  type Commissioner = { key: string; name: string; byOrg: Map<string, { contracts: number; pence: number; counterpartyId: string }> };
  const commissioners = new Map<string, Commissioner>();
  for (const c of cols) {
    for (const l of c.commissioners) {
      const k = commissioners.get(l.nameKey) ?? { key: l.nameKey, name: l.name, byOrg: new Map() };
      k.byOrg.set(c.organisation.id, { contracts: l.contracts, pence: l.pence, counterpartyId: l.counterpartyId });
      commissioners.set(l.nameKey, k);
    }
  }
  const incomeOf = (k: Commissioner) => [...k.byOrg.values()].reduce((a, b) => a + b.pence, 0);
  const commissionerRows = [...commissioners.values()].sort((a, b) => incomeOf(b) - incomeOf(a) || byName(a, b) || a.key.localeCompare(b.key));
  const orgKey = (i: number) => `org${i + 1}`;
  const totalIncome = sum((c) => c.incomePence);
  const liveTotal = total(sum((c) => c.liveContracts), 'group.contracts.live', on, { on: p.to, counterpartyId: null });
  const contractBlocks: ReportBlock[] = [
    figures([
      { id: 'group-contracts-live', label: `Contracts live across the group on ${formatLegalDate(p.to)}`, value: liveTotal },
      { id: 'group-contracts-income', label: 'Their annual income', value: money(totalIncome) },
    ]),
    table(
      'group-contracts',
      'Contracts by organisation',
      [
        { key: 'organisation', label: 'Organisation' },
        { key: 'live', label: `Contracts live on ${formatLegalDate(p.to)}`, numeric: true },
        { key: 'income', label: 'Annual income', numeric: true },
      ],
      cols.map((c) => ({
        organisation: orgCell(c),
        live: cnt(c.liveContracts, 'group.contracts.live', c.organisation, on, { on: p.to, counterpartyId: null }),
        income: money(c.incomePence),
      })),
      { total: { ...groupTotal(), live: liveTotal, income: money(totalIncome) } },
    ),
    table(
      'group-income-by-commissioner',
      `Annual income by commissioner across the group on ${formatLegalDate(p.to)}`,
      [
        { key: 'commissioner', label: 'Commissioner' },
        ...cols.map((c, i) => ({ key: orgKey(i), label: c.organisation.name, numeric: true })),
        { key: 'total', label: 'The group', numeric: true },
        { key: 'organisations', label: 'Organisations contracting', numeric: true },
      ],
      commissionerRows.map((k) => ({
        commissioner: words(k.name),
        ...Object.fromEntries(
          cols.map((c, i) => {
            const v = k.byOrg.get(c.organisation.id);
            return [orgKey(i), v ? { ...money(v.pence), ...traceOf('group.contracts.live', c.organisation, on, { on: p.to, counterpartyId: v.counterpartyId }) } : money(0)];
          }),
        ),
        total: money(incomeOf(k)),
        organisations: n(k.byOrg.size),
      })),
      {
        total: { commissioner: words('All commissioners'), ...Object.fromEntries(cols.map((c, i) => [orgKey(i), money(c.incomePence)])), total: money(totalIncome), organisations: words('—') },
        empty: 'No contract was live in the group on the date.',
        note: 'The last row adds each organisation’s income; “Organisations contracting” is not added up. Each organisation keeps its own list of commissioners; a commissioner is taken to be the same across the group when its name is the same (ignoring case, accents and punctuation). The income is the annual value recorded for each contract live on the date, as in each organisation’s annual report; each figure lists its contracts.',
      },
    ),
  ];
  const sharedCommissioners = commissionerRows.filter((k) => k.byOrg.size > 1);
  contractBlocks.push(
    table(
      'group-shared-commissioners',
      'Commissioners contracting with several organisations of the group',
      [
        { key: 'commissioner', label: 'Commissioner' },
        { key: 'organisations', label: 'Organisations' },
        { key: 'live', label: 'Contracts live', numeric: true },
        { key: 'income', label: 'Annual income', numeric: true },
      ],
      sharedCommissioners.map((k) => ({
        commissioner: words(k.name),
        organisations: words(cols.filter((c) => k.byOrg.has(c.organisation.id)).map((c) => c.organisation.name).join('; ')),
        live: n([...k.byOrg.values()].reduce((a, b) => a + b.contracts, 0)),
        income: money(incomeOf(k)),
      })),
      { empty: 'No commissioner had live contracts with more than one organisation of the group on the date.' },
    ),
  );

  src.progress(steps, steps, 'Done');
  return {
    title: `Consolidated group report, ${formatLegalDate(p.from)} to ${formatLegalDate(p.to)}`,
    sections: [
      { id: 'group', title: 'The group', blocks: groupBlocks },
      { id: 'group-membership', title: 'Membership across the group', blocks: memberBlocks },
      { id: 'group-boards', title: 'Boards, meetings and decisions', blocks: boardBlocks },
      { id: 'group-contracts-section', title: 'Contracts across the group', blocks: contractBlocks },
    ],
    missing: [],
  };
};
