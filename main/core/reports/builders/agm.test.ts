import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../../shared/contract/meetings';
import { reportDocSchema, reportSectionSchema, type ReportBlock, type ReportDoc, type ReportRequest, type ReportSection, type ReportValue } from '../../../../shared/contract/reports';
import { defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { formatLocalDateTime } from '../../../../shared/rules/working-hours';
import type { Core } from '../../core';
import type { OrganisationRow } from '../../db/schema';
import { appointDirector } from '../../contracts/reports/fixtures.test-helpers';
import { admit, makeClass, person } from '../../members/register.test-helpers';
import { stateFromText } from '../../minutes/lexical';
import { exportsDirFor } from '../../exports/file-store';
import { readZipEntry } from '../../meetings/print/zip';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, validSetUpInput, type TestCore } from '../../testing';
import type { BuiltReport, ReportBuilder, ReportSource } from '../source';
import { endSpareReportWorker } from '../worker-thread';
import { AGM_TRACE_SETS } from '../trace/agm';
import { TRACE_SETS } from '../trace/index';
import { buildAgmPack, lastYearEnd } from './agm-pack';
import { annualReport } from './annual';
import { BUILDERS } from './index';

/**
 * The AGM pack through the real core (meetings, notice, resolutions, minutes, ballots): the proxy
 * deadline equals the meetings area's own for a company and for a society, the previous general
 * meeting's approved minutes are quoted, the same sections after later changes, each trace's total
 * equals its figure, and another kind of meeting or another organisation's is refused.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});
// reports.build runs on the report worker, which stays for the next report: end it.
afterAll(() => endSpareReportWorker());

// The clock moves: the pack is produced on the day notice is given (30 November 2026), then records change later.
const clock = { now: new Date('2026-11-30T12:00:00Z') };
const AS_AT = '2026-11-30';

const ok = async <T>(core: Core, method: string, input: unknown) => expectOk(await core.dispatch(method, input)) as T;

async function open(legalForm: 'company_limited_by_guarantee' | 'cooperative_society', rules: Record<string, unknown> = {}): Promise<Core> {
  clock.now = new Date('2026-11-30T12:00:00Z');
  t = await openTestCore({ now: () => clock.now });
  await setUpOrganisation(t.core, {
    particulars: { legalForm, registrationNumber: legalForm === 'cooperative_society' ? '12345R' : '01234567', incorporatedOn: '2015-04-01' },
    rules: { ...defaultRuleValues(legalForm), ...rules } as never,
  });
  return t.core;
}

async function orgOf(core: Core): Promise<OrganisationRow> {
  return core.db.selectFrom('organisation').selectAll().orderBy('created_at').executeTakeFirstOrThrow();
}

/** A stand-in for the annual report that says what it was asked for, so the pack's embedding is checked on its own. */
const asked: ReportSource[] = [];
const annualStub: ReportBuilder = async (src): Promise<BuiltReport> => {
  asked.push(src);
  return {
    title: 'Annual governance report',
    sections: [{ id: 'board', title: 'The board', blocks: [{ type: 'text', text: `Board as at ${src.period.to}` }], sections: [{ id: 'attendance', title: 'Attendance', blocks: [] }] }],
    missing: [{ section: 'Contracts', what: 'Income from the accounts' }],
  };
};

function sourceOf(core: Core, org: OrganisationRow, meetingId: string | undefined, asAt = AS_AT): ReportSource {
  const request: ReportRequest = { kind: 'agm', asAt, ...(meetingId ? { meetingId } : {}) };
  return { db: core.db, org, request, period: { from: null, to: asAt }, today: AS_AT, progress: () => {}, checkpoint: async () => {} };
}

