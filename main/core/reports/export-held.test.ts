import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import type { ReportDoc } from '../../../shared/contract/reports';
import type { Result } from '../../../shared/result';
import { exportsDirFor } from '../exports/file-store';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';
import { BUILDERS } from './builders/index';
import { KEEP_BUILT_REPORTS } from './held';
import { REPORT_RUNNER } from './run-job';
import { TEST_BUILDERS } from './run.test-helpers';
import { endSpareReportWorker } from './worker-thread';

/**
 * A report's files are the document the secretary saw: reports.export takes the build's id and
 * writes the document that build made, as it was shown, without building it again, even when a
 * record dated before the report's date has been corrected since. Where that document is no
 * longer held it is built again, and only if the records are as they were when it was shown
 * (the same audit head); otherwise the export is refused, saying why and what to do. A document
 * built for one organisation is never written while another is current.
 */

const NOW = new Date('2026-11-30T12:00:00Z');
const REQUEST = { kind: 'annual', asAt: '2026-03-31' } as const;
const saved = { ...BUILDERS };
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, TEST_BUILDERS);
  REPORT_RUNNER.builderModule = new URL('./run.test-helpers.ts', import.meta.url).href;
});
afterEach(async () => {
  REPORT_RUNNER.mode = 'worker';
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, saved);
  delete REPORT_RUNNER.builderModule;
  await endSpareReportWorker();
});

async function openWithMembers(): Promise<{ t: TestCore; ada: string }> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Community members', null);
  const ada = (await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2019-05-01' })) as { id: string };
  await admit(t.core, cls, person('Grace', 'Hopper'), { admittedOn: '2020-02-03' });
  await admit(t.core, cls, person('Alan', 'Turing'), { admittedOn: '2020-07-09' });
  return { t, ada: ada.id };
}

/** Builds the report and answers it with what the screen sends back when asking for a file of it. */
async function build(t: TestCore): Promise<{ doc: ReportDoc; shown: { buildId: string; organisationId: string; auditHead: { seq: number; hash: string } } }> {
  const s = await runJob(t.core, 'reports.build', REQUEST);
  expect(s.state).toBe('succeeded');
  const doc = s.result as ReportDoc;
  return { doc, shown: { buildId: s.id, organisationId: doc.organisation.id, auditHead: doc.auditHead } };
}

/** The members figure of a CSV of the year table (its total row). */
function csvTotal(bytes: Buffer): string {
  const rows = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return rows.find((r) => r[0] === 'Total')![1]!;
}

const membersFigure = (doc: ReportDoc) => (doc.sections[0]!.blocks.find((b) => b.type === 'figures') as { items: { value: { display: string } }[] }).items[0]!.value.display;

/** Asks for the year table as CSV: refused at once, or the job's outcome and the file. */
async function exportCsv(t: TestCore, shown: unknown) {
  const input = { request: REQUEST, shown, format: 'csv', tableId: 'members' };
  const started = (await t.core.dispatch('reports.export', input)) as Result<{ jobId: string }>;
  if (!started.ok) return { status: { state: 'refused', error: started.error }, bytes: null };
  await t.core.jobs.idle();
  const s = t.core.jobs.get(started.value.jobId);
  if (s.state !== 'succeeded') return { status: s, bytes: null };
  const result = s.result as { fileId: string; source: string };
  return { status: s, result, bytes: readFileSync(join(exportsDirFor(t.dbPath), result.fileId)) };
}

