import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { addDays, formatLegalDate, ukDateOf, weekday } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expectNoAxeViolations, expect, ROOT, test, type AppUnderTest } from './support/app';
import { fillDate } from './support/dates';
import { tabTo } from './support/keyboard';
import { setUpMutual } from './support/mutual';

/**
 * The contracts area's calendar, portfolio, s33 panel and import (issue 10), in Chromium against
 * the real core: the calendar walked by keyboard alone, its .ics file parsed back (one event per
 * duty, stable UIDs), the portfolio's charts with their tables, the s33 check on a contract's
 * page with its evidence pack, and a contracts spreadsheet imported after its bad row is fixed.
 */

const WITH_ERRORS = join(ROOT, 'e2e', 'fixtures', 'contracts-register-with-errors.csv');
const CORRECTED = join(ROOT, 'e2e', 'fixtures', 'contracts-register.csv');
/** Screenshots for a person to look at (not compared): test-results/contracts-portfolio/. */
const SHOTS = join(ROOT, 'test-results', 'contracts-portfolio');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthLabel = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
const longDay = (date: string) => `${WEEKDAYS[weekday(date)]} ${formatLegalDate(date)}`;
/** The same day a month on, or the month's last day (as Page Down does). */
function nextMonthSameDay(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(Number(date.slice(8, 10)), last)).padStart(2, '0')}`;
}

/** The whole page: the window is made as tall as the page's scrolling main area for the picture, then put back. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 900);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height + 60, size.height), 6000) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

interface Seeded {
  today: string;
  community: { id: string; duties: { key: string; dueOn: string; kind: string }[] };
  nursing: { id: string; duties: { key: string; dueOn: string; kind: string }[] };
}

/**
 * Two live contracts: Leeds City Council's community support (reserved under s33, an extension
 * option whose decision date passed ten days ago and whose notice is due in five days, quarterly
 * KPI reports, the first of them done) and the ICB's community nursing (ends in 13 months).
 */
async function seedContracts(app: AppUnderTest): Promise<Seeded> {
  const today = ukDateOf(new Date());
  const leeds = await api<{ id: string }>(app, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
  const icb = await api<{ id: string }>(app, 'counterparties.create', { name: 'NHS West Yorkshire ICB', kind: 'icb', odsCode: 'QWO' });
  const community = await api<{ id: string; duties: { key: string; dueOn: string; kind: string }[] }>(app, 'contracts.create', {
    counterpartyId: leeds.id,
    reference: 'LCC-2025-014',
    title: 'Community support for older people',
    services: ['85310000-5'],
    route: 'pa23_reserved_mutual',
    awardOn: addDays(today, -400),
    startOn: addDays(today, -365),
    endOn: addDays(today, 120),
    annualValuePence: 25_000_000,
    wholeLifeValuePence: 100_000_000,
    extensions: [{ lengthMonths: 12, decisionBy: addDays(today, -10), noticeBy: addDays(today, 5) }],
    breaks: [],
    priceReviews: [],
    kpis: [{ name: 'People supported at home', frequency: 'quarterly', firstDueOn: addDays(today, -40) }],
  });
  const nursing = await api<{ id: string; duties: { key: string; dueOn: string; kind: string }[] }>(app, 'contracts.create', {
    counterpartyId: icb.id,
    reference: 'WY-ICB-2025-3',
    title: 'Community nursing',
    services: ['85100000-0'],
    route: 'psr_direct_c',
    awardOn: addDays(today, -100),
    startOn: addDays(today, -60),
    endOn: addDays(today, 395),
    annualValuePence: 120_000_000,
    extensions: [],
    breaks: [],
    priceReviews: [{ reviewOn: addDays(today, 35) }],
    kpis: [],
  });
  // The first KPI report was made on time.
  const firstKpi = community.duties.find((d) => d.kind === 'kpi_report' && d.dueOn === addDays(today, -40))!;
  await api(app, 'contracts.recordDutyDone', { contractId: community.id, key: firstKpi.key, doneOn: addDays(today, -41) });
  return { today, community, nursing };
}

test('a secretary walks the contract calendar by keyboard, sees overdue and done duties, and downloads it as an .ics with one event per duty', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const { today, community, nursing } = await seedContracts(app);
  const notice = addDays(today, 5);

  await page.goto(`${app.url}#/contracts/calendar`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contract calendar' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'One duty is overdue' })).toBeVisible();
  const grid = page.getByRole('grid', { name: monthLabel(today) });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('columnheader')).toHaveText(['MonMonday', 'TueTuesday', 'WedWednesday', 'ThuThursday', 'FriFriday', 'SatSaturday', 'SunSunday']);
  await expectNoAxeViolations(page, 'the contract calendar');
  await shot(page, 'calendar');

  // Keyboard only: Tab reaches one square of the grid (today's), the arrows move the focus.
  await tabTo(page, new RegExp(`^${longDay(today)}, today`));
  const focused = page.locator(':focus');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAccessibleName(`${longDay(notice)}: 1 duty`);
  await expect(page.getByRole('grid', { name: monthLabel(notice) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: longDay(notice) })).toBeVisible();
  await expect(page.getByRole('list', { name: `Duties on ${longDay(notice)}` }).first()).toContainText('Extension notice');

  // Page Down a month on and Page Up back; Home and End to the week's Monday and Sunday.
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('heading', { level: 2, name: monthLabel(nextMonthSameDay(notice)) }).first()).toBeVisible();
  await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`^${longDay(nextMonthSameDay(notice))}`));
  await page.keyboard.press('PageUp');
  await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`^${longDay(notice)}`));
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`^${longDay(addDays(notice, -weekday(notice)))}`));
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`^${longDay(addDays(notice, 6 - weekday(notice)))}`));
  await page.keyboard.press('Home');
  for (let i = 0; i < weekday(notice); i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName(`${longDay(notice)}: 1 duty`);

  // Enter goes to the day's duties; Tab reaches the contract.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: longDay(notice) })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('LCC-2025-014: Community support for older people');

  // The overdue decision and the done KPI report, on their days.
  const decision = addDays(today, -10);
  await page.goto(`${app.url}#/contracts/calendar?month=${decision.slice(0, 7)}&day=${decision}`);
  const decisionDay = page.getByRole('list', { name: `Duties on ${longDay(decision)}` }).first();
  await expect(decisionDay.getByRole('listitem')).toHaveCount(1);
  await expect(decisionDay).toContainText('Overdue');
  await expect(decisionDay).toContainText('Extension decision');
  await expect(page.getByRole('gridcell', { name: `${longDay(decision)}: 1 duty, 1 overdue` })).toBeVisible();
  const kpi = addDays(today, -40);
  await page.goto(`${app.url}#/contracts/calendar?month=${kpi.slice(0, 7)}&day=${kpi}`);
  const kpiDay = page.getByRole('list', { name: `Duties on ${longDay(kpi)}` }).first();
  await expect(kpiDay).toContainText('Done');
  await expect(kpiDay).toContainText(`Done on ${formatLegalDate(addDays(today, -41))}`);
  await expect(page.getByRole('gridcell', { name: `${longDay(kpi)}: 1 duty, 1 done` })).toBeVisible();
  await shot(page, 'calendar-done-day');
  // Overdue duties stay listed whatever the month; each one leads to its day.
  const overdueList = page.getByRole('list', { name: 'Overdue duties' });
  await expect(overdueList.getByRole('listitem')).toHaveCount(1);
  await overdueList.getByRole('button', { name: `Show ${formatLegalDate(decision)} on the calendar` }).click();
  await expect(page.locator(':focus')).toHaveAccessibleName(`${longDay(decision)}: 1 duty, 1 overdue`);
  await expect(page.getByRole('grid', { name: monthLabel(decision) })).toBeVisible();

  // The .ics: one event per duty of both contracts, each with a UID that stays the same next time.
  const duties = (await api<{ duties: unknown[] }>(app, 'contracts.get', { id: community.id })).duties.length + (await api<{ duties: unknown[] }>(app, 'contracts.get', { id: nursing.id })).duties.length;
  const readIcs = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
    const file = await (await download).path();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')) as unknown[]);
    return calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  };
  const events = await readIcs();
  expect(events).toHaveLength(duties);
  expect(new Set(events.map((e) => e.uid)).size).toBe(duties);
  await expect(page.getByRole('status').filter({ hasText: `(${duties} events,` })).toBeVisible();
  const noticeEvent = events.find((e) => e.startDate.toString().startsWith(notice) && /notice/i.test(e.summary));
  expect(noticeEvent, 'the extension notice is an event on its day').toBeTruthy();
  const again = await readIcs();
  expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
});

