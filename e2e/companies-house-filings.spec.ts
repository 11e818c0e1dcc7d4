import { dueWords, filingDeadline } from '../shared/rules/companies-house';
import { addDays, formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { expectNoAxeViolations, expect, test } from './support/app';
import { api } from './support/api';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

/**
 * Since 18 November 2025 a company tells Companies House of each change to its board within 14
 * days (CA 2006 s167G). A secretary appoints a director, sees the AP01 it needs on the home
 * screen, and marks it filed; an older appointment's AP01 shows as overdue.
 */
test('a secretary appoints a director, sees the AP01 due on the home screen, and marks it filed', async ({ page, app, cspErrors }) => {
  // A full journey with several accessibility checks: three times the usual time on a busy machine.
  test.slow();
  void cspErrors;
  await setUpMutual(page, app.url);
  const today = ukDateOf(new Date());
  const panel = page.getByRole('region', { name: 'Companies House filings' });
  await expect(panel).toContainText('Nothing to file.');

  // Appoint a director today.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directors and officers' }).click();
  await page.getByRole('link', { name: 'Add director or officer' }).first().click();
  await page.getByLabel('Role').selectOption({ label: 'Director' });
  await page.getByLabel('Kind of director').selectOption({ label: 'Independent director' });
  await fillDate(page, 'Date of appointment', today);
  await page.getByLabel('Given names').fill('Amara');
  await page.getByLabel('Family name').fill('Osei');
  await fillDate(page, 'Date of birth', '1979-02-11');
  await page.getByLabel('Nationality').fill('British');
  await page.getByLabel('Country of usual residence').fill('England');
  const service = page.getByRole('group', { name: 'Service address' });
  await service.getByLabel('Address line 1').fill('12 Wellington Street');
  await service.getByLabel('Town or city').fill('Leeds');
  await service.getByLabel('Postcode').fill('LS1 4AP');
  await page.getByLabel('The residential address is the same as the service address').check();
  await page.getByRole('button', { name: 'Add to the record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Osei' })).toBeVisible();

  // The home screen lists the AP01 with its last day: 14 days beginning with the day of appointment.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const due = filingDeadline('AP01', today).dueOn;
  const filings = panel.getByRole('table', { name: 'Companies House filings to make, soonest due first' });
  const row = filings.getByRole('row', { name: /AP01/ });
  await expect(row).toContainText(`Amara Osei appointed director on ${formatLegalDate(today)}`);
  await expect(row).toContainText(formatLegalDate(due));
  await expect(row).toContainText(dueWords(due, today).replace(/ \(.*\)$/, ''));
  // The AP01 states that her identity is verified (s167G(3)(c)): until that is recorded, the row says so.
  await expect(row).toContainText('Record Amara Osei’s verified identity and personal code first');
  await expect(page.getByRole('heading', { name: /Companies House filing.* overdue/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'home with a filing due');

  // Mark it filed, with the Companies House reference.
  await row.getByRole('button', { name: /Mark filed/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark AP01 as filed' });
  await expect(dialog).toContainText(`Due by ${formatLegalDate(due)}`);
  await fillDate(dialog, 'Date it was filed at Companies House', addDays(today, 1));
  await dialog.getByRole('button', { name: 'Mark as filed' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('cannot be in the future');
  await expectNoAxeViolations(page, 'mark filed with an error');
  await fillDate(dialog, 'Date it was filed at Companies House', today);
  await dialog.getByLabel('Companies House reference (optional)').fill('0412-AP01-7731');
  await dialog.getByRole('button', { name: 'Mark as filed' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`AP01 recorded as filed on ${formatLegalDate(today)}.`)).toBeVisible();
  await expect(panel).toContainText('Nothing to file.');

  // The filings page keeps it under "Filed or not needed", and the audit log has the event.
  await page.getByRole('link', { name: 'All filings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Companies House filings' })).toBeVisible();
  await page.getByRole('link', { name: 'Filed or not needed' }).click();
  const done = page.getByRole('table', { name: 'Filings made or not needed, latest first' });
  await expect(done.getByRole('row', { name: /AP01/ })).toContainText(`Filed ${formatLegalDate(today)}`);
  await expect(done.getByRole('row', { name: /AP01/ })).toContainText('Reference 0412-AP01-7731');
  await expectNoAxeViolations(page, 'filings made');
  const events = await api<{ events: { action: string; summary: string }[] }>(app, 'audit.list', { action: 'filing.filed' });
  expect(events.events.map((e) => e.summary)).toEqual([`AP01 filed at Companies House on ${formatLegalDate(today)}`]);
});

test('an appointment not notified in time shows as overdue on the home screen and the filings page', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const today = ukDateOf(new Date());
  const appointedOn = addDays(today, -20);
  await api(app, 'officers.add', {
    particulars: { givenNames: 'Tom', familyName: 'Okafor', serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' } },
    residentialAddress: null,
    appointment: { role: 'secretary', appointedOn },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A Companies House filing is overdue' })).toBeVisible();
  const row = page.getByRole('region', { name: 'Companies House filings' }).getByRole('row', { name: /AP03/ });
  await expect(row).toContainText(`Tom Okafor appointed secretary on ${formatLegalDate(appointedOn)}`);
  await expect(row).toContainText('Overdue by 7 days');
  await expectNoAxeViolations(page, 'home with an overdue filing');

  await page.getByRole('link', { name: 'See what to file' }).click();
  await expect(page.getByRole('heading', { name: 'A filing is overdue' })).toBeVisible();
  const open = page.getByRole('table', { name: 'Filings to make at Companies House, soonest due first' });
  await expect(open.getByRole('row', { name: /AP03/ })).toContainText('CA 2006 s279G: within 14 days beginning with the day of the change');
  await expectNoAxeViolations(page, 'filings to make');

  // Recorded as not needed, with the reason: it leaves the list.
  await open.getByRole('button', { name: /Not needed/ }).click();
  const dialog = page.getByRole('dialog', { name: 'No AP03 needed' });
  await dialog.getByLabel('Why no filing is needed').fill('Filed on paper by our accountants on the day of appointment');
  await dialog.getByRole('button', { name: 'Record as not needed' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nothing to file at Companies House.')).toBeVisible();
});
