import { afterEach, describe, expect, it } from 'vitest';
import { reportSectionSchema, type ReportBlock, type ReportDoc, type ReportRequest, type ReportSection, type ReportValue } from '../../../../shared/contract/reports';
import type { Officer } from '../../../../shared/contract/officers';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { defaultRuleValues } from '../../../../shared/rules/governing-rules';
import type { Core } from '../../core';
import type { OrganisationRow } from '../../db/schema';
import { admit, makeClass, person, registerOf } from '../../members/register.test-helpers';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../../../../shared/ballot';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../../testing';
import { apply as applyPlan, hrCsv, planCsv } from '../../hr-import/testing';
import { useLightKdfForTests } from '../../ballots/kdf';
import { appointDirector, commissioner, contract } from '../../contracts/reports/fixtures.test-helpers';
import { ballotsSection } from './annual-ballots';
import type { ReportSource } from '../source';
import { ANNUAL_TRACE_SETS } from '../trace/annual';
import { annualReport } from './annual';
import { boardSection } from './annual-board';
import { classFigures, membershipSection } from './annual-membership';
import { interestsSection } from './annual-interests';
import { generalMeetingsSection, meetingsSection } from './annual-meetings';

/**
 * The annual governance report on a small known register, through the real core and the real
 * migrations: each figure, reproducibility after later changes, every trace's total against its
 * figure, and another organisation in the same file left out.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const FROM = '2025-04-01';
const TO = '2026-03-31';

async function orgOf(core: Core): Promise<OrganisationRow> {
  return core.db.selectFrom('organisation').selectAll().orderBy('created_at').executeTakeFirstOrThrow();
}

function sourceOf(core: Core, org: OrganisationRow, from: string | null = FROM, to = TO): ReportSource {
  const request: ReportRequest = { kind: 'annual', asAt: to, ...(from ? { from } : {}) };
  return { db: core.db, org, request, period: { from, to }, today: '2026-11-30', progress: () => {}, checkpoint: async () => {} };
}

const employee = (n: string) => ({ employee: { employeeNumber: n, employmentStart: '2019-01-01', weeklyHours: 37.5 } });
const ok = async <T>(core: Core, method: string, input: unknown) => expectOk(await core.dispatch(method, input)) as T;

/** Every block of a section and its subsections. */
function blocksOf(sections: ReportSection[]): ReportBlock[] {
  return sections.flatMap((s) => [...s.blocks, ...blocksOf(s.sections ?? [])]);
}
function figure(sections: ReportSection[], id: string): ReportValue {
  for (const b of blocksOf(sections)) if (b.type === 'figures') for (const i of b.items) if (i.id === id) return i.value;
  throw new Error(`no figure ${id}`);
}
function tableOf(sections: ReportSection[], id: string) {
  const b = blocksOf(sections).find((x) => x.type === 'table' && x.id === id);
  if (!b || b.type !== 'table') throw new Error(`no table ${id}`);
  return b;
}
/** Every value in the document that carries a trace. */
function traced(sections: ReportSection[]): ReportValue[] {
  const out: ReportValue[] = [];
  for (const b of blocksOf(sections)) {
    if (b.type === 'figures') out.push(...b.items.map((i) => i.value));
    if (b.type === 'table') for (const r of [...b.rows, ...(b.total ? [b.total] : [])]) out.push(...Object.values(r));
  }
  return out.filter((v) => v.trace);
}
const cells = (tbl: { rows: Record<string, ReportValue>[] }, keys: string[]) => tbl.rows.map((r) => keys.map((k) => r[k]?.value ?? r[k]?.display));

/**
 * The known register: two classes, six members, three directors (one leaves in the period, one
 * is appointed in it and is an employee member), a chair, two board meetings and one committee
 * meeting in the period, one board meeting after it.
 */