test('the portfolio shows income, contracts ending and concentration as charts with tables; the s33 panel gives its verdict and evidence pack; both pass axe', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const { today, community } = await seedContracts(app);

  await page.goto(`${app.url}#/contracts/portfolio`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contract portfolio' })).toBeVisible();
  const summary = page.getByRole('list', { name: `Summary as at ${formatLegalDate(today)}` });
  await expect(summary).toContainText('£1,450,000');
  await expect(summary).toContainText('82.8%');
  const byCommissioner = page.getByRole('table', { name: /Annual income by commissioner/ });
  await expect(byCommissioner.getByRole('row', { name: /NHS West Yorkshire ICB/ })).toContainText('£1,200,000.00');
  await expect(byCommissioner.getByRole('row', { name: /Leeds City Council/ })).toContainText('17.2%');
  await expect(page.getByRole('img', { name: /^Chart: Income by commissioner\. 2 commissioners pay £1,450,000\.00 a year in all/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Chart: Concentration risk\. NHS West Yorkshire ICB pays 82\.8%/ })).toBeVisible();
  const ending = page.getByRole('table', { name: /Contracts ending within 6, 12 and 18 months/ });
  await expect(ending.getByRole('row', { name: /Within 6 months/ })).toContainText('1');
  await expect(ending.getByRole('row', { name: /Within 18 months/ })).toContainText('2');
  await expectNoAxeViolations(page, 'the contract portfolio');
  await shot(page, 'portfolio');

  // A date before the nursing contract started: only Leeds's income.
  await fillDate(page, 'Portfolio as at', addDays(today, -90));
  await expect(page.getByRole('list', { name: `Summary as at ${formatLegalDate(addDays(today, -90))}` })).toContainText('£250,000');
  await fillDate(page, 'Portfolio as at', today);

  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spreadsheet (XLSX)' }).click();
  const xlsxBytes = readFileSync(await (await xlsx).path());
  expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(/\.xlsx downloaded/)).toBeVisible();
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Board report (PDF)' }).click();
  expect(readFileSync(await (await report).path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(/\.pdf downloaded/)).toBeVisible();

  // The s33 panel on the community support contract's page.
  await page.goto(`${app.url}#/contracts/${community.id}`);
  const panel = page.getByRole('region', { name: 'Could this contract be reserved to us? (Procurement Act 2023 s33)' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: new RegExp(`as at ${formatLegalDate(today)}$`) })).toBeVisible();
  const conditions = panel.getByRole('list', { name: 'The conditions, one by one' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) });
  expect(await conditions.count()).toBeGreaterThanOrEqual(3);
  for (const c of await conditions.all()) await expect(c).toContainText(/Met|Not met|Cannot judge/);
  await expect(panel.getByRole('table', { name: /Figures from your records/ })).toContainText('Employee members');
  await expectNoAxeViolations(page, 'the s33 panel');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 's33-panel');

  const earlier = addDays(today, -30);
  await fillDate(panel, 'Evidence as at', earlier);
  await expect(panel.getByRole('heading', { level: 3, name: new RegExp(`as at ${formatLegalDate(earlier)}$`) })).toBeVisible();
  const pdf = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  const pdfBytes = readFileSync(await (await pdf).path());
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(panel.getByText(/\.pdf downloaded/)).toBeVisible();
  const docx = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Evidence pack (DOCX)' }).click();
  expect(readFileSync(await (await docx).path()).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(panel.getByText(/\.docx downloaded/)).toBeVisible();
});

