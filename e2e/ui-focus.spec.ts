import { defaultRuleValues } from '../shared/rules/governing-rules';
import { api } from './support/api';
import { expect, test, type AppUnderTest } from './support/app';

/**
 * Accessibility properties of the app's shared UI, in Chromium against the real core:
 * - the error summary takes focus when a submit fails (each one), and never while the person is
 *   typing in a field whose error clears as they type (GOV.UK's error summary pattern; WCAG 2.2
 *   3.2.2 On Input: no change of context on input).
 */
test.describe.configure({ timeout: 120_000 });

async function setUp(app: AppUnderTest): Promise<{ classId: string }> {
  await api(app, 'organisation.setUp', {
    particulars: {
      name: 'Riverside Care Mutual Ltd',
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '09876543',
      registeredOffice: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'england' },
      incorporatedOn: '2008-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('company_limited_by_guarantee'),
  });
  const cls = await api<{ id: string }>(app, 'classes.create', {
    name: 'Community members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  return { classId: cls.id };
}

test('the error summary takes focus on each failed submit, and not while a field is being corrected', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUp(app);
  await page.goto(`${app.url}#/register/admit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a member' })).toBeVisible();

  const summary = page.locator('.error-summary');
  const submit = page.getByRole('button', { name: 'Admit and enter in the register' });
  await submit.click();
  await expect(summary).toBeFocused();
  const items = summary.getByRole('listitem');
  const before = await items.count();
  expect(before, 'the empty form is refused for more than one field').toBeGreaterThanOrEqual(2);

  // Correcting one field re-validates as the person types: its message leaves the summary, and
  // focus stays in the field they are typing in.
  const given = page.getByLabel('Given names');
  await given.click();
  await given.pressSequentially('Aled');
  await expect(items).toHaveCount(before - 1);
  await expect(given).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await given.getAttribute('id'));
  await given.press('End');
  await given.pressSequentially(' Rhys');
  await expect(given).toHaveValue('Aled Rhys');
  await expect(given).toBeFocused();

  // Emptying it again brings its message back, still without taking focus from the field.
  await given.fill('');
  await expect(items).toHaveCount(before);
  await expect(given).toBeFocused();

  // The next failed submit takes focus to the summary again, even with the same messages.
  await given.fill('Aled');
  await expect(items).toHaveCount(before - 1);
  await submit.click();
  await expect(summary).toBeFocused();
  const family = page.getByLabel('Family name');
  await family.click();
  await family.pressSequentially('Jones');
  await expect(items).toHaveCount(before - 2);
  await expect(family).toBeFocused();
});
