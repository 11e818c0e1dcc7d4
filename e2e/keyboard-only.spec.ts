import { expectNoAxeViolations, test, expect } from './support/app';
import { tabTo, typeInto } from './support/keyboard';

test('the whole first-run journey works by keyboard alone, and axe finds nothing on any screen', async ({ page, app, cspErrors }) => {
  // About 25 s alone, with an axe check on every screen; over a minute when the 2 cores are shared.
  test.slow();
  void cspErrors;
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeFocused();
  await expectNoAxeViolations(page, 'set-up form');

  await typeInto(page, 'Name', 'Northgate Community Health CIC');
  await tabTo(page, 'Legal form');
  await page.keyboard.type('Community interest company limited by guarantee');
  await expect(page.getByLabel('Legal form')).toHaveValue('cic_limited_by_guarantee');
  // A wrong registration number first.
  await typeInto(page, 'Companies House number', 'ABCDEFGH');
  // The date's Day, Month and Year boxes, in that order whatever the browser's language.
  await tabTo(page, 'Day');
  await page.keyboard.type('15');
  await tabTo(page, 'Month');
  await page.keyboard.type('6');
  await tabTo(page, 'Year');
  await page.keyboard.type('2018');
  await tabTo(page, 'Financial year end day');
  await page.keyboard.type('30');
  await tabTo(page, 'Financial year end month');
  await page.keyboard.type('June');
  await typeInto(page, 'Address line 1', '4 Quayside');
  await typeInto(page, 'Town or city', 'Newcastle upon Tyne');
  await typeInto(page, 'Postcode', 'NE1 3DX');
  await tabTo(page, 'Country');
  await page.keyboard.type('England');
  // Proxies are a statutory right for a company: the box stays ticked; the chair's casting vote is switched off.
  await tabTo(page, "Chair's casting vote at board meetings");
  await page.keyboard.press('Space');
  await expect(page.getByLabel("Chair's casting vote at board meetings")).not.toBeChecked();
  await tabTo(page, 'Set up the organisation');
  await page.keyboard.press('Enter');

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, 'set-up form with an error');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Companies House number')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('11223344');
  await tabTo(page, 'Set up the organisation');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Northgate Community Health CIC' })).toBeFocused();
  await expectNoAxeViolations(page, 'home');

  // The skip link, before everything else on the page, lands in the main content.
  await tabTo(page, 'Skip to main content', { back: true });
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await tabTo(page, 'Settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Organisation', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'settings: organisation');

  await tabTo(page, 'Governing rules');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Governing rules', exact: true })).toBeVisible();
  await typeInto(page, 'Board quorum (directors)', '3');
  await tabTo(page, 'Save rules');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Governing rules saved and recorded in the audit log.')).toBeVisible();
  await expectNoAxeViolations(page, 'settings: governing rules');

  await tabTo(page, 'Data and backups', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Data and backups' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings: data and backups');

  await tabTo(page, 'Audit log');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Verify');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Verified: the audit log is intact')).toBeVisible();
  await tabTo(page, 'View event 2');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Audit event #2' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Board quorum');
  await expectNoAxeViolations(page, 'audit event dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'View event 2' })).toBeFocused();
  await expectNoAxeViolations(page, 'settings: audit log');
});
