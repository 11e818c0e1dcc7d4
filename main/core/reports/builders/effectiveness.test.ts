import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../../shared/contract/meetings';
import type { Officer } from '../../../../shared/contract/officers';
import { reportDocSchema, type ReportBlock, type ReportDoc, type ReportRequest, type ReportSection, type ReportValue } from '../../../../shared/contract/reports';
import type { Core } from '../../core';
import type { OrganisationRow } from '../../db/schema';
import { appointDirector } from '../../contracts/reports/fixtures.test-helpers';
import { registerOf } from '../../members/register.test-helpers';
import { expectOk, jobResult, validSetUpInput, type TestCore } from '../../testing';
import type { ReportSource } from '../source';
import { endSpareReportWorker } from '../worker-thread';
import { EFFECTIVENESS_TRACE_SETS } from '../trace/effectiveness';
import { effectivenessReport } from './effectiveness';

/**
 * The board effectiveness pack on a known board, written through the real core (meetings,
 * attendance, committees, decisions, actions, interests, minutes): each figure, attendance
 * percentages worked out by hand, every trace's total against its figure, the same sections after
 * later changes, and another organisation's meeting left out.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});
// reports.build runs on the report worker, which stays for the next report: end it.
afterAll(() => endSpareReportWorker());

const FROM = '2025-04-01';
const TO = '2026-03-31';

const ok = async <T>(core: Core, method: string, input: unknown) => expectOk(await core.dispatch(method, input)) as T;

async function orgOf(core: Core): Promise<OrganisationRow> {
  return core.db.selectFrom('organisation').selectAll().orderBy('created_at').executeTakeFirstOrThrow();
}

function sourceOf(core: Core, org: OrganisationRow): ReportSource {
  const request: ReportRequest = { kind: 'effectiveness', asAt: TO, from: FROM };
  return { db: core.db, org, request, period: { from: FROM, to: TO }, today: '2026-11-30', progress: () => {}, checkpoint: async () => {} };
}

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
function traced(sections: ReportSection[]): ReportValue[] {
  const out: ReportValue[] = [];
  for (const b of blocksOf(sections)) {
    if (b.type === 'figures') out.push(...b.items.map((i) => i.value));
    if (b.type === 'table') for (const r of [...b.rows, ...(b.total ? [b.total] : [])]) out.push(...Object.values(r));
  }
  return out.filter((v) => v.trace);
}
const row = (tbl: { rows: Record<string, ReportValue>[] }, label: string, key: string) => {
  const r = tbl.rows.find((x) => Object.values(x)[0]!.display === label);
  if (!r) throw new Error(`no row ${label}`);
  return r[key]!;
};

async function meeting(core: Core, kind: 'board' | 'committee', heldOn: string, extra: Record<string, unknown> = {}): Promise<MeetingView> {
  return ok<MeetingView>(core, 'meetings.create', { kind, heldOn, startsAt: '18:00', place: 'Civic Hall, Leeds', ...extra });
}
async function attend(core: Core, meetingId: string, officer: Officer, status: string) {
  await ok(core, 'meetings.setAttendance', { meetingId, officerId: officer.id, status });
}
const held = (core: Core, id: string) => ok(core, 'meetings.setStatus', { id, status: 'held' });

/**
 * Ann (in office throughout), Ben (left 31 January 2026) and Cat (appointed 1 October 2025);
 * three board meetings and one audit committee meeting in the period, one board meeting after it.
 */
