import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintPage } from '../../../shared/contract/exports';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { exportsDirFor } from './file-store';
import type { RegisterExportResult } from './register-export';
import { admit, createClass } from './seed.test-helpers';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const NOW = new Date('2026-11-28T10:00:00Z');
const REG: Record<LegalForm, string> = {
  company_limited_by_guarantee: '01234567',
  cic_limited_by_guarantee: '01234567',
  cic_limited_by_shares: '01234567',
  eot_company: '01234567',
  cooperative_society: '31247R',
  community_benefit_society: '31247R',
};

/** An organisation of the given form with three members who have e-mail, birth dates and employee numbers. */
async function seeded(legalForm: LegalForm, clock: { now: Date } = { now: NOW }) {
  t = await openTestCore({ now: () => clock.now });
  await setUpOrganisation(t.core, { particulars: { legalForm, registrationNumber: REG[legalForm] } });
  const shares = legalForm !== 'company_limited_by_guarantee' && legalForm !== 'cic_limited_by_guarantee';
  const society = legalForm === 'cooperative_society' || legalForm === 'community_benefit_society';
  const cls = await createClass(t.core, { shares, employee: true });
  const members = [];
  members.push(await admit(t.core, cls, { givenNames: 'Aisha', familyName: 'Khan', email: 'aisha.khan@example.org', dateOfBirth: '1980-02-03', employeeNumber: 'E1001', ...(society ? { emailPurposes: 'Notices of meetings', loansAndDepositsPence: 25000 } : {}) }, shares));
  members.push(await admit(t.core, cls, { givenNames: 'Bob', familyName: '=HYPERLINK("http://x","y")', email: 'bob@example.org', dateOfBirth: '1975-07-08', employeeNumber: 'E1002' }, shares));
  members.push(await admit(t.core, cls, { givenNames: 'Chloé', familyName: 'Dubois', email: 'chloe@example.org', dateOfBirth: '1990-12-24', employeeNumber: 'E1003' }, shares));
  return { core: t.core, cls, members, shares, society };
}

async function exportFile(core: TestCore['core'], input: { format: 'csv' | 'xlsx'; view: 'full' | 'inspection'; status: 'current' | 'all' }) {
  const status = await runJob(core, 'exports.register', input);
  expect(status.state, JSON.stringify(status.error)).toBe('succeeded');
  const result = status.result as RegisterExportResult;
  const chunks: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk = expectOk(await core.dispatch('exports.readFile', { fileId: result.fileId, offset })) as { base64: string; nextOffset: number | null };
    chunks.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  return { result, bytes: Buffer.concat(chunks) };
}

function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

const PRIVATE = [/@/, /1980-02-03|1975-07-08|1990-12-24/, /E100\d/, /birth/i, /employee number/i];

