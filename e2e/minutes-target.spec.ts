import { formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * The secretary's target for minutes in Settings, in Chromium against the real core: the app's
 * default said as such until set; out of range refused with the message next to the field (and in
 * the summary); a target saved, said with the day it was set, and recorded in the audit log; axe
 * finds nothing on the page, with and without the errors.
 */
test.describe.configure({ timeout: 120_000 });

test('the minutes target is set in Settings, refused outside 1 to 365 days on the field, and audited', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Organisation', exact: true }).click();

  const field = page.getByLabel('Minutes target: approved and signed within this many days of the meeting');
  await expect(field).toHaveValue('28');
  await expect(page.locator('#minutesTargetDays-source')).toHaveText('Now the app’s default of 28 days: no target has been set.');
  await expectNoAxeViolations(page, 'settings: the minutes target at its default');

  const save = page.getByRole('button', { name: 'Save minutes target' });
  await field.fill('0');
  await save.click();
  await expect(page.locator('#minutesTargetDays-error')).toHaveText('Error: The number of days must be a whole number from 1 to 365.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /minutesTargetDays-error/);
  await expect(page.getByRole('alert').getByRole('link', { name: 'The number of days must be a whole number from 1 to 365.' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings: the minutes target refused');

  await field.fill('400');
  await save.click();
  await expect(page.locator('#minutesTargetDays-error')).toHaveText('Error: The number of days must be no more than 365.');

  await field.fill('21');
  await save.click();
  await expect(page.getByText('Minutes target saved: 21 days.')).toBeVisible();
  const today = formatLegalDate(ukDateOf(new Date()));
  await expect(page.locator('#minutesTargetDays-source')).toHaveText(`Now approved and signed within 21 days of the meeting, set on ${today}.`);
  await expect(page.locator('#minutesTargetDays-error')).toHaveCount(0);
  await expect(field).toHaveValue('21');

  const target = await api<{ days: number; isDefault: boolean }>(app, 'organisation.minutesTarget', {});
  expect(target).toMatchObject({ days: 21, isDefault: false });
  const log = await api<{ events: { action: string; summary: string }[] }>(app, 'audit.list', { action: 'settings.minutes_target_set' });
  expect(log.events.map((r) => r.summary)).toEqual(['Minutes target set: approved and signed within 21 days of the meeting (was the app’s default of 28 days)']);
  await expectNoAxeViolations(page, 'settings: the minutes target saved');
});
