import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { expectNoAxeViolations, test, expect } from './support/app';
import { api } from './support/api';
import { dateGroup } from './support/dates';
import { setUpMutual } from './support/mutual';

// A secretary whose laptop came set to American English and New York time: the app must still
// write dates the British way and take them day first, because the register is kept under UK law.
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('with an American browser, dates still read “30 November 2026” and are typed day, month, year', async ({ page, app, cspErrors }) => {
  void cspErrors;
  expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual(['en-US', 'America/New_York']);
  await setUpMutual(page, app.url);
  await api(app, 'classes.create', {
    name: 'Community',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members', exact: true }).click();
  await page.getByRole('link', { name: 'Admit a member' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a member' })).toBeFocused();
  await page.getByLabel('Membership class').selectOption({ label: 'Community' });
  await page.getByLabel('Given names').fill('Grace');
  await page.getByLabel('Family name').fill('Adeyemi');
  await page.getByLabel('Address line 1').fill('7 Canal Street');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('LS1 4DY');

  // The boxes come day first, whatever the browser's language; a date without its month is refused with GOV.UK's words.
  const admitted = dateGroup(page, 'Admission date');
  await expect(admitted).toHaveAccessibleDescription(/For example, 27 3 2026/);
  const boxes = admitted.getByRole('textbox');
  await expect(boxes).toHaveCount(3);
  await expect(boxes.nth(0)).toHaveAccessibleName('Day');
  await expect(boxes.nth(1)).toHaveAccessibleName('Month');
  await expect(boxes.nth(2)).toHaveAccessibleName('Year');
  await admitted.getByLabel('Day').fill('30');
  await admitted.getByLabel('Month').fill('');
  await admitted.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Admission date must include a month');
  await expect(admitted).toHaveAccessibleDescription(/Admission date must include a month/);
  await expectNoAxeViolations(page, 'admit form with a part-filled date');
  // The summary's link takes the secretary to the Day box.
  await summary.getByRole('link', { name: 'Admission date must include a month' }).click();
  await expect(admitted.getByLabel('Day')).toBeFocused();

  // An impossible date is named as such.
  await admitted.getByLabel('Day').fill('31');
  await admitted.getByLabel('Month').fill('11');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(summary).toContainText('Admission date must be a real date');

  // 30 11 2026 is 30 November 2026, not the 11th of a thirtieth month.
  await admitted.getByLabel('Day').fill('30');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Adeyemi' })).toBeFocused();
  await expect(page.getByText('Member 1 admitted')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('30 November 2026');
  await expect(page.getByRole('main')).not.toContainText('11/30/2026');

  // The register's short dates and the audit log's times are British too, in UK time.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members', exact: true }).click();
  const register = page.getByRole('table', { name: /Register of members/ });
  await expect(register.getByRole('row').nth(1)).toContainText('30 Nov 2026');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: /Audit events/ });
  await expect(log.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  // The filter's dates are typed day first as well: from tomorrow, nothing matches.
  const [year, month, day] = addDays(ukDateOf(new Date()), 1).split('-');
  const from = dateGroup(page, 'From');
  await from.getByLabel('Day').fill(String(Number(day)));
  await from.getByLabel('Month').fill(String(Number(month)));
  await from.getByLabel('Year').fill(year!);
  await expect(page.getByText('No events match', { exact: false })).toBeVisible();
});