describe('register exports', () => {
  it('writes the inspection copy of a company as CSV with only the s113 particulars and no contact details', async () => {
    const { core } = await seeded('company_limited_by_guarantee');
    const { result, bytes } = await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' });
    expect(result.fileName).toBe('register-of-members-inspection-copy-2026-11-28.csv');
    expect(result.rows).toBe(3);
    const text = bytes.toString('utf8');
    for (const p of PRIVATE) expect(text).not.toMatch(p);
    const rows = parseCsv(bytes);
    expect(rows[0]![0]).toContain('Register of members: inspection copy: Riverside Care Mutual');
    expect(rows[1]![0]).toBe('This register was last amended on 28 November 2026 (CA 2006 s120). No further alterations are to be made.');
    const header = rows.find((r) => r[0] === 'Member number')!;
    expect(header).toEqual(['Member number', 'Family name or organisation', 'Given names', 'Address', 'Class', 'Date entered', 'Date ceased']);
    const body = rows.slice(rows.indexOf(header) + 1);
    expect(body.map((r) => r[2])).toEqual(['Aisha', 'Bob', 'Chloé']);
    expect(body[0]).toEqual(['1', 'Khan', 'Aisha', '3 Mill Lane, Leeds, LS2 7AB', 'Employee', '2020-05-01', '']);
    // The formula in a name is shown as text.
    expect(body[1]![1]).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('writes the full register of a company with the e-mail address and still no date of birth or employee data', async () => {
    const { core } = await seeded('company_limited_by_guarantee');
    const { bytes } = await exportFile(core, { format: 'csv', view: 'full', status: 'current' });
    const rows = parseCsv(bytes);
    const header = rows.find((r) => r[0] === 'Member number')!;
    expect(header).toEqual(['Member number', 'Family name or organisation', 'Given names', 'Address', 'E-mail address', 'Notices by e-mail', 'Class', 'Date entered', 'Date ceased']);
    expect(rows.at(-1)![4]).toBe('chloe@example.org');
    const text = bytes.toString('utf8');
    expect(text).not.toMatch(/1980-02-03|E1001/);
  });

  it('leaves only shares and property out of a society’s inspection copy, showing e-mail addresses and their purposes (CCBS Act 2014 s103, s30(2))', async () => {
    const { core } = await seeded('community_benefit_society');
    const inspection = parseCsv((await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' })).bytes);
    const text = inspection.flat().join('\n');
    expect(text).not.toMatch(/Shares held|Amount paid|Loans|250/);
    expect(text).not.toContain('(CA 2006 s120)');
    const inspectionHeader = inspection.find((r) => r[0] === 'Member number')!;
    expect(inspectionHeader).toEqual(['Member number', 'Family name or organisation', 'Given names', 'Address', 'E-mail address', 'E-mail may be used for', 'Class', 'Date entered', 'Date ceased']);
    expect(inspection.find((r) => r[2] === 'Aisha')!.slice(4, 6)).toEqual(['aisha.khan@example.org', 'Notices of meetings']);
    expect(text).toContain('open to inspection under CCBS Act 2014 s103');
    expect(text).toContain('may inspect it at all reasonable hours');
    const full = parseCsv((await exportFile(core, { format: 'csv', view: 'full', status: 'all' })).bytes);
    const header = full.find((r) => r[0] === 'Member number')!;
    expect(header).toEqual(expect.arrayContaining(['E-mail address', 'E-mail may be used for', 'Shares held', 'Amount paid', 'Loans and deposits']));
    const aisha = full.find((r) => r[2] === 'Aisha')!;
    expect(aisha[header.indexOf('Shares held')]).toBe('1');
    expect(aisha[header.indexOf('Amount paid')]).toBe('1.00');
    expect(aisha[header.indexOf('Loans and deposits')]).toBe('250.00');
    expect(aisha[header.indexOf('E-mail may be used for')]).toBe('Notices of meetings');
  });

  it('includes shares held and amount paid in the inspection copy of a company with shares (s113(3))', async () => {
    const { core } = await seeded('cic_limited_by_shares');
    const rows = parseCsv((await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' })).bytes);
    const header = rows.find((r) => r[0] === 'Member number')!;
    expect(header.slice(-2)).toEqual(['Shares held', 'Amount paid']);
    expect(header).toContain('Joint holders (after the first-named)');
    expect(rows.flat().join(' ')).not.toContain('@');
  });

  it('writes an XLSX that exceljs reads back: title, last amended, frozen header, rows with real dates', async () => {
    const { core } = await seeded('eot_company');
    const { result, bytes } = await exportFile(core, { format: 'xlsx', view: 'full', status: 'all' });
    expect(result.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('Register of members: Riverside Care Mutual');
    expect(ws.getCell('A2').value).toBe('This register was last amended on 28 November 2026 (CA 2006 s120). No further alterations are to be made.');
    // The copy carries the audit head's fingerprint, to compare later with the log (anchors).
    expect(String(ws.getCell('A4').value)).toMatch(/^Audit log fingerprint #\d+ · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}: keep it/);
    const headerRow = ws.getRow(7);
    expect(headerRow.values).toEqual([
      undefined,
      'Member number',
      'Family name or organisation',
      'Given names',
      'Joint holders (after the first-named)',
      'Address',
      'E-mail address',
      'Notices by e-mail',
      'Class',
      'Date entered',
      'Date ceased',
      'Shares held',
      'Amount paid',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    const first = ws.getRow(8);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe('Aisha');
    expect(first.getCell(6).value).toBe('aisha.khan@example.org');
    expect((first.getCell(9).value as Date).toISOString()).toBe('2020-05-01T00:00:00.000Z');
    expect(first.getCell(11).value).toBe(1);
    expect(first.getCell(12).value).toBe(1);
    // A name that looks like a formula is stored as text, not as a formula.
    expect(ws.getRow(9).getCell(2).value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getRow(9).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getColumn(5).width).toBeGreaterThan(30);
    expect(ws.rowCount).toBe(10);
  });

  it('includes former members only when asked for the whole register', async () => {
    const clock = { now: NOW };
    const { core, members } = await seeded('company_limited_by_guarantee', clock);
    expectOk(await core.dispatch('members.cease', { memberId: members[0]!.id, ceasedOn: '2026-11-01', reason: 'resigned' }));
    const all = parseCsv((await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' })).bytes);
    expect(all.find((r) => r[2] === 'Aisha')![6]).toBe('2026-11-01');
    const current = parseCsv((await exportFile(core, { format: 'csv', view: 'inspection', status: 'current' })).bytes);
    expect(current.some((r) => r[2] === 'Aisha')).toBe(false);
    expect(current.filter((r) => /^\d+$/.test(r[0] ?? ''))).toHaveLength(2);
  });

  it('records each export in the audit log without personal data', async () => {
    const { core } = await seeded('company_limited_by_guarantee');
    await exportFile(core, { format: 'xlsx', view: 'inspection', status: 'all' });
    const events = t!.core.raw
      .prepare("select e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'register.exported'")
      .all() as { summary: string; body: string }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Register of members exported: inspection copy, XLSX, 3 entries');
    expect(JSON.parse(events[0]!.body)).toEqual({
      before: null,
      after: { view: 'inspection', format: 'xlsx', status: 'all', rows: 3, fingerprint: expect.stringMatching(/^#\d+ · /) },
    });
    expect(events[0]!.body).not.toMatch(/Khan|@/);
  });

  it('writes one snapshot of the register while changes carry on', async () => {
    const { core, cls } = await seeded('company_limited_by_guarantee');
    const { jobId } = expectOk(await core.dispatch('exports.register', { format: 'csv', view: 'full', status: 'all' })) as { jobId: string };
    // Admitted while the export is running: saved at once, but not in this export's file.
    const later = await admit(core, cls, { givenNames: 'Dev', familyName: 'Patel', employeeNumber: 'E2000' }, false);
    expect(later.memberNumber).toBe(4);
    await core.jobs.idle();
    const status = core.jobs.get(jobId);
    expect(status.state).toBe('succeeded');
    const result = status.result as { fileId: string; rows: number };
    expect(result.rows).toBe(3);
    const chunk = expectOk(await core.dispatch('exports.readFile', { fileId: result.fileId, offset: 0 })) as { base64: string; nextOffset: number | null };
    expect(chunk.nextOffset).toBeNull();
    expect(Buffer.from(chunk.base64, 'base64').toString('utf8')).not.toContain('Patel');
  });

  it('reads a register longer than one page in member-number order', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    const core = t.core;
    const cls = await createClass(core, { shares: false });
    // Insert directly: 1,234 entries is about the pages, not about admission.
    const insert = core.raw.prepare(
      `insert into member (id, organisation_id, person_id, member_number, class_id, given_names, family_name, sort_key, given_key, address_line1, address_town, admitted_on, created_at, updated_at)
       values (lower(hex(randomblob(16))), (select id from organisation), lower(hex(randomblob(16))), ?, ?, 'Given', ?, ?, ?, '1 Road', 'Leeds', '2020-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    core.raw.transaction(() => {
      for (let n = 1234; n >= 1; n -= 1) insert.run(n, cls.id, `Family ${n}`, `family ${n}`, `given ${n}`);
    })();
    const { result, bytes } = await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' });
    expect(result.rows).toBe(1234);
    const numbers = parseCsv(bytes).filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => Number(r[0]));
    expect(numbers).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
  });

  it('keeps exported files in a folder beside the database', async () => {
    const { core } = await seeded('company_limited_by_guarantee');
    const { result } = await exportFile(core, { format: 'csv', view: 'inspection', status: 'all' });
    expect(readFileSync(join(exportsDirFor(t!.dbPath), result.fileId)).length).toBe(result.sizeBytes);
  });
});

describe('last amended', () => {
  it('is the day of the latest change to the register, and not of reading it', async () => {
    const clock = { now: NOW };
    const { core, members } = await seeded('company_limited_by_guarantee', clock);
    const page = () => core.dispatch('exports.registerPage', { view: 'inspection', status: 'all' }).then((r) => expectOk(r) as PrintPage);
    expect((await page()).lastAmended).toBe('2026-11-28');

    clock.now = new Date('2026-12-03T09:00:00Z');
    expectOk(await core.dispatch('members.subjectAccess', { id: members[1]!.id }));
    await exportFile(core, { format: 'csv', view: 'full', status: 'all' });
    expect((await page()).lastAmended).toBe('2026-11-28');

    clock.now = new Date('2026-12-05T23:30:00Z'); // still 5 December in the UK (GMT)
    expectOk(await core.dispatch('members.cease', { memberId: members[2]!.id, ceasedOn: '2026-12-05', reason: 'resigned' }));
    expect((await page()).lastAmended).toBe('2026-12-05');

    clock.now = new Date('2027-06-30T23:30:00Z'); // 1 July in the UK (BST)
    const cls = await createClass(core, { shares: false, name: 'Supporter' });
    expect((await page()).lastAmended).toBe('2026-12-05');
    await admit(core, cls, { givenNames: 'Eve', familyName: 'Stone' }, false);
    expect((await page()).lastAmended).toBe('2027-07-01');
  });

  it('is null, and says so, for a register with no entries', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    const page = expectOk(await t.core.dispatch('exports.registerPage', { view: 'full', status: 'all' })) as PrintPage;
    expect(page.lastAmended).toBeNull();
    expect(page.total).toBe(0);
    const status = await runJob(t.core, 'exports.register', { format: 'csv', view: 'full', status: 'all' });
    const fileId = (status.result as RegisterExportResult).fileId;
    const chunk = expectOk(await t.core.dispatch('exports.readFile', { fileId, offset: 0 })) as { base64: string };
    expect(Buffer.from(chunk.base64, 'base64').toString('utf8')).toContain('No alterations have been made to this register (CA 2006 s120). No further alterations are to be made.');
  });
});

describe('printable register pages', () => {
  it('pages by member number with only the view’s columns, and records the first page in the audit log', async () => {
    const { core } = await seeded('community_benefit_society');
    const first = expectOk(await core.dispatch('exports.registerPage', { view: 'inspection', status: 'all', limit: 2 })) as PrintPage;
    expect(first.columns.map((c) => c.key)).toEqual(['memberNumber', 'familyName', 'givenNames', 'address', 'email', 'emailPurposes', 'className', 'admittedOn', 'ceasedOn']);
    expect(first.rows).toHaveLength(2);
    expect(first.rows[0]).toMatchObject({ memberNumber: '1', givenNames: 'Aisha', admittedOn: '1 May 2020', ceasedOn: '' });
    expect(first.next).toBe(2);
    expect(first.total).toBe(3);
    expect(first.description).toContain('CCBS Act 2014 s103');
    expect(JSON.stringify(first.rows)).not.toMatch(/250|£/);
    expect(first.rows[0]).toMatchObject({ email: 'aisha.khan@example.org', emailPurposes: 'Notices of meetings' });
    expect(first.stateStatement).toBe('This register was last amended on 28 November 2026. No further alterations are to be made.');
    const second = expectOk(await core.dispatch('exports.registerPage', { view: 'inspection', status: 'all', afterNumber: 2, limit: 2 })) as PrintPage;
    expect(second.rows.map((r) => r['givenNames'])).toEqual(['Chloé']);
    expect(second.next).toBeNull();
    const full = expectOk(await core.dispatch('exports.registerPage', { view: 'full', status: 'all' })) as PrintPage;
    expect(full.rows[0]).toMatchObject({ email: 'aisha.khan@example.org', sharesHeld: '1', amountPaid: '£1.00', loansAndDeposits: '£250.00' });
    const logged = t!.core.raw.prepare("select count(*) from audit_event where action = 'register.exported'").pluck().get();
    expect(logged).toBe(2);
  });
});
