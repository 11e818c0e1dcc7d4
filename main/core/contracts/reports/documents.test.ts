import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportsDirFor } from '../../exports/file-store';
import { docxText, keep, readPdf } from '../../meetings/print/fixtures.test-helpers';
import { readZipEntry } from '../../meetings/print/zip';
import { admit, makeClass, person, registerOf } from '../../members/register.test-helpers';
import { defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { expectOk, jobResult, type TestCore } from '../../testing';
import { appointDirector, commissioner, contract } from './fixtures.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

type FileResult = { fileId: string; fileName: string; mimeType: string; sizeBytes: number };
const readExport = (t: TestCore, fileId: string) => new Uint8Array(readFileSync(join(exportsDirFor(t.dbPath), fileId)));
const employee = (n: string) => ({ employee: { employeeNumber: n, employmentStart: '2019-01-01', weeklyHours: 37.5 } });

/** The registers as SQL counts them on a day, independently of the code under test. */
function registerCounts(t: TestCore, on: string) {
  const one = (q: string, ...args: unknown[]) => Number(t.core.raw.prepare(q).pluck().get(...args));
  return {
    members: one('select count(*) from member where admitted_on <= ? and (ceased_on is null or ceased_on > ?)', on, on),
    employees: one('select count(*) from member m join membership_class c on c.id = m.class_id where c.is_employee_class = 1 and m.admitted_on <= ? and (m.ceased_on is null or m.ceased_on > ?)', on, on),
    directors: one("select count(distinct officer_id) from appointment where role = 'director' and appointed_on <= ? and (ceased_on is null or ceased_on >= ?)", on, on),
  };
}

async function mutual() {
  t = await registerOf('cic_limited_by_guarantee');
  const core = t.core;
  const staff = await makeClass(core, 'Employee', null, true);
  const community = await makeClass(core, 'Community', null, false);
  for (let i = 0; i < 5; i++) await admit(core, staff, person(`Staff${i}`, 'Member', employee(`E${i}`)), { admittedOn: '2020-01-06' });
  await admit(core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
  await appointDirector(core, 'Siân', 'Ó Briain', 'employee', '2020-02-01');
  await appointDirector(core, 'Jo', 'Bloggs', 'employee', '2020-02-01');
  await appointDirector(core, 'Ravi', 'Patel', 'independent', '2020-02-01');
  const leeds = await commissioner(core, 'Leeds City Council');
  const icb = await commissioner(core, 'West Yorkshire ICB', 'icb');
  await contract(core, { counterpartyId: leeds, reference: 'LCC-HOME', route: 'pcr15_light_touch', services: ['85312000-9'], awardOn: '2022-01-10', startOn: '2022-04-01', endOn: '2027-03-31', annualValuePence: 400_000_00 });
  await contract(core, { counterpartyId: icb, reference: 'ICB-CAFE', route: 'pcr15_light_touch', services: ['55100000-1'], awardOn: '2023-01-10', startOn: '2023-04-01', endOn: '2028-03-31', annualValuePence: 100_000_00 });
  const id = await contract(core, { counterpartyId: leeds, reference: 'LCC-2027', title: 'Community support services', services: ['85310000-5'], awardOn: null, startOn: '2027-04-01', endOn: '2030-03-31', annualValuePence: 250_000_00 });
  return { core, staff, community, leeds, id };
}

describe('contractReports.evidencePack', () => {
  it('states each condition with the figures as at the date in a PDF with bookmarks and a Word file with real headings and tables, and the figures stay those of the date after later admissions', async () => {
    const { core, staff, community, id } = await mutual();
    const asAt = '2026-06-30';
    const pdfFile = await jobResult<FileResult>(core, 'contractReports.evidencePack', { contractId: id, asAt, format: 'pdf' });
    expect(pdfFile).toMatchObject({ fileName: 's33 evidence LCC-2027 2026-06-30.pdf', mimeType: 'application/pdf' });
    const pdf = await readPdf(keep('s33-evidence.pdf', readExport(t!, pdfFile.fileId)));
    const text = pdf.text.join(' ');
    const c = registerCounts(t!, asAt);
    expect(c).toEqual({ members: 6, employees: 5, directors: 3 });
    expect(text).toContain('Eligibility for a contract reserved to public service mutuals');
    expect(text).toContain(`Members ${c.members}`);
    expect(text).toContain(`Members in an employee class ${c.employees} (83.3%)`);
    expect(text).toContain(`Directors in office ${c.directors}`);
    expect(text).toContain('Directors who are employees or employee-elected 2 (66.7%)');
    expect(text).toContain('Annual value of contracts live on the date £500,000.00');
    expect(text).toContain('From reservable light touch services £400,000.00 (80.0%)');
    expect(text).toContain('s33(6)(c): Under the management and control of its employees');
    expect(text).toContain('What the app cannot judge');
    const head = t!.core.raw.prepare('select seq, hash from audit_head').get() as { seq: number; hash: string };
    expect(text).toContain(`audit event #${head.seq}`);
    expect(text).toContain(head.hash);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Eligibility for a contract reserved to public service mutuals']);
    expect(pdf.outline[0]!.children.map((o) => o.title)).toEqual([
      'The conditions at a glance',
      's33(1)(a): The contract is for reservable light touch services',
      's33(1)(b): The maximum term is five years or less',
      's33(5) and (7): No comparable contract in the three years ending with the award',
      's33(6)(a): Operates to deliver public services, mainly reservable light touch services',
      's33(6)(b): Not for profit, or profits distributed only to members',
      's33(6)(c): Under the management and control of its employees',
      'Figures as at 30 June 2026',
      'The governing document’s clauses as recorded on 30 June 2026',
      'What the app cannot judge',
      'Where these figures come from',
    ]);

    const docxFile = await jobResult<FileResult>(core, 'contractReports.evidencePack', { contractId: id, asAt, format: 'docx' });
    const docx = readExport(t!, docxFile.fileId);
    const xml = new TextDecoder().decode(readZipEntry(keep('s33-evidence.docx', docx), 'word/document.xml')!);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:tbl>');
    const words = docxText(docx);
    expect(words).toContain('Members in an employee class');
    expect(words).toContain('5 (83.3%)');
    expect(words).toContain('£400,000.00 (80.0%)');

    // Members admitted and a director appointed after the date: the pack for that date is unchanged.
    await admit(core, community, person('Florence', 'Nightingale'), { admittedOn: '2026-09-01' });
    await admit(core, staff, person('Late', 'Joiner', employee('E9')), { admittedOn: '2026-07-01' });
    await appointDirector(core, 'New', 'Director', 'independent', '2026-10-01');
    const again = (await readPdf(readExport(t!, (await jobResult<FileResult>(core, 'contractReports.evidencePack', { contractId: id, asAt, format: 'pdf' })).fileId))).text.join(' ');
    expect(registerCounts(t!, asAt)).toEqual(c);
    expect(again).toContain(`Members ${c.members}`);
    expect(again).toContain(`Members in an employee class ${c.employees} (83.3%)`);
    expect(again).toContain(`Directors in office ${c.directors}`);
    // Today's registers differ, and a pack as at today says so.
    const today = (await readPdf(readExport(t!, (await jobResult<FileResult>(core, 'contractReports.evidencePack', { contractId: id, asAt: '2026-11-30', format: 'pdf' })).fileId))).text.join(' ');
    expect(registerCounts(t!, '2026-11-30')).toEqual({ members: 8, employees: 6, directors: 4 });
    expect(today).toContain('Members 8');
    expect(today).toContain('Members in an employee class 6 (75.0%)');
  });

  it('quotes the governing document’s clauses in full as recorded on the date, and says where one was not recorded then', async () => {
    const { core, id } = await mutual();
    const objects = 'Article 3 (Objects): to deliver health and social care services commissioned by public bodies in West Yorkshire.';
    const assetLock = 'Article 4 (Asset lock): the Company shall not distribute any profit or assets to its members.';
    expectOk(await core.dispatch('rules.update', { ...defaultRuleValues('cic_limited_by_guarantee'), objectsPublicServices: true, objectsClause: objects, profitBasis: 'not_for_profit', profitClause: assetLock }));
    const pack = async (asAt: string) => (await readPdf(readExport(t!, (await jobResult<FileResult>(core, 'contractReports.evidencePack', { contractId: id, asAt, format: 'pdf' })).fileId))).text.join(' ');
    const today = await pack('2026-11-30');
    expect(today).toContain('The governing document’s clauses as recorded on 30 November 2026');
    expect(today).toContain('Recorded as: the objects include delivering public services');
    expect(today).toContain('Recorded as: run on a not-for-profit basis (no profits distributed)');
    expect(today).toContain(assetLock);
    expect(today).toMatch(/s33\(6\)\(b\): Not for profit, or profits distributed only to members\s+Finding: Met/);
    expect(today).toMatch(/Employee control \(s33\(6\)\(c\)\)\s+Not recorded on the date\./);
    // The clauses were recorded today: on 30 June they were not, and the pack as at then says so.
    const june = await pack('2026-06-30');
    expect(june).not.toContain(assetLock);
    expect(june).toMatch(/Profits \(s33\(6\)\(b\)\)\s+Not recorded on the date\./);
  });

  it('reads the head and every figure from one snapshot taken when the pack is asked for', async () => {
    const { core, staff, id } = await mutual();
    const head = t!.core.raw.prepare('select seq, hash from audit_head').get() as { seq: number; hash: string };
    const started = await core.dispatch('contractReports.evidencePack', { contractId: id, asAt: '2026-11-30', format: 'pdf' });
    // An admission dated on or before the evidence date, made while the pack is being written.
    await admit(core, staff, person('Late', 'Joiner', employee('E9')), { admittedOn: '2026-11-30' });
    await core.jobs.idle();
    const status = core.jobs.get((started as { ok: true; value: { jobId: string } }).value.jobId)!;
    const text = (await readPdf(readExport(t!, (status.result as FileResult).fileId))).text.join(' ');
    expect(text).toContain(`audit event #${head.seq}`);
    expect(text).toContain('Members 6');
    expect(registerCounts(t!, '2026-11-30').members).toBe(7);
  });

  it('refuses a contract that is not on record before starting a job', async () => {
    t = await registerOf('cic_limited_by_guarantee');
    const r = await t.core.dispatch('contractReports.evidencePack', { contractId: '0190f000-0000-7000-8000-000000000009', asAt: '2026-11-30', format: 'pdf' });
    expect(r.ok ? null : r.error.fieldErrors?.['contractId']).toBe('That contract is not on record.');
  });
});

describe('contractReports.portfolioReport', () => {
  it('prints the board report with tables and charts from the portfolio’s figures, and a workbook with one sheet per table', async () => {
    const { core } = await mutual();
    const pdfFile = await jobResult<FileResult>(core, 'contractReports.portfolioReport', { asAt: '2026-11-30', format: 'pdf' });
    expect(pdfFile).toMatchObject({ fileName: 'Contract portfolio 2026-11-30.pdf', mimeType: 'application/pdf' });
    const pdf = await readPdf(keep('portfolio.pdf', readExport(t!, pdfFile.fileId)));
    const text = pdf.text.join(' ');
    expect(text).toContain('Riverside Care Mutual: Contract portfolio as at 30 November 2026');
    expect(text).toContain('2 contracts were live (or in an extension) on 30 November 2026, bringing an annual income of £500,000.00');
    expect(text).toContain('The largest commissioner, Leeds City Council, brings 80.0% of it.');
    // The chart's bars carry the same figures as the table.
    expect(text).toContain('Annual income by commissioner Leeds City Council £400,000.00 West Yorkshire ICB £100,000.00');
    expect(text).toContain('Leeds City Council 1 £400,000.00 80.0%');
    expect(text).toMatch(/85312000-9 Social work services without (accommodation )?1 £400,000\.00/);
    expect(text).toContain('Within 6 months 1 £400,000.00');
    expect(text).toMatch(/LCC-HOME Contract LCC-HOME Leeds City Council 31 March (2027 )?£400,000\.00/);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Income by commissioner', 'Income by service', 'Contracts ending', 'Concentration risk', 'How these figures are made']);

    const xlsxFile = await jobResult<FileResult>(core, 'contractReports.portfolioReport', { asAt: '2026-11-30', format: 'xlsx' });
    expect(xlsxFile.fileName).toBe('Contract portfolio 2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(keep('portfolio.xlsx', readExport(t!, xlsxFile.fileId))) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['By commissioner', 'By service', 'Ending', 'Ending contracts', 'Concentration']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const commissioners = rows('By commissioner');
    expect(commissioners.slice(-3)).toEqual([
      ['Commissioner', 'Contracts', 'Annual income', 'Share'],
      ['Leeds City Council', 1, 400_000, 0.8],
      ['West Yorkshire ICB', 1, 100_000, 0.2],
    ]);
    expect(workbook.getWorksheet('By commissioner')!.getCell('C5').numFmt).toBe('"£"#,##0.00');
    expect(rows('By service').slice(-2)).toEqual([
      ['85312000-9', 'Social work services without accommodation', 1, 400_000],
      ['55100000-1', 'Hotel services', 1, 100_000],
    ]);
    const ending = rows('Ending contracts').find((r) => r[0] === 'LCC-HOME')!;
    expect(rows('Ending contracts').filter((r) => r[0] === 'ICB-CAFE')).toHaveLength(1);
    expect(ending.slice(0, 3)).toEqual(['LCC-HOME', 'Contract LCC-HOME', 'Leeds City Council']);
    expect((ending[3] as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(ending[4]).toBe(400_000);
  });

  it('answers the portfolio query as at a date through the contract', async () => {
    const { core } = await mutual();
    const r = await core.dispatch('contractReports.portfolio', { asAt: '2022-12-31' });
    expect(r.ok && r.value).toMatchObject({ asAt: '2022-12-31', annualIncomePence: 400_000_00, largestCommissioner: 'Leeds City Council', largestShare: 1 });
  });
});
