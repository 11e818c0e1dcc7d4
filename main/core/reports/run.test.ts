import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../shared/contract/reports';
import type { MembershipClass } from '../../../shared/contract/classes';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { BUILDERS } from './builders/index';
import { TRACE_SETS } from './trace/index';
import { defaultDates } from './catalogue';
import { REPORT_RUNNER } from './run-job';
import { TEST_BUILDERS } from './run.test-helpers';
import { endSpareReportWorker } from './worker-thread';

/**
 * The reports runner (issue 11): the catalogue by legal form with its default dates, the checks
 * on a request, a report built on the worker thread and on the host giving the same document,
 * cancelling a build part-way, and the records behind a figure.
 */

const NOW = new Date('2026-11-30T12:00:00Z');
const HELPERS = new URL('./run.test-helpers.ts', import.meta.url).href;
const saved = { ...BUILDERS };
const savedTrace = { ...TRACE_SETS };
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  // Only the test builders, whatever real ones have landed: these tests are about the runner and the formats.
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, TEST_BUILDERS);
  REPORT_RUNNER.builderModule = HELPERS;
});
afterEach(async () => {
  REPORT_RUNNER.mode = 'worker';
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, saved);
  for (const k of Object.keys(TRACE_SETS)) if (!(k in savedTrace)) delete TRACE_SETS[k];
  delete REPORT_RUNNER.builderModule;
  await endSpareReportWorker();
});

async function open(particulars: Record<string, unknown> = {}): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: particulars as never });
  return t;
}

async function withMembers(t: TestCore): Promise<MembershipClass> {
  const cls = await makeClass(t.core, 'Community members', null);
  await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2019-05-01' });
  await admit(t.core, cls, person('Grace', 'Hopper'), { admittedOn: '2020-02-03' });
  await admit(t.core, cls, person('Alan', 'Turing'), { admittedOn: '2020-07-09' });
  // After the report's date: not counted.
  await admit(t.core, cls, person('Joan', 'Clarke'), { admittedOn: '2026-06-01' });
  return cls;
}

const refusal = async (t: TestCore, method: string, input: unknown) => {
  const r = await t.core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
};

describe('reports.catalogue', () => {
  it('offers each report by legal form, citing the law for those it rules out, with the last year end as the default date', async () => {
    const t = await open();
    const { reports } = expectOk(await t.core.dispatch('reports.catalogue', {})) as { reports: Array<Record<string, any>> };
    expect(reports.map((r) => r.kind)).toEqual(['annual', 'agm', 'cic34', 'societyReturn', 'eot', 'effectiveness', 'group']);
    const by = Object.fromEntries(reports.map((r) => [r.kind, r]));
    expect(by.annual).toMatchObject({ available: true, unavailableReason: null, period: true, defaultAsAt: '2026-03-31', defaultFrom: '2025-04-01', needsMeeting: false });
    expect(by.agm).toMatchObject({ period: false, defaultFrom: null, needsMeeting: true, available: false });
    expect(by.agm.unavailableReason).toBe('The AGM pack cannot be produced in this version of the app yet.');
    expect(by.cic34).toMatchObject({ available: false, law: 'Companies (Audit, Investigations and Community Enterprise) Act 2004 s34; Community Interest Company Regulations 2005 reg 26' });
    expect(by.cic34.unavailableReason).toMatch(/^Only a community interest company .*C\(AICE\) Act 2004 s34; CIC Regulations 2005 reg 26\)\. This organisation is a company limited by guarantee\.$/);
    expect(by.societyReturn.unavailableReason).toMatch(/CCBS Act 2014 s89/);
    expect(by.eot.unavailableReason).toMatch(/TCGA 1992 s236H onwards/);
    expect(by.group.unavailableReason).toMatch(/more than one organisation/);
    expect(by.effectiveness).toMatchObject({ available: true });
  });

  it('offers the CIC report to a CIC and the annual return to a society', async () => {
    const cic = await open({ legalForm: 'cic_limited_by_shares' });
    const cicReports = (expectOk(await cic.core.dispatch('reports.catalogue', {})) as { reports: Array<Record<string, any>> }).reports;
    // Ruled in by its form; not built by this version yet, and said so.
    expect(cicReports.find((r) => r.kind === 'cic34')!.unavailableReason).toMatch(/cannot be produced in this version/);
    expect(cicReports.find((r) => r.kind === 'societyReturn')!.unavailableReason).toMatch(/CCBS Act 2014 s89/);
    const society = await open({ legalForm: 'community_benefit_society', registrationNumber: '12345R' });
    const societyReports = (expectOk(await society.core.dispatch('reports.catalogue', {})) as { reports: Array<Record<string, any>> }).reports;
    expect(societyReports.find((r) => r.kind === 'societyReturn')!.unavailableReason).toMatch(/cannot be produced in this version/);
    expect(societyReports.find((r) => r.kind === 'cic34')!.unavailableReason).toMatch(/This organisation is a community benefit society\./);
  });

  it('defaults to the last year end on or before today, and to today for an organisation whose first year has not ended', () => {
    const org = { financial_year_end: '03-31', incorporated_on: '2015-04-01' };
    expect(defaultDates(org, '2026-11-30')).toEqual({ asAt: '2026-03-31', from: '2025-04-01' });
    expect(defaultDates(org, '2026-03-31')).toEqual({ asAt: '2026-03-31', from: '2025-04-01' });
    expect(defaultDates(org, '2026-03-30')).toEqual({ asAt: '2025-03-31', from: '2024-04-01' });
    expect(defaultDates({ ...org, financial_year_end: '12-31' }, '2026-11-30')).toEqual({ asAt: '2025-12-31', from: '2025-01-01' });
    expect(defaultDates({ financial_year_end: '02-29', incorporated_on: '2015-04-01' }, '2026-11-30')).toEqual({ asAt: '2026-02-28', from: '2025-03-01' });
    // Incorporated after the last year end: as at today, from incorporation.
    expect(defaultDates({ financial_year_end: '03-31', incorporated_on: '2026-06-01' }, '2026-11-30')).toEqual({ asAt: '2026-11-30', from: '2026-06-01' });
    // A first year that began after the year before the last year end started.
    expect(defaultDates({ financial_year_end: '03-31', incorporated_on: '2025-10-01' }, '2026-11-30')).toEqual({ asAt: '2026-03-31', from: '2025-10-01' });
  });
});

