import { defaultRuleValues } from '../shared/rules/governing-rules';
import { expectNoAxeViolations, test, expect } from './support/app';
import { tabTo, typeInto } from './support/keyboard';
import { api } from './support/api';
import { setUpMutual } from './support/mutual';
import { fillDate } from './support/dates';

test('a secretary enters an employee director, makes them chair, records and ends an interest, and records that the company has no PSC', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);

  // The register starts empty and says what it is for.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directors and officers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directors and officers' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No directors or officers yet' })).toBeVisible();
  await expect(page.getByText(/usual residential addresses on a separate,\s+private register \(s165\)/)).toBeVisible();
  await expectNoAxeViolations(page, 'directors and officers: empty register');

  // Add an employee director, first forgetting the residential address a company must keep.
  await page.getByRole('link', { name: 'Add director or officer' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a director or officer' })).toBeFocused();
  await page.getByLabel('Role').selectOption({ label: 'Director' });
  await page.getByLabel('Kind of director').selectOption({ label: 'Employee director' });
  await fillDate(page, 'Date of appointment', '2024-04-01');
  await page.getByLabel('Given names').fill('Priya');
  await page.getByLabel('Family name').fill('Shah');
  // For a company director the s163 particulars are marked as required, with the reason.
  await expect(page.getByLabel('Nationality')).toHaveAccessibleDescription(/Required for a director of a company \(CA 2006 s163\)/);
  await fillDate(page, 'Date of birth', '1984-09-02');
  await page.getByLabel('Nationality').fill('British');
  await page.getByLabel('Country of usual residence').fill('England');
  await page.getByLabel('Business occupation (if any)').fill('Community nurse');
  const service = page.getByRole('group', { name: 'Service address' });
  await service.getByLabel('Address line 1').fill('12 Wellington Street');
  await service.getByLabel('Town or city').fill('Leeds');
  await service.getByLabel('Postcode').fill('LS1 4AP');
  await expectNoAxeViolations(page, 'add a director or officer');
  await page.getByRole('button', { name: 'Add to the register' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('CA 2006 s165');
  await expectNoAxeViolations(page, 'add a director or officer with an error');
  const residential = page.getByRole('group', { name: 'Private: residential address (CA 2006 s165)' });
  await residential.getByLabel('Address line 1').fill('7 Larkspur Close');
  await residential.getByLabel('Town or city').fill('Otley');
  await residential.getByLabel('Postcode').fill('LS21 3QP');
  await page.getByRole('button', { name: 'Add to the register' }).click();

  // The officer's page shows the service address and never the residential one.
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeFocused();
  await expect(page.getByText('Employee director', { exact: true }).first()).toBeVisible();
  const main = page.locator('main');
  await expect(main).toContainText('12 Wellington Street, Leeds, LS1 4AP');
  await expect(main).not.toContainText('Larkspur');
  await expect(main).not.toContainText('Otley');
  await expectNoAxeViolations(page, 'officer page');

  // Only the edit form shows it, in its own private section.
  await page.getByRole('link', { name: 'Change particulars' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change the particulars of Priya Shah' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Private: residential address (CA 2006 s165)' }).getByLabel('Address line 1')).toHaveValue('7 Larkspur Close');
  await expectNoAxeViolations(page, 'change particulars');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();

  // Make her chair too.
  await page.getByRole('button', { name: 'Add appointment' }).click();
  const appoint = page.getByRole('dialog', { name: 'Add an appointment' });
  await expect(appoint.getByLabel('Role')).toBeFocused();
  await appoint.getByLabel('Role').selectOption({ label: 'Chair' });
  await fillDate(appoint, 'Date of appointment', '2025-06-01');
  await expectNoAxeViolations(page, 'add an appointment dialog');
  await appoint.getByRole('button', { name: 'Add appointment' }).click();
  await expect(appoint).toBeHidden();
  const appointments = page.getByRole('table', { name: 'Appointments of Priya Shah' });
  await expect(appointments.getByRole('row')).toHaveCount(3);
  await expect(appointments).toContainText('Chair');
  await expect(page.getByText('Employee director · Chair')).toBeVisible();

  // Declare an interest by keyboard alone.
  await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).focus();
  await tabTo(page, 'Declare an interest');
  await page.keyboard.press('Enter');
  const declare = page.getByRole('dialog', { name: 'Declare an interest' });
  await expect(declare.getByLabel('Kind of interest')).toBeFocused();
  await page.keyboard.type('Directorship');
  await expect(declare.getByLabel('Kind of interest')).toHaveValue('directorship');
  await typeInto(page, 'Nature of the interest', 'Trustee of Riverside Hospice');
  await typeInto(page, 'Related organisation (optional)', 'Riverside Hospice');
  await expectNoAxeViolations(page, 'declare an interest dialog');
  await tabTo(page, 'Declare interest');
  await page.keyboard.press('Enter');
  await expect(declare).toBeHidden();
  const declarations = page.getByRole('table', { name: 'Declarations of interest by Priya Shah' });
  await expect(declarations).toContainText('Trustee of Riverside Hospice');
  await expect(declarations).toContainText('Directorship or trusteeship');
  await expectNoAxeViolations(page, 'officer page with an interest');

  // The register lists her with both roles, and the board's interests view lists the declaration.
  await page.getByRole('link', { name: 'Directors and officers' }).first().click();
  const register = page.getByRole('table', { name: 'Directors and officers, by family name' });
  await expect(register.getByRole('link', { name: 'Shah, Priya' })).toBeVisible();
  await expect(register).toContainText('Employee director');
  await expect(register).toContainText('Chair');
  await expect(register).not.toContainText('Larkspur');
  await expectNoAxeViolations(page, 'directors and officers register');

  await page.getByRole('link', { name: 'Interests' }).click();
  await expect(page.getByRole('heading', { name: 'Current declarations of interest' })).toBeVisible();
  const board = page.getByRole('table', { name: 'Declarations of interest across the board' });
  await expect(board.getByRole('row', { name: /Priya Shah.*Trustee of Riverside Hospice/ })).toBeVisible();
  await page.getByLabel('Organisation a board item concerns').fill('The Riverside Hospice Ltd');
  await expect(page.getByText('Priya Shah has declared an interest: leave them out of the quorum and the vote on that item.')).toBeVisible();
  await expectNoAxeViolations(page, 'interests across the board');

  // End it.
  await board.getByRole('button', { name: 'End the interest “Trustee of Riverside Hospice”' }).click();
  const end = page.getByRole('dialog', { name: 'End an interest' });
  await expect(end).toBeVisible();
  await expectNoAxeViolations(page, 'end an interest dialog');
  await end.getByRole('button', { name: 'End interest' }).click();
  await expect(end).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No current declarations' })).toBeVisible();
  await page.getByLabel('Include interests that have ended').check();
  await expect(page.getByRole('table', { name: 'Declarations of interest across the board' })).toContainText('Trustee of Riverside Hospice');

  // The PSC register: warned while empty, then the one-click statement most mutuals need.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People with significant control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People with significant control' })).toBeFocused();
  await expect(page.getByText(/The register has no PSC and no statement: CA 2006 s790M requires one of the statements when/)).toBeVisible();
  await expectNoAxeViolations(page, 'PSC register: empty');
  await page.getByRole('button', { name: 'Record the statement that there is no registrable person' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record that there is no registrable person?' });
  await expect(confirm).toContainText('The company knows or has reasonable cause to believe that there is no registrable person');
  await expectNoAxeViolations(page, 'PSC statement confirmation');
  await confirm.getByRole('button', { name: 'Record the statement' }).click();
  await expect(confirm).toBeHidden();
  const statements = page.getByRole('region', { name: 'Statements' });
  await expect(statements).toContainText('there is no registrable person or registrable relevant legal entity');
  await expect(statements).toContainText('Current');
  await expect(page.getByText(/The register has no PSC and no statement/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'PSC register with the statement');
});

test('a society keeps no PSC register: the page says why and the menu leaves it out', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await api(app, 'organisation.setUp', {
    particulars: {
      name: 'Northgate Care Co-operative',
      legalForm: 'cooperative_society',
      registrationNumber: '31247R',
      registeredOffice: { line1: '4 Quayside', town: 'Newcastle upon Tyne', postcode: 'NE1 3DX', country: 'england' },
      incorporatedOn: '2016-06-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('cooperative_society'),
  });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Northgate Care Co-operative' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People with significant control' })).toHaveCount(0);
  await page.goto(`${app.url}#/psc`);
  await expect(page.getByRole('heading', { level: 1, name: 'People with significant control' })).toBeVisible();
  await expect(page.getByText(/CA 2006 Part 21A applies to companies/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Record the statement/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'PSC register for a society');
});
