import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support/app';
import { fillSetUp, MUTUAL } from './support/mutual';

/**
 * The regulator's reports on the report screens, in Chromium against the real core: a CIC's
 * CIC34 draft lists what the records could not fill, each linked to its part of the report and
 * marked "To write" there; a society's annual return data marks the accounts as not known; an
 * EOT company's checks state each requirement's status in words. axe finds nothing on each.
 * (The annual report's journey, with its PDF, Word, spreadsheet and CSV, is reports-journey.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'test-results/reports-regulator';
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function setUp(page: Page, url: string, overrides: Partial<typeof MUTUAL>): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeVisible();
  await fillSetUp(page, overrides);
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: overrides.name ?? MUTUAL.name })).toBeVisible();
}

/** Chooses a report on the reports page, keeps the dates offered and produces it. */
async function produce(page: Page, title: string): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/reports'));
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page h1')).toBeVisible({ timeout: 60_000 });
}

/** Each "could not fill" entry links to a part of the report that exists; following it moves the focus to that part's heading. */
async function checkMissingLinks(page: Page): Promise<number> {
  const missing = page.getByRole('region', { name: 'What the app could not fill' });
  await expect(missing).toBeVisible();
  const links = missing.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const name = (await links.nth(i).textContent())!.trim();
    await links.nth(i).click();
    await expect(page.locator('.rpt-body').getByRole('heading', { name, exact: true }).first()).toBeFocused();
  }
  // The address is still the report's: the links move within the page, not to another route.
  expect(page.url()).toMatch(/#\/reports\/[a-zA-Z0-9]+\?asAt=/);
  return count;
}

test('a CIC’s CIC34 draft lists what the records could not fill, each linked to its part, marked “To write” there', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(page, app.url, { name: 'Riverside Care CIC', legalForm: 'Community interest company limited by guarantee' });
  await produce(page, 'Community interest company report (CIC34)');
  await expect(page.locator('.rpt-page h1')).toHaveText(/Community interest company report|CIC34/);
  const linked = await checkMissingLinks(page);
  const items = await page.getByRole('region', { name: 'What the app could not fill' }).getByRole('listitem').count();
  expect(linked).toBe(items);
  await expect(page.locator('.rpt-body .rpt-towrite').first()).toContainText('To write');
  await expectNoAxeViolations(page, 'the CIC34 draft');
  await shot(page, '01-cic34');
});

test('a society’s annual return data marks what the app cannot know', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(page, app.url, { name: 'Thameside Leisure Society Ltd', legalForm: 'Community benefit society', registrationNumber: '31247R' });
  await produce(page, 'Society annual return data');
  await expect(page.locator('.rpt-body')).toContainText(/accounts/i);
  await checkMissingLinks(page);
  await expectNoAxeViolations(page, 'the society annual return data');
  await shot(page, '02-society-return');
});

test('an EOT company’s checks state each requirement’s status in words, not colour alone', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(page, app.url, { name: 'Riverside Care EOT Ltd', legalForm: 'Company owned by an employee ownership trust' });
  await produce(page, 'Employee ownership trust checks');
  const statements = page.locator('.rpt-body .rpt-statement');
  expect(await statements.count()).toBeGreaterThan(0);
  for (const status of await statements.locator('.rpt-status-word').allTextContents()) expect(['Met', 'Not met', 'Cannot judge from the records', 'For information']).toContain(status);
  await expectNoAxeViolations(page, 'the EOT checks');
  await shot(page, '03-eot');
});