describe('reports.build: the request', () => {
  it('refuses a kind this version has no builder for, naming the report', async () => {
    const t = await open();
    const error = await refusal(t, 'reports.build', { kind: 'agm', asAt: '2026-03-31', meetingId: '0190f000-0000-7000-8000-000000000001' });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'The AGM pack cannot be produced in this version of the app yet.' });
  });

  it('refuses a date to come, a date before incorporation (citing the law), a period the wrong way round, and a report the legal form rules out', async () => {
    const t = await open();
    expect(await refusal(t, 'reports.build', { kind: 'annual', asAt: '2026-12-01' })).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { asAt: 'A report can be as at today (30 November 2026) or an earlier date, not 1 December 2026: the records say what has happened, not what will.' },
    });
    const early = await refusal(t, 'reports.build', { kind: 'annual', asAt: '2015-03-31' });
    expect(early.code).toBe('VALIDATION');
    expect(early.fieldErrors?.['asAt']).toMatch(/^A report cannot be dated before 1 April 2015, when Riverside Care Mutual was incorporated: it exists from that day \(CA 2006 s16\(2\)\)\./);
    expect((await refusal(t, 'reports.build', { kind: 'annual', asAt: '2026-03-31', from: '2014-01-01' })).fieldErrors?.['from']).toMatch(/CA 2006 s16\(2\)/);
    expect((await refusal(t, 'reports.build', { kind: 'annual', asAt: '2026-03-31', from: '2026-04-01' })).fieldErrors?.['from']).toBe(
      'The period must start on or before its end: 1 April 2026 is after 31 March 2026.',
    );
    const cic = await refusal(t, 'reports.build', { kind: 'cic34', asAt: '2026-03-31' });
    expect(cic.code).toBe('VALIDATION');
    expect(cic.fieldErrors?.['kind']).toMatch(/C\(AICE\) Act 2004 s34/);
    const society = await open({ legalForm: 'cooperative_society', registrationNumber: '12345R' });
    expect((await refusal(society, 'reports.build', { kind: 'annual', asAt: '2015-01-01' })).fieldErrors?.['asAt']).toMatch(/was registered: it exists from that day \(CCBS Act 2014 s3\(3\)\)/);
  });

  it('needs a general meeting of this organisation for the AGM pack, and no meeting or start for reports that take none', async () => {
    const t = await open();
    const saved = BUILDERS.agm;
    BUILDERS.agm = TEST_BUILDERS.annual;
    try {
      expect((await refusal(t, 'reports.build', { kind: 'agm', asAt: '2026-03-31' })).fieldErrors?.['meetingId']).toBe('Choose the general meeting the AGM pack is for.');
      const board = expectOk(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: false })) as { meeting: { id: string } };
      expect((await refusal(t, 'reports.build', { kind: 'agm', asAt: '2026-03-31', meetingId: board.meeting.id })).fieldErrors?.['meetingId']).toMatch(/general meeting of the members; that meeting is a board meeting/);
      expect((await refusal(t, 'reports.build', { kind: 'agm', asAt: '2026-03-31', meetingId: '0190f000-0000-7000-8000-000000000009' })).fieldErrors?.['meetingId']).toBe('That meeting is not on record for this organisation.');
      expect((await refusal(t, 'reports.build', { kind: 'agm', asAt: '2026-03-31', from: '2025-04-01', meetingId: board.meeting.id })).fieldErrors?.['from']).toMatch(/as at one date and has no start date/);
      expect((await refusal(t, 'reports.build', { kind: 'annual', asAt: '2026-03-31', meetingId: board.meeting.id })).fieldErrors?.['meetingId']).toMatch(/not for one meeting/);
    } finally {
      if (saved) BUILDERS.agm = saved;
      else delete BUILDERS.agm;
    }
  });
});