async function knownBoard() {
  t = await registerOf('company_limited_by_guarantee');
  const core = t.core;
  const ann = (await appointDirector(core, 'Ann', 'Archer', 'employee', '2024-04-01')) as Officer;
  const ben = (await appointDirector(core, 'Ben', 'Baker', 'independent', '2024-04-01')) as Officer;
  const cat = (await appointDirector(core, 'Cat', 'Cole', 'employee', '2025-10-01')) as Officer;
  await ok(core, 'officers.endAppointment', { appointmentId: ben.appointments[0]!.id, ceasedOn: '2026-01-31', reason: 'Resigned' });
  const committee = await ok<{ id: string }>(core, 'committees.create', { name: 'Audit committee', formedOn: '2025-04-01', officerIds: [ann.id] });
  await ok(core, 'committees.addMember', { id: committee.id, officerId: cat.id, joinedOn: '2025-10-01' });

  const m1 = await meeting(core, 'board', '2025-06-10', { chairOfficerId: ann.id });
  await ok(core, 'meetings.addItem', { meetingId: m1.meeting.id, title: 'Budget', purpose: 'decision' });
  const m2 = await meeting(core, 'board', '2025-11-10', { chairOfficerId: ann.id });
  const m3 = await meeting(core, 'board', '2026-02-10', { chairOfficerId: ann.id });
  await ok(core, 'meetings.addItem', { meetingId: m3.meeting.id, title: 'Strategy', purpose: 'decision' });
  const c1 = await meeting(core, 'committee', '2025-12-01', { committeeId: committee.id, chairOfficerId: ann.id });
  const m4 = await meeting(core, 'board', '2026-05-10', { chairOfficerId: ann.id });

  await attend(core, m1.meeting.id, ann, 'present');
  await attend(core, m1.meeting.id, ben, 'present');
  await attend(core, m2.meeting.id, ann, 'present');
  await attend(core, m2.meeting.id, ben, 'apologies');
  await attend(core, m3.meeting.id, ann, 'present_electronically');
  await attend(core, m3.meeting.id, cat, 'present');
  await attend(core, c1.meeting.id, ann, 'present');
  await attend(core, c1.meeting.id, cat, 'apologies');
  await attend(core, m4.meeting.id, ann, 'present');
  for (const m of [m1, m2, m3, c1, m4]) await held(core, m.meeting.id);

  const v1 = (await ok<MeetingView>(core, 'meetings.get', { id: m1.meeting.id }));
  const v3 = (await ok<MeetingView>(core, 'meetings.get', { id: m3.meeting.id }));
  const budget = v1.items.find((i) => i.title === 'Budget')!.id;
  await ok(core, 'decisions.record', { agendaItemId: budget, kind: 'board', text: 'To approve the budget', votesFor: 2, votesAgainst: 0 });
  await ok(core, 'decisions.record', { agendaItemId: budget, kind: 'board', text: 'To buy a minibus', votesFor: 0, votesAgainst: 2 });
  await ok(core, 'decisions.record', { agendaItemId: v3.items.find((i) => i.title === 'Strategy')!.id, kind: 'board', text: 'To adopt the strategy', votesFor: 2, votesAgainst: 0 });

  const action = async (meetingId: string, description: string, dueOn?: string) =>
    (await ok<{ id: string }>(core, 'actions.create', { meetingId, description, ownerName: description.startsWith('Ben') ? 'Ben Baker' : 'Ann Archer', ...(dueOn ? { dueOn } : {}) })).id;
  const a1 = await action(m1.meeting.id, 'Ann: send the budget', '2025-07-01');
  const a2 = await action(m1.meeting.id, 'Ben: price the minibus', '2025-07-01');
  const a3 = await action(m1.meeting.id, 'Ann: review the risk register', '2026-03-01');
  const a4 = await action(m1.meeting.id, 'Ann: renew the lease', '2026-03-15');
  const a5 = await action(m1.meeting.id, 'Ben: visit the depot', '2025-09-01');
  await action(m1.meeting.id, 'Ann: think about the website');
  await action(m4.meeting.id, 'Ann: after the year', '2026-06-01');
  await ok(core, 'actions.close', { id: a1, status: 'done', closedOn: '2025-06-30' });
  await ok(core, 'actions.close', { id: a2, status: 'done', closedOn: '2025-08-15' });
  await ok(core, 'actions.close', { id: a4, status: 'done', closedOn: '2026-05-01' });
  await ok(core, 'actions.close', { id: a5, status: 'dropped', closedOn: '2025-09-01', note: 'The depot closed.' });

  const declare = (officerId: string, nature: string, declaredOn: string) => ok<{ id: string }>(core, 'interests.declare', { officerId, category: 'employment', nature, declaredOn });
  await declare(ann.id, 'Trustee of a local charity', '2024-05-01');
  const annSecond = await declare(ann.id, 'Governor of a school', '2025-05-01');
  await ok(core, 'interests.end', { id: annSecond.id, endedOn: '2026-06-01' });
  const benInterest = await declare(ben.id, 'Employed by the council', '2025-07-01');
  await ok(core, 'interests.end', { id: benInterest.id, endedOn: '2025-12-31' });
  const catInterest = await declare(cat.id, 'Shareholder in a supplier', '2026-03-31');

  // Minutes: m1 approved in 21 days and signed in 40; m2 approved in 92 and not signed; m3 none; c1 approved after the period.
  const minutes = async (meetingId: string) => (await ok<{ id: string }>(core, 'minutes.draft', { meetingId })).id;
  const n1 = await minutes(m1.meeting.id);
  await ok(core, 'minutes.approve', { id: n1, inWriting: true, approvedOn: '2025-07-01' });
  await ok(core, 'minutes.sign', { id: n1, signedBy: 'Ann Archer', signedOn: '2025-07-20' });
  const n2 = await minutes(m2.meeting.id);
  await ok(core, 'minutes.approve', { id: n2, inWriting: true, approvedOn: '2026-02-10' });
  const nc = await minutes(c1.meeting.id);
  await ok(core, 'minutes.approve', { id: nc, inWriting: true, approvedOn: '2026-04-15' });

  return { core, ann, ben, cat, m1, m2, m3, c1, m4, a3, n2, catInterest, committee };
}

