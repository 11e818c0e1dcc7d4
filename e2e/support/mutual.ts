import type { Page } from '@playwright/test';
import { expect } from './app';
import { fillDate } from './dates';

export const MUTUAL = {
  name: 'Riverside Care Mutual Ltd',
  legalForm: 'Company limited by guarantee',
  registrationNumber: '09876543',
  line1: '12 Wellington Street',
  town: 'Leeds',
  postcode: 'ls1 4ap',
  country: 'England',
  // Early enough for the journeys' oldest records (a member admitted in 2010): nothing may predate the company.
  incorporatedOn: '2008-04-01',
  fyeDay: '31',
  fyeMonth: 'March',
};

/** Fills the first-run form with the mouse-free `fill`/`selectOption` API (the keyboard journey does it by keys). */
export async function fillSetUp(page: Page, overrides: Partial<typeof MUTUAL> = {}): Promise<void> {
  const m = { ...MUTUAL, ...overrides };
  await page.getByLabel('Name', { exact: true }).fill(m.name);
  await page.getByLabel('Legal form').selectOption({ label: m.legalForm });
  await page.getByLabel(/number$/).fill(m.registrationNumber);
  await fillDate(page, 'Date of incorporation or registration', m.incorporatedOn);
  await page.getByLabel('Financial year end day').selectOption(m.fyeDay);
  await page.getByLabel('Financial year end month').selectOption({ label: m.fyeMonth });
  await page.getByLabel('Address line 1').fill(m.line1);
  await page.getByLabel('Town or city').fill(m.town);
  await page.getByLabel('Postcode').fill(m.postcode);
  await page.getByLabel('Country').selectOption({ label: m.country });
}

/** Sets up the standard mutual through the UI and waits for the home screen. */
export async function setUpMutual(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeVisible();
  await fillSetUp(page);
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MUTUAL.name })).toBeVisible();
}