describe('reports.export of a report that was built and shown', () => {
  it.each(['worker', 'thread'] as const)('writes the document as built, not the records as corrected since, and builds nothing (%s)', async (mode) => {
    REPORT_RUNNER.mode = mode;
    const { t, ada } = await openWithMembers();
    const { doc, shown } = await build(t);
    expect(membersFigure(doc)).toBe('3');

    // Corrected after it was shown: Ada ceased before the report's date, so the records now say 2.
    expectOk(await t.core.dispatch('members.cease', { memberId: ada, ceasedOn: '2025-06-01', reason: 'resigned' }));
    const rebuiltNow = await build(t);
    expect(membersFigure(rebuiltNow.doc)).toBe('2');

    const before = REPORT_RUNNER.builds;
    const out = await exportCsv(t, shown);
    expect(out.status.error).toBeUndefined();
    expect(out.result).toMatchObject({ source: 'held' });
    expect(csvTotal(out.bytes!)).toBe('3');
    expect(REPORT_RUNNER.builds).toBe(before);

    // The workbook too: its About sheet states the audit head the figures were read at, the one shown.
    const x = await runJob(t.core, 'reports.export', { request: REQUEST, shown, format: 'xlsx' });
    expect(x.state).toBe('succeeded');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(exportsDirFor(t.dbPath), (x.result as { fileId: string }).fileId)) as never);
    const about = JSON.stringify(wb.getWorksheet('About')!.getSheetValues());
    expect(about).toContain(`event ${doc.auditHead.seq}, hash ${doc.auditHead.hash}`);
    expect(rebuiltNow.doc.auditHead.seq).toBeGreaterThan(doc.auditHead.seq);
    const members = wb.worksheets.find((w) => w.name !== 'About' && JSON.stringify(w.getSheetValues()).includes('Year admitted'))!;
    expect(JSON.stringify(members.getSheetValues())).toMatch(/"Total",3\]/);
    expect(REPORT_RUNNER.builds).toBe(before);
  });

  it('builds it again when it is no longer held, if the records are as they were when it was shown', async () => {
    const { t } = await openWithMembers();
    const first = await build(t);
    // Later builds of the same organisation push the first out of those kept.
    for (let i = 0; i < KEEP_BUILT_REPORTS; i++) await build(t);
    const before = REPORT_RUNNER.builds;
    const out = await exportCsv(t, first.shown);
    expect(out.status.error).toBeUndefined();
    expect(out.result).toMatchObject({ source: 'rebuilt' });
    expect(csvTotal(out.bytes!)).toBe('3');
    expect(REPORT_RUNNER.builds).toBe(before + 1);
  });

  it('refuses, saying why and what to do, when it is no longer held and the records have changed since it was shown', async () => {
    const { t, ada } = await openWithMembers();
    const first = await build(t);
    for (let i = 0; i < KEEP_BUILT_REPORTS; i++) await build(t);
    expectOk(await t.core.dispatch('members.cease', { memberId: ada, ceasedOn: '2025-06-01', reason: 'resigned' }));
    const out = await exportCsv(t, first.shown);
    expect(out.status.state).toBe('failed');
    expect(out.status.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed since.*Produce again/s) });
    expect(out.status.error!.message).toContain(`audit event ${first.doc.auditHead.seq}`);
    expect(out.bytes).toBeNull();
  });

  it('refuses a document built for another organisation of the file while this one is current', async () => {
    const { t } = await openWithMembers();
    const alpha = await build(t);
    const bravo = expectOk(await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321' } }))) as Organisation;
    expectOk(await t.core.dispatch('group.switch', { organisationId: bravo.id }));

    // As shown (Alpha's), and with Bravo's id put in its place: neither writes Alpha's figures.
    for (const shown of [alpha.shown, { ...alpha.shown, organisationId: bravo.id }]) {
      const out = await exportCsv(t, shown);
      expect(out.status.state).toBe('refused');
      expect(out.status.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/another organisation/) });
    }

    // Back with Alpha current, it is written as it was built.
    expectOk(await t.core.dispatch('group.switch', { organisationId: alpha.shown.organisationId }));
    const out = await exportCsv(t, alpha.shown);
    expect(out.result).toMatchObject({ source: 'held' });
    expect(csvTotal(out.bytes!)).toBe('3');
  });

  it('refuses a build id that is not a build of this report', async () => {
    const { t } = await openWithMembers();
    const { shown } = await build(t);
    const other = await t.core.dispatch('reports.export', { request: { ...REQUEST, asAt: '2026-02-28' }, shown, format: 'xlsx' });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not the report/) } });
  });

  it('lets the built documents go when a restore replaces the file, so an export reads the file now in place', async () => {
    const { t, ada } = await openWithMembers();
    const taken = await runJob(t.core, 'data.backup', {});
    expect(taken.state).toBe('succeeded');
    // Built after a correction (Ada ceased before the date: 2), then the backup from before it put back (3).
    expectOk(await t.core.dispatch('members.cease', { memberId: ada, ceasedOn: '2025-06-01', reason: 'resigned' }));
    const { doc, shown } = await build(t);
    expect(membersFigure(doc)).toBe('2');
    const checked = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name: (taken.result as { name: string }).name } });
    expect(checked.state).toBe('succeeded');
    const restored = await runJob(t.core, 'data.restore', { candidateId: (checked.result as { candidateId: string }).candidateId, confirm: true });
    expect(restored.state).toBe('succeeded');

    // The document of the replaced file is not written: the records now differ from what was shown, so it is refused.
    const out = await exportCsv(t, shown);
    expect(out.result).toBeUndefined();
    expect(out.status.error).toMatchObject({ code: 'CONFLICT' });
  });
});
