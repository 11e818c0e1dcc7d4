import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readZipEntry, zipEntries } from '../main/core/meetings/print/zip';
import { formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * Issue 11's journey, in Chromium against the real core: a secretary produces the annual
 * governance report as at last year's year end and notes its figures; members are admitted and
 * cease, and a director is appointed, after that date; the same report for the same date has the
 * same figures and tables. The printed PDF (tagged, with bookmarks), the Word file's headings and
 * tables, the spreadsheet's sheets and a table's CSV all agree with the screen; a figure's records
 * are as many as the figure says; axe finds nothing on the catalogue, the report or the records
 * dialog. A build is cancelled from its progress display (second test).
 */
test.describe.configure({ timeout: 240_000 });

const SHOTS = 'test-results/reports-journey';
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** All white space as single spaces, so text wrapped across lines or runs reads as one string. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

async function pdfText(bytes: Buffer): Promise<{ text: string; outline: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  const outline: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const i of items ?? []) {
      outline.push(flat(i.title));
      walk(i.items as { title: string; items: unknown[] }[]);
    }
  };
  walk((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
  return { text: flat(text), outline };
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The Word file's headings (paragraphs styled Heading n) and tables (rows of cell text), from word/document.xml. */
function docxParts(bytes: Buffer): { headings: string[]; tables: string[][][]; text: string; media: string[] } {
  const xml = new TextDecoder().decode(readZipEntry(new Uint8Array(bytes), 'word/document.xml')!);
  const textOf = (fragment: string) => flat(decodeXml(fragment.replace(/<\/w:p>|<w:br\/>|<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')));
  const headings = [...xml.matchAll(/<w:p\b[^>]*>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading\d"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((t) => [...t[1]!.matchAll(/<w:tr\b[^>]*>(.*?)<\/w:tr>/gs)].map((r) => [...r[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => textOf(c[1]!))));
  const media = (zipEntries(new Uint8Array(bytes)) ?? []).map((e) => e.name).filter((n) => n.startsWith('word/media/'));
  return { headings, tables, text: textOf(xml), media };
}

interface ScreenTable {
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
  /** The sentence shown in place of rows ("No director was appointed in the period."), or null. */
  empty: string | null;
}
interface Screen {
  headings: string[];
  figures: [string, string][];
  tables: ScreenTable[];
}

/** What the report page shows: its section headings, its figures (label, value) and its tables (caption, header and body rows as text). */
async function readScreen(page: Page): Promise<Screen> {
  return page.locator('.rpt-body').evaluate((body) => {
    const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      headings: Array.from(body.querySelectorAll('h2, h3')).map(text),
      figures: Array.from(body.querySelectorAll('.rpt-figure')).map((f) => [text(f.querySelector('dt')!), text(f.querySelector('.rpt-figure-value')!)] as [string, string]),
      tables: Array.from(body.querySelectorAll('table.rpt-table')).map((t) => ({
        id: t.closest('.rpt-table-block')?.getAttribute('data-table-id') ?? '',
        caption: text(t.querySelector('caption')!),
        head: Array.from(t.querySelectorAll('thead th')).map(text),
        rows: Array.from(t.querySelectorAll('tbody tr, tfoot tr')).map((r) => Array.from(r.querySelectorAll('th, td')).map(text)),
        empty: t.querySelector('tbody td[colspan]') ? text(t.querySelector('tbody td[colspan]')!) : null,
      })),
    };
  });
}

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };

async function admit(app: AppUnderTest, classId: string, givenNames: string, familyName: string, admittedOn: string): Promise<{ id: string }> {
  return api(app, 'members.admit', {
    classId,
    particulars: { givenNames, familyName, address, employee: null, loansAndDepositsPence: null },
    admittedOn,
    initialShares: null,
  });
}

async function director(app: AppUnderTest, givenNames: string, familyName: string, appointedOn: string) {
  return api<{ id: string }>(app, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: address, dateOfBirth: '1975-06-02', nationality: 'British', countryOfResidence: 'England', occupation: 'Nurse' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'independent', appointedOn },
  });
}

/** Chooses the annual governance report on the reports page and produces it for the dates offered (the last financial year). */
async function produceAnnual(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/reports'));
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Annual governance report' }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  // The report's own page (the progress page before it has the report's name as its heading too).
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  // The progress bar gave way to the report: said in a polite live region, and the report's heading has the focus.
  await expect(page.getByTestId('rpt-announce')).toHaveText('Report produced.');
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1 })).toBeFocused();
}

async function download(page: Page, name: string | RegExp): Promise<{ bytes: Buffer; fileName: string }> {
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name }).click();
  const file = await downloading;
  return { bytes: readFileSync(await file.path()), fileName: file.suggestedFilename() };
}

