import { formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { focusedName, tabTo, typeInto } from './support/keyboard';
import { setUpMutual } from './support/mutual';

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Types a date into the Day box that has the focus, then Month and Year, by keys alone. */
async function typeDate(page: import('@playwright/test').Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(String(Number(day)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(Number(month)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(year!);
}

test('the secretary adds a commissioner and records a contract with two extension options by keyboard alone; axe finds nothing on the organisations list, the contracts list, the form or the contract page', async ({ page, app, cspErrors }) => {
  test.slow();
  void cspErrors;
  // The app scrolls inside its main area, so a whole screen is photographed through a tall window.
  const shot = async (name: string) => {
    const height = await page.evaluate(() => Math.max(900, (document.querySelector('main')?.scrollHeight ?? 0) + 80));
    await page.setViewportSize({ width: 1280, height: Math.min(height, 6000) });
    await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  await setUpMutual(page, app.url);
  // A director with a declared interest in the council, so the contract page must name them as conflicted.
  const director = await api(app, 'officers.add', {
    particulars: { givenNames: 'Amira', familyName: 'Khan', serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' }, dateOfBirth: '1980-01-01', nationality: 'British', countryOfResidence: 'England' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-01-08' },
  });
  await api(app, 'interests.declare', { officerId: director.id, category: 'employment', nature: 'Her husband works for Riverside Borough Council', relatedOrganisation: 'Riverside Borough Council', declaredOn: '2025-01-01' });

  const today = ukDateOf(new Date());
  const awardOn = addDays(today, -60);
  const startOn = addDays(today, -30);
  const endOn = addDays(startOn, 3 * 365);
  const firstDecisionBy = addDays(today, 40);
  const firstNoticeBy = addDays(today, 70);
  const secondDecisionBy = addDays(today, 400);

  // Organisations: empty, and it says what to do.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No organisations yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'organisations: none yet');

  // Contracts: empty, and it says what to do.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contracts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contracts' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No contracts recorded yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'contracts: none yet');

  // From here on, only the keyboard.
  await tabTo(page, 'Record a contract');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a contract' })).toBeFocused();
  await expectNoAxeViolations(page, 'contract form, empty');

  // The commissioner is not on the list yet: add it from the form.
  await tabTo(page, 'Add a new organisation as the commissioner');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add an organisation' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Riverside Borough Council');
  await tabTo(page, 'Kind of organisation');
  await page.keyboard.type('Council');
  await expect(dialog.getByLabel('Kind of organisation')).toHaveValue('council');
  await typeInto(page, 'Contact’s name', 'Jo Barnes');
  await typeInto(page, 'E-mail address', 'jo.barnes@riverside.gov.uk');
  await expectNoAxeViolations(page, 'add an organisation from the contract form');
  await tabTo(page, 'Add organisation');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Commissioner', { exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Commissioner', { exact: true }).locator('option:checked')).toHaveText('Riverside Borough Council');

  await typeInto(page, 'Commissioner’s contract reference', 'RBC/ASC/2026/014');
  await typeInto(page, 'Title', 'Community adult social care');

  // A service found by words, chosen with the arrow and Enter; its chip can be removed by keyboard and chosen again.
  await typeInto(page, 'Find a service by code or words', 'social work');
  await expect(page.getByRole('list', { name: 'Matching CPV codes' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toMatch(/^Add \d{8}-\d /);
  await page.keyboard.press('Enter');
  const chosen = page.getByRole('list', { name: 'Services chosen' });
  await expect(chosen.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Find a service by code or words')).toBeFocused();
  await tabTo(page, /^Remove \d{8}-\d/, { back: true });
  await page.keyboard.press('Enter');
  await expect(chosen).toHaveCount(0);
  await expect(page.getByLabel('Find a service by code or words')).toBeFocused();
  await page.keyboard.type('85310000');
  await expect(page.getByRole('list', { name: 'Matching CPV codes' }).getByRole('button').first()).toContainText('85310000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(chosen.getByRole('listitem')).toHaveCount(1);
  await expect(chosen).toContainText('85310000');
  await expect(chosen).toContainText('Light touch');

  await tabTo(page, 'Procurement route and legal basis');
  await page.keyboard.type('Competitive flexible');
  await expect(page.getByLabel('Procurement route and legal basis')).toHaveValue('pa23_competitive_flexible');

  // Bid due (left empty), award, start and end: Day, Month and Year in turn.
  await tabTo(page, 'Day');
  await tabTo(page, 'Day');
  await typeDate(page, awardOn);
  await page.keyboard.press('Tab');
  await typeDate(page, startOn);
  await page.keyboard.press('Tab');
  await typeDate(page, endOn);

  // A fraction of a penny first.
  await typeInto(page, 'Annual value in pounds (optional)', '1,250,000.505');

  await tabTo(page, 'Add an extension option');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Length in months')).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await typeDate(page, firstDecisionBy);
  await page.keyboard.press('Tab');
  await typeDate(page, firstNoticeBy);
  await tabTo(page, 'Add an extension option');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Extension option 2' }).getByLabel('Length in months')).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await typeDate(page, secondDecisionBy);
  // What the dates and both options come to, before anything is sent.
  await expect(page.getByRole('region', { name: 'Term' })).toContainText(`With every extension option`);
  await expectNoAxeViolations(page, 'contract form, filled');
  await shot('contract-form-filled');

  await tabTo(page, 'Record the contract');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter the annual value in whole pence: 1,250,000.505 has more than two figures after the decimal point.');
  await expectNoAxeViolations(page, 'contract form with an error');
  await shot('contract-form-error');
  // The summary's link leads to the field.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Annual value in pounds (optional)')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1,250,000.50');
  await tabTo(page, 'Record the contract');
  await page.keyboard.press('Enter');

  // The contract's page.
  await expect(page.getByRole('heading', { level: 1, name: 'Community adult social care' })).toBeFocused();
  const main = page.locator('main');
  await expect(main).toContainText('£1,250,000.50');
  await expect(page.getByRole('heading', { name: 'Directors with an interest in Riverside Borough Council: Amira Khan' })).toBeVisible();
  const options = page.getByRole('table', { name: /^Extension options of/ });
  await expect(options.getByRole('row')).toHaveCount(3);
  await expect(options.getByRole('button', { name: 'Record decision on extension option 1' })).toBeVisible();
  await expect(options.getByRole('button', { name: 'Record decision on extension option 2' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Dates and duties of/ })).toContainText(formatLegalDate(firstDecisionBy));
  await expectNoAxeViolations(page, 'contract page');
  await shot('contract-page');

  // The list shows it, with its commissioner, status and next duty.
  await page.getByRole('link', { name: 'Contracts', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contracts' })).toBeFocused();
  const row = page.getByRole('row', { name: /Community adult social care/ });
  await expect(row).toContainText('Riverside Borough Council');
  await expect(row).toContainText('Live');
  await expect(row).toContainText('£1,250,000.50');
  await expectNoAxeViolations(page, 'contracts list');
  await shot('contracts-list');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
  const orgRow = page.getByRole('row', { name: /Riverside Borough Council/ });
  await expect(orgRow).toContainText('Council');
  await expectNoAxeViolations(page, 'organisations list');
  await shot('organisations-list');

  // Home: the extension decision due within 90 days, leading to the contract.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const panel = page.getByRole('region', { name: 'Contract dates' });
  await expect(panel.getByRole('link', { name: /Community adult social care/ }).first()).toBeVisible();
  await expect(panel).toContainText(formatLegalDate(firstDecisionBy));
  await expectNoAxeViolations(page, 'home with contract dates');
  await shot('home');
});
