import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../shared/contract/reports';
import { exportsDirFor } from '../exports/file-store';
import { readZipEntry, zipEntries } from '../meetings/print/zip';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { BUILDERS } from './builders/index';
import { numericOf } from './export-common';
import { reportCsv } from './export-csv';
import { reportXlsx } from './export-xlsx';
import { pngSize, reportDocx } from './export-docx';
import { sheetNames } from './export-xlsx';
import { REPORT_RUNNER } from './run-job';
import { TEST_BUILDERS } from './run.test-helpers';
import { endSpareReportWorker } from './worker-thread';

/**
 * The report as files (issue 11): DOCX read back (headings by section level, tables with header
 * rows, the chart's picture with its text alternative, the highlighted parts to write, the title
 * page), XLSX read back with exceljs (an About sheet, a sheet per table, numbers as numbers) and
 * one table as CSV parsed with papaparse (formula-safe).
 */

const NOW = new Date('2026-11-30T12:00:00Z');
const saved = { ...BUILDERS };
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  // Only the test builders, whatever real ones have landed: these tests are about the runner and the formats.
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, TEST_BUILDERS);
  REPORT_RUNNER.builderModule = new URL('./run.test-helpers.ts', import.meta.url).href;
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, saved);
  delete REPORT_RUNNER.builderModule;
  await endSpareReportWorker();
});

async function openWithMembers(): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Community members', null);
  await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2019-05-01' });
  await admit(t.core, cls, person('Grace', 'Hopper'), { admittedOn: '2020-02-03' });
  await admit(t.core, cls, person('Alan', 'Turing'), { admittedOn: '2020-07-09' });
  // A name a spreadsheet would run as a formula.
  await admit(t.core, cls, person('=HYPERLINK("http://evil.example")', 'Mallory'), { admittedOn: '2021-01-04' });
  return t;
}

/** A real PNG of w × h pixels (grey), made here so the test needs no image library. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0; // filter: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const REQUEST = { kind: 'annual', asAt: '2026-03-31' } as const;

/** What the screen sends back with a request for a file: the build of the report it shows (built once per core here). */
const builds = new WeakMap<TestCore, Promise<{ buildId: string; organisationId: string; auditHead: { seq: number; hash: string } }>>();
function shownFor(t: TestCore) {
  let shown = builds.get(t);
  if (!shown) {
    shown = runJob(t.core, 'reports.build', REQUEST).then((s) => {
      const doc = s.result as ReportDoc;
      return { buildId: s.id, organisationId: doc.organisation.id, auditHead: doc.auditHead };
    });
    builds.set(t, shown);
  }
  return shown;
}

async function exported(t: TestCore, input: Record<string, unknown>) {
  const result = await jobResult<{ fileId: string; fileName: string; mimeType: string; sizeBytes: number }>(t.core, 'reports.export', { request: REQUEST, shown: await shownFor(t), ...input });
  const bytes = readFileSync(join(exportsDirFor(t.dbPath), result.fileId));
  expect(bytes.length).toBe(result.sizeBytes);
  return { ...result, bytes };
}

/** A DOCX's main part, read with the ZIP reader the other document tests use. */
const documentXml = (bytes: Uint8Array) => Buffer.from(readZipEntry(bytes, 'word/document.xml')!).toString('utf8');
const mediaOf = (bytes: Uint8Array) => (zipEntries(bytes) ?? []).map((e) => e.name).filter((n) => n.startsWith('word/media/'));

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The paragraphs of word/document.xml in order: style and text. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => unescapeXml(x[1]!)).join(''),
  }));
}

