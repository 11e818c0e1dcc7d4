import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../../shared/contract/organisation';
import type { Officer } from '../../../../shared/contract/officers';
import type { ReportBlock, ReportDoc, ReportSection, ReportTable, ReportValue } from '../../../../shared/contract/reports';
import { reportDocSchema } from '../../../../shared/contract/reports';
import type { Core } from '../../core';
import type { ReadDb } from '../../context';
import type { OrganisationRow } from '../../db/schema';
import { appointDirector, commissioner, contract } from '../../contracts/reports/fixtures.test-helpers';
import { admit, makeClass, person, registerOf } from '../../members/register.test-helpers';
import { expectOk, runJob, jobResult, validSetUpInput, type TestCore } from '../../testing';
import type { ReportSource } from '../source';
import { GROUP_TRACE_SETS } from '../trace/group';
import { exportsDirFor } from '../../exports/file-store';
import { sheetNames } from '../export-xlsx';
import { groupOf } from '../../group/relations';
import { groupReport, normaliseName, sharedDirectors, type OrganisationFigures } from './group';

/**
 * The consolidated group report through the real core and migrations: a parent, its subsidiary
 * and a third organisation in the same file related to neither, each with records made through
 * the real methods. The group's columns and totals are compared with each organisation's own
 * annual report built by reports.build; a director on both boards is found; the third
 * organisation is never read; the report is the same after later changes; each trace lists
 * exactly its figure's records, and a trace naming the third organisation is refused.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const FROM = '2025-04-01';
const TO = '2026-03-31';
const ok = async <T>(core: Core, method: string, input: unknown) => expectOk(await core.dispatch(method, input)) as T;
const employee = (n: string) => ({ employee: { employeeNumber: n, employmentStart: '2019-01-01', weeklyHours: 37.5 } });

/** An officer appointed director, with the date of birth given (or none recorded). */
async function director(core: Core, givenNames: string, familyName: string, dateOfBirth: string | null, appointedOn: string): Promise<Officer> {
  return ok<Officer>(core, 'officers.add', {
    particulars: {
      givenNames,
      familyName,
      serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
      ...(dateOfBirth ? { dateOfBirth } : {}),
      nationality: 'British',
      occupation: 'Nurse',
      countryOfResidence: 'England',
    },
    residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    appointment: { role: 'director', directorKind: 'independent', appointedOn },
  });
}