function blocksOf(sections: ReportSection[]): ReportBlock[] {
  return sections.flatMap((s) => [...s.blocks, ...blocksOf(s.sections ?? [])]);
}
const section = (doc: BuiltReport, id: string) => {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const texts = (s: ReportSection) => blocksOf([s]).flatMap((b) => (b.type === 'text' ? [b.text] : []));
function traced(sections: ReportSection[]): ReportValue[] {
  const out: ReportValue[] = [];
  for (const b of blocksOf(sections)) {
    if (b.type === 'figures') out.push(...b.items.map((i) => i.value));
    if (b.type === 'table') for (const r of [...b.rows, ...(b.total ? [b.total] : [])]) out.push(...Object.values(r));
  }
  return out.filter((v) => v.trace);
}

/**
 * Four members; last year's AGM (minutes approved and signed), an EGM in June whose minutes are
 * not approved yet; this year's AGM on Thursday 17 December 2026 at 18:00 with two resolutions
 * (one with an explanatory note), notice given by hand today, and a ballot electing two
 * directors from three candidates (two with statements).
 */
async function agmOf(core: Core) {
  const cls = await makeClass(core, 'Members', core.raw.prepare('select legal_form from organisation').pluck().get() === 'cooperative_society' ? { withdrawable: true } : null);
  const members = [];
  for (const [g, f] of [['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing'], ['Mary', 'Seacole']] as const) members.push(await admit(core, cls, person(g, f), { admittedOn: '2024-01-08' }));
  await appointDirector(core, 'Ann', 'Archer', 'employee', '2024-04-01');

  const last = await ok<MeetingView>(core, 'meetings.create', { kind: 'annual_general', heldOn: '2025-10-15', startsAt: '18:00', place: 'Civic Hall, Leeds', chairName: 'Ann Archer' });
  await ok(core, 'meetings.setStatus', { id: last.meeting.id, status: 'held' });
  const lastMinutes = await ok<{ id: string }>(core, 'minutes.draft', { meetingId: last.meeting.id });
  await ok(core, 'minutes.save', { id: lastMinutes.id, body: stateFromText('The chair opened the meeting at 18:00.\n\nThe members received the annual governance report for 2024/25.') });
  await ok(core, 'minutes.approve', { id: lastMinutes.id, inWriting: true, approvedOn: '2025-11-01' });
  await ok(core, 'minutes.sign', { id: lastMinutes.id, signedBy: 'Ann Archer', signedOn: '2025-11-03' });

  const egm = await ok<MeetingView>(core, 'meetings.create', { kind: 'general', heldOn: '2026-06-01', startsAt: '18:00', place: 'Civic Hall, Leeds', chairName: 'Ann Archer' });
  await ok(core, 'meetings.setStatus', { id: egm.meeting.id, status: 'held' });
  const egmMinutes = await ok<{ id: string }>(core, 'minutes.draft', { meetingId: egm.meeting.id });

  const agm = await ok<MeetingView>(core, 'meetings.create', { kind: 'annual_general', heldOn: '2026-12-17', startsAt: '18:00', place: 'Civic Hall, Leeds' });
  await ok(core, 'meetings.addResolution', { meetingId: agm.meeting.id, kind: 'ordinary', text: 'That the annual governance report for 2025/26 be received.', explanatoryNote: 'The board presents its report on the year.' });
  await ok(core, 'meetings.addResolution', { meetingId: agm.meeting.id, kind: 'special', text: 'That the articles be amended as set out in the appendix.' });
  await ok(core, 'meetings.recordNotice', { id: agm.meeting.id, sentAt: '2026-11-30T09:00', method: 'hand' });
  await ok(core, 'ballots.create', {
    title: 'AGM 2026 elections',
    recordDate: '2026-11-30',
    meetingId: agm.meeting.id,
    questions: [{ kind: 'election', text: 'Election of directors', seats: 2, candidates: [{ name: 'Ann Archer', statement: 'Care worker for 12 years.\n\nI want to keep our services local.' }, { name: 'Raj Patel', statement: 'Finance manager.' }, { name: 'Sam Jones' }] }],
    trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
  });
  return { agm, last, lastMinutes, egm, egmMinutes, cls, members };
}

describe('the AGM pack', () => {
  it('for a company: the notice, agenda, proxy form with the meetings area’s own deadline, previous minutes, annual report, resolutions and candidates', async () => {
    const core = await open('company_limited_by_guarantee');
    const { agm, egm, lastMinutes } = await agmOf(core);
    // A correction to last year's signed minutes, approved at the June meeting: quoted after them.
    const correction = await ok<{ id: string }>(core, 'minutes.correct', { id: lastMinutes.id, meetingId: egm.meeting.id, text: 'Item 2 should read 2024/25, not 2023/24.' });
    await ok(core, 'minutes.approve', { id: correction.id, inWriting: true, approvedOn: '2026-06-02' });
    asked.length = 0;
    const doc = await buildAgmPack(sourceOf(core, await orgOf(core), agm.meeting.id), annualStub);
    expect(doc.title).toBe('AGM pack: Annual general meeting 2026, 17 December 2026');
    expect(doc.sections.map((s) => s.id)).toEqual(['notice', 'agenda', 'proxy-form', 'previous-minutes', 'annual-report', 'resolutions', 'candidates']);

    // The deadline shown is the one the meeting's page computes (CA 2006 s327: 48 working hours before).
    const view = await ok<MeetingView>(core, 'meetings.get', { id: agm.meeting.id });
    expect(view.notice!.proxyDeadline).toBe('2026-12-15T18:00');
    const proxy = section(doc, 'proxy-form');
    expect(texts(proxy)[0]).toBe(`To be valid, a proxy appointment must be received by the Secretary at the registered office no later than ${formatLocalDateTime(view.notice!.proxyDeadline!)}.`);
    expect(texts(proxy).join(' ')).toMatch(/CA 2006 s327\(2\)-\(3\)/);
    const form = proxy.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.fields).toEqual([
      'Name of member',
      'Membership number (if known)',
      'Name of proxy (leave blank to appoint the chair of the meeting)',
      'Resolution 1 (ordinary), “That the annual governance report for 2025/26 be received.”: For / Against / Withheld',
      'Resolution 2 (special), “That the articles be amended as set out in the appendix.”: For / Against / Withheld',
      'Signature of member',
      'Date',
    ]);

    const notice = section(doc, 'notice');
    const figures = blocksOf([notice]).find((b) => b.type === 'figures');
    expect(figures?.type === 'figures' && figures.items.map((i) => [i.id, i.value.value])).toEqual([['entitled', 4], ['required', 14], ['given', 16]]);
    const verdict = notice.blocks.find((b) => b.type === 'statement');
    expect(verdict).toMatchObject({ status: 'met', text: '14 clear days required by CA 2006 s307 and your articles; 16 given.' });
    expect(texts(notice).join(' ')).toMatch(/s307\(1\).*s311\(1\).*s311\(2\)/);

    const agenda = blocksOf([section(doc, 'agenda')]).find((b) => b.type === 'table');
    expect(agenda?.type === 'table' && agenda.rows.map((r) => r['number']!.display)).toEqual(view.items.map((i) => i.number));

    // Previous minutes: last year's AGM, quoted; the June EGM's are not approved yet and are named as such.
    const previous = section(doc, 'previous-minutes');
    expect(previous.blocks.filter((b) => b.type === 'quote')).toEqual([
      { type: 'quote', title: 'Minutes of the Annual general meeting 2025, 15 October 2025', paragraphs: ['The chair opened the meeting at 18:00.', 'The members received the annual governance report for 2024/25.'] },
      { type: 'quote', title: 'Correction approved on 2 June 2026 (General meeting, 1 June 2026)', paragraphs: ['Item 2 should read 2024/25, not 2023/24.'] },
    ]);
    expect(texts(previous)).toEqual([
      expect.stringMatching(/^The minutes of the Annual general meeting 2025 held on 15 October 2025, approved on 1 November 2025 in writing and signed by Ann Archer on 3 November 2025 \(sealed, SHA-256 [0-9a-f]{64}\), as recorded\.$/),
      'The minutes of the General meeting on 1 June 2026 had not been approved by 30 November 2026, so they are not quoted here.',
    ]);

    // The annual report for the last financial year ended (31 March 2026), its sections inside one.
    expect(asked.map((s) => [s.request.kind, s.period.from, s.period.to])).toEqual([['annual', '2025-04-01', '2026-03-31']]);
    const annual = section(doc, 'annual-report');
    expect(annual.sections!.map((s) => s.id)).toEqual(['annual-board']);
    expect(annual.sections![0]!.sections!.map((s) => s.id)).toEqual(['annual-attendance']);
    expect(doc.missing).toContainEqual({ section: 'Annual governance report: Contracts', what: 'Income from the accounts' });

    const resolutions = section(doc, 'resolutions');
    expect(resolutions.sections!.map((s) => s.title)).toEqual(['Resolution 1: ordinary resolution', 'Resolution 2: special resolution']);
    expect(texts(resolutions.sections![0]!)).toEqual([expect.stringMatching(/simple majority .*CA 2006 s282\(3\).*s282\(4\)/)]);
    expect(texts(resolutions.sections![1]!)).toEqual([expect.stringMatching(/not less than 75% .*s283\(4\).*s283\(5\).*s283\(6\)/)]);
    expect(resolutions.sections![0]!.blocks).toContainEqual({ type: 'quote', title: 'Explanatory note', paragraphs: ['The board presents its report on the year.'] });
    expect(resolutions.sections![1]!.blocks).toContainEqual(expect.objectContaining({ type: 'toWrite', title: 'Explanatory note for resolution 2' }));
    expect(doc.missing).toContainEqual({ section: 'Resolutions', what: 'Explanatory note for resolution 2' });

    const candidates = section(doc, 'candidates');
    const election = candidates.sections![0]!;
    expect(election.title).toBe('Election of directors');
    expect(election.blocks.filter((b) => b.type === 'quote')).toEqual([
      { type: 'quote', title: 'Ann Archer', paragraphs: ['Care worker for 12 years.', 'I want to keep our services local.'] },
      { type: 'quote', title: 'Raj Patel', paragraphs: ['Finance manager.'] },
    ]);
    expect(election.blocks).toContainEqual(expect.objectContaining({ type: 'toWrite', title: 'Statement of Sam Jones' }));
    expect(doc.missing).toContainEqual({ section: 'Candidates’ statements', what: 'Statement of Sam Jones (Election of directors)' });
  });

  it('for a society whose rules allow proxies: the same deadline as the meeting’s page, citing its rules, not company law', async () => {
    const core = await open('cooperative_society', { proxiesAllowed: true, proxyDeadlineHours: 24 });
    const { agm } = await agmOf(core);
    const doc = await buildAgmPack(sourceOf(core, await orgOf(core), agm.meeting.id), annualStub);
    const view = await ok<MeetingView>(core, 'meetings.get', { id: agm.meeting.id });
    expect(view.notice!.proxyDeadline).toBe('2026-12-16T18:00');
    const proxy = section(doc, 'proxy-form');
    expect(texts(proxy)[0]).toBe(`To be valid, a proxy appointment must be received by the Secretary at the registered office no later than ${formatLocalDateTime(view.notice!.proxyDeadline!)}.`);
    expect(texts(proxy).join(' ')).toMatch(/registered rules .*CCBS Act 2014/);
    expect(texts(proxy).join(' ')).not.toMatch(/CA 2006/);
    expect(texts(section(doc, 'notice')).join(' ')).not.toMatch(/CA 2006/);
    expect(texts(section(doc, 'resolutions').sections![1]!)).toEqual([expect.stringMatching(/^A special resolution: the governing rules recorded require 75% of the votes cast/)]);
  });

  it('for a society without proxies: no form, and says why', async () => {
    const core = await open('cooperative_society');
    const { agm } = await agmOf(core);
    const doc = await buildAgmPack(sourceOf(core, await orgOf(core), agm.meeting.id), annualStub);
    const proxy = section(doc, 'proxy-form');
    expect(proxy.blocks.some((b) => b.type === 'form')).toBe(false);
    expect(texts(proxy)[0]).toMatch(/do not allow proxies/);
  });

  it('gives the same sections after members, directors, ballots and minutes change after the date; each trace’s total is its figure', async () => {
    const core = await open('company_limited_by_guarantee');
    const { agm, egmMinutes, cls } = await agmOf(core);
    const org = await orgOf(core);
    const first = await buildAgmPack(sourceOf(core, org, agm.meeting.id), annualStub);

    for (const v of traced(first.sections)) {
      const set = AGM_TRACE_SETS[v.trace!.set];
      expect(set, v.trace!.set).toBeDefined();
      const list = await set!.list(core.db, org, v.trace!.params, { offset: 0, limit: 500 });
      expect(list.total, v.trace!.set).toBe(v.value);
      expect(list.rows).toHaveLength(v.value!);
    }
    expect(traced(first.sections).map((v) => [v.trace!.set, v.value])).toEqual([
      ['agm.entitled', 4],
      ['agm.resolutions', 2],
      ['agm.candidates', 3],
      ['agm.candidates', 2],
    ]);

    clock.now = new Date('2026-12-05T12:00:00Z');
    await admit(core, cls, person('Late', 'Joiner'), { admittedOn: '2026-12-05' });
    await appointDirector(core, 'Dan', 'Dale', 'independent', '2026-12-05');
    await ok(core, 'minutes.approve', { id: egmMinutes.id, inWriting: true, approvedOn: '2026-12-05' });
    await ok(core, 'ballots.create', {
      title: 'A later poll',
      recordDate: '2026-12-05',
      meetingId: agm.meeting.id,
      questions: [{ kind: 'election', text: 'Election of a treasurer', seats: 1, candidates: [{ name: 'Ted Late' }, { name: 'Una Later' }] }],
      trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
    });
    // Renamed after the date: the pack names the organisation as it was on the date.
    await ok(core, 'organisation.update', { ...validSetUpInput().particulars, name: 'Riverside Community Care' });
    const again = await buildAgmPack(sourceOf(core, await orgOf(core), agm.meeting.id), annualStub);
    expect(JSON.stringify(again.sections)).not.toContain('Riverside Community Care');
    expect(again.sections).toEqual(first.sections);
    expect(again.missing).toEqual(first.missing);
  });

  it('refuses a board meeting, another organisation’s meeting and no meeting, on meetingId', async () => {
    const core = await open('company_limited_by_guarantee');
    const { agm } = await agmOf(core);
    const org = await orgOf(core);
    const board = await ok<MeetingView>(core, 'meetings.create', { kind: 'board', heldOn: '2026-10-01', startsAt: '18:00', place: 'Civic Hall, Leeds' });
    const raw = core.raw;
    const copy = (table: string, where: string, changes: Record<string, unknown>) => {
      const r = { ...(raw.prepare(`select * from ${table} where ${where} limit 1`).get() as Record<string, unknown>), ...changes };
      const cols = Object.keys(r);
      raw.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`).run(r);
    };
    copy('organisation', '1=1', { id: 'org-two', name: 'Hillside Care Mutual', registration_number: '07654321' });
    copy('meeting', `id = '${agm.meeting.id}'`, { id: 'mt-two', organisation_id: 'org-two' });

    const refusal = async (meetingId: string | undefined) => {
      const e = await buildAgmPack(sourceOf(core, org, meetingId), annualStub).then(
        () => null,
        (x: unknown) => x as { code: string; fieldErrors: Record<string, string> },
      );
      expect(e?.code).toBe('VALIDATION');
      return e!.fieldErrors['meetingId'];
    };
    expect(await refusal(board.meeting.id)).toBe('The AGM pack is for a general meeting of the members; the Board meeting is a board meeting.');
    expect(await refusal('mt-two')).toBe('That meeting is not a meeting of Riverside Care Mutual; choose one of its general meetings.');
    expect(await refusal(undefined)).toBe('Choose the general meeting the pack is for.');
  });

  it('is registered as the agm kind and embeds the annual governance report as the annual kind builds it for the last financial year', async () => {
    const core = await open('company_limited_by_guarantee');
    const { agm } = await agmOf(core);
    const org = await orgOf(core);
    const doc = await BUILDERS.agm!(sourceOf(core, org, agm.meeting.id));
    const annual = await annualReport({ ...sourceOf(core, org, undefined, '2026-03-31'), request: { kind: 'annual', asAt: '2026-03-31', from: '2025-04-01' }, period: { from: '2025-04-01', to: '2026-03-31' } });
    const embedded = section(doc, 'annual-report').sections!;
    const strip = (ss: ReportSection[]): unknown => ss.map((x) => ({ ...x, id: x.id.replace(/^annual-/, ''), ...(x.sections ? { sections: strip(x.sections) } : {}) }));
    expect(strip(embedded)).toEqual(annual.sections);
    expect(embedded.length).toBeGreaterThan(0);
    // Every section is a valid report section, and table ids stay unique across the pack (XLSX sheets, CSV files).
    for (const x of doc.sections) expect(reportSectionSchema.safeParse(x).success).toBe(true);
    const ids = blocksOf(doc.sections).flatMap((b) => (b.type === 'table' ? [b.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of traced(doc.sections)) expect(TRACE_SETS[v.trace!.set], v.trace!.set).toBeDefined();
    expect(Object.keys(TRACE_SETS)).toEqual(expect.arrayContaining(['agm.entitled', 'agm.candidates', 'effectiveness.attendance', 'effectiveness.minutes']));
    expect(BUILDERS.effectiveness).toBeDefined();

    // Through reports.build (the runner and its worker): the same document.
    const built = await jobResult<ReportDoc>(core, 'reports.build', { kind: 'agm', asAt: AS_AT, meetingId: agm.meeting.id });
    expect(reportDocSchema.safeParse(built).success).toBe(true);
    expect(built.sections).toEqual(doc.sections);
    expect(built.missing).toEqual(doc.missing);
  });

  it('exports the Resolutions part alone as a DOCX that lists the explanatory notes missing from it', async () => {
    const core = await open('company_limited_by_guarantee');
    const { agm } = await agmOf(core);
    const request = { kind: 'agm', asAt: AS_AT, meetingId: agm.meeting.id };
    // The file is the document built and shown (reports.export takes the build the screen shows).
    const build = await runJob(core, 'reports.build', request);
    const built = build!.result as ReportDoc;
    const shown = { buildId: build!.id, organisationId: built.organisation.id, auditHead: built.auditHead };
    const file = await jobResult<{ fileId: string; fileName: string }>(core, 'reports.export', { request, shown, format: 'docx', sectionId: 'resolutions' });
    const xml = Buffer.from(readZipEntry(readFileSync(join(exportsDirFor(t!.dbPath), file.fileId)), 'word/document.xml')!).toString('utf8');
    const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''));
    expect(texts).toContain('What the records could not fill');
    expect(texts.some((x) => x.includes('Explanatory note for resolution 2'))).toBe(true);
    // Nothing missing from other parts (the candidates' statements) is listed in this one.
    expect(texts.some((x) => x.includes('Statement of Sam Jones'))).toBe(false);
  });

  it('takes the last financial year ended on or before the date', () => {
    expect(lastYearEnd('03-31', '2026-11-30')).toBe('2026-03-31');
    expect(lastYearEnd('03-31', '2026-03-31')).toBe('2026-03-31');
    expect(lastYearEnd('12-31', '2026-11-30')).toBe('2025-12-31');
    // A year end of 29 February falls on the 28th in other years (never an invalid '2026-02-29').
    expect(lastYearEnd('02-29', '2026-11-30')).toBe('2026-02-28');
    expect(lastYearEnd('02-29', '2028-02-28')).toBe('2027-02-28');
    expect(lastYearEnd('02-29', '2028-03-01')).toBe('2028-02-29');
  });

  it('embeds no annual report when the first financial year had not ended by the date, and says so in missing', async () => {
    clock.now = new Date('2026-11-30T12:00:00Z');
    t = await openTestCore({ now: () => clock.now });
    await setUpOrganisation(t.core, {
      particulars: { legalForm: 'company_limited_by_guarantee', registrationNumber: '01234567', incorporatedOn: '2026-06-01' },
      rules: defaultRuleValues('company_limited_by_guarantee') as never,
    });
    const core = t.core;
    const agm = await ok<MeetingView>(core, 'meetings.create', { kind: 'annual_general', heldOn: '2026-12-17', startsAt: '18:00', place: 'Civic Hall, Leeds' });
    const doc = await buildAgmPack(sourceOf(core, await orgOf(core), agm.meeting.id), annualStub);
    const annual = section(doc, 'annual-report');
    expect(annual.sections ?? []).toEqual([]);
    expect(blocksOf([annual]).find((b) => b.type === 'toWrite')).toMatchObject({ type: 'toWrite', why: expect.stringContaining('The organisation’s first financial year had not ended by 30 November 2026') });
    expect(doc.missing).toContainEqual({ section: 'Annual governance report', what: expect.stringContaining('first financial year had not ended by 30 November 2026') });
    expect(asked.filter((a) => a.org.incorporated_on === '2026-06-01')).toEqual([]);
  });
});