describe('reports.export as DOCX', () => {
  it('has a title page, real headings by section level, tables with header rows, the chart as a picture with its text alternative and the parts to write highlighted', async () => {
    const t = await openWithMembers();
    const doc = await jobResult<ReportDoc>(t.core, 'reports.build', REQUEST);
    const chart = png(400, 200);
    const file = await exported(t, { format: 'docx', charts: [{ id: 'members-chart', png: chart.toString('base64') }] });
    expect(file.fileName).toBe('Annual governance report 2026-03-31.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = documentXml(file.bytes);
    const ps = paragraphs(xml);

    // Title page: the title, whose, the period, when produced and the audit head.
    expect(ps[0]).toEqual({ style: 'Title', text: 'Annual governance report' });
    const head = t.core.raw.prepare('select seq, hash from audit_head').get() as { seq: number; hash: string };
    expect(ps.slice(1, 5).map((p) => p.text)).toEqual([
      'Organisation: Riverside Care Mutual (registered number 01234567)',
      'Period: 1 April 2025 to 31 March 2026',
      'Produced: 30 November 2026 at 12:00',
      `Audit head: event ${head.seq}, hash ${head.hash}`,
    ]);
    expect(doc.auditHead).toEqual(head);

    // Headings: each section at its level, and the list of what is missing at the end.
    const headings = ps.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings).toEqual(['Heading1: Membership', 'Heading2: Members on the date', 'Heading1: Employee ownership and control', 'Heading1: What the records could not fill']);

    // Tables: the figures (two columns), the year table with its total, the member list; each with a repeating header row.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    for (const tbl of tables) expect(tbl).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map((p) => p.text).join('\n')));
    expect(rowsOf(tables[0]!)).toEqual([
      ['Figure', 'Value'],
      ['Members at the end of the period', '4'],
    ]);
    expect(rowsOf(tables[1]!)).toEqual([
      ['Year admitted', 'Members'],
      ['2019', '1'],
      ['2020', '2'],
      ['2021', '1'],
      ['Total', '4'],
    ]);
    expect(rowsOf(tables[2]!)[0]).toEqual(['Name', 'Admitted']);
    expect(rowsOf(tables[2]!).slice(1).map((r) => r[0])).toEqual(['Grace Hopper', 'Ada Lovelace', '=HYPERLINK("http://evil.example") Mallory', 'Alan Turing']);

    // The chart: the picture drawn on screen, described by its text alternative.
    const alt = (doc.sections[0]!.blocks.find((b) => b.type === 'chart') as { alt: string }).alt;
    expect(alt).toBe('Members by year admitted: 2019, 1; 2020, 2; 2021, 1.');
    expect(xml).toContain(`descr="${alt}"`);
    const media = mediaOf(file.bytes);
    expect(media).toHaveLength(1);
    expect(Buffer.from(readZipEntry(file.bytes, media[0]!)!).equals(chart)).toBe(true);

    // A statement with its status and evidence; the part to write highlighted; the quote; the form's lines.
    const texts = ps.map((p) => p.text);
    expect(texts).toContain('Members control the organisation (Met)');
    expect(texts).toContain('4 members on the register');
    expect(texts).toContain('Procurement Act 2023 s33');
    const toWrite = /<w:p[ >](?:(?!<\/w:p>)[\s\S])*\[To write: The chair’s review of the year\][\s\S]*?<\/w:p>/.exec(xml)![0];
    expect(toWrite).toContain('<w:highlight w:val="yellow"/>');
    expect(texts).toContain('THAT the accounts be received.');
    expect(texts.slice(texts.indexOf('Proxy form'), texts.indexOf('Proxy form') + 8)).toEqual(['Proxy form', 'I appoint the following as my proxy.', 'Name of member', '', 'Name of proxy', '', 'Signature', '']);
    expect(texts.at(-1)).toBe('Employee ownership and control: The chair’s review of the year');
  }, 90_000);

  it('gives each chart’s text alternative as a paragraph when the screen sent no picture', async () => {
    const t = await openWithMembers();
    const file = await exported(t, { format: 'docx' });
    const texts = paragraphs(documentXml(file.bytes)).map((p) => p.text);
    expect(texts).toContain('Members by year admitted: 2019, 1; 2020, 2; 2021, 1.');
    expect(mediaOf(file.bytes)).toEqual([]);
  }, 90_000);
});

describe('reports.export of one part as DOCX', () => {
  it('holds that part alone, with what is missing from it, named after it', async () => {
    const t = await openWithMembers();
    const control = await exported(t, { format: 'docx', sectionId: 'control' });
    expect(control.fileName).toBe('Annual governance report - Employee ownership and control 2026-03-31.docx');
    const ps = paragraphs(documentXml(control.bytes));
    expect(ps[0]).toEqual({ style: 'Title', text: 'Annual governance report: Employee ownership and control' });
    expect(ps.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).toEqual(['Employee ownership and control', 'What the records could not fill']);
    expect(ps.map((p) => p.text)).toContain('Proxy form');
    // The membership part: its subsection, and nothing missing from it.
    const membership = paragraphs(documentXml((await exported(t, { format: 'docx', sectionId: 'membership' })).bytes));
    expect(membership.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).toEqual(['Membership', 'Members on the date']);

    const unknown = await runJob(t.core, 'reports.export', { request: REQUEST, shown: await shownFor(t), format: 'docx', sectionId: 'nowhere' });
    expect(unknown.error).toMatchObject({
      code: 'VALIDATION',
      message: 'The annual governance report has no part “nowhere”. Choose one of its parts: Membership; Employee ownership and control.',
    });
    expect(await t.core.dispatch('reports.export', { request: REQUEST, shown: await shownFor(t), format: 'xlsx', sectionId: 'control' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { sectionId: 'Only a DOCX can hold one part of a report; leave the part out for an XLSX or a CSV.' } },
    });
  }, 90_000);
});