describe('reports.build: the job', () => {
  it('builds on the worker thread from the records as at the date, stating the period, the organisation and the audit head', async () => {
    const t = await open();
    await withMembers(t);
    const head = t.core.raw.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string };
    const status = await runJob(t.core, 'reports.build', { kind: 'annual', asAt: '2026-03-31' });
    expect(status.error).toBeUndefined();
    expect([status.done, status.total]).toEqual([1, 2]);
    const doc = status.result as ReportDoc;
    expect(doc.request).toEqual({ kind: 'annual', asAt: '2026-03-31', from: '2025-04-01' });
    expect(doc.period).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(doc.organisation).toEqual({ id: expect.any(String), name: 'Riverside Care Mutual', legalForm: 'company_limited_by_guarantee', registrationNumber: '01234567' });
    expect(doc.producedAt).toBe(NOW.toISOString());
    expect(doc.auditHead).toEqual(head);
    const figures = doc.sections[0]!.blocks.find((b) => b.type === 'figures');
    // Three members on 31 March 2026: the fourth was admitted later.
    expect(figures).toMatchObject({ items: [{ value: { display: '3', value: 3, trace: { set: 'test.members', params: { on: '2026-03-31' } } } }] });
    expect(doc.missing).toEqual([{ section: 'control', what: 'The chair’s review of the year' }]);
  }, 60_000);

  it('makes the same document on the host thread as on the worker', async () => {
    const t = await open();
    await withMembers(t);
    const request = { kind: 'annual', asAt: '2026-03-31', from: '2020-01-01' };
    const inWorker = await jobResult<ReportDoc>(t.core, 'reports.build', request);
    REPORT_RUNNER.mode = 'thread';
    const onHost = await jobResult<ReportDoc>(t.core, 'reports.build', request);
    expect(onHost).toEqual(inWorker);
    expect(onHost.sections[0]!.sections![0]!.blocks[0]).toMatchObject({ rows: [{ name: { display: 'Grace Hopper' } }, { name: { display: 'Ada Lovelace' } }, { name: { display: 'Alan Turing' } }] });
  }, 60_000);

  for (const mode of ['worker', 'thread'] as const) {
    it(`stops when cancelled part-way (${mode === 'worker' ? 'the worker is ended' : 'on the host thread, at a checkpoint'})`, async () => {
      const t = await open();
      REPORT_RUNNER.mode = mode;
      const { jobId } = expectOk(await t.core.dispatch('reports.build', { kind: 'effectiveness', asAt: '2026-03-31' })) as { jobId: string };
      for (let s = t.core.jobs.get(jobId); s.state === 'running' && s.done < 5; s = t.core.jobs.get(jobId)) await new Promise((r) => setTimeout(r, 10));
      const running = t.core.jobs.get(jobId);
      expect(running).toMatchObject({ state: 'running', cancellable: true, total: 400 });
      expect(running.message).toMatch(/^Step \d+ of 400$/);
      expect(expectOk(await t.core.dispatch('jobs.cancel', { id: jobId }))).toMatchObject({ state: 'running', message: 'Cancelling' });
      await t.core.jobs.idle();
      const status = t.core.jobs.get(jobId);
      expect(status.state).toBe('failed');
      expect(status.error).toMatchObject({ code: 'CONFLICT', message: 'Board effectiveness pack as at 31 March 2026 was cancelled; nothing was made.' });
      expect(status.done).toBeLessThan(399);
    }, 60_000);
  }
});

describe('reports.trace', () => {
  it('lists the records behind a figure a page at a time, and says so for a set it does not know', async () => {
    const t = await open();
    await withMembers(t);
    TRACE_SETS['test.members'] = {
      title: (p) => `Members on ${String(p['on'])}`,
      list: async (db, org, p, page) => {
        const base = db.selectFrom('member').where('organisation_id', '=', org.id).where('admitted_on', '<=', String(p['on']));
        const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const rows = await base.select(['id', 'family_name', 'admitted_on']).orderBy('family_name').offset(page.offset).limit(page.limit).execute();
        return { total, rows: rows.map((r) => ({ id: r.id, label: r.family_name, detail: r.admitted_on, href: `#/members/${r.id}` })) };
      },
    };
    const all = expectOk(await t.core.dispatch('reports.trace', { trace: { set: 'test.members', params: { on: '2026-03-31' } } })) as { title: string; total: number; rows: { label: string }[] };
    expect(all.title).toBe('Members on 2026-03-31');
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.label)).toEqual(['Hopper', 'Lovelace', 'Turing']);
    const page = expectOk(await t.core.dispatch('reports.trace', { trace: { set: 'test.members', params: { on: '2026-03-31' } }, offset: 1, limit: 1 })) as { total: number; rows: { label: string }[] };
    expect(page).toMatchObject({ total: 3, rows: [{ label: 'Lovelace' }] });
    expect(await refusal(t, 'reports.trace', { trace: { set: 'members.nowhere', params: {} } })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'The records behind this figure (“members.nowhere”) cannot be listed by this version of the app.',
    });
    // Not a property every object has.
    expect((await refusal(t, 'reports.trace', { trace: { set: 'constructor', params: {} } })).code).toBe('NOT_FOUND');
  });
});
