import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Officer } from '../../../shared/contract/officers';
import type { MinutesTargetView } from '../../../shared/contract/organisation';
import type { ReportDoc, ReportRequest, ReportSection } from '../../../shared/contract/reports';
import type { Core } from '../core';
import type { OrganisationRow } from '../db/schema';
import { appointDirector } from '../contracts/reports/fixtures.test-helpers';
import { effectivenessReport } from '../reports/builders/effectiveness';
import type { ReportSource } from '../reports/source';
import { endSpareReportWorker } from '../reports/worker-thread';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';
import { minutesTargetOnDate } from './minutes-target';

/**
 * The secretary's target for minutes (issue 11, report 6): set through the contract with an audit
 * event carrying before and after, refused outside 1 to 365 days with the message on the field,
 * and read by the board effectiveness pack as it stood at the end of the period's last UK day.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});
afterAll(() => endSpareReportWorker());

let clock = new Date('2026-01-05T12:00:00Z');

async function open(): Promise<Core> {
  clock = new Date('2026-01-05T12:00:00Z');
  t = await openTestCore({ now: () => clock });
  await setUpOrganisation(t.core);
  return t.core;
}

const ok = async <T>(core: Core, method: string, input: unknown) => expectOk(await core.dispatch(method, input)) as T;

describe('the secretary’s target for minutes', () => {
  it('is the app’s default of 28 days until set, and setting it is audited with before and after', async () => {
    const core = await open();
    expect(await ok<MinutesTargetView>(core, 'organisation.minutesTarget', {})).toEqual({ days: 28, isDefault: true, defaultDays: 28, setOn: null, setAt: null });

    const set = await ok<MinutesTargetView>(core, 'organisation.setMinutesTarget', { days: 21 });
    expect(set).toEqual({ days: 21, isDefault: false, defaultDays: 28, setOn: '2026-01-05', setAt: '2026-01-05T12:00:00.000Z' });
    expect(await ok(core, 'organisation.minutesTarget', {})).toEqual(set);

    clock = new Date('2026-02-01T09:00:00Z');
    await ok(core, 'organisation.setMinutesTarget', { days: 14 });
    // The same again changes nothing and records nothing.
    await ok(core, 'organisation.setMinutesTarget', { days: 14 });
    const events = core.raw
      .prepare("select e.summary, e.entity_type, e.organisation_id, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'settings.minutes_target_set' order by e.seq")
      .all() as { summary: string; entity_type: string; organisation_id: string; body: string }[];
    expect(events.map((e) => [e.summary, e.entity_type, JSON.parse(e.body)])).toEqual([
      ['Minutes target set: approved and signed within 21 days of the meeting (was the app’s default of 28 days)', 'minutes_target', { before: null, after: { days: 21 } }],
      ['Minutes target changed from 21 days to 14 days of the meeting', 'minutes_target', { before: { days: 21 }, after: { days: 14 } }],
    ]);
    // Listed with the organisation whose setting it is.
    const orgId = core.raw.prepare('select id from organisation').pluck().get();
    expect(events.map((e) => e.organisation_id)).toEqual([orgId, orgId]);
    expect(await ok(core, 'organisation.minutesTarget', {})).toMatchObject({ days: 14, setOn: '2026-02-01' });

    // The audit log vouches for the setting: changed outside the app, verify names it.
    expect(((await runJob(core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
    core.raw.prepare("update app_setting set value = '60' where key = 'minutes.targetDays'").run();
    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain('the secretary’s target for minutes');
  }, 30_000);

  it('is kept per organisation: another organisation in the file keeps its own, as at any date', async () => {
    const core = await open();
    const first = core.raw.prepare('select id from organisation').pluck().get() as string;
    const second = await ok<{ id: string }>(core, 'group.addOrganisation', validSetUpInput({ particulars: { name: 'Riverside Care Services', registrationNumber: '07654321' } }));
    await ok(core, 'organisation.setMinutesTarget', { days: 21 });
    await ok(core, 'group.switch', { organisationId: second.id });
    expect(await ok(core, 'organisation.minutesTarget', {})).toMatchObject({ days: 28, isDefault: true });
    await ok(core, 'organisation.setMinutesTarget', { days: 40 });
    expect(await minutesTargetOnDate(core.db, first, '2026-01-05')).toMatchObject({ days: 21, isDefault: false });
    expect(await minutesTargetOnDate(core.db, second.id, '2026-01-05')).toMatchObject({ days: 40, isDefault: false });
    expect(core.raw.prepare("select organisation_id from audit_event where action = 'settings.minutes_target_set' order by seq").pluck().all()).toEqual([first, second.id]);
    await ok(core, 'group.switch', { organisationId: first });
    expect(await ok(core, 'organisation.minutesTarget', {})).toMatchObject({ days: 21 });
  });

  it('refuses a target outside 1 to 365 days, with the message on the field, and changes nothing', async () => {
    const core = await open();
    for (const [days, message] of [
      [0, 'The number of days must be a whole number from 1 to 365.'],
      [366, 'The number of days must be no more than 365.'],
      [7.5, 'Enter the number of days as a whole number from 1 to 365.'],
      ['ten', 'Enter the number of days as a whole number from 1 to 365.'],
    ] as const) {
      const r = await core.dispatch('organisation.setMinutesTarget', { days });
      expect(r.ok, String(days)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fieldErrors).toEqual({ days: message });
      }
    }
    expect(core.raw.prepare("select count(*) from audit_event where action = 'settings.minutes_target_set'").pluck().get()).toBe(0);
    expect(await ok(core, 'organisation.minutesTarget', {})).toMatchObject({ days: 28, isDefault: true });
    // The bounds themselves are allowed.
    expect(await ok(core, 'organisation.setMinutesTarget', { days: 1 })).toMatchObject({ days: 1 });
    expect(await ok(core, 'organisation.setMinutesTarget', { days: 365 })).toMatchObject({ days: 365 });
  });
});

describe('the board effectiveness pack against the target as it stood', () => {
  /** One board meeting on 10 June 2025: minutes approved in 21 days (1 July) and signed in 40 (20 July). */
  async function board(): Promise<{ core: Core; org: OrganisationRow }> {
    const core = await open();
    const ann = (await appointDirector(core, 'Ann', 'Archer', 'employee', '2024-04-01')) as Officer;
    const m = await ok<MeetingView>(core, 'meetings.create', { kind: 'board', heldOn: '2025-06-10', startsAt: '18:00', place: 'Civic Hall, Leeds', chairOfficerId: ann.id });
    await ok(core, 'meetings.setAttendance', { meetingId: m.meeting.id, officerId: ann.id, status: 'present' });
    await ok(core, 'meetings.setStatus', { id: m.meeting.id, status: 'held' });
    const n = await ok<{ id: string }>(core, 'minutes.draft', { meetingId: m.meeting.id });
    await ok(core, 'minutes.approve', { id: n.id, inWriting: true, approvedOn: '2025-07-01' });
    await ok(core, 'minutes.sign', { id: n.id, signedBy: 'Ann Archer', signedOn: '2025-07-20' });
    const org = await core.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
    return { core, org };
  }

  const source = (core: Core, org: OrganisationRow, from: string, to: string): ReportSource => {
    const request: ReportRequest = { kind: 'effectiveness', asAt: to, from };
    return { db: core.db, org, request, period: { from, to }, today: '2026-11-30', progress: () => {}, checkpoint: async () => {} };
  };
  const minutesOf = (doc: { sections: ReportSection[] }) => doc.sections.find((s) => s.id === 'minutes')!;
  const statement = (doc: { sections: ReportSection[] }) => {
    const b = minutesOf(doc).blocks[0]!;
    return b.type === 'text' ? b.text : '';
  };
  const figures = (doc: { sections: ReportSection[] }) => {
    const b = minutesOf(doc).blocks.find((x) => x.type === 'figures');
    return b && b.type === 'figures' ? Object.fromEntries(b.items.map((i) => [i.id, [i.label, i.value.value]])) : {};
  };

  it('uses the earlier target for a period ending before a change, the same next year, and the new one after it', async () => {
    const { core, org } = await board();

    // No target set by 31 December 2025: the app's default, said as such.
    const before = await effectivenessReport(source(core, org, '2025-01-01', '2025-12-31'));
    expect(statement(before)).toContain('the app’s default of 28 days applies (change it in Settings)');
    expect(figures(before)['signed-late']).toEqual(['Minutes signed after 28 days', 1]);

    // Set to 30 on 15 January 2026: the pack for the year to 31 March 2026 uses it.
    clock = new Date('2026-01-15T10:00:00Z');
    await ok(core, 'organisation.setMinutesTarget', { days: 30 });
    const year = await effectivenessReport(source(core, org, '2025-04-01', '2026-03-31'));
    expect(statement(year)).toMatch(/^Minutes are judged against the secretary’s target of 30 days, set on 15 January 2026: /);
    expect(statement(year)).toContain('as it stood on 31 March 2026');
    expect(figures(year)['approved-in-target']).toEqual(['Minutes approved within 30 days', 1]);
    expect(figures(year)['signed-late']).toEqual(['Minutes signed after 30 days', 1]);

    // Changed to 45 on 1 June 2026: the same pack is as it was; a period ending after it uses 45.
    clock = new Date('2026-06-01T10:00:00Z');
    await ok(core, 'organisation.setMinutesTarget', { days: 45 });
    const again = await effectivenessReport(source(core, org, '2025-04-01', '2026-03-31'));
    expect(again.sections).toEqual(year.sections);
    expect(await effectivenessReport(source(core, org, '2025-01-01', '2025-12-31'))).toEqual(before);
    const later = await effectivenessReport(source(core, org, '2025-06-01', '2026-06-01'));
    expect(statement(later)).toContain('the secretary’s target of 45 days, set on 1 June 2026');
    expect(figures(later)['signed-in-target']).toEqual(['Minutes signed within 45 days', 1]);
    expect(figures(later)['signed-late']).toEqual(['Minutes signed after 45 days', 0]);

    // Set at 23:30 UTC on 30 June 2026, which is 00:30 on 1 July in the UK (BST): not in force on 30 June.
    clock = new Date('2026-06-30T23:30:00Z');
    await ok(core, 'organisation.setMinutesTarget', { days: 10 });
    expect(statement(await effectivenessReport(source(core, org, '2025-07-01', '2026-06-30')))).toContain('target of 45 days, set on 1 June 2026');
    expect(statement(await effectivenessReport(source(core, org, '2025-07-02', '2026-07-01')))).toContain('target of 10 days, set on 1 July 2026');

    // reports.build, on the report worker, reads the same target; the trace lists the late signing against it.
    const built = await jobResult<ReportDoc>(core, 'reports.build', { kind: 'effectiveness', asAt: '2026-03-31', from: '2025-04-01' });
    expect(built.sections).toEqual(year.sections);
    const late = minutesOf(built).blocks.find((b) => b.type === 'figures');
    const signedLate = late && late.type === 'figures' ? late.items.find((i) => i.id === 'signed-late')!.value : undefined;
    const list = expectOk(await core.dispatch('reports.trace', { trace: signedLate!.trace, limit: 10 })) as { total: number };
    expect(list.total).toBe(1);
  }, 60_000);
});