describe('reports.export as XLSX', () => {
  it('has an About sheet and one sheet per table, numbers stored as numbers', async () => {
    const t = await openWithMembers();
    const file = await exported(t, { format: 'xlsx' });
    expect(file.fileName).toBe('Annual governance report 2026-03-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Members by the year they were a', 'Members on the date, by name']);
    const about = wb.getWorksheet('About')!;
    expect(about.getRow(1).getCell(1).value).toBe('Annual governance report');
    expect([2, 3, 4].map((r) => about.getRow(r).getCell(1).value)).toEqual(['Organisation', 'Period', 'Produced']);
    expect(about.getRow(3).getCell(2).value).toBe('1 April 2025 to 31 March 2026');
    expect(String(about.getRow(5).getCell(2).value)).toMatch(/^event \d+, hash [0-9a-f]{64}$/);
    const years = wb.worksheets[1]!;
    expect(years.getRow(2).values).toEqual([undefined, 'Year admitted', 'Members']);
    expect(years.getRow(3).getCell(2).value).toBe(1);
    expect(typeof years.getRow(4).getCell(2).value).toBe('number');
    expect(years.getRow(6).values).toEqual([undefined, 'Total', 4]);
  }, 90_000);

  it('is the same workbook when written on the host thread, without the worker', async () => {
    const t = await openWithMembers();
    const sheets = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.worksheets.map((w) => ({ name: w.name, rows: w.getSheetValues() }));
    };
    const inWorker = await sheets((await exported(t, { format: 'xlsx' })).bytes);
    REPORT_RUNNER.mode = 'thread';
    try {
      expect(await sheets((await exported(t, { format: 'xlsx' })).bytes)).toEqual(inWorker);
    } finally {
      REPORT_RUNNER.mode = 'worker';
    }
    expect(inWorker.map((s) => s.name)).toHaveLength(3);
  }, 90_000);

  it('names sheets as Excel requires: 31 characters, no [ ] : * ? / \\, unique', () => {
    expect(sheetNames(['Income: by commissioner [£]', 'A/B*C?D\\E', 'x'.repeat(40), 'x'.repeat(40), 'About', 'about'], ['About'])).toEqual([
      'Income by commissioner £',
      'A B C D E',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'About (2)',
      'about (3)',
    ]);
    expect(sheetNames(["'Quoted'", ''])).toEqual(['Quoted', 'Table']);
  });
});

describe('reports.export as CSV', () => {
  it('writes one table, formula-safe, and needs to be told which', async () => {
    const t = await openWithMembers();
    const file = await exported(t, { format: 'csv', tableId: 'member-list' });
    expect(file.fileName).toBe('Annual governance report - Members on the date, by name 2026-03-31.csv');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Name', 'Admitted']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Grace Hopper', 'Ada Lovelace', `'=HYPERLINK("http://evil.example") Mallory`, 'Alan Turing']);

    const missing = await t.core.dispatch('reports.export', { request: REQUEST, shown: await shownFor(t), format: 'csv' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { tableId: 'Choose the table to save as CSV: a CSV holds one table.' } } });
    const unknown = await runJob(t.core, 'reports.export', { request: REQUEST, shown: await shownFor(t), format: 'csv', tableId: 'nowhere' });
    expect(unknown.error).toMatchObject({ code: 'VALIDATION', message: 'The annual governance report has no table “nowhere”. Choose one of its tables.' });
  }, 90_000);

  it('keeps numbers as numbers, negative ones too, and neutralises text', () => {
    const csv = Buffer.from(
      reportCsv({
        type: 'table',
        id: 'x',
        title: 'X',
        columns: [
          { key: 'a', label: '@label' },
          { key: 'b', label: 'B', numeric: true },
        ],
        rows: [{ a: { display: '-1+2' }, b: { display: '−3', value: -3 } }],
        total: { a: { display: 'Total' }, b: { display: '−3', value: -3 } },
      }),
    ).toString('utf8');
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data).toEqual([
      ["'@label", 'B'],
      ["'-1+2", '-3'],
      ['Total', '-3'],
    ]);
  });
});

