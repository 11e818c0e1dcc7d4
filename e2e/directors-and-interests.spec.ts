import { defaultRuleValues } from '../shared/rules/governing-rules';
import { expectNoAxeViolations, test, expect } from './support/app';
import { tabTo, typeInto } from './support/keyboard';
import { api } from './support/api';
import { setUpMutual } from './support/mutual';
import { fillDate } from './support/dates';

test('a secretary enters an employee director, records their identity verification, makes them chair, records and ends an interest, and records that the company has no PSC', async ({ page, app, cspErrors }) => {
  // A long journey with many accessibility checks: give it three times the usual time on a busy machine.
  test.slow();
  void cspErrors;
  await setUpMutual(page, app.url);

  // The record starts empty and says what it is for: since 18 November 2025 a company keeps no register of directors of its own.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directors and officers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Directors and officers' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No directors or officers yet' })).toBeVisible();
  await expect(page.getByText(/Since 18 November 2025 a company no longer keeps its own registers of directors, secretaries/)).toBeVisible();
  await expect(page.getByText(/register of directors \(CA 2006 s162\)|s165/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'directors and officers: empty record');

  // Add an employee director, first forgetting the residential address a company must keep.
  await page.getByRole('link', { name: 'Add director or officer' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a director or officer' })).toBeFocused();
  await page.getByLabel('Role').selectOption({ label: 'Director' });
  await page.getByLabel('Kind of director').selectOption({ label: 'Employee director' });
  await fillDate(page, 'Date of appointment', '2024-04-01');
  await page.getByLabel('Given names').fill('Priya');
  await page.getByLabel('Family name').fill('Shah');
  // For a company director the particulars Companies House needs are marked as required, with the reason.
  await expect(page.getByLabel('Nationality')).toHaveAccessibleDescription(/Required for a director of a company: Companies House needs it \(CA 2006 s167G\(3\)\)/);
  await fillDate(page, 'Date of birth', '1984-09-02');
  await page.getByLabel('Nationality').fill('British');
  await page.getByLabel('Country of usual residence').fill('England');
  await page.getByLabel('Business occupation (if any)').fill('Community nurse');
  const service = page.getByRole('group', { name: 'Service address' });
  await service.getByLabel('Address line 1').fill('12 Wellington Street');
  await service.getByLabel('Town or city').fill('Leeds');
  await service.getByLabel('Postcode').fill('LS1 4AP');
  await expectNoAxeViolations(page, 'add a director or officer');
  await page.getByRole('button', { name: 'Add to the record' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('CA 2006 s167G(3); kept off the public record, s240-241');
  await expectNoAxeViolations(page, 'add a director or officer with an error');
  const residential = page.getByRole('group', { name: 'Private: residential address (CA 2006 s240-241)' });
  await residential.getByLabel('Address line 1').fill('7 Larkspur Close');
  await residential.getByLabel('Town or city').fill('Otley');
  await residential.getByLabel('Postcode').fill('LS21 3QP');
  await page.getByRole('button', { name: 'Add to the record' }).click();

  // The officer's page shows the service address and never the residential one.
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeFocused();
  await expect(page.getByText('Employee director', { exact: true }).first()).toBeVisible();
  const main = page.locator('main');
  await expect(main).toContainText('12 Wellington Street, Leeds, LS1 4AP');
  await expect(main).not.toContainText('Larkspur');
  await expect(main).not.toContainText('Otley');
  await expectNoAxeViolations(page, 'officer page');

  // Her identity is not yet recorded as verified: the page says what the law requires, then records the date and personal code.
  await expect(page.getByRole('heading', { name: 'Identity not recorded as verified' })).toBeVisible();
  await expect(main).toContainText('(CA 2006 s167M)');
  await page.getByRole('button', { name: 'Record identity verification' }).click();
  const verify = page.getByRole('dialog', { name: 'Record identity verification' });
  await verify.getByLabel('Companies House personal code').fill('FT5-15ED');
  await verify.getByRole('button', { name: 'Record verification' }).click();
  await expect(verify.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('11 letters and numbers');
  await expectNoAxeViolations(page, 'identity verification dialog with an error');
  await verify.getByLabel('Companies House personal code').fill('ft5 15ed 7jy5');
  await verify.getByRole('button', { name: 'Record verification' }).click();
  await expect(verify).toBeHidden();
  const identity = page.getByRole('region', { name: 'Identity verification (Companies House)' });
  await expect(identity).toContainText('Verified');
  await expect(identity).toContainText('FT5-15ED-7JY5');
  await expect(page.getByRole('heading', { name: 'Identity not recorded as verified' })).toHaveCount(0);

  // Only the edit form shows it, in its own private section.
  await page.getByRole('link', { name: 'Change particulars' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change the particulars of Priya Shah' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Private: residential address (CA 2006 s240-241)' }).getByLabel('Address line 1')).toHaveValue('7 Larkspur Close');
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
  await expect(register.getByRole('row', { name: /Shah, Priya/ })).toContainText('Verified');
  await expect(register).not.toContainText('FT5');
  await expectNoAxeViolations(page, 'directors and officers record');

  await page.getByRole('link', { name: 'Interests' }).click();
  await expect(page.getByRole('heading', { name: 'Current declarations of interest' })).toBeVisible();
  const board = page.getByRole('table', { name: 'Declarations of interest across the board' });
  await expect(board.getByRole('row', { name: /Priya Shah.*Trustee of Riverside Hospice/ })).toBeVisible();
  await page.getByLabel('Organisation a board item concerns').fill('The Riverside Hospice Ltd');
  await expect(page.getByText('Priya Shah has declared an interest: under Model Articles art 14 they do not count towards the quorum or vote on that item, unless your articles say otherwise.')).toBeVisible();
  await expect(page.getByText(/Source: CA 2006 s177 and s182; Model Articles for private companies art 14\./)).toBeVisible();
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

  // The PSC record: warned while empty, then the one-click statement most mutuals need.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People with significant control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People with significant control' })).toBeFocused();
  await expect(page.getByText(/The PSC record has no person with significant control and no statement: Companies House must be told/)).toBeVisible();
  await expectNoAxeViolations(page, 'PSC record: empty');
  await page.getByRole('button', { name: 'Record the statement that there is no registrable person' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record that there is no registrable person?' });
  await expect(confirm).toContainText('The company knows or has reasonable cause to believe that there is no registrable person');
  await expectNoAxeViolations(page, 'PSC statement confirmation');
  await confirm.getByRole('button', { name: 'Record the statement' }).click();
  await expect(confirm).toBeHidden();
  const statements = page.getByRole('region', { name: 'Statements' });
  await expect(statements).toContainText('there is no registrable person or registrable relevant legal entity');
  await expect(statements).toContainText('Current');
  await expect(page.getByText(/no person with significant control and no statement/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'PSC record with the statement');
});

test('a society keeps no PSC record and files nothing at Companies House: the pages say why and the menu leaves them out', async ({ page, app, cspErrors }) => {
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
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies House filings' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Companies House filings' })).toHaveCount(0);
  await page.goto(`${app.url}#/psc`);
  await expect(page.getByRole('heading', { level: 1, name: 'People with significant control' })).toBeVisible();
  await expect(page.getByText(/CA 2006 Part 21A applies to companies/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Record the statement/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'PSC record for a society');

  // Its register of officers stays statutory (CCBS Act 2014 s30), and conflicts are for its rules.
  await page.goto(`${app.url}#/officers`);
  await expect(page.getByText(/The society’s register of officers \(CCBS Act 2014 s30\(3\)\)/)).toBeVisible();
  await page.goto(`${app.url}#/filings`);
  await expect(page.getByText(/CCBS Act 2014 s30\(1\) and \(3\)/)).toBeVisible();
});

test('a company owned through an employee ownership trust cannot state that it has no registrable person; it enters the trustee in one step', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await api(app, 'organisation.setUp', {
    particulars: {
      name: 'Hilltop Care (EOT) Ltd',
      legalForm: 'eot_company',
      registrationNumber: '07654321',
      registeredOffice: { line1: '2 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW', country: 'england' },
      incorporatedOn: '2012-05-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues('eot_company'),
  });
  await page.goto(`${app.url}#/psc`);
  await expect(page.getByRole('heading', { level: 1, name: 'People with significant control' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the statement that there is no registrable person' })).toHaveCount(0);
  await expect(page.locator('main').getByText(/always has a registrable person or relevant legal entity/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'PSC record of an EOT-owned company');

  // A different statement: "no registrable person" is not offered, and the dialog says why.
  await page.getByRole('button', { name: 'Record a different statement' }).click();
  const stating = page.getByRole('dialog', { name: 'Record a statement' });
  await expect(stating.getByRole('radio')).toHaveCount(2);
  await expect(stating).toContainText(/Not offered: .*TCGA 1992 s236M/);
  await stating.getByRole('button', { name: 'Cancel' }).click();

  // The trustee company in one step: kind, legal form and the through-a-trust bands are filled in.
  await page.getByRole('button', { name: 'Enter the trust’s trustee' }).click();
  const trustee = page.getByRole('dialog', { name: 'Enter the trust’s trustee' });
  await expect(trustee.getByLabel(/A legal entity/)).toBeChecked();
  await expect(trustee.getByRole('group', { name: /Through a trust/ }).getByLabel('Controls a trust whose trustees hold more than 50% but less than 75% of the shares')).toBeChecked();
  await trustee.getByLabel('Name of the entity').fill('Hilltop Employee Ownership Trustee Ltd');
  const office = trustee.getByRole('group', { name: 'Registered or principal office' });
  await office.getByLabel('Address line 1').fill('2 Mill Lane');
  await office.getByLabel('Town or city').fill('Leeds');
  await office.getByLabel('Postcode').fill('LS2 7EW');
  await fillDate(trustee, 'Date they became registrable', '2021-06-01');
  await expectNoAxeViolations(page, 'enter the trust’s trustee');
  await trustee.getByRole('button', { name: 'Enter in the PSC record' }).click();
  await expect(trustee).toBeHidden();
  await expect(page.getByRole('table', { name: 'People with significant control' })).toContainText('Hilltop Employee Ownership Trustee Ltd');
  await expect(page.getByText(/always has a registrable person/)).toHaveCount(0);
});
