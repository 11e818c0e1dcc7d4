import { expectNoAxeViolations, test, expect } from './support/app';
import { MUTUAL, fillSetUp } from './support/mutual';

test('a secretary sets up the mutual, fixes a mistake, and finds everything saved and audited', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeVisible();
  await expect(page).toHaveURL(/#\/setup$/);
  // The session key is taken out of the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
  await expectNoAxeViolations(page, 'set-up form');

  // One invalid field: a Companies House number of the wrong shape.
  await fillSetUp(page, { registrationNumber: '12AB' });
  await expect(page.getByText(/Default 14: CA 2006 s307\(1\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Set up the organisation' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const fieldError = page.locator('#particulars-registrationNumber-error');
  await expect(fieldError).toContainText('A Companies House number is 8 characters');
  await expect(page.getByLabel('Companies House number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.error-message')).toHaveCount(1);
  await expectNoAxeViolations(page, 'set-up form with an error');

  // Nothing was saved: the file has no audit events.
  const before = app.cli('verify', '--db', app.dbPath);
  expect(before.status).toBe(0);
  expect(before.stdout).toMatch(/ok: 0 events/);

  // The link in the summary moves focus to the field; fix it and submit.
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Companies House number')).toBeFocused();
  await page.getByLabel('Companies House number').fill(MUTUAL.registrationNumber);
  await page.getByRole('button', { name: 'Set up the organisation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: MUTUAL.name })).toBeVisible();
  await expect(page.getByTestId('org-name')).toHaveText(MUTUAL.name);
  await expect(page.getByText('Company limited by guarantee · Companies House 09876543')).toBeVisible();
  await expectNoAxeViolations(page, 'home');

  // Reload: everything persisted, postcode normalised.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: MUTUAL.name })).toBeVisible();
  await expect(page.getByText('12 Wellington Street, Leeds, LS1 4AP')).toBeVisible();
  await expect(page.getByText('31 March')).toBeVisible();

  // Settings: a rule the law forbids is refused with the statute cited, then a lawful one is saved.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Governing rules' }).click();
  await expect(page.getByRole('heading', { name: 'Governing rules' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings: governing rules');
  const notice = page.getByLabel('General meeting notice (clear days)');
  await notice.fill('10');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.locator('#gmNoticeClearDays-error')).toContainText('CA 2006 s307(1) requires at least 14 clear days');
  await notice.fill('21');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Governing rules saved and recorded in the audit log.')).toBeVisible();
  const history = page.getByRole('table', { name: /Changes to the governing rules/ });
  await expect(history.getByRole('row').nth(1)).toContainText('General meeting notice (clear days)');
  await expect(history.getByRole('row').nth(1)).toContainText('14');
  await expect(history.getByRole('row').nth(1)).toContainText('21');

  // The audit log shows the change, and Verify says the chain is intact.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: /Audit events/ });
  await expect(log.getByRole('row').nth(1)).toContainText('Governing rules changed');
  await expect(log.getByRole('row').nth(1)).toContainText('14 → 21');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Verified: the audit log is intact')).toBeVisible();
  await expect(page.getByText(/2 events recomputed/)).toBeVisible();
  await expectNoAxeViolations(page, 'settings: audit log');
  await log.getByRole('button', { name: 'View event 2' }).click();
  await expect(page.getByRole('dialog', { name: 'Audit event #2' })).toBeVisible();
  await expect(page.getByRole('dialog').locator('pre').first()).toContainText('"gmNoticeClearDays": 14');
  await expectNoAxeViolations(page, 'audit event dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // And the command-line verify agrees.
  const after = app.cli('verify', '--db', app.dbPath);
  expect(after.status, after.stderr).toBe(0);
  expect(after.stdout).toMatch(/ok: 2 events/);
});

test('a society whose registered office is in Northern Ireland is refused at set-up and in Settings, naming the Act it is under', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Set up your mutual' })).toBeVisible();
  await fillSetUp(page, { name: 'Lagan Care Co-operative', legalForm: 'Co-operative society', registrationNumber: '31247R', town: 'Belfast', postcode: 'BT1 5GS', country: 'Northern Ireland' });
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  const countryError = page.locator('#particulars-registeredOffice-country-error');
  await expect(countryError).toContainText(
    'is registered under the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969, not the Co-operative and Community Benefit Societies Act 2014',
  );
  await expect(countryError).toContainText('CCBS Act 2014 s2(2)(d)');
  await expect(page.getByLabel('Country')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'set-up: a society in Northern Ireland');
  await page.getByLabel('Country').scrollIntoViewIfNeeded();
  expect(app.cli('verify', '--db', app.dbPath).stdout).toMatch(/ok: 0 events/);

  // In Great Britain it is set up; moving the office to Northern Ireland in Settings is refused the same way.
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('LS1 4AP');
  await page.getByLabel('Country').selectOption({ label: 'England' });
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagan Care Co-operative' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Organisation', exact: true }).click();
  await page.getByLabel('Country').selectOption({ label: 'Northern Ireland' });
  await page.getByRole('button', { name: 'Save particulars' }).click();
  await expect(page.locator('#registeredOffice-country-error')).toContainText('Co-operative and Community Benefit Societies Act (Northern Ireland) 1969');
  await page.getByLabel('Country').scrollIntoViewIfNeeded();
  expect(app.cli('verify', '--db', app.dbPath).stdout).toMatch(/^ok: 1 event, /m);
});
