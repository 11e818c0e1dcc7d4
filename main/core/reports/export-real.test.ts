import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ReportDoc, ReportKind, ReportSection } from '../../../shared/contract/reports';
import { appointDirector } from '../contracts/reports/fixtures.test-helpers';
import { exportsDirFor } from '../exports/file-store';
import { readZipEntry } from '../meetings/print/zip';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { BUILDERS } from './builders/index';
import { sheetNames } from './export-xlsx';
import { tablesOf } from './export-common';
import { endSpareReportWorker } from './worker-thread';

/**
 * The formats against the real builders (whichever have landed): the DOCX has a heading for each
 * section at its level, in the document's order, and a table for each table and set of figures;
 * the XLSX has the About sheet and a sheet for each table, in order. So the files say what the
 * screen says, whatever a report puts in its document.
 */

const NOW = new Date('2026-11-30T12:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(() => endSpareReportWorker());

async function register(): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Community members', null);
  await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2019-05-01' });
  await admit(t.core, cls, person('Grace', 'Hopper'), { admittedOn: '2025-06-03' });
  await appointDirector(t.core, 'Ann', 'Archer', 'employee', '2024-04-01');
  await appointDirector(t.core, 'Cat', 'Cole', 'independent', '2025-10-01');
  return t;
}

function headingsOf(sections: ReportSection[], depth = 1): string[] {
  return sections.flatMap((s) => [`Heading${Math.min(depth, 6)}: ${s.title}`, ...headingsOf(s.sections ?? [], depth + 1)]);
}
function countBlocks(sections: ReportSection[], type: string): number {
  return sections.reduce((n, s) => n + s.blocks.filter((b) => b.type === type).length + countBlocks(s.sections ?? [], type), 0);
}
const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const KINDS: ReportKind[] = ['annual', 'effectiveness'];

describe.each(KINDS.filter((k) => BUILDERS[k]))('the %s report as files', (kind) => {
  it('has the document’s sections as headings and its tables as tables and sheets', async () => {
    const t = await register();
    const request = { kind, asAt: '2026-03-31' };
    const built = await runJob(t.core, 'reports.build', request);
    const doc = built.result as ReportDoc;
    const shown = { buildId: built.id, organisationId: doc.organisation.id, auditHead: doc.auditHead };
    const file = async (format: string) => {
      const r = await jobResult<{ fileId: string }>(t.core, 'reports.export', { request, shown, format });
      return readFileSync(join(exportsDirFor(t.dbPath), r.fileId));
    };
    const xml = Buffer.from(readZipEntry(await file('docx'), 'word/document.xml')!).toString('utf8');
    const headings = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((m) => ({ style: /<w:pStyle w:val="(Heading\d)"/.exec(m[0])?.[1], text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => unescapeXml(x[1]!)).join('') }))
      .filter((p) => p.style)
      .map((p) => `${p.style}: ${p.text}`);
    const expected = headingsOf(doc.sections);
    if (doc.missing.length > 0) expected.push('Heading1: What the records could not fill');
    expect(headings).toEqual(expected);
    const tables = (xml.match(/<w:tbl>/g) ?? []).length;
    const nonEmpty = tablesOf(doc).filter((tb) => tb.rows.length > 0).length;
    expect(tables).toBe(nonEmpty + countBlocks(doc.sections, 'figures'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', ...sheetNames(tablesOf(doc).map((tb) => tb.title), ['About'])]);
  }, 120_000);
});
