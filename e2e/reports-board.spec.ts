import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * The board effectiveness pack on the report screens, in Chromium against the real core: its
 * parts as headings in the contents and the page, attendance by director with a row for each
 * director in office, the chart named by its text alternative with its table, keyboard use of
 * the contents; axe finds nothing. (The annual report's journey is reports-journey.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'test-results/reports-board';
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };
async function director(app: AppUnderTest, givenNames: string, familyName: string, appointedOn: string) {
  return api<{ id: string }>(app, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: address, dateOfBirth: '1975-06-02', nationality: 'British', countryOfResidence: 'England', occupation: 'Nurse' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'independent', appointedOn },
  });
}

test('the board effectiveness pack: its parts in the contents, attendance by director for each director, charts with their tables', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await director(app, 'Margaret', 'Okafor', '2019-04-01');
  await director(app, 'Rajesh', 'Patel', '2020-09-01');

  await page.evaluate(() => (window.location.hash = '#/reports'));
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'Board effectiveness pack', exact: true }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page h1')).toContainText('Board effectiveness pack', { timeout: 90_000 });

  // The contents list every part; each part is a heading of the page; a contents link by keyboard moves the focus to its part.
  const contents = page.getByRole('navigation', { name: 'Contents' });
  const parts = (await contents.getByRole('link').allTextContents()).map((t) => t.trim());
  expect(parts).toContain('Attendance at board and committee meetings');
  const body = page.locator('.rpt-body');
  for (const part of parts) await expect(body.getByRole('heading', { name: part, exact: true }).first()).toBeVisible();
  await contents.getByRole('link', { name: 'Attendance at board and committee meetings' }).focus();
  await page.keyboard.press('Enter');
  await expect(body.getByRole('heading', { name: 'Attendance at board and committee meetings', exact: true })).toBeFocused();

  const attendance = body.getByRole('table', { name: 'Attendance by director' });
  await expect(attendance.getByRole('rowheader', { name: /Okafor/ })).toBeVisible();
  await expect(attendance.getByRole('rowheader', { name: /Patel/ })).toBeVisible();
  // A chart is a picture named by its text alternative, and its figures are in a table on the page.
  for (const chart of await body.locator('[data-report-chart]').all()) {
    await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /\w/);
    const source = (await chart.locator('.rpt-chart-source').textContent())!;
    const table = /“(.+)”/.exec(source)![1]!;
    await expect(body.getByRole('table', { name: table })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'the board effectiveness pack');
  await shot(page, '01-effectiveness');
});