/** A screen cell's number, where it is a whole number as shown ("1,234"); null otherwise. */
const wholeNumber = (s: string) => (/^\d{1,3}(,\d{3})*$/.test(s) ? Number(s.replace(/,/g, '')) : null);

test('the annual governance report as at last year end: the same figures after members come and go; PDF, Word, spreadsheet and CSV agree with the screen; a figure’s records are as many as it says', async ({ page, app, cspErrors }) => {
  void cspErrors;
  const today = ukDateOf(new Date());
  await setUpMutual(page, app.url);
  const catalogue = await api<{ reports: { kind: string; defaultAsAt: string; defaultFrom: string | null }[] }>(app, 'reports.catalogue', {});
  const annual = catalogue.reports.find((r) => r.kind === 'annual')!;
  const { defaultAsAt: asAt, defaultFrom: from } = annual;
  expect(asAt < today).toBe(true);

  // Members before the year and during it (one ceasing in it), and two directors.
  const supporters = await api<{ id: string }>(app, 'classes.create', {
    name: 'Supporter members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const before = ['Aled Jones', 'Bethan Price', 'Catrin Hughes', 'Dylan Evans', 'Efa Morgan'];
  const admittedBefore: { id: string }[] = [];
  for (const name of before) admittedBefore.push(await admit(app, supporters.id, name.split(' ')[0]!, name.split(' ')[1]!, '2020-05-01'));
  // Enough members that a figure's records come a page (50) at a time.
  for (let i = 1; i <= 50; i++) await admit(app, supporters.id, 'Member', `Number ${i}`, '2021-09-01');
  const inYear = ['Ffion Lloyd', 'Gareth Owen', 'Heledd Rees'];
  for (const name of inYear) await admit(app, supporters.id, name.split(' ')[0]!, name.split(' ')[1]!, from!);
  await api(app, 'members.cease', { memberId: admittedBefore[0]!.id, ceasedOn: asAt, reason: 'resigned' });
  await director(app, 'Margaret', 'Okafor', '2019-04-01');
  await director(app, 'Rajesh', 'Patel', from!);

  await page.evaluate(() => (window.location.hash = '#/reports'));
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.locator('li.rpt-entry')).toHaveCount(7);
  await expectNoAxeViolations(page, 'the reports catalogue');
  await shot(page, '01-catalogue');

  await produceAnnual(page);
  await expect(page.getByText(/^Produced \d{1,2} \w+ \d{4} at \d{2}:\d{2} from audit event [\d,]+ \(hash [0-9a-f ]+…\)$/)).toBeVisible();
  const first = await readScreen(page);
  expect(first.figures.length).toBeGreaterThan(0);
  expect(first.tables.length).toBeGreaterThan(0);
  // The year's figures as seeded: 55 before, 3 admitted on the first day of the year, 1 ceased on its last.
  const figure = (label: RegExp) => first.figures.find(([l]) => label.test(l))?.[1];
  expect(figure(/^Members admitted in the period$/)).toBe('3');
  expect(figure(/^Members who ceased in the period$/)).toBe('1');
  await expectNoAxeViolations(page, 'the annual governance report');
  await shot(page, '02-report');

  // A figure's records: as many as the figure says, each linking to the member's page.
  const admittedButton = page.getByRole('button', { name: /^3, Members admitted in the period: show the records$/ });
  await admittedButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('3 records.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  for (const name of inYear) await expect(dialog.getByRole('link', { name: new RegExp(name.split(' ')[1]!) })).toBeVisible();
  await expectNoAxeViolations(page, 'the records behind a figure');
  await shot(page, '03-trace');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(admittedButton).toBeFocused();

  // A longer list comes a page at a time: 50, then the rest on Show more, as many as the figure.
  const atEnd = `Members on ${formatLegalDate(asAt)}`;
  const endFigure = Number(figure(new RegExp(`^${atEnd}$`)));
  expect(endFigure).toBe(57);
  await page.getByRole('region', { name: 'Membership', exact: true }).getByRole('button', { name: `${endFigure}, ${atEnd}: show the records` }).click();
  await expect(dialog.getByText(`${endFigure} records, 50 shown.`)).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(50);
  await dialog.getByRole('button', { name: `Show more (${endFigure - 50} more records)` }).click();
  await expect(dialog.getByText(`${endFigure} records.`)).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(endFigure);
  // Show more went with the last page: the focus is on the first record it brought, not lost.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('.rpt-trace-list li')[50])).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // In print, each chart (drawn 720px wide) takes the page's width and scales: nothing is cut off
  // at A4's printable width (about 688px), here tried at 640px.
  const viewport = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 640, height: viewport?.height ?? 900 });
  const printed = await page.locator('.rpt-chart-picture').evaluateAll((els) => els.map((el) => ({ box: el.getBoundingClientRect().width, svg: el.querySelector('.recharts-wrapper > svg')?.getBoundingClientRect().width ?? 0 })));
  expect(printed.length).toBeGreaterThan(0);
  for (const c of printed) expect(c.svg, 'chart width in print').toBeLessThanOrEqual(c.box + 0.5);
  for (const c of printed) expect(c.svg, 'chart width in print').toBeLessThan(700);
  await page.emulateMedia({ media: null });
  if (viewport) await page.setViewportSize(viewport);

  // The PDF of the report page (tagged, bookmarks from its headings) says what the screen says.
  const pdf = await pdfText(await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true }));
  // Compared without spaces: the PDF's text splits ligatures ("o ffi ce") into pieces of their own.
  const squash = (s: string) => s.replace(/\s+/g, '');
  const pdfSquashed = squash(pdf.text);
  for (const h of first.headings) expect(pdfSquashed, `PDF heading ${h}`).toContain(squash(h));
  for (const [label, value] of first.figures) expect(pdfSquashed, `PDF figure ${label}`).toContain(squash(`${label} ${value}`));
  for (const t of first.tables) {
    expect(pdfSquashed, `PDF table ${t.caption}`).toContain(squash(`${t.caption} ${t.head.join(' ')}`));
    for (const row of t.rows) expect(pdfSquashed, `PDF row ${row.join(', ')}`).toContain(squash(row.join(' ')));
  }
  const topLevel = await page.locator('.rpt-body > section > h2').allTextContents();
  for (const h of topLevel) expect(pdf.outline.map(squash), 'PDF bookmarks').toContain(squash(h));
  expect(pdf.text).not.toContain('Download Word');

  // The Word file: the sections as headings, each table with the screen's rows; the charts as pictures.
  const word = await download(page, 'Download Word (DOCX)');
  expect(word.fileName).toMatch(/\.docx$/);
  await expect(page.getByRole('status').filter({ hasText: '.docx downloaded' })).toBeVisible();
  const docx = docxParts(word.bytes);
  for (const h of first.headings) expect(docx.headings, `Word heading ${h}`).toContain(h);
  for (const t of first.tables) {
    expect(docx.text, `Word table ${t.caption}`).toContain(t.caption);
    if (t.empty !== null) {
      expect(docx.text, `Word: ${t.caption} is empty`).toContain(t.empty);
      continue;
    }
    const inWord = docx.tables.find((rows) => rows[0]?.join('|') === t.head.join('|'));
    expect(inWord, `a Word table headed ${t.head.join(', ')}`).toBeTruthy();
    for (const row of t.rows) if (row.length === t.head.length) expect(docx.tables.some((rows) => rows.some((r) => r.join('|') === row.join('|'))), `Word row ${row.join(', ')}`).toBe(true);
  }
  const charts = await page.locator('[data-report-chart]').count();
  expect(docx.media.length, 'one picture per chart').toBe(charts);
  for (const name of docx.media) {
    // The whole chart, drawn at twice its size on screen (720 wide), not a legend's icon: the PNG's width from its header.
    const png = readZipEntry(new Uint8Array(word.bytes), name)!;
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16), `${name} width`).toBeGreaterThanOrEqual(720);
  }

  // The spreadsheet: one sheet per table, after the About sheet, with the screen's numbers.
  const xlsx = await download(page, 'Download spreadsheet (XLSX)');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheets = wb.worksheets.filter((w) => w.name !== 'About');
  expect(sheets.length).toBe(first.tables.length);
  first.tables.forEach((t, i) => {
    const ws = sheets[i]!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe(t.caption);
    expect((ws.getRow(2).values as unknown[]).slice(1).map(String)).toEqual(t.head);
    // The rows and the total, in order (an empty table's sentence is a row of its own after them).
    t.rows.filter((row) => row.length === t.head.length).forEach((row, r) => {
      const cells = (ws.getRow(3 + r).values as unknown[]).slice(1);
      row.forEach((shown, c) => {
        const n = wholeNumber(shown);
        if (n !== null) expect(cells[c], `${t.caption} row ${r + 1} column ${t.head[c]}`).toBe(n);
      });
    });
  });

  // One table's CSV, from the link beside it.
  const table = first.tables.find((t) => t.rows.length > 0)!;
  const csv = await download(page, `Download “${table.caption}” as CSV`);
  expect(csv.fileName).toMatch(/\.csv$/);
  const parsed = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(parsed[0]).toEqual(table.head);
  for (const row of table.rows.filter((r) => r.length === table.head.length)) expect(parsed.some((p) => p.join('|') === row.join('|')), `CSV row ${row.join(', ')}`).toBe(true);

  // After the date: two admitted, one ceases, a director appointed. The same report for the same date is unchanged.
  await admit(app, supporters.id, 'Iwan', 'Thomas', today);
  await admit(app, supporters.id, 'Jac', 'Williams', today);
  await api(app, 'members.cease', { memberId: admittedBefore[1]!.id, ceasedOn: today, reason: 'resigned' });
  await director(app, 'Nia', 'Roberts', today);
  await produceAnnual(page);
  const second = await readScreen(page);
  expect(second).toEqual(first);
  await shot(page, '04-report-again');

  // A record dated before the report's date corrected while the report is on screen: its files are
  // still the report as shown (the core writes the document it built), not the records as they are now.
  await api(app, 'members.cease', { memberId: admittedBefore[2]!.id, ceasedOn: from!, reason: 'resigned' });
  const tableSheets = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book.worksheets.filter((w) => w.name !== 'About').map((w) => JSON.stringify(w.getSheetValues()));
  };
  const kept = await download(page, 'Download spreadsheet (XLSX)');
  expect(await tableSheets(kept.bytes)).toEqual(await tableSheets(xlsx.bytes));
  // Produced again, the report shows the correction.
  await page.getByRole('button', { name: 'Produce again' }).click();
  await expect(page.getByRole('button', { name: /^2, Members who ceased in the period: show the records$/ })).toBeVisible({ timeout: 90_000 });
  const third = await readScreen(page);
  expect(third.tables).not.toEqual(first.tables);
});

test('a report being produced can be cancelled from its progress display, and produced again while the secretary carries on elsewhere', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  // The first build of a fresh app starts the report worker, long enough to press Cancel while it runs.
  await page.evaluate(() => (window.location.hash = '#/reports'));
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Annual governance report' }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'The report was not produced' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Produce it again' })).toBeFocused();
  // Produced again, the secretary carries on elsewhere meanwhile and comes back: the same build is followed, not another started.
  const builds: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/reports.build')) builds.push(r.url());
  });
  await page.getByRole('button', { name: 'Produce it again' }).click();
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Members|Register of members/ })).toBeVisible();
  await page.goBack();
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  expect(builds).toHaveLength(1);
});
