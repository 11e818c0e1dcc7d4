import { expectNoAxeViolations, test, expect } from './support/app';
import { api } from './support/api';
import { setUpMutual } from './support/mutual';
import { fillDate } from './support/dates';

test.describe.configure({ timeout: 120_000 });

/**
 * A secretary records that a member agreed to receive notices by e-mail (CA 2006 Sch 5 para 6),
 * is told next to the field when the withdrawal is dated before the agreement, and sees the
 * agreement and its withdrawal on the member's page.
 */
test('a secretary records a member’s agreement to notices by e-mail, and its withdrawal, on the member’s entry', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const cls = await api(app, 'classes.create', {
    name: 'Community',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const member = await api(app, 'members.admit', {
    classId: cls.id,
    admittedOn: '2020-05-01',
    particulars: { givenNames: 'Aisha', familyName: 'Khan', address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, email: 'aisha.khan@example.org', employee: null, loansAndDepositsPence: null },
    initialShares: null,
  });

  await page.goto(`${app.url}#/register/members/${member.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Aisha Khan' })).toBeVisible();
  await expect(page.getByText('No agreement recorded: notices go by post')).toBeVisible();

  await page.getByRole('button', { name: 'Edit particulars' }).click();
  const agreed = page.getByLabel('Has agreed to receive notices by e-mail (Companies Act 2006 Sch 5 para 6)');
  await expect(agreed).not.toBeChecked();
  await agreed.check();
  await fillDate(page, 'Date they agreed', '2025-03-03');
  await page.getByLabel('They have since withdrawn their agreement').check();
  await fillDate(page, 'Date they withdrew it', '2025-03-01');
  await expectNoAxeViolations(page, 'the agreement to notices by e-mail, ticked, with its dates');
  await page.getByRole('button', { name: 'Save particulars' }).click();
  await expect(page.locator('#particulars-electronicComms-revokedOn-error')).toContainText(
    'The agreement cannot be withdrawn before it was given: the member agreed on 3 March 2025 (CA 2006 Sch 5 para 6).',
  );
  await expectNoAxeViolations(page, 'the agreement with a withdrawal dated before it');

  await fillDate(page, 'Date they withdrew it', '2026-06-01');
  await page.getByRole('button', { name: 'Save particulars' }).click();
  await expect(page.getByText('Agreed on 3 March 2025; withdrawn on 1 June 2026, so notices go by post')).toBeVisible();

  const saved = await api(app, 'members.get', { id: member.id });
  expect(saved.particulars.electronicComms).toEqual({ agreedOn: '2025-03-03', revokedOn: '2026-06-01' });
});

/**
 * A new e-mail address while the agreement stands is refused next to a checkbox until the
 * secretary confirms the member gave it for notices (CA 2006 Sch 5 para 7); nothing is saved
 * before that.
 */
test('changing the e-mail address of a member who agreed to notices by e-mail asks for confirmation first', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const cls = await api(app, 'classes.create', {
    name: 'Community',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const member = await api(app, 'members.admit', {
    classId: cls.id,
    admittedOn: '2020-05-01',
    particulars: {
      givenNames: 'Siân',
      familyName: 'O’Brien',
      address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' },
      email: 'sian@example.org',
      electronicComms: { agreedOn: '2024-05-01' },
      employee: null,
      loansAndDepositsPence: null,
    },
    initialShares: null,
  });

  await page.goto(`${app.url}#/register/members/${member.id}`);
  await page.getByRole('button', { name: 'Edit particulars' }).click();
  await page.getByLabel('E-mail address (optional)').fill('sian.obrien@newmail.example.org');
  await page.getByRole('button', { name: 'Save particulars' }).click();
  const confirm = page.getByLabel('They gave this new address for notices');
  await expect(page.getByText('The e-mail address changed; confirm that Siân O’Brien gave the new address for notices, or untick the agreement (CA 2006 Sch 5 para 7).').first()).toBeVisible();
  expect((await api(app, 'members.get', { id: member.id })).particulars.email).toBe('sian@example.org');
  await expectNoAxeViolations(page, 'a changed address awaiting confirmation');

  await confirm.check();
  await page.getByRole('button', { name: 'Save particulars' }).click();
  await expect(page.getByRole('button', { name: 'Edit particulars' })).toBeVisible();
  const saved = await api(app, 'members.get', { id: member.id });
  expect(saved.particulars.email).toBe('sian.obrien@newmail.example.org');
  expect(saved.particulars.electronicComms).toEqual({ agreedOn: '2024-05-01' });
});