describe('the board effectiveness pack', () => {
  it('gives each director’s attendance at the meetings they were expected at, worked out by hand', async () => {
    const { core } = await knownBoard();
    const doc = await effectivenessReport(sourceOf(core, await orgOf(core)));
    expect(doc.sections.map((s) => s.id)).toEqual(['attendance', 'decisions', 'actions', 'interests', 'minutes']);
    const tbl = tableOf(doc.sections, 'effectiveness-attendance');
    expect(tbl.rows.map((r) => r['director']!.display)).toEqual(['Ann Archer', 'Ben Baker', 'Cat Cole']);
    const cols = ['boardExpected', 'boardAttended', 'committeeExpected', 'committeeAttended', 'missed'];
    expect(tbl.rows.map((r) => cols.map((k) => r[k]!.value))).toEqual([
      [3, 3, 1, 1, 0],
      [2, 1, 0, 0, 1],
      [2, 1, 1, 0, 2],
    ]);
    expect(tbl.rows.map((r) => r['pct']!.display)).toEqual(['100%', '50%', '33.3%']);
    expect(row(tbl, 'Ben Baker', 'committeePct').display).toBe('—');
    expect(tbl.total!['boardPct']!.display).toBe('71.4%');
    expect(tbl.total!['committeePct']!.display).toBe('50%');
    expect(figure(doc.sections, 'attendance').display).toBe('66.7%');
    expect(figure(doc.sections, 'board-meetings').value).toBe(3);
    expect(figure(doc.sections, 'committee-meetings').value).toBe(1);
  });

  it('counts decisions per meeting, actions on time, interests by director and minutes against the 28-day default', async () => {
    const { core } = await knownBoard();
    const doc = await effectivenessReport(sourceOf(core, await orgOf(core)));
    const decisions = tableOf(doc.sections, 'effectiveness-decisions');
    expect(decisions.rows.map((r) => [r['date']!.display, r['decisions']!.value, r['carried']!.value, r['notCarried']!.value])).toEqual([
      ['10 June 2025', 2, 1, 1],
      ['10 November 2025', 0, 0, 0],
      ['1 December 2025', 0, 0, 0],
      ['10 February 2026', 1, 1, 0],
    ]);
    expect(figure(doc.sections, 'average').display).toBe('0.8');

    expect(['actions-due', 'actions-on-time', 'actions-late', 'actions-outstanding', 'actions-dropped', 'actions-undated'].map((id) => figure(doc.sections, id).value)).toEqual([5, 1, 1, 2, 1, 1]);
    expect(figure(doc.sections, 'actions-pct').display).toBe('25%');
    const byOwner = tableOf(doc.sections, 'effectiveness-actions');
    expect(byOwner.rows.map((r) => [r['owner']!.display, r['due']!.value, r['onTime']!.value, r['late']!.value, r['outstanding']!.value, r['dropped']!.value])).toEqual([
      ['Ann Archer', 3, 1, 0, 2, 0],
      ['Ben Baker', 2, 0, 1, 0, 1],
    ]);

    const interests = tableOf(doc.sections, 'effectiveness-interests');
    expect(interests.rows.map((r) => [r['director']!.display, r['declared']!.value, r['held']!.value])).toEqual([
      ['Ann Archer', 1, 2],
      ['Ben Baker', 1, 0],
      ['Cat Cole', 1, 1],
    ]);

    const minutesText = blocksOf([doc.sections.find((s) => s.id === 'minutes')!]).find((b) => b.type === 'text')!;
    expect(minutesText.type === 'text' && minutesText.text).toMatch(/28 days .*the app’s default: neither the governing rules nor the settings record a target/);
    expect(['approved-in-target', 'approved-late', 'approval-overdue', 'signed-in-target', 'signed-late', 'signing-overdue'].map((id) => figure(doc.sections, id).value)).toEqual([1, 1, 2, 0, 1, 3]);
    const minutes = tableOf(doc.sections, 'effectiveness-minutes');
    expect(minutes.rows[0]).toMatchObject({ approvalDays: { value: 21 }, signingDays: { value: 40 }, approval: { display: 'Within the target' }, signing: { display: 'After the target' } });
  });

  it('lists, for every figure, exactly the records it counts', async () => {
    const { core, ben } = await knownBoard();
    const org = await orgOf(core);
    const doc = await effectivenessReport(sourceOf(core, org));
    const values = traced(doc.sections);
    expect(values.length).toBeGreaterThan(60);
    for (const v of values) {
      const set = EFFECTIVENESS_TRACE_SETS[v.trace!.set];
      expect(set, v.trace!.set).toBeDefined();
      const list = await set!.list(core.db, org, v.trace!.params, { offset: 0, limit: 500 });
      expect(list.total, `${v.trace!.set} ${JSON.stringify(v.trace!.params)}`).toBe(v.value);
      expect(list.rows).toHaveLength(v.value!);
      expect(set!.title(v.trace!.params)).not.toBe('');
    }
    const missed = await EFFECTIVENESS_TRACE_SETS['effectiveness.attendance']!.list(core.db, org, { from: FROM, to: TO, officerId: ben.id, body: 'all', which: 'missed' }, { offset: 0, limit: 10 });
    expect(missed.rows).toEqual([expect.objectContaining({ label: 'Board meeting, 10 November 2025', detail: 'Ben Baker: Apologies' })]);
  });

  it('gives the same sections after records change after the period, and leaves another organisation out', async () => {
    const { core, ann, m2, a3, n2, catInterest } = await knownBoard();
    const org = await orgOf(core);
    const first = await effectivenessReport(sourceOf(core, org));

    // Renamed after the period: the director (who would sort last by the new name) and the organisation.
    await ok(core, 'officers.update', {
      id: ann.id,
      particulars: { givenNames: 'Zara', familyName: 'Zeal', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    });
    await ok(core, 'organisation.update', { ...validSetUpInput().particulars, name: 'Riverside Community Care' });

    await ok(core, 'minutes.sign', { id: n2, signedBy: 'Ann Archer', signedOn: '2026-06-01' });
    await ok(core, 'actions.close', { id: a3, status: 'done', closedOn: '2026-06-01' });
    await ok(core, 'interests.end', { id: catInterest.id, endedOn: '2026-07-01' });
    const dan = (await appointDirector(core, 'Dan', 'Dale', 'independent', '2026-06-01')) as Officer;
    const late = await meeting(core, 'board', '2026-06-15');
    await attend(core, late.meeting.id, dan, 'present');
    await held(core, late.meeting.id);
    // Another organisation's board meeting in the period, with its director present.
    const raw = core.raw;
    const copy = (table: string, where: string, changes: Record<string, unknown>) => {
      const r = { ...(raw.prepare(`select * from ${table} where ${where} limit 1`).get() as Record<string, unknown>), ...changes };
      const cols = Object.keys(r);
      raw.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`).run(r);
    };
    copy('organisation', '1=1', { id: 'org-two', name: 'Hillside Care Mutual', registration_number: '07654321' });
    copy('officer', '1=1', { id: 'o-two', organisation_id: 'org-two', member_id: null });
    copy('appointment', "role = 'director'", { id: 'a-two', organisation_id: 'org-two', officer_id: 'o-two', appointed_on: '2024-01-01', ceased_on: null });
    copy('meeting', `id = '${m2.meeting.id}'`, { id: 'mt-two', organisation_id: 'org-two', held_on: '2025-07-01' });
    copy('attendance', '1=1', { id: 'at-two', meeting_id: 'mt-two', officer_id: 'o-two', status: 'present' });

    const again = await effectivenessReport(sourceOf(core, await orgOf(core)));
    expect(JSON.stringify(again.sections)).not.toMatch(/Zara Zeal|Riverside Community Care/);
    expect(again.sections).toEqual(first.sections);
  });

  it('is built by reports.build (on the report worker) as it is directly, and reports.trace lists a figure’s records', async () => {
    const { core } = await knownBoard();
    const direct = await effectivenessReport(sourceOf(core, await orgOf(core)));
    const doc = await jobResult<ReportDoc>(core, 'reports.build', { kind: 'effectiveness', asAt: TO, from: FROM });
    expect(reportDocSchema.safeParse(doc).success).toBe(true);
    expect(doc.sections).toEqual(direct.sections);
    expect(doc.title).toBe('Board effectiveness pack, 1 April 2025 to 31 March 2026');
    const missed = tableOf(doc.sections, 'effectiveness-attendance').total!['missed']!;
    const list = expectOk(await core.dispatch('reports.trace', { trace: missed.trace, limit: 50 })) as { total: number; title: string };
    expect(list.total).toBe(3);
  });
});