test('a secretary imports a contracts spreadsheet: the bad row is listed with its problem and nothing is recorded; fixed, it is read again and recorded', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await page.goto(`${app.url}#/contracts/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Import contracts' })).toBeVisible();
  await expectNoAxeViolations(page, 'contracts import: choose the file');

  const read = async (file: string) => {
    await page.getByLabel('Contracts spreadsheet (CSV or XLSX)').setInputFiles(file);
    await page.getByRole('button', { name: 'Read the file' }).click();
    await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeFocused();
  };

  await read(WITH_ERRORS);
  await expect(page.getByText('Matched from the column headings')).toBeVisible();
  await expect(page.getByLabel(/^Commissioner\*/)).toHaveValue('Commissioner');
  await expect(page.getByLabel(/^Contract reference/)).toHaveValue('Contract ref');
  await expect(page.getByLabel(/^Procurement route/)).toHaveValue('Procurement route');
  await expectNoAxeViolations(page, 'contracts import: match the columns');
  await shot(page, 'import-map');

  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'Rows to correct before anything can be imported' })).toBeFocused();
  const problems = page.getByRole('table', { name: /Every row with a problem/ });
  const row3 = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await expect(row3).toHaveCount(1);
  await expect(row3).toContainText('End date');
  await expect(row3).toContainText('30/06/2024');
  await expect(row3).toContainText('The end date (30 June 2024) is before the start date (1 July 2025).');
  // The heading row and the one problem: the other rows are right.
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Record these contracts' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'contracts import: rows to correct');
  await shot(page, 'import-problems');
  expect(await api<unknown[]>(app, 'contracts.list', {})).toHaveLength(0);

  await page.getByRole('button', { name: 'Read a corrected file' }).click();
  await read(CORRECTED);
  await expect(page.getByText('Remembered from your last import')).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'What the import would record' })).toBeFocused();
  const cards = page.getByRole('list', { name: 'Summary' });
  await expect(cards.getByRole('listitem').filter({ hasText: 'to record' }).locator('.count')).toHaveText('3');
  await expect(cards.getByRole('listitem').filter({ hasText: 'to correct' }).locator('.count')).toHaveText('0');
  await expect(page.getByRole('table', { name: /Each contract as it would be recorded/ }).getByRole('row')).toHaveCount(4);
  await expectNoAxeViolations(page, 'contracts import: the plan');

  await page.getByRole('button', { name: 'Record these contracts' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record these contracts?' });
  await expect(confirm).toContainText('record 3 contracts');
  await confirm.getByRole('button', { name: 'Record the contracts' }).click();
  await expect(page.getByRole('heading', { name: 'The import has been applied' })).toBeVisible();
  await expect(page.getByText(/^3 contracts recorded, and 3 commissioners added to the organisations list\./)).toBeVisible();
  await expectNoAxeViolations(page, 'contracts import: applied');
  await shot(page, 'import-applied');
  const recorded = await api<{ reference: string }[]>(app, 'contracts.list', {});
  expect(recorded.map((c) => c.reference).sort()).toEqual(['CMBC-77', 'LCC-2024-101', 'WY-ICB-2025-3']);
});
