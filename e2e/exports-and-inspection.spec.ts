import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectNoAxeViolations, test, expect, type AppUnderTest } from './support/app';
import { api } from './support/api';
import { setUpMutual } from './support/mutual';
import { setUpCooperative } from './support/register';
import { fillDate } from './support/dates';

/** The text of a PDF, page by page, with runs of white space made single spaces. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text.replace(/[ \t]+/g, ' ');
}

// Long journeys with an accessibility check on every screen they visit.
test.describe.configure({ timeout: 120_000 });

const INJECTION = "=cmd|' /C calc'!A0";

/** Records the journeys are not about, seeded through the API: three members and one who left in 2014. */
async function seed(app: AppUnderTest) {
  const cls = await api(app, 'classes.create', {
    name: 'Employee',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const admit = (givenNames: string, familyName: string, email: string, admittedOn = '2020-05-01') =>
    api(app, 'members.admit', {
      classId: cls.id,
      admittedOn,
      particulars: { givenNames, familyName, address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, email, employee: null, loansAndDepositsPence: null },
      initialShares: null,
    });
  const aisha = await admit('Aisha', 'Khan', 'aisha.khan@example.org');
  await admit('Bob', 'Taylor', 'bob.taylor@example.org');
  await admit('Mallory', INJECTION, 'mallory@example.org');
  const olive = await admit('Olive', 'Oldham', 'olive@example.org', '2010-01-04');
  await api(app, 'members.cease', { memberId: olive.id, ceasedOn: '2014-03-31', reason: 'resigned' });
  return { aisha };
}

test('a secretary logs an inspection request, prints the inspection copy and downloads the full register', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);

  await seed(app);

  await page.getByRole('link', { name: 'Exports and inspection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports and inspection' })).toBeVisible();
  await expect(page.getByText('4 entries (current and former members)')).toBeVisible();
  await expect(page.getByText('No requests logged yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'exports and inspection');

  // An inspection request, received the Thursday before Christmas 2025: due after the holidays.
  await page.getByRole('button', { name: 'Log a request' }).click();
  const logDialog = page.getByRole('dialog', { name: 'Log a request to inspect or copy the register' });
  await expect(logDialog).toBeVisible();
  await logDialog.getByRole('button', { name: 'Log the request' }).click();
  await expect(logDialog.getByRole('alert')).toContainText('Enter the name of the person asking.');
  await expectNoAxeViolations(page, 'log a request, with errors');
  await logDialog.getByLabel('Name of the person asking').fill('Jo Bloggs');
  await fillDate(logDialog, 'Date received', '2025-12-18');
  await logDialog.getByLabel('Their address').fill('9 Park Row, Leeds LS1 5HD');
  await logDialog.getByLabel('Purpose').fill('To write to members about the annual general meeting');
  await logDialog.getByLabel('No', { exact: true }).check();
  await logDialog.getByRole('button', { name: 'Log the request' }).click();
  await expect(page.getByText('Request logged: due by 29 December 2025.')).toBeVisible();
  const requests = page.getByRole('table', { name: /Requests to inspect or copy the register/ });
  const row = requests.getByRole('row').filter({ hasText: 'Jo Bloggs' });
  await expect(row).toContainText('Due 29 December 2025');
  await expect(row).toContainText('CA 2006 s117(1): within 5 working days');
  await expect(row).toContainText('Overdue');
  await expectNoAxeViolations(page, 'inspection log with an overdue request');

  // The inspection copy as PDF: names, the last-amended statement, and no e-mail address at all.
  await page.getByRole('link', { name: 'Inspection copy (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register of members: inspection copy' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All 4 entries ready to print' })).toBeVisible();
  await expectNoAxeViolations(page, 'printable inspection copy');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const text = await pdfText(pdf);
  expect(text).toContain('Aisha');
  expect(text).toContain('Khan');
  expect(text).toContain('Oldham');
  expect(text).toMatch(/This register was last amended on \d{1,2} [A-Z][a-z]+ \d{4} \(CA 2006 s120\)\. No further alterations are to be made\./);
  expect(text).not.toContain('@');
  // The copy carries the audit log's fingerprint, to check later that the log was not rewritten.
  // (pdf.js reads the "fi" ligature as "fi " in some fonts)
  expect(text).toMatch(/Audit log fi ?ngerprint #\d+ · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
  await page.getByRole('link', { name: /Exports and inspection/ }).click();

  // The index of members' names (CA 2006 s115): alphabetical, and never behind the register (s120(2)).
  await expect(page.getByText('A company with 3 members need not keep an index of members')).toBeVisible();
  await page.getByRole('link', { name: 'Index of members’ names (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Index of members’ names' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All 3 names ready to print' })).toBeVisible();
  const index = page.getByRole('table', { name: 'Index of members’ names' });
  await expect(index.getByRole('row', { name: /Khan, Aisha/ })).toContainText('1');
  await expect(index.getByRole('row', { name: /Taylor, Bob/ })).toContainText('2');
  await expect(page.getByText('(CA 2006 s120(2))').first()).toBeVisible();
  await expectNoAxeViolations(page, 'printable index of members');
  await page.getByRole('link', { name: /Exports and inspection/ }).click();

  // The request is met: a copy was provided.
  await requests.getByRole('button', { name: /Record outcome of the request from Jo Bloggs/ }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Record the outcome' });
  await closeDialog.getByLabel('Copy provided').check();
  await expectNoAxeViolations(page, 'record the outcome');
  await closeDialog.getByRole('button', { name: 'Close the request' }).click();
  await expect(row).toContainText('Copy provided');
  await expect(row).not.toContainText('Overdue');

  // The full register as CSV: e-mail addresses included, the formula in a name neutralised.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Full register (CSV)' }).click();
  const csvDownload = await downloading;
  expect(csvDownload.suggestedFilename()).toMatch(/^register-of-members-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText('Export ready')).toBeVisible();
  await expectNoAxeViolations(page, 'exports after a download');
  const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const header = rows.find((r) => r[0] === 'Member number')!;
  expect(header).toContain('E-mail address');
  expect(rows.find((r) => r[2] === 'Aisha')![header.indexOf('E-mail address')]).toBe('aisha.khan@example.org');
  const mallory = rows.find((r) => r[2] === 'Mallory')!;
  expect(mallory[header.indexOf('Family name or organisation')]).toBe(`'${INJECTION}`);
  for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  const verify = app.cli('verify', '--db', app.dbPath);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
});

test('a secretary removes a long-former member’s entry and exports a member’s subject access record', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const { aisha } = await seed(app);
  await page.getByRole('link', { name: 'Exports and inspection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports and inspection' })).toBeVisible();

  // The board and officers record, printable (a company keeps no register of directors since 18 November 2025).
  await page.getByRole('link', { name: 'Board and officers record (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board and officers record' })).toBeVisible();
  await expectNoAxeViolations(page, 'printable board and officers record');
  await page.getByRole('link', { name: /Exports and inspection/ }).click();

  // A long-former member's entry is removed after typing the number of entries.
  await page.getByRole('link', { name: 'Entries due for removal (1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entries due for removal' })).toBeVisible();
  await expectNoAxeViolations(page, 'entries due for removal');
  await page.getByRole('checkbox', { name: /Select member 4, Olive Oldham/ }).check();
  await page.getByRole('button', { name: 'Remove 1 entry' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove 1 entry from the register?' });
  await confirm.getByRole('button', { name: 'Remove 1 entry' }).click();
  await expect(confirm.getByText('Type 1 to confirm, or cancel.')).toBeVisible();
  await expectNoAxeViolations(page, 'removal confirmation');
  await confirm.getByLabel(/Type the number of entries to remove/).fill('1');
  await confirm.getByRole('button', { name: 'Remove 1 entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 entry removed' })).toBeVisible();
  await expect(page.getByText('No entries are due for removal.')).toBeVisible();
  await expectNoAxeViolations(page, 'after a removal');

  // Subject access for a member: their record as JSON, and as a printable page.
  await page.evaluate((id) => (window.location.hash = `#/register/members/${id}`), aisha.id as string);
  await expect(page.getByRole('heading', { level: 1, name: 'Aisha Khan' })).toBeVisible();
  await page.getByText('Subject access', { exact: true }).click();
  await expectNoAxeViolations(page, 'member page with the subject access menu open');
  const sarDownloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download their record (JSON)' }).click();
  const sarDownload = await sarDownloading;
  expect(sarDownload.suggestedFilename()).toMatch(/^member-1-subject-access-\d{4}-\d{2}-\d{2}\.json$/);
  const sar = JSON.parse(readFileSync((await sarDownload.path())!, 'utf8')) as {
    entries: { entry: { particulars: { givenNames: string; familyName: string; email: string } }; history: { action: string }[] }[];
  };
  expect(sar.entries[0]!.entry.particulars).toMatchObject({ givenNames: 'Aisha', familyName: 'Khan', email: 'aisha.khan@example.org' });
  expect(sar.entries[0]!.history.map((h) => h.action)).toContain('member.admitted');

  await page.getByText('Subject access', { exact: true }).click();
  await page.getByRole('link', { name: 'Printable record (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personal data held about Aisha Khan' })).toBeVisible();
  await expect(page.getByText('Member admitted')).toBeVisible();
  await expectNoAxeViolations(page, 'printable subject access record');

  const verify = app.cli('verify', '--db', app.dbPath);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
});

test('a society’s register is open to its members under CCBS Act 2014 s103, with no request log', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpCooperative(page, app.url);
  const cls = await api(app, 'classes.create', {
    name: 'Member',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null },
  });
  await api(app, 'members.admit', {
    classId: cls.id,
    admittedOn: '2020-05-01',
    particulars: {
      givenNames: 'Aisha',
      familyName: 'Khan',
      address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' },
      email: 'aisha.khan@example.org',
      emailPurposes: 'Notices of meetings',
      employee: null,
      loansAndDepositsPence: 25000,
    },
    initialShares: { shares: 250, amountPaidPence: 25000 },
  });

  await page.getByRole('link', { name: 'Exports and inspection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports and inspection' })).toBeVisible();
  const inspection = page.getByRole('region', { name: 'Inspection of the register' });
  await expect(inspection).toContainText('at all reasonable hours (CCBS Act 2014 s103)');
  await expect(inspection).toContainText('need not give a purpose');
  await expect(page.getByRole('button', { name: 'Log a request' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Former members’ entries' })).toContainText('The CCBS Act 2014 sets no period');
  await expectNoAxeViolations(page, 'a society’s exports and inspection');

  // The copy members inspect shows e-mail addresses and their purposes, and leaves out only shares and property (s30(2)(c)-(d)).
  await page.getByRole('link', { name: 'Inspection copy (PDF)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All 1 entry ready to print' })).toBeVisible();
  await expectNoAxeViolations(page, 'a society’s printable inspection copy');
  const text = await pdfText(await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
  expect(text).toContain('aisha.khan@example.org');
  expect(text).toContain('Notices of meetings');
  expect(text).not.toMatch(/£|Shares held|Loans/);

  const verify = app.cli('verify', '--db', app.dbPath);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
});
