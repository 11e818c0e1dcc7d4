import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultRuleValues } from '../shared/rules/governing-rules';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { reservedContract } from './support/contracts';
import { expect, ROOT, test, type AppUnderTest } from './support/app';

/**
 * Two accessibility properties of the app's shared UI, in Chromium against the real core:
 * - the error summary takes focus when a submit fails (each one), and never while the person is
 *   typing in a field whose error clears as they type (GOV.UK's error summary pattern; WCAG 2.2
 *   3.2.2 On Input: no change of context on input);
 * - screens whose header has action buttons, the contracts calendar and portfolio, the decisions
 *   register, both imports' first steps and the HR import's column matching, and a produced report
 *   reflow at 320 CSS px with no horizontal scroll (WCAG 2.2 1.4.10 Reflow). A screenshot of each
 *   is kept in the test's output folder to look at, and one at 1280 px of those with narrow-width
 *   rules, to see their desktop layout beside it.
 */
test.describe.configure({ timeout: 120_000 });

async function setUp(app: AppUnderTest): Promise<{ classId: string }> {
  await api(app, 'organisation.setUp', {
    particulars: {
      name: 'Riverside Care Mutual Ltd',
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '09876543',
      registeredOffice: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'england' },
      incorporatedOn: '2008-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('company_limited_by_guarantee'),
  });
  const cls = await api<{ id: string }>(app, 'classes.create', {
    name: 'Community members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  return { classId: cls.id };
}

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('the error summary takes focus on each failed submit, and not while a field is being corrected', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(app);
  await page.goto(`${app.url}#/register/admit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a member' })).toBeVisible();

  const summary = page.locator('.error-summary');
  const submit = page.getByRole('button', { name: 'Admit and enter in the register' });
  await submit.click();
  await expect(summary).toBeFocused();
  const items = summary.getByRole('listitem');
  const before = await items.count();
  expect(before, 'the empty form is refused for more than one field').toBeGreaterThanOrEqual(2);

  // Correcting one field re-validates as the person types: its message leaves the summary, and
  // focus stays in the field they are typing in.
  const given = page.getByLabel('Given names');
  await given.click();
  await given.pressSequentially('Aled');
  await expect(items).toHaveCount(before - 1);
  await expect(given).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await given.getAttribute('id'));
  await given.press('End');
  await given.pressSequentially(' Rhys');
  await expect(given).toHaveValue('Aled Rhys');
  await expect(given).toBeFocused();

  // Emptying it again brings its message back, still without taking focus from the field.
  await given.fill('');
  await expect(items).toHaveCount(before);
  await expect(given).toBeFocused();

  // The next failed submit takes focus to the summary again, even with the same messages.
  await given.fill('Aled');
  await expect(items).toHaveCount(before - 1);
  await submit.click();
  await expect(summary).toBeFocused();
  const family = page.getByLabel('Family name');
  await family.click();
  await family.pressSequentially('Jones');
  await expect(items).toHaveCount(before - 2);
  await expect(family).toBeFocused();
});

test('screens, most with action buttons in their header, reflow at 320 CSS px: no horizontal scroll', async ({ page, app, cspErrors }, testInfo) => {
  void cspErrors;
  // Some 20 screens, a report produced and read twice, and pictures of each on a shared machine.
  test.setTimeout(180_000);
  const { classId } = await setUp(app);
  const member = await api<{ id: string }>(app, 'members.admit', {
    classId,
    particulars: { givenNames: 'Bethan', familyName: 'Price-Llewellyn', address: { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' }, employee: null, loansAndDepositsPence: null },
    admittedOn: '2020-01-06',
    initialShares: null,
  });
  const council = await api<{ id: string }>(app, 'counterparties.create', { name: 'Northshire County Council', kind: 'council', contactName: 'Priya Shah' });
  const contract = await api<{ id: string }>(app, 'contracts.create', reservedContract(council.id));
  // A contract with duties about now, so the calendar lists some: a quarterly KPI report overdue
  // and an extension notice due in five days (the calendar opens on that day).
  const today = ukDateOf(new Date());
  const notice = addDays(today, 5);
  await api(
    app,
    'contracts.create',
    reservedContract(council.id, {
      reference: 'NCC/ASC/021',
      title: 'Community support for older people',
      services: ['85310000-5'],
      awardOn: addDays(today, -400),
      startOn: addDays(today, -365),
      endOn: addDays(today, 120),
      annualValuePence: 25_000_000,
      extensions: [{ lengthMonths: 12, decisionBy: addDays(today, -10), noticeBy: notice }],
      kpis: [{ name: 'People supported at home', frequency: 'quarterly', firstDueOn: addDays(today, -40) }],
    }),
  );
  // The HR import needs an employee class to offer its first step.
  await api(app, 'classes.create', {
    name: 'Employee',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: true,
    eligibility: { minAgeYears: 16, minWeeklyHours: 8, minServiceMonths: null },
    shareTerms: null,
  });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(app.url);
  // ready: a heading further down that shows the screen has loaded what it reads (its measure is of the whole page).
  const screens: { name: string; hash: string; heading: string | RegExp; ready?: string | RegExp }[] = [
    { name: 'home', hash: '#/', heading: 'Riverside Care Mutual Ltd' },
    { name: 'register', hash: '#/register', heading: 'Register of members' },
    { name: 'member', hash: `#/register/members/${member.id}`, heading: /Bethan Price-Llewellyn/ },
    { name: 'contracts', hash: '#/contracts', heading: 'Contracts' },
    { name: 'contract', hash: `#/contracts/${contract.id}`, heading: /Community adult social care/ },
    { name: 'reports', hash: '#/reports', heading: 'Reports' },
    { name: 'officers', hash: '#/officers', heading: 'Directors and officers' },
    { name: 'meetings', hash: '#/meetings', heading: 'Meetings' },
    { name: 'exports', hash: '#/register/exports', heading: 'Exports and inspection' },
    { name: 'calendar', hash: `#/contracts/calendar?month=${notice.slice(0, 7)}&day=${notice}`, heading: 'Contract calendar', ready: /, day by day$/ },
    { name: 'portfolio', hash: '#/contracts/portfolio', heading: 'Contract portfolio', ready: 'Income by service' },
    { name: 'decisions', hash: '#/decisions', heading: 'Decisions register' },
    { name: 'hr-import', hash: '#/register/import', heading: 'Import from HR', ready: 'Choose the file from your HR system' },
    { name: 'contracts-import', hash: '#/contracts/import', heading: 'Import contracts', ready: 'Choose your contracts spreadsheet' },
  ];
  const overflowing: string[] = [];
  const measure = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}-320.png`), fullPage: true });
    const widths = await page.evaluate(() => {
      // To say what to fix: the elements that stick out past the window's right edge from a parent
      // that fits, leaving out those a scrolling box that fits clips (the box holds their containing block).
      const w = window.innerWidth + 0.5;
      const fits = (e: Element | null) => !e || e.getBoundingClientRect().right <= w;
      const clipped = (e: HTMLElement) => {
        for (let a = e.parentElement; a; a = a.parentElement) {
          const clips = getComputedStyle(a).overflowX !== 'visible';
          if (clips && fits(a) && (!e.offsetParent || a === e.offsetParent || a.contains(e.offsetParent))) return true;
        }
        return false;
      };
      const escaping = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => !fits(e) && fits(e.parentElement) && !clipped(e));
      const named = escaping.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`);
      return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, named };
    });
    if (widths.scroll > widths.inner) overflowing.push(`${name}: ${widths.scroll} px wide in a ${widths.inner} px window (${widths.named.join(', ')})`);
  };
  for (const s of screens) {
    await go(page, s.hash);
    await expect(page.getByRole('heading', { level: 1, name: s.heading, exact: typeof s.heading === 'string' })).toBeVisible();
    if (s.ready) await expect(page.getByRole('heading', { name: s.ready, exact: typeof s.ready === 'string' })).toBeVisible();
    await measure(s.name);
  }

  // The HR import's second and third steps with a small file: matching its columns (the layout
  // choices and mapping grid, the first rows in a scrolling box), then the plan's tables.
  await go(page, '#/register/import');
  await expect(page.getByRole('heading', { name: 'Choose the file from your HR system' })).toBeVisible();
  const csv = 'Employee No,Forename,Surname,Date of Birth,Address Line 1,Town,Post Code,Start Date,Contracted Hours\nE1001,Amelia,Okafor,14/07/1985,12 Mill Lane,Leeds,LS6 2AA,01/04/2019,37.5\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'staff-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeFocused();
  await measure('hr-import-columns');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import would change' })).toBeFocused();
  await measure('hr-import-plan');

  // The contract import's plan for a three-row spreadsheet: the commissioners to add, the contracts' table.
  await go(page, '#/contracts/import');
  await expect(page.getByRole('heading', { name: 'Choose your contracts spreadsheet' })).toBeVisible();
  await page.getByLabel('Contracts spreadsheet (CSV or XLSX)').setInputFiles(join(ROOT, 'e2e', 'fixtures', 'contracts-register.csv'));
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeFocused();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import would record' })).toBeFocused();
  await measure('contracts-import-plan');

  // A report's own page: the annual governance report for the last financial year (its tables in scrolling boxes and its charts).
  await go(page, '#/reports');
  const annual = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Annual governance report' }) });
  await annual.getByRole('button', { name: 'Choose dates and produce' }).click();
  await annual.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  await measure('annual-report');
  const reportHash = await page.evaluate(() => window.location.hash);
  expect(overflowing, 'screens that scroll sideways at 320 px').toEqual([]);

  // The member page's subject access menu opens inside the window, not off its left edge.
  await go(page, `#/register/members/${member.id}`);
  await page.getByText('Subject access', { exact: true }).click();
  const panel = page.locator('.sar-panel');
  await expect(panel).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('member-subject-access-320.png') });
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The screens whose styles have narrow-width rules, at a desktop width, kept to look at beside
  // the 320 px pictures (their desktop layout is meant to be unchanged).
  // At this width the page's main area scrolls, not the page: the window is made as tall as it for the picture.
  const wideShot = async (name: string) => {
    const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 80, 900), 6000) });
    await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`) });
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = ['home', 'calendar', 'portfolio', 'decisions', 'contracts-import', 'hr-import'];
  for (const s of wide.map((n) => screens.find((x) => x.name === n)!)) {
    await go(page, s.hash);
    await expect(page.getByRole('heading', { level: 1, name: s.heading, exact: typeof s.heading === 'string' })).toBeVisible();
    if (s.ready) await expect(page.getByRole('heading', { name: s.ready, exact: typeof s.ready === 'string' })).toBeVisible();
    await wideShot(s.name);
  }
  await page.getByLabel('CSV file').setInputFiles({ name: 'staff-list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeFocused();
  await wideShot('hr-import-columns');
  await go(page, reportHash);
  await expect(page.locator('.rpt-page').getByRole('heading', { level: 1, name: /^Annual governance report/ })).toBeVisible({ timeout: 90_000 });
  await wideShot('annual-report');
});