async function boardMeeting(core: Core, heldOn: string, decisions: string[], present: { id: string }[]) {
  type View = { meeting: { id: string }; items: { id: string }[] };
  let v = await ok<View>(core, 'meetings.create', { kind: 'board', heldOn, startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  v = await ok<View>(core, 'meetings.addItem', { meetingId: v.meeting.id, title: 'Business', purpose: 'decision' });
  const itemId = v.items.at(-1)!.id;
  for (const o of present) await ok(core, 'meetings.setAttendance', { meetingId: v.meeting.id, officerId: o.id, status: 'present' });
  for (const text of decisions) await ok(core, 'decisions.record', { agendaItemId: itemId, kind: 'board', text, votesFor: 2, votesAgainst: 0 });
}

interface Known {
  core: Core;
  parent: Organisation;
  sub: Organisation;
  other: Organisation;
  /** The subsidiary's employee class and its Leeds City Council. */
  subStaff: Awaited<ReturnType<typeof makeClass>>;
  subLeeds: string;
}

/**
 * The parent (Riverside Care Mutual) holds all the shares of Riverside Care Services from 1 April
 * 2020; Valley Health Mutual is in the same file and related to neither. Siân Ó Briain sits on
 * the parent's and the subsidiary's boards (the subsidiary spells her "Sian O'Briain") and on
 * Valley's; Ravi Patel on the parent's and a different Ravi Patel (another date of birth) on the
 * subsidiary's. Leeds City Council commissions
 * both the parent and the subsidiary (and Valley).
 */
async function knownGroup(): Promise<Known> {
  t = await registerOf('company_limited_by_guarantee');
  const core = t.core;
  const parent = await ok<Organisation>(core, 'organisation.get', {});
  const sub = await ok<Organisation>(core, 'group.addOrganisation', validSetUpInput({ particulars: { name: 'Riverside Care Services', registrationNumber: '07654321', incorporatedOn: '2015-04-01' } }));
  const other = await ok<Organisation>(core, 'group.addOrganisation', validSetUpInput({ particulars: { name: 'Valley Health Mutual', registrationNumber: '07000001', incorporatedOn: '2015-04-01' } }));
  await ok(core, 'group.setRelation', {
    organisationId: parent.id,
    relatedOrganisationId: sub.id,
    kind: 'subsidiary',
    holding: { basis: 'shares', words: 'All 100 ordinary shares of £1', sharesHeld: 100, sharesPct: 100, votesPct: 100 },
    sinceOn: '2020-04-01',
  });

  // The parent.
  {
    const staff = await makeClass(core, 'Employee', null, true);
    const community = await makeClass(core, 'Community', null, false);
    await admit(core, staff, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06' });
    const grace = await admit(core, staff, person('Grace', 'Hopper', employee('E2')), { admittedOn: '2020-01-06' });
    await admit(core, staff, person('Alan', 'Turing', employee('E3')), { admittedOn: '2025-05-01' });
    await admit(core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
    await admit(core, community, person('Florence', 'Nightingale'), { admittedOn: TO });
    await ok(core, 'members.cease', { memberId: grace.id, ceasedOn: '2025-06-30', reason: 'left_employment' });
    const board = [(await appointDirector(core, 'Siân', 'Ó Briain', 'employee', '2020-02-01')) as Officer, (await appointDirector(core, 'Ravi', 'Patel', 'independent', '2020-02-01')) as Officer];
    board.push(await director(core, 'Joan', 'Bakewell', '1950-04-16', '2021-01-01'));
    await boardMeeting(core, '2025-05-10', ['To renew the lease.'], board);
    await boardMeeting(core, '2025-10-15', ['To buy a minibus.', 'To hire a chef.'], board);
    const leeds = await commissioner(core, 'Leeds City Council');
    const icb = await commissioner(core, 'NHS West Yorkshire ICB', 'icb');
    await contract(core, { counterpartyId: leeds, reference: 'P1', services: ['85310000-5'], awardOn: '2024-04-01', endOn: '2028-03-31', annualValuePence: 100_000_00 });
    await contract(core, { counterpartyId: icb, reference: 'P2', services: ['85310000-5'], awardOn: '2025-06-01', endOn: '2027-06-30', annualValuePence: 40_000_00 });
  }

  // The subsidiary.
  await ok(core, 'group.switch', { organisationId: sub.id });
  const subStaff = await makeClass(core, 'Staff', null, true);
  let subLeeds!: string;
  {
    const staff = subStaff;
    const users = await makeClass(core, 'Service users', null, false);
    await admit(core, staff, person('Nye', 'Bevan', employee('S1')), { admittedOn: '2019-06-01' });
    await admit(core, staff, person('Edith', 'Cavell', employee('S2')), { admittedOn: '2025-09-01' });
    const gone = await admit(core, users, person('Octavia', 'Hill'), { admittedOn: '2022-01-01' });
    await admit(core, users, person('Mary', 'Wollstonecraft'), { admittedOn: '2023-01-01' });
    await ok(core, 'members.cease', { memberId: gone.id, ceasedOn: '2026-01-31', reason: 'resigned' });
    const board = [(await appointDirector(core, 'Sian', "O'Briain", 'independent', '2021-04-01')) as Officer, await director(core, 'Ravi', 'Patel', '1975-05-05', '2021-04-01')];
    board.push(await director(core, 'Clement', 'Attlee', '1955-01-03', '2021-04-01'));
    await boardMeeting(core, '2025-07-01', ['To adopt the safeguarding policy.'], board);
    const leeds = await commissioner(core, 'Leeds City Council');
    subLeeds = leeds;
    await contract(core, { counterpartyId: leeds, reference: 'S1', services: ['85310000-5'], awardOn: '2024-04-01', endOn: '2028-03-31', annualValuePence: 25_000_00 });
  }

  // The organisation outside the group.
  await ok(core, 'group.switch', { organisationId: other.id });
  {
    const cls = await makeClass(core, 'Members', null, true);
    for (const [i, name] of ['Valerie', 'Victor', 'Vera', 'Vince', 'Viola', 'Vaughan', 'Vanessa'].entries()) await admit(core, cls, person(name, 'Vale', employee(`V${i}`)), { admittedOn: '2020-01-01' });
    const board = [(await appointDirector(core, 'Siân', 'Ó Briain', 'independent', '2020-02-01')) as Officer, await director(core, 'Vic', 'Vale', '1966-06-06', '2020-02-01')];
    await boardMeeting(core, '2025-08-01', ['A decision of Valley.'], board);
    const leeds = await commissioner(core, 'Leeds City Council');
    await contract(core, { counterpartyId: leeds, reference: 'V1', services: ['85310000-5'], awardOn: '2024-04-01', endOn: '2028-03-31', annualValuePence: 999_000_00 });
  }
  await ok(core, 'group.switch', { organisationId: parent.id });
  return { core, parent, sub, other, subStaff, subLeeds };
}

function blocksOf(sections: ReportSection[]): ReportBlock[] {
  return sections.flatMap((s) => [...s.blocks, ...blocksOf(s.sections ?? [])]);
}
function figure(doc: { sections: ReportSection[] }, id: string): ReportValue {
  for (const b of blocksOf(doc.sections)) if (b.type === 'figures') for (const i of b.items) if (i.id === id) return i.value;
  throw new Error(`no figure ${id}`);
}
function tableOf(doc: { sections: ReportSection[] }, id: string): ReportTable {
  const b = blocksOf(doc.sections).find((x) => x.type === 'table' && x.id === id);
  if (!b || b.type !== 'table') throw new Error(`no table ${id}`);
  return b;
}
function rowOf(tbl: ReportTable, organisation: string): Record<string, ReportValue> {
  const r = tbl.rows.find((x) => x['organisation']?.display === organisation);
  if (!r) throw new Error(`no row for ${organisation} in ${tbl.id}`);
  return r;
}
const v = (x: ReportValue | undefined) => x?.value ?? null;

async function build(core: Core, kind: 'annual' | 'group'): Promise<ReportDoc> {
  return jobResult<ReportDoc>(core, 'reports.build', { kind, asAt: TO, from: FROM });
}

/** The figures the group report takes from an organisation's annual report, read from that report. */
function annualFigures(doc: ReportDoc) {
  const byClass = tableOf(doc, 'membership-by-class');
  const employeeAtStart = byClass.rows.filter((r) => r['class']!.display.endsWith('(employee class)')).reduce((k, r) => k + (v(r['atStart']) ?? 0), 0);
  const atStart = v(figure(doc, 'members-at-start'))!;
  const atEnd = v(figure(doc, 'members-at-end'))!;
  const employeeAtEnd = v(figure(doc, 'employee-members'))!;
  const boardRow = tableOf(doc, 'meetings-by-kind').rows.find((r) => r['kind']!.display === 'Board meetings');
  return {
    employeeAtStart,
    otherAtStart: atStart - employeeAtStart,
    atStart,
    admitted: v(figure(doc, 'members-admitted')),
    ceased: v(figure(doc, 'members-ceased')),
    employeeAtEnd,
    otherAtEnd: atEnd - employeeAtEnd,
    atEnd,
    directors: v(figure(doc, 'directors-on-date')),
    boardMeetings: boardRow ? v(boardRow['held']) : 0,
    generalMeetings: tableOf(doc, 'general-meetings').rows.length,
    decisions: v(figure(doc, 'decisions-taken')),
    live: v(figure(doc, 'contracts-live')),
    income: v(figure(doc, 'contracts-income')),
  };
}
type Figures = ReturnType<typeof annualFigures>;

/** The same figures from an organisation's row of the group report. */
function groupColumn(doc: ReportDoc, organisation: string | null): Figures {
  const pick = (id: string) => {
    const tbl = tableOf(doc, id);
    return organisation === null ? tbl.total! : rowOf(tbl, organisation);
  };
  const m = pick('group-members');
  const g = pick('group-governance');
  const c = pick('group-contracts');
  return {
    employeeAtStart: v(m['employeeAtStart'])!,
    otherAtStart: v(m['otherAtStart'])!,
    atStart: v(m['atStart'])!,
    admitted: v(m['admitted']),
    ceased: v(m['ceased']),
    employeeAtEnd: v(m['employeeAtEnd'])!,
    otherAtEnd: v(m['otherAtEnd'])!,
    atEnd: v(m['atEnd'])!,
    directors: v(g['directors']),
    boardMeetings: v(g['boardMeetings']),
    generalMeetings: v(g['generalMeetings'])!,
    decisions: v(g['decisions']),
    live: v(c['live']),
    income: v(c['income']),
  };
}

function sourceOf(db: ReadDb, org: OrganisationRow): ReportSource {
  return { db, org, request: { kind: 'group', asAt: TO, from: FROM }, period: { from: FROM, to: TO }, today: '2026-11-30', progress: () => {}, checkpoint: async () => {} };
}
const orgRow = (core: Core, id: string) => core.db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the consolidated group report', () => {
  it('gives each organisation’s figures as its own annual report does, and totals that are their sum', async () => {
    const { core, parent, sub } = await knownGroup();
    const group = await build(core, 'group');
    expect(() => reportDocSchema.parse(group)).not.toThrow();
    const annualParent = await build(core, 'annual');
    await ok(core, 'group.switch', { organisationId: sub.id });
    const annualSub = await build(core, 'annual');
    await ok(core, 'group.switch', { organisationId: parent.id });

    const pf = annualFigures(annualParent);
    const sf = annualFigures(annualSub);
    expect(groupColumn(group, parent.name)).toEqual(pf);
    expect(groupColumn(group, sub.name)).toEqual(sf);
    const sum = Object.fromEntries(Object.keys(pf).map((k) => [k, (pf[k as keyof Figures] ?? 0) + (sf[k as keyof Figures] ?? 0)]));
    expect(groupColumn(group, null)).toEqual(sum);
    // The known values, so the comparison is not of two empty reports.
    expect(pf).toMatchObject({ employeeAtStart: 2, otherAtStart: 1, atStart: 3, admitted: 2, ceased: 1, employeeAtEnd: 2, otherAtEnd: 2, atEnd: 4, directors: 3, boardMeetings: 2, decisions: 3, live: 2, income: 140_000_00 });
    expect(sf).toMatchObject({ employeeAtStart: 1, otherAtStart: 2, atStart: 3, admitted: 1, ceased: 1, employeeAtEnd: 2, otherAtEnd: 1, atEnd: 3, directors: 3, boardMeetings: 1, decisions: 1, live: 1, income: 25_000_00 });
    expect(figure(group, 'group-members-at-end').value).toBe(7);
    expect(figure(group, 'group-contracts-income').value).toBe(165_000_00);

    // The organisations and how they relate; the stacked chart of members with its text alternative.
    expect(tableOf(group, 'group-organisations').rows.map((r) => [r['organisation']!.display, r['relation']!.display])).toEqual([
      ['Riverside Care Mutual', 'The organisation this report is for'],
      ['Riverside Care Services', 'Subsidiary of Riverside Care Mutual: All 100 ordinary shares of £1'],
    ]);
    expect(blocksOf(group.sections).filter((b) => b.type === 'text' && b.tone === 'law').map((b) => b.type === 'text' && b.text)).toEqual([expect.stringContaining('(Companies Act 2006 s399(2), (2A))')]);
    const chart = blocksOf(group.sections).find((b) => b.type === 'chart');
    expect(chart).toMatchObject({ chart: 'stackedBar', tableId: 'group-members', valueKeys: ['employeeAtEnd', 'otherAtEnd'] });
    expect(chart?.type === 'chart' && chart.alt).toContain('Riverside Care Services 2 employee and 1 other, 3 in all');

    // Income by commissioner across the group: Leeds shared by both, matched by name.
    const income = tableOf(group, 'group-income-by-commissioner');
    expect(income.rows.map((r) => [r['commissioner']!.display, v(r['org1']), v(r['org2']), v(r['total']), v(r['organisations'])])).toEqual([
      ['Leeds City Council', 100_000_00, 25_000_00, 125_000_00, 2],
      ['NHS West Yorkshire ICB', 40_000_00, 0, 40_000_00, 1],
    ]);
    expect(tableOf(group, 'group-shared-commissioners').rows.map((r) => [r['commissioner']!.display, r['organisations']!.display, v(r['live'])])).toEqual([
      ['Leeds City Council', 'Riverside Care Mutual; Riverside Care Services', 2],
    ]);
  });

  it('finds a director on two boards of the group by name and date of birth, or by name only and says so', async () => {
    const { core, parent } = await knownGroup();
    const doc = await groupReport(sourceOf(core.db, await orgRow(core, parent.id)));
    const shared = tableOf(doc, 'group-shared-directors');
    expect(shared.rows.map((r) => [r['director']!.display, r['boards']!.display, v(r['count']), r['matchedBy']!.display])).toEqual([
      ['Siân Ó Briain', 'Riverside Care Mutual; Riverside Care Services', 2, 'Name and date of birth'],
    ]);
    // Two Ravi Patels with different dates of birth are two people; Valley's Siân Ó Briain is outside the group.
    expect(JSON.stringify(shared)).not.toContain('Ravi');
    expect(JSON.stringify(shared)).not.toContain('Valley');
    expect(normaliseName("Siân  Ó'Briain")).toBe(normaliseName('sian o briain'));
  });

  it('matches by name only where a date of birth is not recorded (a company must record it; a society need not), and says so', () => {
    const col = (id: string, name: string, directors: [string, string | null][]) =>
      ({ organisation: { id, name } as OrganisationRow, directorsOnDate: directors.map(([n, dob], i) => ({ officerId: `${id}-${i}`, name: n, dateOfBirth: dob })) }) as OrganisationFigures;
    const found = sharedDirectors([
      col('a', 'Alpha', [['Jo Bloggs', null], ['Ann Lee', '1970-01-01'], ['Kim Roe', '1960-02-02']]),
      col('b', 'Beta', [['Jo  Bloggs', null], ['Ann Lee', '1971-01-01'], ['Kim Roe', null]]),
      col('c', 'Gamma', [['Kim Roe', '1960-02-02']]),
    ]);
    expect(found.map((f) => [f.name, f.matchedBy, f.boards.map((b) => b.organisationName)])).toEqual([
      ['Jo Bloggs', 'nameOnly', ['Alpha', 'Beta']],
      ['Kim Roe', 'nameOnly', ['Alpha', 'Beta', 'Gamma']],
    ]);
  });

  it('never reads the organisation outside the group: no statement names it, nothing of it is in the report, and its traces are refused', async () => {
    const { core, parent, sub, other } = await knownGroup();
    const statements: string[] = [];
    const watched = core.db.withPlugin({
      transformQuery: (a) => {
        statements.push(JSON.stringify(a.node));
        return a.node;
      },
      transformResult: async (a) => a.result,
    }) as unknown as ReadDb;
    const doc = await groupReport(sourceOf(watched, await orgRow(core, parent.id)));
    expect(statements.length).toBeGreaterThan(10);
    // The watch sees the organisations' ids in the statements' values (the subsidiary's is read by its own), never the outsider's.
    expect(statements.some((s) => s.includes(sub.id))).toBe(true);
    expect(statements.filter((s) => s.includes(other.id))).toEqual([]);
    // Its officers, members, commissioners' contracts and income are nowhere in the report.
    const text = JSON.stringify(doc);
    expect(text).not.toContain('Valley');
    expect(text).not.toContain('Vale');
    expect(text).not.toContain(other.id);
    expect(figure(doc, 'group-contracts-income').value).toBe(165_000_00);

    // A trace naming it is refused, whatever set it names.
    const refused = await core.dispatch('reports.trace', { trace: { set: 'group.members.onDate', params: { organisationId: other.id, groupOn: TO, on: TO, classKind: null } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('not in the group of Riverside Care Mutual on 31 March 2026') } });
    const refused2 = await core.dispatch('reports.trace', { trace: { set: 'group.contracts.live', params: { organisationId: other.id, groupOn: TO, on: TO, counterpartyId: null } } });
    expect(refused2).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('from the subsidiary: covers it alone, names its parent, and refuses the parent’s traces', async () => {
    const { core, parent, sub } = await knownGroup();
    await ok(core, 'group.switch', { organisationId: sub.id });
    const doc = await build(core, 'group');
    expect(tableOf(doc, 'group-members').rows.map((r) => r['organisation']!.display)).toEqual(['Riverside Care Services']);
    expect(JSON.stringify(doc.sections)).toContain('was itself a subsidiary of Riverside Care Mutual on 31 March 2026 (All 100 ordinary shares of £1)');
    const refused = await core.dispatch('reports.trace', { trace: { set: 'group.members.admitted', params: { organisationId: parent.id, groupOn: TO, from: FROM, to: TO, classId: null } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is the same for the same period after members, directors and contracts change later', async () => {
    const { core, parent, sub, subStaff, subLeeds } = await knownGroup();
    const before = await build(core, 'group');
    await ok(core, 'group.switch', { organisationId: sub.id });
    const late = await admit(core, subStaff, person('Late', 'Joiner', employee('S9')), { admittedOn: '2026-06-01' });
    await ok(core, 'members.cease', { memberId: late.id, ceasedOn: '2026-07-01', reason: 'resigned' });
    // A second Ravi Patel on the subsidiary's board, with the parent's Ravi's date of birth, appointed after the date.
    await director(core, 'Ravi', 'Patel', '1980-01-01', '2026-05-01');
    await contract(core, { counterpartyId: subLeeds, reference: 'S2', services: ['85310000-5'], awardOn: '2026-05-01', endOn: '2028-03-31', annualValuePence: 10_000_00 });
    // The subsidiary renamed after the date: the report names it as it was then.
    await ok(core, 'organisation.update', { ...validSetUpInput({ particulars: { name: 'Riverside Care Services', registrationNumber: '07654321', incorporatedOn: '2015-04-01' } }).particulars, name: 'Riverside Home Care' });
    // The holding recorded again after the date with other words: the report keeps the terms as they stood.
    await ok(core, 'group.setRelation', {
      organisationId: parent.id,
      relatedOrganisationId: sub.id,
      kind: 'subsidiary',
      holding: { basis: 'shares', words: '51 of the 100 ordinary shares of £1', sharesHeld: 51, sharesPct: 51, votesPct: 51 },
      sinceOn: '2020-04-01',
    });
    // A later relation: the outside organisation becomes a sister after the date.
    await ok(core, 'group.setRelation', { organisationId: parent.id, relatedOrganisationId: (await ok<{ organisations: { id: string; name: string }[] }>(core, 'group.organisations', {})).organisations.find((o) => o.name === 'Valley Health Mutual')!.id, kind: 'sister', sinceOn: '2026-06-01' });
    await ok(core, 'group.switch', { organisationId: parent.id });
    // The parent converted to a society after the date: the law note stays company law's.
    await ok(core, 'organisation.update', { ...validSetUpInput().particulars, legalForm: 'cooperative_society', registrationNumber: '12345R', incorporatedOn: '2015-04-01' });
    const after = await build(core, 'group');
    expect(JSON.stringify(after.sections)).toContain('Companies Act 2006 s399(2)');
    expect(after.sections).toEqual(before.sections);
    expect(JSON.stringify(after.sections)).not.toContain('Valley');
  });

  it('keeps the group as it stood at the end of the period when a relation is recorded again, ended or added later (issue 11)', async () => {
    const { core, parent, sub, other } = await knownGroup();
    const before = await build(core, 'group');
    const relations = async () => (await ok<{ relations: { id: string; organisationId: string; relatedOrganisationId: string }[] }>(core, 'group.organisations', {})).relations;
    const holding = { basis: 'shares', words: 'All 100 ordinary shares of £1', sharesHeld: 100, sharesPct: 100, votesPct: 100 };

    // The holding recorded again after the period "since 1 June 2026": on 31 March 2026 it had been held since 2020.
    await ok(core, 'group.setRelation', { organisationId: parent.id, relatedOrganisationId: sub.id, kind: 'subsidiary', holding, sinceOn: '2026-06-01' });
    const reRecorded = await build(core, 'group');
    expect(tableOf(reRecorded, 'group-organisations').rows.map((r) => [r['organisation']!.display, r['since']!.display])).toEqual([
      ['Riverside Care Mutual', '—'],
      ['Riverside Care Services', '1 April 2020'],
    ]);
    expect(reRecorded.sections).toEqual(before.sections);

    // The relation ended after the period: it was still in force on its last day.
    const held = (await relations()).find((r) => r.relatedOrganisationId === sub.id)!;
    await ok(core, 'group.endRelation', { id: held.id, endedOn: '2026-09-01' });
    expect((await build(core, 'group')).sections).toEqual(before.sections);

    // A relation that begins after the period is not in it; the group today is another.
    await ok(core, 'group.setRelation', { organisationId: parent.id, relatedOrganisationId: other.id, kind: 'subsidiary', holding, sinceOn: '2026-06-01' });
    const later = await build(core, 'group');
    expect(later.sections).toEqual(before.sections);
    expect(JSON.stringify(later.sections)).not.toContain('Valley');
    expect((await groupOf(core.db, parent.id, TO)).members.map((m) => m.organisation.id)).toEqual([parent.id, sub.id]);
    expect((await groupOf(core.db, parent.id, '2026-11-30')).members.map((m) => m.organisation.id)).toEqual([parent.id, other.id]);
    // The trace refuses the organisation that joined later, for the period's date.
    const refused = await core.dispatch('reports.trace', { trace: { set: 'group.members.onDate', params: { organisationId: other.id, groupOn: TO, on: TO, classKind: null } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('orders the group by the names as they stood on the date, so a later rename does not reorder it', async () => {
    const { core, parent, sub, other } = await knownGroup();
    // Valley held since 2020 too: by name it comes after Riverside Care Services.
    await ok(core, 'group.setRelation', {
      organisationId: parent.id,
      relatedOrganisationId: other.id,
      kind: 'subsidiary',
      holding: { basis: 'shares', words: 'All 10 ordinary shares of £1', sharesHeld: 10, sharesPct: 100, votesPct: 100 },
      sinceOn: '2020-04-01',
    });
    const order = async () => (await groupOf(core.db, parent.id, TO)).members.map((m) => m.organisation.id);
    expect(await order()).toEqual([parent.id, sub.id, other.id]);
    const before = await build(core, 'group');
    // Renamed after the date to a name that sorts first.
    await ok(core, 'group.switch', { organisationId: other.id });
    await ok(core, 'organisation.update', { ...validSetUpInput({ particulars: { name: 'Valley Health Mutual', registrationNumber: '07000001', incorporatedOn: '2015-04-01' } }).particulars, name: 'Aire Valley Health' });
    await ok(core, 'group.switch', { organisationId: parent.id });
    expect(await order()).toEqual([parent.id, sub.id, other.id]);
    expect((await build(core, 'group')).sections).toEqual(before.sections);
  });

  it('lists for each traced figure exactly as many records as it counts, in its column’s organisation', async () => {
    const { core, sub } = await knownGroup();
    const doc = await build(core, 'group');
    const traced: ReportValue[] = [];
    for (const b of blocksOf(doc.sections)) {
      if (b.type === 'figures') traced.push(...b.items.map((i) => i.value));
      if (b.type === 'table') for (const r of [...b.rows, ...(b.total ? [b.total] : [])]) traced.push(...Object.values(r));
    }
    const withTrace = traced.filter((x) => x.trace);
    expect(withTrace.length).toBeGreaterThan(20);
    let counted = 0;
    for (const x of withTrace) {
      expect(x.trace!.set.startsWith('group.')).toBe(true);
      expect(GROUP_TRACE_SETS[x.trace!.set]).toBeDefined();
      const r = expectOk(await core.dispatch('reports.trace', { trace: x.trace, limit: 500 })) as { total: number; rows: { id: string; href: string | null }[] };
      // Income cells list the contracts behind them; counts list exactly as many records.
      if (x.display.startsWith('£')) continue;
      expect({ set: x.trace!.set, params: x.trace!.params, total: r.total }).toEqual({ set: x.trace!.set, params: x.trace!.params, total: x.value });
      expect(r.rows.length).toBe(x.value);
      // Another organisation's records are listed without links (the app's pages show the current organisation's).
      if (x.trace!.params['organisationId'] === sub.id) expect(r.rows.every((row) => row.href === null)).toBe(true);
      counted += 1;
    }
    expect(counted).toBeGreaterThan(20);

    // The group's total lists each organisation's records in turn, named, a page at a time across them.
    const atEnd = figure(doc, 'group-members-at-end');
    expect(atEnd.trace!.params['organisationId']).toBeNull();
    type Listed = { title: string; total: number; rows: { label: string; detail: string; href: string | null }[] };
    const whole = expectOk(await core.dispatch('reports.trace', { trace: atEnd.trace })) as Listed;
    expect(whole.title).toBe('Members on 31 March 2026 across the group');
    expect(whole.rows.map((r) => [r.label, r.detail.split(':')[0], r.href === null])).toEqual([
      ['Ada Lovelace', 'Riverside Care Mutual', false],
      ['Alan Turing', 'Riverside Care Mutual', false],
      ['Mary Seacole', 'Riverside Care Mutual', false],
      ['Florence Nightingale', 'Riverside Care Mutual', false],
      ['Nye Bevan', 'Riverside Care Services', true],
      ['Edith Cavell', 'Riverside Care Services', true],
      ['Mary Wollstonecraft', 'Riverside Care Services', true],
    ]);
    const page = expectOk(await core.dispatch('reports.trace', { trace: atEnd.trace, offset: 3, limit: 2 })) as Listed;
    expect({ total: page.total, labels: page.rows.map((r) => r.label) }).toEqual({ total: 7, labels: ['Florence Nightingale', 'Nye Bevan'] });
  });

  it('saves as a spreadsheet with a sheet per table, the group’s row the sum of the organisations’ as numbers', async () => {
    const { core } = await knownGroup();
    const request = { kind: 'group', asAt: TO, from: FROM };
    const build = await runJob(core, 'reports.build', request);
    const doc = build!.result as ReportDoc;
    const shown = { buildId: build!.id, organisationId: doc.organisation.id, auditHead: doc.auditHead };
    const r = await jobResult<{ fileId: string; fileName: string }>(core, 'reports.export', { request, shown, format: 'xlsx' });
    expect(r.fileName).toMatch(/^Consolidated group report 2026-03-31\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(exportsDirFor(t!.dbPath), r.fileId)) as unknown as ArrayBuffer);
    const titles = blocksOf(doc.sections).flatMap((b) => (b.type === 'table' ? [b.title] : []));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', ...sheetNames(titles, ['About'])]);
    const sheet = wb.worksheets[1 + titles.indexOf('Members by organisation')]!;
    const values = (i: number) => (sheet.getRow(i).values as unknown[]).slice(1);
    const rows: unknown[][] = [];
    sheet.eachRow((row, i) => rows.push(values(i)));
    const last = rows.find((x) => x[0] === 'The group')!;
    expect(last).toBeDefined();
    const orgRows = rows.filter((x) => x[0] === 'Riverside Care Mutual' || x[0] === 'Riverside Care Services');
    expect(orgRows).toHaveLength(2);
    for (let c = 1; c < last.length; c++) expect(last[c]).toBe((orgRows[0]![c] as number) + (orgRows[1]![c] as number));
    expect(last.slice(1)).toEqual([3, 3, 6, 3, 2, 4, 3, 7]);
  }, 60_000);
});