describe('numbers in the spreadsheet and the CSV', () => {
  it('are read from what a value shows: counts, money kept in pence, percentages; words where they disagree', () => {
    expect(numericOf({ display: '1,234', value: 1234 })).toEqual({ kind: 'count', number: 1234, decimals: 0 });
    expect(numericOf({ display: '£1,234.50', value: 123450 })).toEqual({ kind: 'money', number: 1234.5, decimals: 2 });
    expect(numericOf({ display: '-£3.00', value: -300 })).toEqual({ kind: 'money', number: -3, decimals: 2 });
    expect(numericOf({ display: '45%', value: 45 })).toEqual({ kind: 'percent', number: 0.45, decimals: 0 });
    expect(numericOf({ display: '45.5%', value: 0.455 })).toEqual({ kind: 'percent', number: 0.455, decimals: 1 });
    expect(numericOf({ display: '2.3', value: 2.333 })).toEqual({ kind: 'count', number: 2.333, decimals: 1 });
    expect(numericOf({ display: '\u22123', value: -3 })).toEqual({ kind: 'count', number: -3, decimals: 0 });
    // Says something else than its number, or is not one.
    expect(numericOf({ display: '3 of 5', value: 0.6 })).toBeNull();
    expect(numericOf({ display: '1,234', value: 1235 })).toBeNull();
    expect(numericOf({ display: '£12.00', value: 5 })).toBeNull();
    expect(numericOf({ display: '12' })).toBeNull();
    expect(numericOf({ display: '12', value: null })).toBeNull();
  });

  it('are money in pounds and percentages as such in the workbook, formatted as shown', async () => {
    const doc: ReportDoc = {
      request: { kind: 'annual', asAt: '2026-03-31', from: '2025-04-01' },
      title: 'Annual governance report',
      organisation: { id: 'o', name: 'Riverside Care Mutual', legalForm: 'company_limited_by_guarantee', registrationNumber: '01234567' },
      period: { from: '2025-04-01', to: '2026-03-31' },
      producedAt: NOW.toISOString(),
      auditHead: { seq: 1, hash: 'a'.repeat(64) },
      sections: [
        {
          id: 's',
          title: 'Contracts',
          blocks: [
            {
              type: 'table',
              id: 'income',
              title: 'Income',
              columns: [
                { key: 'who', label: 'Commissioner' },
                { key: 'income', label: 'Income', numeric: true },
                { key: 'share', label: 'Share', numeric: true },
                { key: 'n', label: 'Contracts', numeric: true },
              ],
              rows: [{ who: { display: 'Leeds City Council' }, income: { display: '£1,234.50', value: 123450 }, share: { display: '45%', value: 45 }, n: { display: '3 of 5', value: 0.6 } }],
            },
          ],
        },
      ],
      missing: [],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(doc)) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Income')!.getRow(3);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual(['Leeds City Council', 1234.5, 0.45, '3 of 5']);
    expect([row.getCell(2).numFmt, row.getCell(3).numFmt]).toEqual(['"£"#,##0.00;-"£"#,##0.00', '0%']);
    const csv = Buffer.from(reportCsv(doc.sections[0]!.blocks[0] as never)).toString('utf8');
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data[1]).toEqual(['Leeds City Council', '1234.50', '45%', '3 of 5']);
  });
});

describe('a DOCX of an old record holding a control character', () => {
  it('shows the character as the replacement character, so Word can still open the file', async () => {
    const doc: ReportDoc = {
      request: { kind: 'annual', asAt: '2026-03-31', from: '2025-04-01' },
      title: 'Annual governance report',
      organisation: { id: 'o', name: 'Riverside Care Mutual', legalForm: 'company_limited_by_guarantee', registrationNumber: '01234567' },
      period: { from: '2025-04-01', to: '2026-03-31' },
      producedAt: NOW.toISOString(),
      auditHead: { seq: 1, hash: 'a'.repeat(64) },
      sections: [{ id: 's', title: 'Minutes', blocks: [{ type: 'quote', paragraphs: ['Agreed\u0007 unanimously.'] }] }],
      missing: [],
    };
    const xml = documentXml(await reportDocx(doc));
    // No character XML 1.0 forbids (controls other than tab, line feed and carriage return).
    expect([...xml].filter((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(c))).toEqual([]);
    expect(paragraphs(xml).map((p) => p.text)).toContain('Agreed\uFFFD unanimously.');
  });
});

describe('pngSize', () => {
  it('reads a PNG’s size and refuses anything else', () => {
    expect(pngSize(new Uint8Array(png(7, 3)))).toEqual({ width: 7, height: 3 });
    expect(pngSize(new TextEncoder().encode('GIF89a not a png at all, no'))).toBeNull();
  });
});

it('the export job is refused before it starts for a date to come', async () => {
  const t = await openWithMembers();
  const r = await t.core.dispatch('reports.export', { request: { kind: 'annual', asAt: '2027-01-01' }, shown: await shownFor(t), format: 'xlsx' });
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { asAt: expect.stringMatching(/^A report can be as at today/) } } });
}, 60_000);
