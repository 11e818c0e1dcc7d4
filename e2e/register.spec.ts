import { expectNoAxeViolations, test, expect } from './support/app';
import { tabTo } from './support/keyboard';
import { fillAdmission, setUpCooperative } from './support/register';
import { dateGroup, fillDate } from './support/dates';

// A long journey with an accessibility check on every screen it visits.
test.describe.configure({ timeout: 180_000 });

test('a secretary defines classes, admits members, moves shares, finds a member by search and records a cessation', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpCooperative(page, app.url);

  // Membership classes: none yet, so typical ones are offered.
  await page.getByRole('link', { name: 'Membership classes' }).click();
  await expect(page.getByRole('heading', { name: 'No membership classes yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'membership classes, empty');

  await page.getByRole('button', { name: 'Employee', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New membership class' })).toBeFocused();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Employee');
  await expect(page.getByLabel('This is an employee class')).toBeChecked();
  // A society's shares: the nominal value is typed in pounds.
  await page.getByLabel('Nominal value of one share').fill('1.00');
  await page.getByLabel('Minimum age (years)').fill('18');
  await page.getByLabel('Minimum months of service').fill('');
  await page.getByLabel('Minimum contracted weekly hours').fill('8');
  await expectNoAxeViolations(page, 'new class form');
  await page.getByRole('button', { name: 'Create the class' }).click();
  const classes = page.getByRole('table', { name: 'Membership classes' });
  await expect(classes.getByRole('row', { name: /^Employee People/ })).toContainText('Age 18 or over, at least 8 contracted hours a week');
  await expect(classes.getByRole('row', { name: /^Employee People/ })).toContainText('£1.00 shares, withdrawable, not transferable');

  await page.getByRole('button', { name: 'Community', exact: true }).click();
  await page.getByRole('button', { name: 'Create the class' }).click();
  await expect(classes.getByRole('row')).toHaveCount(3);
  await expect(classes.getByRole('row', { name: /^Community People/ })).toContainText('One vote per member');
  await expectNoAxeViolations(page, 'membership classes, two classes');

  // The register is empty: admit by hand or import.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No members yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import from HR' }).first()).toHaveAttribute('href', '#/register/import');
  await expectNoAxeViolations(page, 'register, empty');

  // Admission with mistakes: a date in the future, then an applicant under the class's minimum age.
  await page.getByRole('link', { name: 'Admit a member' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admit a member' })).toBeFocused();
  await fillAdmission(page, {
    className: 'Employee',
    givenNames: 'Sam',
    familyName: 'Okafor',
    dateOfBirth: '2012-05-01',
    line1: '2 Low Street',
    town: 'Leeds',
    postcode: 'ls2 7ea',
    email: 'sam.okafor@example.org',
    employeeNumber: 'E0042',
    employmentStart: '2020-01-06',
    weeklyHours: '37.5',
    admittedOn: '2099-01-10',
    shares: '5',
  });
  await expect(page.getByText('Each Employee share has a nominal value of £1.00.')).toBeVisible();
  await expect(page.getByLabel('Amount paid')).toHaveValue('5.00');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.locator('#admittedOn-error')).toContainText('An admission cannot be in the future');
  await expect(dateGroup(page, 'Admission date').getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'admit form with an error');

  await fillDate(page, 'Admission date', '2024-01-10');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.locator('#particulars-dateOfBirth-error')).toContainText('The Employee class requires age 18 or over; they are 11 on 10 January 2024.');
  await fillDate(page, /^Date of birth/, '1990-05-01');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sam Okafor' })).toBeFocused();
  await expect(page.getByText('Member 1 admitted')).toBeVisible();
  await expect(page.getByText('Current member')).toBeVisible();
  await expect(page.getByTestId('shares-held')).toHaveText('5');
  await expectNoAxeViolations(page, 'member page');

  // Shares: allot three more, then withdraw two, and the ledger's balance follows.
  await page.getByRole('button', { name: 'Allot shares' }).click();
  const allot = page.getByRole('dialog', { name: 'Allot shares to member 1' });
  await fillDate(allot, 'Date of allotment', '2024-02-01');
  await allot.getByLabel('Number of shares').fill('3');
  await expect(allot.getByLabel('Amount paid')).toHaveValue('3.00');
  await allot.getByRole('button', { name: 'Allot the shares' }).click();
  await expect(allot).toBeHidden();
  // The confirmation is announced, sits in the top bar where it covers no control, and can be dismissed.
  const confirmation = page.getByRole('banner').getByRole('status');
  await expect(confirmation).toContainText('3 shares allotted to member 1.');
  for (const name of ['Allot shares', 'Withdraw shares']) {
    const button = page.getByRole('button', { name });
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit, `${name} is not covered`).toBe(name);
  }
  await confirmation.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(confirmation).not.toContainText('3 shares allotted');
  await expect(page.getByTestId('shares-held')).toHaveText('8');

  await page.getByRole('button', { name: 'Withdraw shares' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw shares of member 1' });
  await expect(dateGroup(withdraw, 'Notice given on').getByLabel('Day')).toBeFocused();
  // Dated back to 20 January, six shares would leave them with less than nothing that day, although they hold 8 today.
  await fillDate(withdraw, 'Notice given on', '2024-01-15');
  await fillDate(withdraw, 'Withdrawn on', '2024-01-20');
  await withdraw.getByLabel('Number of shares').fill('6');
  await withdraw.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(withdraw.locator('#shares-error')).toContainText(
    'On 20 January 2024 member 1 would hold −1 share: they held 5 then. Date the entry on or after the day enough shares were held, or record fewer.',
  );
  await fillDate(withdraw, 'Notice given on', '2024-03-01');
  await fillDate(withdraw, 'Withdrawn on', '2024-04-01');
  await fillDate(withdraw, 'Paid on (optional)', '2024-04-05');
  await withdraw.getByLabel('Number of shares').fill('2');
  await expect(withdraw.getByText('They will hold 6 shares afterwards.')).toBeVisible();
  await expectNoAxeViolations(page, 'withdraw shares dialog');
  await withdraw.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(withdraw).toBeHidden();
  await expect(page.getByTestId('shares-held')).toHaveText('6');
  const ledger = page.getByRole('table', { name: 'Share ledger, oldest first' });
  await expect(ledger.getByRole('row')).toHaveCount(4);
  const withdrawal = ledger.getByRole('row').nth(3);
  await expect(withdrawal).toContainText('1 April 2024');
  await expect(withdrawal).toContainText('Withdrawal');
  await expect(withdrawal).toContainText('−2');
  await expect(withdrawal).toContainText('£2.00');
  await expect(withdrawal).toContainText('Notice 1 March 2024');
  await expect(withdrawal).toContainText('Paid 5 April 2024');
  await expect(withdrawal.getByRole('cell').last()).toHaveText('6');

  // A member who still holds shares: the cessation says what happens to them, in the same step.
  await page.getByRole('button', { name: 'Record cessation' }).click();
  const cease = page.getByRole('dialog', { name: 'Record that member 1 ceased to be a member' });
  const disposal = cease.getByRole('group', { name: 'What happens to their 6 shares' });
  await expect(disposal.getByLabel('Withdraw the shares')).toBeChecked();
  await expect(disposal).toContainText('CCBS Act 2014 s14 and Sch 1');
  await expect(disposal.getByLabel('Amount repaid')).toHaveValue('6.00');
  await expectNoAxeViolations(page, 'cessation with shares held');
  await cease.getByRole('button', { name: 'Cancel' }).click();
  await expect(cease).toBeHidden();

  // A change of address goes into the member's history, field by field.
  await page.getByRole('button', { name: 'Edit particulars' }).click();
  await expect(page.getByRole('heading', { name: 'Change particulars' })).toBeFocused();
  await page.getByLabel('Address line 1').fill('9 New Road');
  await expectNoAxeViolations(page, 'edit particulars');
  await page.getByRole('button', { name: 'Save particulars' }).click();
  await expect(page.getByText('9 New Road', { exact: true })).toBeVisible();
  const history = page.getByRole('list', { name: 'Events, newest first' });
  await expect(history.locator(':scope > li')).toHaveCount(5);
  await expect(history.locator(':scope > li').first()).toContainText('Member 1: 1 particular changed');
  await expect(history.locator(':scope > li').first()).toContainText('Address line 1: 2 Low Street → 9 New Road');
  await expect(history).toContainText('Member 1: 2 shares withdrawn on 1 April 2024');
  await expect(history).toContainText('Member 1: 3 shares allotted on 1 February 2024');
  await expect(history.locator(':scope > li').last()).toContainText('Member 1 entered in the register (Employee class), admitted 10 January 2024');

  // A second member, with an accented name.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByText('1 current member.')).toBeVisible();
  await page.getByRole('link', { name: 'Admit a member' }).click();
  await fillAdmission(page, {
    className: 'Community',
    givenNames: 'Émilie',
    familyName: 'Dubois',
    line1: '14 Mill Lane',
    town: 'Otley',
    postcode: 'LS21 1BZ',
    admittedOn: '2024-02-01',
    shares: '1',
  });
  // Data minimisation: no employment questions for a class that is not for employees.
  await expect(page.getByLabel('Employee number')).toHaveCount(0);
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Émilie Dubois' })).toBeFocused();
  await expect(page.getByText('Member 2 admitted')).toBeVisible();
  await expect(page.getByTestId('shares-held')).toHaveText('1');

  // The register lists both; searching without the accent finds her.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByText('2 current members.')).toBeVisible();
  const register = page.getByRole('table', { name: /Register of members/ });
  await expect(register).toHaveAttribute('aria-rowcount', '3');
  await expect(register.getByRole('row').nth(1)).toContainText('Dubois, Émilie');
  await expect(register.getByRole('row').nth(2)).toContainText('Okafor, Sam');
  await register.getByRole('button', { name: 'Name' }).click();
  await expect(register.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(register.getByRole('row').nth(1)).toContainText('Okafor, Sam');
  await expectNoAxeViolations(page, 'register');

  // Keyboard only from here: search, open her entry, and record that she ceased (a wrong date first).
  await tabTo(page, 'Search');
  await page.keyboard.type('emilie');
  const results = page.getByRole('table', { name: 'Search results for emilie' });
  await expect(results.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('1 match for “emilie”.')).toBeVisible();
  await expectNoAxeViolations(page, 'register search results');
  await tabTo(page, 'Dubois, Émilie');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Émilie Dubois' })).toBeFocused();

  await tabTo(page, 'Record cessation');
  await page.keyboard.press('Enter');
  const leaving = page.getByRole('dialog', { name: 'Record that member 2 ceased to be a member' });
  const endedOn = dateGroup(leaving, 'Membership ended on');
  await expect(endedOn.getByLabel('Day')).toBeFocused();
  // Day, month and year in their own boxes, as the date is written in the UK (today's date is filled in: replace it).
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2024');
  await tabTo(page, 'Reason');
  await page.keyboard.type('Resigned');
  await tabTo(page, 'Record the cessation');
  await page.keyboard.press('Enter');
  await expect(leaving.locator('#ceasedOn-error')).toContainText('Membership cannot end before it began (admitted 1 February 2024).');
  const problem = leaving.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await expectNoAxeViolations(page, 'cessation with an error');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The summary's link lands on the date's Day box; the year is two boxes on: a year later is 1 January 2025.
  await expect(endedOn.getByLabel('Day')).toBeFocused();
  await expect(endedOn).toHaveAttribute('aria-describedby', /ceasedOn-error/);
  await tabTo(page, 'Year');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2025');
  await expect(endedOn.getByLabel('Year')).toHaveValue('2025');
  await tabTo(page, 'Record the cessation');
  await page.keyboard.press('Enter');
  await expect(leaving).toBeHidden();
  await expect(page.getByText('Former member since 1 January 2025')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Re-admit' })).toBeVisible();
  // Her one share was withdrawn in the same step, on the day she left.
  await expect(page.getByTestId('shares-held')).toHaveText('0');
  const herLedger = page.getByRole('table', { name: 'Share ledger, oldest first' });
  await expect(herLedger.getByRole('row').nth(2)).toContainText('1 January 2025');
  await expect(herLedger.getByRole('row').nth(2)).toContainText('Withdrawal');
  const timeline = page.getByRole('list', { name: 'Events, newest first' });
  await expect(timeline.locator(':scope > li').first()).toContainText('Member 2 ceased on 1 January 2025: resigned');
  await expect(timeline.locator(':scope > li').nth(1)).toContainText('Member 2: 1 share withdrawn on 1 January 2025');
  await expect(timeline.locator(':scope > li').first()).toContainText('Ceased on: (none) → 1 January 2025');
  // No note was given: a change from nothing to nothing is not listed.
  await expect(timeline.locator(':scope > li').first()).not.toContainText('Note: (none) → (none)');
  await expect(timeline.locator(':scope > li').first()).toContainText('Reason: (none) → Resigned');
  await expectNoAxeViolations(page, 'former member');

  // Re-admission: a new entry for the same person, linked to the earlier one.
  await page.getByRole('link', { name: 'Re-admit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Re-admit a former member' })).toBeFocused();
  await expect(page.getByLabel('Given names')).toHaveValue('Émilie');
  await expect(page.getByLabel('Membership class')).toHaveValue(/.+/);
  await expectNoAxeViolations(page, 're-admission form');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Émilie Dubois' })).toBeFocused();
  await expect(page.getByText('Member 3 admitted')).toBeVisible();
  const earlier = page.getByRole('region', { name: 'Other entries for this person' });
  await expect(earlier).toContainText('Member 2: admitted 1 February 2024, ceased 1 January 2025');
  await earlier.getByRole('link', { name: 'Member 2' }).click();
  await expect(page.getByText('Former member since 1 January 2025')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Re-admit' })).toHaveCount(0);

  // Her earlier entry is in the register as a former member.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByText('2 current members.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Former members' });
  await expect(page.getByRole('table', { name: /Register of members/ }).getByRole('row').nth(1)).toContainText('1 Jan 2025');

  // A member that is an organisation: one name, its address and its representative.
  await page.getByRole('link', { name: 'Admit a member' }).first().click();
  await page.getByLabel('Membership class').selectOption({ label: 'Community' });
  await page.getByLabel(/^An organisation/).check();
  await expect(page.getByLabel('Given names')).toHaveCount(0);
  await page.getByLabel('Name of the organisation').fill('Leeds City Council');
  await page.getByLabel('Kind of organisation').selectOption({ label: 'A council or other local authority' });
  await page.getByLabel('Its representative (optional)').fill('Cllr Jo Smith');
  await page.getByLabel('Address line 1').fill('Civic Hall');
  await page.getByLabel('Town or city').fill('Leeds');
  await page.getByLabel('Postcode').fill('LS1 1UR');
  await fillDate(page, 'Admission date', '2024-03-01');
  await page.getByLabel('Number of shares').fill('1');
  await expectNoAxeViolations(page, 'admitting an organisation');
  await page.getByRole('button', { name: 'Admit and enter in the register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leeds City Council' })).toBeFocused();
  const particulars = page.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText('A council or other local authority');
  await expect(particulars).toContainText('Cllr Jo Smith');
  await expect(particulars).not.toContainText('Date of birth');
  await expectNoAxeViolations(page, 'an organisation’s entry');
});
