import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './support/api';
import { expectNoAxeViolations, expect, ROOT, test } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

const WITH_ERRORS = join(ROOT, 'e2e', 'fixtures', 'hr-export-with-errors.csv');
const CORRECTED = join(ROOT, 'e2e', 'fixtures', 'hr-export.csv');
const ONE_COLUMN = join(ROOT, 'e2e', 'fixtures', 'hr-export-one-column.csv');

async function chooseAndRead(page: Page, file: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Choose the file from your HR system' })).toBeVisible();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeFocused();
}

async function checkTheFile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import would change' })).toBeFocused();
}

function summaryCount(page: Page, what: string) {
  return page.getByRole('list', { name: 'Summary' }).getByRole('listitem').filter({ hasText: what }).locator('.count');
}

test('a secretary imports the staff list from HR: fixes the rejected rows, checks the plan, applies it, and a second import changes nothing', async ({
  page,
  app,
  cspErrors,
}) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await api(app, 'classes.create', {
    name: 'Employee',
    description: 'Employees on a contract of at least 8 hours a week.',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: true,
    eligibility: { minAgeYears: 16, minWeeklyHours: 8, minServiceMonths: null },
    shareTerms: null,
  });

  await page.getByRole('link', { name: 'Import from HR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import from HR' })).toBeVisible();
  await expectNoAxeViolations(page, 'import: choose the file');

  // Reading the file without choosing one says what to do, next to the control.
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByText('Choose the CSV file exported from your HR system.')).toBeVisible();
  await expect(page.getByLabel('CSV file')).toBeFocused();

  // 1. The export with mistakes in it.
  await chooseAndRead(page, WITH_ERRORS);
  await expect(page.getByText('Matched from the column headings')).toBeVisible();
  await expect(page.getByText('hr-export-with-errors.csv')).toBeVisible();
  await expect(page.getByLabel(/^Employee number/)).toHaveValue('Employee No');
  await expect(page.getByLabel(/^Family name/)).toHaveValue('Surname');
  await expect(page.getByLabel(/^Postcode/)).toHaveValue('Post Code');
  await expect(page.getByLabel(/^Service area/)).toHaveValue('Department/Service');
  await expect(page.getByLabel(/^Employment end date/)).toHaveValue('Leaving Date');
  await expect(page.getByRole('region', { name: 'The first rows of the file' }).getByRole('row')).toHaveCount(6);
  await expectNoAxeViolations(page, 'import: match the columns');

  await checkTheFile(page);
  await expect(summaryCount(page, 'rejected')).toHaveText('5');
  const rejected = page.getByRole('table', { name: /Rejected rows/ });
  await expect(page.getByRole('tab', { name: /Rejected rows/ })).toHaveAttribute('aria-selected', 'true');
  const rowFor = (line: number) => rejected.getByRole('row').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
  await expect(rowFor(4)).toContainText('Start Date');
  await expect(rowFor(4)).toContainText('31/02/2024 is not a real date: February 2024 has 29 days.');
  await expect(rowFor(5)).toContainText('Surname');
  await expect(rowFor(5)).toContainText('Enter the family name.');
  await expect(rowFor(6)).toContainText('Employee number E1005 is also on line 7; keep one row for each employee.');
  await expect(rowFor(7)).toContainText('Employee number E1005 is also on line 6; keep one row for each employee.');
  await expect(rowFor(8)).toContainText('Membership Class');
  await expect(rowFor(8)).toContainText('There is no membership class called “Volunteers”');
  await expectNoAxeViolations(page, 'import: the plan with rejected rows');

  // 2. The corrected file: the columns come back as they were matched.
  await page.getByRole('button', { name: 'Start again with a corrected file' }).click();
  await chooseAndRead(page, CORRECTED);
  await expect(page.getByText('Remembered from your last import')).toBeVisible();
  await checkTheFile(page);
  await expect(summaryCount(page, 'to admit')).toHaveText('6');
  await expect(summaryCount(page, 'rejected')).toHaveText('0');
  await expect(summaryCount(page, 'not eligible yet')).toHaveText('1');
  await page.getByRole('tab', { name: /Not eligible yet/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('The Employee class requires at least 8 contracted hours a week; 4 given.');
  await page.getByRole('tab', { name: /To admit/ }).click();
  await expect(page.getByRole('table', { name: /People the import would admit/ }).getByRole('row')).toHaveCount(7);
  await expectNoAxeViolations(page, 'import: the plan for the corrected file');

  await page.getByRole('button', { name: 'Apply these changes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Apply these changes to the register?' });
  await expect(confirm).toContainText('enter 6 new members in the register');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'import: apply confirmation');
  await confirm.getByRole('button', { name: 'Apply the changes' }).click();

  await expect(page.getByText('The register is up to date')).toBeVisible();
  await expect(page.getByText('6 members admitted (member numbers 1 to 6).')).toBeVisible();
  const admitted = page.getByRole('table', { name: /People admitted/ });
  await expect(admitted.getByRole('row', { name: /E1003 Siobhán Ní Bhriain 3/ })).toBeVisible();
  await expect(admitted.getByRole('row')).toHaveCount(7);
  await expectNoAxeViolations(page, 'import: applied');
  expect(await api<{ count: number }>(app, 'members.count', { status: 'current' })).toEqual({ count: 6, atLeast: false });

  // 3. The same file again: nothing to change.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseAndRead(page, CORRECTED);
  await checkTheFile(page);
  await expect(page.getByText('Nothing to change')).toBeVisible();
  await expect(summaryCount(page, 'to admit')).toHaveText('0');
  await expect(summaryCount(page, 'unchanged')).toHaveText('6');
  await expect(page.getByRole('button', { name: 'Apply these changes' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'import: nothing to change');

  // The new members are in the register.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('link', { name: /Okafor/ }).first()).toBeVisible();
});

test('a secretary imports an export with one name column and one address column, back-dated, after an empty file is refused', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await api(app, 'classes.create', {
    name: 'Employee',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: true,
    eligibility: { minAgeYears: 16, minWeeklyHours: 8, minServiceMonths: null },
    shareTerms: null,
  });
  await page.getByRole('link', { name: 'Import from HR' }).click();

  // An empty file is refused by name, before anything is sent.
  await page.getByLabel('CSV file').setInputFiles({ name: 'staff-list.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByText('staff-list.csv is empty (0 bytes). Export the staff list from your HR system again, then choose the new file.')).toBeVisible();

  await chooseAndRead(page, ONE_COLUMN);
  await expect(page.getByRole('radio', { name: /^The full name in one column/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /^The whole address in one column/ })).toBeChecked();
  await expect(page.getByLabel(/^Full name/)).toHaveValue('Name');
  await expect(page.getByLabel(/^Whole address/)).toHaveValue('Address');
  await expect(page.getByLabel(/^Family name/)).toHaveCount(0);
  await expect(page.getByLabel(/^Town or city/)).toHaveCount(0);
  // Back-dated: Rhys left on 31 October, after this admission date.
  await fillDate(page, 'Admission date', '2026-10-01');
  await expectNoAxeViolations(page, 'import: match one-column names and addresses');
  await page.getByRole('group', { name: 'Names in the file' }).scrollIntoViewIfNeeded();

  // Switching to separate columns asks for them, then back again.
  await page.getByRole('radio', { name: /^Given names and family name in separate columns/ }).check();
  await expect(page.getByLabel(/^Family name/)).toBeVisible();
  await page.getByRole('radio', { name: /^The full name in one column/ }).check();

  await checkTheFile(page);
  await expect(summaryCount(page, 'to admit')).toHaveText('3');
  await expect(summaryCount(page, 'to cease')).toHaveText('1');
  await expect(summaryCount(page, 'rejected')).toHaveText('1');
  await expect(page.getByText('3 rows split from one column')).toBeVisible();
  const rejected = page.getByRole('table', { name: /Rejected rows/ });
  await expect(rejected).toContainText('The street and the town are not separated (1 High Street Leeds)');

  await page.getByRole('tab', { name: /Split from one column/ }).click();
  const split = page.getByRole('table', { name: /split from one column/ });
  const rowFor = (no: string) => split.getByRole('row').filter({ hasText: no });
  await expect(rowFor('S2001')).toContainText('Okafor, Amelia');
  await expect(rowFor('S2001')).toContainText('Given namesAmelia');
  await expect(rowFor('S2001')).toContainText('Family nameOkafor');
  await expect(rowFor('S2002')).toContainText('TownBradford');
  await expect(rowFor('S2002')).toContainText('Left outWest Yorkshire');
  await expect(rowFor('S2003')).toContainText('Family nameNí Bhriain');
  await expectNoAxeViolations(page, 'import: the split names and addresses');

  await page.getByRole('tab', { name: /To cease/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Admitted by this import from 1 October 2026; left employment on 31 October 2026');

  await page.getByRole('button', { name: 'Apply these changes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Apply these changes to the register?' });
  await expect(confirm).toContainText('one of them admitted by this import, having left after the admission date');
  await confirm.getByRole('button', { name: 'Apply the changes' }).click();
  await expect(page.getByText('3 members admitted (member numbers 1 to 3) and 1 membership ended.')).toBeVisible();
  expect(await api<{ count: number }>(app, 'members.count', { status: 'current' })).toEqual({ count: 2, atLeast: false });
  expect(await api<{ count: number }>(app, 'members.count', { status: 'former' })).toEqual({ count: 1, atLeast: false });
});

test('without an employee class the import explains what to set up first', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await page.getByRole('link', { name: 'Import from HR' }).click();
  await expect(page.getByRole('heading', { name: 'Set up an employee membership class first' })).toBeVisible();
  await expectNoAxeViolations(page, 'import: no employee class');
  await page.getByRole('link', { name: 'Go to membership classes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Membership classes' })).toBeVisible();
});