async function knownRegister() {
  t = await registerOf('company_limited_by_guarantee');
  const core = t.core;
  const staff = await makeClass(core, 'Employee', null, true);
  const community = await makeClass(core, 'Community', null, false);
  const ada = await admit(core, staff, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06' });
  const grace = await admit(core, staff, person('Grace', 'Hopper', employee('E2')), { admittedOn: '2020-01-06' });
  const alan = await admit(core, staff, person('Alan', 'Turing', employee('E3')), { admittedOn: '2025-05-01' });
  const mary = await admit(core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
  await admit(core, community, person('Florence', 'Nightingale'), { admittedOn: TO });
  const old = await admit(core, community, person('Olive', 'Older'), { admittedOn: '2019-03-01' });
  await ok(core, 'members.cease', { memberId: grace.id, ceasedOn: '2025-06-30', reason: 'left_employment' });
  // Ceasing on the first day of the period: a member at its start, gone by its end.
  await ok(core, 'members.cease', { memberId: mary.id, ceasedOn: FROM, reason: 'resigned' });
  await ok(core, 'members.cease', { memberId: old.id, ceasedOn: '2024-12-01', reason: 'resigned' });

  const sian = (await appointDirector(core, 'Siân', 'Ó Briain', 'employee', '2020-02-01')) as Officer;
  const ravi = (await appointDirector(core, 'Ravi', 'Patel', 'independent', '2020-02-01')) as Officer;
  const adaDirector = (await appointDirector(core, 'Ada', 'Lovelace', 'member', '2025-06-01', ada.id)) as Officer;
  await ok(core, 'officers.appoint', { officerId: sian.id, appointment: { role: 'chair', appointedOn: '2021-01-01' } });
  await ok(core, 'officers.endAppointment', { appointmentId: ravi.appointments[0]!.id, ceasedOn: '2025-09-30', reason: 'Resigned' });

  const committee = await ok<{ id: string }>(core, 'committees.create', { name: 'Audit', formedOn: '2025-04-01', officerIds: [sian.id] });
  await ok(core, 'committees.addMember', { id: committee.id, officerId: adaDirector.id, joinedOn: '2025-06-01' });

  const meeting = async (heldOn: string, marks: [Officer, string][], kind: 'board' | 'committee' = 'board') => {
    const v = await ok<{ meeting: { id: string } }>(core, 'meetings.create', {
      kind,
      ...(kind === 'committee' ? { committeeId: committee.id } : {}),
      heldOn,
      startsAt: '18:30',
      place: 'Civic Hall, Leeds',
      standardItems: false,
    });
    for (const [o, status] of marks) await ok(core, 'meetings.setAttendance', { meetingId: v.meeting.id, officerId: o.id, status });
    return v.meeting.id;
  };
  await meeting('2025-05-10', [
    [sian, 'present'],
    [ravi, 'apologies'],
  ]);
  await meeting('2025-10-15', [
    [sian, 'present'],
    [adaDirector, 'present_electronically'],
  ]);
  await meeting(
    '2025-11-01',
    [
      [sian, 'apologies'],
      [adaDirector, 'present'],
    ],
    'committee',
  );
  await meeting('2026-06-01', [[sian, 'present']]);

  // Interests: one open since before the period, one declared and ended in it, one declared in it and open, one declared after it.
  const declare = async (o: Officer, org: string, declaredOn: string) =>
    (await ok<{ id: string }>(core, 'interests.declare', { officerId: o.id, category: 'employment', nature: `Employed by ${org}`, relatedOrganisation: org, declaredOn })).id;
  await declare(sian, 'Leeds City Council', '2024-01-10');
  const ended = await declare(ravi, 'Bradford Council', '2025-05-01');
  await ok(core, 'interests.end', { id: ended, endedOn: '2025-09-30' });
  await declare(adaDirector, 'NHS West Yorkshire ICB', '2025-06-01');
  await declare(adaDirector, 'Kirklees Council', '2026-05-01');

  // Decisions at the board meeting of 15 October 2025: one carried, one lost.
  await boardDecisions(core, [sian, adaDirector]);
  const gm = await generalMeeting(core, [ada, alan]);
  return { core, staff, community, ada, alan, sian, ravi, adaDirector, committee, meeting, gm };
}

/** The AGM of 20 September 2025: a special and an ordinary resolution on its notice, one decided by poll, the other with no result recorded; one decision at a board meeting. */
async function generalMeeting(core: Core, present: { id: string }[]) {
  type View = { meeting: { id: string }; items: { id: string }[]; resolutions: { id: string; kind: string }[] };
  let v = await ok<View>(core, 'meetings.create', { kind: 'annual_general', heldOn: '2025-09-20', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = v.meeting.id;
  v = await ok<View>(core, 'meetings.addItem', { meetingId, title: 'Resolutions', purpose: 'decision' });
  const itemId = v.items.at(-1)!.id;
  await ok(core, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'special', text: 'That the articles be amended.' });
  v = await ok<View>(core, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'ordinary', text: 'That the accounts be received.' });
  for (const m of present) v = await ok<View>(core, 'meetings.setAttendance', { meetingId, memberId: m.id, status: 'present' });
  const special = v.resolutions.find((r) => r.kind === 'special')!.id;
  await ok(core, 'decisions.record', { agendaItemId: itemId, kind: 'special', method: 'show_of_hands', resolutionId: special, text: 'That the articles be amended.', votesFor: 1, votesAgainst: 0, votesAbstain: 1 });
  return { meetingId, itemId };
}

async function boardDecisions(core: Core, present: Officer[]) {
  type View = { meeting: { id: string }; items: { id: string }[] };
  let v = await ok<View>(core, 'meetings.create', { kind: 'board', heldOn: '2025-12-01', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = v.meeting.id;
  v = await ok<View>(core, 'meetings.addItem', { meetingId, title: 'Contract renewal', purpose: 'decision' });
  const itemId = v.items.at(-1)!.id;
  for (const o of present) await ok(core, 'meetings.setAttendance', { meetingId, officerId: o.id, status: 'present' });
  await ok(core, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'To renew the contract.', votesFor: 2, votesAgainst: 0 });
  await ok(core, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'To buy a minibus.', votesFor: 0, votesAgainst: 2 });
  return meetingId;
}

describe('the annual governance report', () => {
  it('counts members by class at the start and end of the period, admissions and cessations by reason', async () => {
    const { core, staff, community } = await knownRegister();
    const org = await orgOf(core);
    const { section, missing } = await membershipSection(sourceOf(core, org));
    const s = [section];
    expect([figure(s, 'members-at-start').value, figure(s, 'members-admitted').value, figure(s, 'members-ceased').value, figure(s, 'members-at-end').value]).toEqual([3, 2, 2, 3]);
    const byClass = tableOf(s, 'membership-by-class');
    expect(cells(byClass, ['class', 'atStart', 'admitted', 'ceased', 'atEnd'])).toEqual([
      ['Community', 1, 1, 1, 1],
      ['Employee (employee class)', 2, 1, 1, 2],
    ]);
    expect(byClass.rows[0]!['atEnd']!.trace).toEqual({ set: 'annual.members.onDate', params: { on: TO, classId: community.id, classAsAt: TO } });
    expect(byClass.rows[1]!['admitted']!.trace!.params['classId']).toBe(staff.id);
    expect(cells(tableOf(s, 'membership-cessations-by-reason'), ['reason', 'count'])).toEqual([
      ['Left employment', 1],
      ['Resigned', 1],
    ]);
    expect(figure(s, 'employee-members').value).toBe(2);
    // Read in windows of admission dates (one member's worth each here), the figures are the same.
    const p = { from: FROM, to: TO, start: '2025-03-31' };
    let yields = 0;
    const windowed = await classFigures(core.db, org.id, p, async () => void yields++, 1);
    expect(windowed).toEqual(await classFigures(core.db, org.id, p));
    expect(yields).toBe(6);
    // No HR import on record: said, and listed as missing.
    expect(missing.map((m) => m.what).join(' ')).toMatch(/No HR import was applied on or before 31 March 2026/);
    const chart = section.blocks.find((b) => b.type === 'chart');
    expect(chart && chart.type === 'chart' ? chart.alt : '').toContain('Employee 2 on 31 March 2025 and 2 on 31 March 2026');
  });

  it('gives the board on the date, appointments and departures, and each director’s attendance', async () => {
    const { core } = await knownRegister();
    const org = await orgOf(core);
    const s = [(await boardSection(sourceOf(core, org))).section];
    expect([figure(s, 'directors-on-date').value, figure(s, 'directors-appointed').value, figure(s, 'directors-departed').value, figure(s, 'directors-employee-members').value]).toEqual([2, 1, 1, 1]);
    expect(cells(tableOf(s, 'board-composition'), ['name', 'kind', 'employeeMember', 'offices'])).toEqual([
      ['Ada Lovelace', 'Member-elected director', 'Yes', '—'],
      ['Siân Ó Briain', 'Employee director', 'Not linked to the register', 'Chair'],
    ]);
    expect(cells(tableOf(s, 'board-officers'), ['office', 'name'])).toEqual([['Chair', 'Siân Ó Briain']]);
    expect(cells(tableOf(s, 'board-departures'), ['name', 'on', 'reason'])).toEqual([['Ravi Patel', '30 September 2025', 'Resigned']]);
    expect(cells(tableOf(s, 'board-attendance'), ['name', 'boardHeld', 'boardAttended', 'boardApologies', 'committeeHeld', 'committeeAttended', 'committeeApologies'])).toEqual([
      ['Ada Lovelace', 2, 2, 0, 1, 1, 0],
      ['Ravi Patel', 1, 0, 1, 0, 0, 0],
      ['Siân Ó Briain', 3, 3, 0, 1, 0, 1],
    ]);
  });

  it('gives interests declared and open, meetings and decisions by kind, and the general meeting’s resolutions with turnout', async () => {
    const { core } = await knownRegister();
    const org = await orgOf(core);
    const src = sourceOf(core, org);
    const i = [(await interestsSection(src)).section];
    expect([figure(i, 'interests-declared').value, figure(i, 'interests-open').value]).toEqual([2, 2]);
    expect(cells(tableOf(i, 'interests-by-director'), ['name', 'declared', 'open'])).toEqual([
      ['Ada Lovelace', 1, 1],
      ['Ravi Patel', 1, 0],
      ['Siân Ó Briain', 0, 1],
    ]);
    expect(cells(tableOf(i, 'interests-open'), ['name', 'organisation'])).toEqual([
      ['Ada Lovelace', 'NHS West Yorkshire ICB'],
      ['Siân Ó Briain', 'Leeds City Council'],
    ]);

    const m = [(await meetingsSection(src)).section];
    expect(cells(tableOf(m, 'meetings-by-kind'), ['kind', 'held'])).toEqual([
      ['Board meetings', 3],
      ['Committee meetings', 1],
      ['Annual general meetings', 1],
    ]);
    expect(figure(m, 'meetings-held').value).toBe(5);
    expect(cells(tableOf(m, 'decisions-by-kind'), ['kind', 'recorded', 'carried', 'notCarried'])).toEqual([
      ['Board decisions', 2, 1, 1],
      ['Special resolutions', 1, 1, 0],
    ]);

    const g = await generalMeetingsSection(src);
    const gs = [g.section];
    // On 20 September 2025 the register had Ada and Alan (Grace, Mary and Olive had ceased); Florence came later.
    expect(cells(tableOf(gs, 'general-meetings'), ['heldOn', 'present', 'eligible', 'attendance', 'resolutions'])).toEqual([['20 September 2025', 2, 2, 100, 2]]);
    expect(cells(tableOf(gs, 'general-meeting-resolutions'), ['method', 'for', 'against', 'abstain', 'result', 'turnout'])).toEqual([
      ['Show of hands', 1, 0, 1, 'Passed', 50],
      ['—', '—', '—', '—', 'No result recorded', '—'],
    ]);
    expect(g.missing.map((x) => x.what)).toEqual(['The result of a resolution on the notice of a general meeting held in the period is not recorded.']);
  });

  it('is reproducible: members admitted and ceased, directors appointed and removed, rules changed after the date change nothing', async () => {
    const { core, staff, community, ada, alan, sian, adaDirector, meeting } = await knownRegister();
    const org = await orgOf(core);
    const first = await annualReport(sourceOf(core, org));

    await admit(core, staff, person('Late', 'Joiner', employee('E9')), { admittedOn: '2026-05-01' });
    await ok(core, 'members.cease', { memberId: ada.id, ceasedOn: '2026-06-01', reason: 'left_employment' });
    await appointDirector(core, 'New', 'Director', 'independent', '2026-04-15');
    await ok(core, 'officers.endAppointment', { appointmentId: sian.appointments.find((a) => a.role === 'director')!.id, ceasedOn: '2026-05-01', reason: 'Retired by rotation' });
    await meeting('2026-07-01', [[adaDirector, 'apologies']]);
    await ok(core, 'rules.update', { ...defaultRuleValues('company_limited_by_guarantee'), gmQuorum: 7 });
    const sianInterest = (await ok<{ id: string; officerId: string }[]>(core, 'interests.list', { officerId: sian.id })).find((i) => i.officerId === sian.id)!;
    await ok(core, 'interests.end', { id: sianInterest.id, endedOn: '2026-06-30' });
    await ok(core, 'interests.declare', { officerId: adaDirector.id, category: 'other', nature: 'Trustee of a local charity', declaredOn: '2026-07-01' });
    // Renamed and moved since: a class, a member's class and a director's name (the tables keep only today's).
    await ok(core, 'members.update', { id: alan.id, classId: community.id, particulars: person('Alan', 'Turing') });
    await ok(core, 'classes.update', {
      id: staff.id,
      changes: { name: 'Staff members', votingRights: 'per_member', votesPerMember: 1, isEmployeeClass: true, eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null }, shareTerms: null },
    });
    await ok(core, 'officers.update', {
      id: sian.id,
      particulars: { givenNames: 'Siân', familyName: 'Jones', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    });

    const again = await annualReport(sourceOf(core, await orgOf(core)));
    expect(again.sections).toEqual(first.sections);
    expect(again.missing).toEqual(first.missing);
    await expectTracesMatch(core, org, again.sections);
    // And the report for today does see the changes (the test would pass vacuously otherwise).
    const now = await membershipSection(sourceOf(core, await orgOf(core), '2026-04-01', '2026-11-30'));
    expect(figure([now.section], 'members-admitted').value).toBe(1);
  });

  it('lists exactly the records behind every figure, and counts no other organisation’s', async () => {
    const { core } = await knownRegister();
    const org = await orgOf(core);
    addSecondOrganisation(core);
    const doc = await annualReport(sourceOf(core, org));
    // A valid document: every section as the contract reads it, each table and chart id once, each chart of a table in it.
    for (const section of doc.sections) reportSectionSchema.parse(section);
    const ids = blocksOf(doc.sections).flatMap((b) => (b.type === 'table' || b.type === 'chart' ? [b.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of blocksOf(doc.sections)) if (b.type === 'chart') expect(ids).toContain(b.tableId);
    const values = traced(doc.sections);
    expect(values.length).toBeGreaterThan(30);
    for (const v of values) {
      const set = ANNUAL_TRACE_SETS[v.trace!.set];
      expect(set, v.trace!.set).toBeDefined();
      const listed = await set!.list(core.db, org, v.trace!.params, { offset: 0, limit: 500 });
      expect([v.trace!.set, v.trace!.params, listed.total]).toEqual([v.trace!.set, v.trace!.params, v.value]);
      expect(listed.rows.length).toBe(Math.min(500, listed.total));
      expect(typeof set!.title(v.trace!.params)).toBe('string');
      for (const r of listed.rows) expect(r.href).toMatch(/^#\/(register\/members|officers|meetings)\//);
    }
    // The same figures as before the other organisation arrived.
    const s = doc.sections;
    expect([figure(s, 'members-at-start').value, figure(s, 'members-at-end').value, figure(s, 'directors-on-date').value]).toEqual([3, 3, 2]);
    expect(cells(tableOf(s, 'board-attendance'), ['name', 'boardHeld']).length).toBe(3);
    // The other organisation's own report sees only its own.
    const other = core.db.selectFrom('organisation').selectAll().where('id', '=', 'org-two').executeTakeFirstOrThrow();
    const otherDoc = await annualReport(sourceOf(core, await other));
    expect([figure(otherDoc.sections, 'members-at-end').value, figure(otherDoc.sections, 'directors-on-date').value]).toEqual([2, 1]);
  });

  it('is built by reports.build as a job, the same document, and reports.trace lists a figure’s records', async () => {
    const { core } = await knownRegister();
    const direct = await annualReport(sourceOf(core, await orgOf(core)));
    const doc = await jobResult<ReportDoc>(core, 'reports.build', { kind: 'annual', asAt: TO, from: FROM });
    expect(doc.sections).toEqual(direct.sections);
    expect(doc.title).toBe('Annual governance report, 1 April 2025 to 31 March 2026');
    const admitted = figure(doc.sections, 'members-admitted');
    const listed = await ok<{ title: string; total: number; rows: { label: string; href: string }[] }>(core, 'reports.trace', { trace: admitted.trace });
    expect(listed).toMatchObject({ title: 'Members admitted from 1 April 2025 to 31 March 2026', total: 2 });
    expect(listed.rows.map((r) => r.label).sort()).toEqual(['Alan Turing', 'Florence Nightingale']);
  });

  it('defaults to the year to the date for an as-at request', async () => {
    const { core } = await knownRegister();
    const doc = await annualReport(sourceOf(core, await orgOf(core), null, TO));
    expect(doc.title).toBe('Annual governance report, 1 April 2025 to 31 March 2026');
  });
});

/**
 * A second organisation in the same file, its rows copied from the first's with new ids (no
 * method creates one yet): a class, two current members, a director with a board meeting.
 */
function addSecondOrganisation(core: Core) {
  const raw = core.raw;
  const copy = (tableName: string, where: string, changes: Record<string, unknown>) => {
    const row = raw.prepare(`select * from ${tableName} where ${where} limit 1`).get() as Record<string, unknown>;
    const next = { ...row, ...changes };
    const cols = Object.keys(next);
    raw.prepare(`insert into ${tableName} (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`).run(next);
  };
  copy('organisation', '1=1', { id: 'org-two', name: 'Hillside Care Mutual', registration_number: '07654321' });
  copy('governing_rules', '1=1', { organisation_id: 'org-two' });
  copy('membership_class', "is_employee_class = 1", { id: 'class-two', organisation_id: 'org-two', name: 'Staff', name_key: 'staff' });
  for (const [i, id] of ['m-two-1', 'm-two-2'].entries()) {
    copy('member', "ceased_on is null", { id, organisation_id: 'org-two', class_id: 'class-two', person_id: `p-two-${i}`, member_number: 1000 + i, employee_number: `X${i}`, email: null, email_key: null, admitted_on: '2024-01-01' });
  }
  copy('officer', '1=1', { id: 'o-two', organisation_id: 'org-two', member_id: null });
  copy('appointment', "role = 'director'", { id: 'a-two', organisation_id: 'org-two', officer_id: 'o-two', appointed_on: '2024-01-01', ceased_on: null });
  copy('meeting', "kind = 'board'", { id: 'mt-two', organisation_id: 'org-two', held_on: '2025-07-01', committee_id: null });
  copy('attendance', '1=1', { id: 'at-two', meeting_id: 'mt-two', officer_id: 'o-two', status: 'present' });
}



describe('the annual governance report: shares, contracts, ballots and the control statement', () => {
  it('gives the shares in issue at the start and end by class, and those allotted, transferred and withdrawn; none for a company limited by guarantee', async () => {
    t = await registerOf('cooperative_society');
    const core = t.core;
    const member = await makeClass(core, 'Member', { withdrawable: true, transferable: true }, true);
    const investor = await makeClass(core, 'Investor', { withdrawable: true, transferable: true });
    const a = await admit(core, member, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06', shares: 10 });
    const b = await admit(core, member, person('Bea', 'Hall', employee('E2')), { admittedOn: '2025-06-01', shares: 5 });
    const c = await admit(core, investor, person('Ivan', 'Investor'), { admittedOn: '2020-01-06', shares: 100 });
    await ok(core, 'shares.allot', { memberId: a.id, date: '2025-07-01', shares: 20, amountPaidPence: 2000 });
    await ok(core, 'shares.transfer', { fromMemberId: c.id, toMemberId: b.id, date: '2025-08-01', shares: 30 });
    await ok(core, 'shares.withdraw', { memberId: c.id, noticeDate: '2025-08-15', date: '2025-09-01', shares: 10, amountRepaidPence: 1000 });
    const org = await orgOf(core);
    const first = await annualReport(sourceOf(core, org));
    const s = first.sections;
    expect(cells(tableOf(s, 'shares-by-class'), ['class', 'atStart', 'allotted', 'transferred', 'withdrawn', 'redeemed', 'atEnd'])).toEqual([
      ['Investor', 100, 0, 0, 10, 0, 60],
      ['Member', 10, 25, 30, 0, 0, 65],
    ]);
    const total = tableOf(s, 'shares-by-class').total!;
    expect(['atStart', 'allotted', 'transferred', 'withdrawn', 'atEnd'].map((k) => total[k]!.value)).toEqual([110, 25, 30, 10, 125]);
    expect(cells(tableOf(s, 'shares-ledger-entries'), ['kind', 'entries', 'shares'])).toEqual([
      ['Allotment', 2, 25],
      ['Transfer in', 1, 30],
      ['Transfer out', 1, 30],
      ['Withdrawal', 1, 10],
    ]);
    // Later entries change nothing; the traces list exactly the entries counted.
    await ok(core, 'shares.allot', { memberId: a.id, date: '2026-05-01', shares: 50, amountPaidPence: 5000 });
    await ok(core, 'shares.withdraw', { memberId: a.id, noticeDate: '2026-05-15', date: '2026-06-01', shares: 5, amountRepaidPence: 500 });
    // Bea moves to the investors and the class is renamed, after the date.
    await ok(core, 'members.update', { id: b.id, classId: investor.id, particulars: person('Bea', 'Hall') });
    await ok(core, 'classes.update', {
      id: investor.id,
      changes: {
        name: 'Supporter',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: true, transferable: true, maxHolding: null, redeemable: false, numbered: false },
      },
    });
    const again = await annualReport(sourceOf(core, await orgOf(core)));
    expect(again.sections).toEqual(first.sections);
    await expectTracesMatch(core, org, again.sections);

    // A company limited by guarantee has no shares.
    const { core: c2 } = await knownRegister();
    const shares = blocksOf((await annualReport(sourceOf(c2, await orgOf(c2)))).sections.filter((x) => x.id === 'shares'));
    expect(shares).toEqual([{ type: 'text', text: 'On 31 March 2026 the organisation was a company limited by guarantee, which has no share capital: its members hold no shares.' }]);
  });

  it('weighs a poll at a general meeting over the voting rights on the day where a class votes by its shares', async () => {
    t = await registerOf('cooperative_society');
    const core = t.core;
    const staff = await ok<MembershipClass>(core, 'classes.create', {
      name: 'Employee',
      votingRights: 'per_share',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
    });
    const a = await admit(core, staff, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06', shares: 10 });
    const b = await admit(core, staff, person('Bea', 'Hall', employee('E2')), { admittedOn: '2020-01-06', shares: 30 });
    const c = await admit(core, staff, person('Cy', 'Young', employee('E3')), { admittedOn: '2020-01-06', shares: 10 });
    // Allotted after the meeting: not voting rights on its day.
    await ok(core, 'shares.allot', { memberId: a.id, date: '2025-10-01', shares: 100, amountPaidPence: 10_000 });
    type View = { meeting: { id: string }; items: { id: string }[]; resolutions: { id: string; kind: string }[] };
    let v = await ok<View>(core, 'meetings.create', { kind: 'annual_general', heldOn: '2025-09-20', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
    const meetingId = v.meeting.id;
    v = await ok<View>(core, 'meetings.addItem', { meetingId, title: 'Resolutions', purpose: 'decision' });
    const itemId = v.items.at(-1)!.id;
    v = await ok<View>(core, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'ordinary', text: 'That the accounts be received.' });
    for (const m of [a, b, c]) await ok(core, 'meetings.setAttendance', { meetingId, memberId: m.id, status: 'present' });
    await ok(core, 'decisions.record', { agendaItemId: itemId, kind: 'ordinary', method: 'poll', resolutionId: v.resolutions[0]!.id, text: 'Accounts', votesFor: 10, votesAgainst: 0 });
    const s = [(await generalMeetingsSection(sourceOf(core, await orgOf(core)))).section];
    expect(cells(tableOf(s, 'general-meetings'), ['present', 'eligible', 'attendance'])).toEqual([[3, 3, 100]]);
    // 10 votes cast of the 50 the members held by their shares on the day (not the 150 after the later allotment).
    expect(cells(tableOf(s, 'general-meeting-resolutions'), ['method', 'for', 'against', 'result', 'turnout'])).toEqual([['Poll', 10, 0, 'Passed', 20]]);
  });

  it('counts at a class meeting only the members of its class on the day as entitled to vote, and traces them', async () => {
    t = await registerOf('cooperative_society');
    const core = t.core;
    const staff = await makeClass(core, 'Staff', { nominalPence: 100 }, true);
    const users = await makeClass(core, 'Service users', { nominalPence: 100 });
    for (const [i, g] of ['Ada', 'Bea', 'Cy'].entries()) await admit(core, staff, person(g, 'Staff', employee(`E${i}`)), { admittedOn: '2020-01-06' });
    for (const g of ['Dee', 'Eve']) await admit(core, users, person(g, 'User'), { admittedOn: '2020-01-06' });
    type View = { meeting: { id: string } };
    const v = await ok<View>(core, 'meetings.create', { kind: 'class', classId: staff.id, heldOn: '2025-09-20', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
    expect(v.meeting.id).toBeTruthy();
    const org = await orgOf(core);
    const s = [(await generalMeetingsSection(sourceOf(core, org))).section];
    expect(cells(tableOf(s, 'general-meetings'), ['eligible'])).toEqual([[3]]);
    await expectTracesMatch(core, org, s);
  });

  it('gives income by commissioner on the date and the contracts awarded, extended and ended in the period', async () => {
    const { core } = await knownRegister();
    const leeds = await commissioner(core, 'Leeds City Council');
    const icb = await commissioner(core, 'West Yorkshire ICB', 'icb');
    const k1 = await contract(core, { counterpartyId: leeds, reference: 'K1', services: ['85310000-5'], awardOn: '2024-04-01', endOn: '2028-03-31', annualValuePence: 100_000_00 });
    await contract(core, { counterpartyId: leeds, reference: 'K2', services: ['85310000-5'], awardOn: '2025-06-01', startOn: '2025-07-01', endOn: '2027-06-30', annualValuePence: 50_000_00 });
    await contract(core, { counterpartyId: icb, reference: 'K3', services: ['85310000-5'], awardOn: '2023-04-01', endOn: '2025-12-31', annualValuePence: 20_000_00 });
    await contract(core, { counterpartyId: icb, reference: 'K4', services: ['85310000-5'], awardOn: '2023-01-01', endOn: '2025-06-30', annualValuePence: 30_000_00, extensions: [{ lengthMonths: 12, exercisedOn: '2025-05-01' }] });
    await contract(core, { counterpartyId: icb, reference: 'K5', services: ['85310000-5'], awardOn: '2024-01-01', endOn: '2029-03-31', annualValuePence: 10_000_00, terminatedOn: '2025-10-01' });
    const org = await orgOf(core);
    const first = await annualReport(sourceOf(core, org));
    const s = first.sections;
    expect([figure(s, 'contracts-live').value, figure(s, 'contracts-income').display, figure(s, 'contracts-awarded').value, figure(s, 'contracts-extended').value, figure(s, 'contracts-ended').value]).toEqual([
      3,
      '£180,000.00',
      1,
      1,
      2,
    ]);
    expect(cells(tableOf(s, 'contracts-by-commissioner'), ['commissioner', 'live', 'income', 'share', 'awarded', 'extended', 'ended'])).toEqual([
      ['Leeds City Council', 2, 150_000_00, 83.3, 1, 0, 0],
      ['West Yorkshire ICB', 1, 30_000_00, 16.7, 0, 1, 2],
    ]);
    // Awarded and terminated after the date: nothing changes.
    await contract(core, { counterpartyId: leeds, reference: 'K6', services: ['85310000-5'], awardOn: '2026-05-01', endOn: '2028-03-31' });
    expectOk(await core.dispatch('contracts.terminate', { id: k1, terminatedOn: '2026-06-01', reason: 'Ended by agreement' }));
    const again = await annualReport(sourceOf(core, await orgOf(core)));
    expect(again.sections).toEqual(first.sections);
    await expectTracesMatch(core, org, again.sections);
  });

  it('states employee ownership and control on the date with its evidence', async () => {
    const { core } = await knownRegister();
    const doc = await annualReport(sourceOf(core, await orgOf(core)));
    const st = blocksOf(doc.sections).find((b) => b.type === 'statement');
    expect(st && st.type === 'statement' ? [st.status, st.citation] : null).toEqual(['met', 'Procurement Act 2023 s33(6)(c)']);
    const evidence = st && st.type === 'statement' ? st.evidence.join('\n') : '';
    expect(evidence).toContain('Members on 31 March 2026: 2 of 3 (66.7%) are employees.');
    expect(evidence).toContain('Board: 2 of 2 directors (100%) are employees or were elected by the employee members.');
    expect(evidence).toContain('Ada Lovelace: a member of an employee class on the day.');
    expect(doc.missing.map((m) => m.section)).toContain('Employee ownership and control');
  });

  it('gives each ballot closed in the period with turnout by class from the roll, and its declared result', async () => {
    useLightKdfForTests();
    const { core } = await knownRegister();
    const b = await ok<{ id: string; trustees: { position: number }[] }>(core, 'ballots.create', {
      title: 'Election of directors 2026',
      recordDate: '2026-11-01',
      questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary' }],
      trustees: [
        { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
        { name: 'Raj Chair', role: 'Chair' },
      ],
    });
    const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];
    for (const tr of b.trustees) await ok(core, 'ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    await jobResult(core, 'ballots.open', { id: b.id });
    const roll = (await ok<{ entries: { id: string; name: string; className: string }[] }>(core, 'ballots.roll', { id: b.id, limit: 100 })).entries;
    // On 1 November 2026: Ada, Alan and Florence (the others had ceased).
    expect(roll.map((r) => [r.name, r.className]).sort()).toEqual([
      ['Ada Lovelace', 'Employee'],
      ['Alan Turing', 'Employee'],
      ['Florence Nightingale', 'Community'],
    ]);
    const pub = await ok<{ election: ElectionPublic }>(core, 'ballots.publicElection', { id: b.id });
    const alan = roll.find((r) => r.name === 'Alan Turing')!;
    const { token } = await ok<{ token: string }>(core, 'ballots.checkIn', { id: b.id, rollId: alan.id });
    await ok(core, 'ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: encryptBallot(prepare(nobleGroup, pub.election), [[1, 0, 0]]) });
    expect((await runJob(core, 'ballots.close', { id: b.id }))?.state).toBe('succeeded');

    const period = sourceOf(core, await orgOf(core), '2026-04-01', '2026-11-30');
    let s = [(await ballotsSection(period)).section];
    expect(figure(s, 'ballots-closed').value).toBe(1);
    expect(cells(tableOf(s, 'ballot-1-turnout'), ['class', 'roll', 'voted', 'turnout'])).toEqual([
      ['Community', 1, 0, 0],
      ['Employee', 2, 1, 50],
    ]);
    expect(blocksOf(s).some((x) => x.type === 'text' && /no result had been declared/.test(x.text))).toBe(true);
    for (const tr of b.trustees) await ok(core, 'ballots.decrypt', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    s = [(await ballotsSection(period)).section];
    const quote = blocksOf(s).find((x) => x.type === 'quote');
    expect(quote && quote.type === 'quote' ? quote.paragraphs.at(-1) : '').toBe('1 of the 3 members on the roll voted (33.3%): 1 at the kiosk.');
    await expectTracesMatch(core, await orgOf(core), s);
    // The period before the close has none.
    expect(figure([(await ballotsSection(sourceOf(core, await orgOf(core)))).section], 'ballots-closed').value).toBe(0);
  }, 60_000);
});

/** Every traced value's set lists exactly as many records as the value. */
async function expectTracesMatch(core: Core, org: OrganisationRow, sections: ReportSection[]) {
  for (const v of traced(sections)) {
    const set = ANNUAL_TRACE_SETS[v.trace!.set];
    expect(set, v.trace!.set).toBeDefined();
    const listed = await set!.list(core.db, org, v.trace!.params, { offset: 0, limit: 500 });
    expect([v.trace!.set, v.trace!.params, listed.total]).toEqual([v.trace!.set, v.trace!.params, v.value]);
    expect(listed.rows.length).toBe(Math.min(500, listed.total));
  }
}

describe('the annual governance report: employees from the last HR import', () => {
  it('shares employee members over the rows of the last HR import applied by the date, and a later import changes nothing', async () => {
    let clock = new Date('2026-03-15T12:00:00Z');
    t = await openTestCore({ now: () => clock });
    await setUpOrganisation(t.core, { particulars: { incorporatedOn: '2015-04-01' } });
    const core = t.core;
    const staff = await makeClass(core, 'Employee', null, true);
    const rows = [{ no: 'E1' }, { no: 'E2' }, { no: 'E3' }, { no: 'E4', hours: '2' }];
    const { plan } = await planCsv(core, hrCsv(rows), { classId: staff.id, asOf: '2026-03-01', fileName: 'staff-march.csv' });
    await applyPlan(core, plan.planId);
    const org = await orgOf(core);
    const first = await membershipSection(sourceOf(core, org));
    const s = [first.section];
    const employees = figure(s, 'employee-members').value!;
    expect(employees).toBe(4);
    expect(figure(s, 'hr-import-rows').value).toBe(4);
    expect(figure(s, 'employee-member-share').value).toBe(Math.round((employees / 4) * 1000) / 10);
    expect(first.missing.map((m) => m.what)).toEqual(['The number of employees on the date: the HR import keeps only the number of rows in its file, so the share is of those rows.']);

    // A later import (applied after the date) is not the one the report reads.
    clock = new Date('2026-06-15T12:00:00Z');
    const later = await planCsv(core, hrCsv([...rows, { no: 'E5' }, { no: 'E6' }]), { classId: staff.id, asOf: '2026-06-01', fileName: 'staff-june.csv' });
    await applyPlan(core, later.plan.planId);
    expect((await membershipSection(sourceOf(core, await orgOf(core)))).section).toEqual(first.section);
  });

  it('reads an import event migration 0022 left without an organisation as this organisation’s when the file keeps only one', async () => {
    t = await openTestCore({ now: () => new Date('2026-03-15T12:00:00Z') });
    await setUpOrganisation(t.core, { particulars: { incorporatedOn: '2015-04-01' } });
    const core = t.core;
    const staff = await makeClass(core, 'Employee', null, true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1' }, { no: 'E2' }, { no: 'E3' }]), { classId: staff.id, asOf: '2026-03-01', fileName: 'staff-march.csv' });
    await applyPlan(core, plan.planId);
    // As an upgraded file holds it: the import event not assigned to any organisation (the log is append-only, so lift its guard for the test).
    const guard = core.raw.prepare(`select sql from sqlite_master where type = 'trigger' and name = 'audit_event_no_update'`).pluck().get() as string;
    core.raw.exec('drop trigger audit_event_no_update');
    core.raw.prepare(`update audit_event set organisation_id = null where action = 'import.applied'`).run();
    core.raw.exec(guard);
    const s = [(await membershipSection(sourceOf(core, await orgOf(core)))).section];
    expect(figure(s, 'hr-import-rows').value).toBe(3);
  });
});
