import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

/**
 * The governing document's clauses for s33 (Procurement Act 2023 s33(6)(a)-(c)), in Chromium
 * against the real core: before they are recorded the s33 panel on a contract's page cannot judge
 * (6)(a) or (6)(b), whatever the legal form usually provides; the secretary records them in
 * Settings, Governing rules, by keyboard (a profit basis without its clause is refused on the
 * field), takes the form's usual answer on profits only by choosing it, sees the change in the
 * rules' history, and the panel then finds (6)(a) and (6)(b) met, quoting the clauses, and
 * quotes the employee control clause in (6)(c).
 */
test.describe.configure({ timeout: 120_000 });

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };
const OBJECTS = 'Article 3 (Objects): to deliver community health and social care services commissioned by public bodies in Northshire.';
const ASSET_LOCK = 'Article 4: the income and property of the Company shall be applied solely to its objects; no part shall be paid to members by way of profit.';
const CONTROL = 'Article 15: a majority of the directors shall be employees elected by the employee members.';

async function registers(app: AppUnderTest) {
  const cls = (name: string, isEmployeeClass: boolean) =>
    api<{ id: string }>(app, 'classes.create', { name, votingRights: 'per_member', votesPerMember: 1, isEmployeeClass, eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null }, shareTerms: null });
  const employees = await cls('Employee members', true);
  const supporters = await cls('Supporter members', false);
  const admit = (classId: string, givenNames: string, familyName: string, employeeNumber?: string) =>
    api(app, 'members.admit', {
      classId,
      particulars: { givenNames, familyName, address, employee: employeeNumber ? { employeeNumber, employmentStart: '2019-04-01', weeklyHours: 37.5 } : null, loansAndDepositsPence: null },
      admittedOn: '2021-02-01',
      initialShares: null,
    });
  for (const [i, [g, f]] of ([['Asha', 'Patel'], ['Ben', 'Moss'], ['Cath', 'Lee']] as const).entries()) await admit(employees.id, g, f, `E${100 + i}`);
  await admit(supporters.id, 'Fay', 'Ng');
  for (const [g, f, directorKind] of [['Amara', 'Okafor', 'employee'], ['Bryn', 'Jones', 'employee'], ['Dev', 'Shah', 'independent']] as const) {
    await api(app, 'officers.add', {
      particulars: { givenNames: g, familyName: f, serviceAddress: address, dateOfBirth: '1978-03-02', nationality: 'British', countryOfResidence: 'England', occupation: 'Care worker' },
      residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
      appointment: { role: 'director', directorKind, appointedOn: '2021-01-04' },
    });
  }
}

test('recording the objects, profit and employee control clauses in the governing rules turns the s33 panel’s (6)(a) and (6)(b) to Met, quoting them', async ({ page, app, cspErrors }) => {
  void cspErrors;
  const today = ukDateOf(new Date());
  await setUpMutual(page, app.url);
  await registers(app);

  // Income: a live social work contract with the council; and the contract being bid for, not yet awarded.
  const council = await api<{ id: string }>(app, 'counterparties.create', { name: 'Northshire County Council', kind: 'council' });
  const contract = (reference: string, extra: Record<string, unknown>) =>
    api<{ id: string }>(app, 'contracts.create', { counterpartyId: council.id, reference, services: ['85312000-9'], extensions: [], breaks: [], priceReviews: [], kpis: [], ...extra });
  await contract('NCC/ASC/001', { title: 'Home care', route: 'pcr15_light_touch', awardOn: '2022-01-10', startOn: '2022-04-01', endOn: addDays(today, 400), annualValuePence: 40_000_000 });
  const bid = await contract('NCC/ASC/031', { title: 'Community support', route: 'pa23_competitive_flexible', bidDueOn: addDays(today, 20), startOn: addDays(today, 120), endOn: addDays(today, 120 + 3 * 365 - 1), annualValuePence: 20_000_000 });

  const openContract = async () => {
    await page.evaluate((id) => (window.location.hash = `#/contracts/${id}`), bid.id);
    await expect(page.getByRole('heading', { level: 1, name: /Community support/ })).toBeVisible();
  };
  const panel = page.getByRole('region', { name: 'Could this contract be reserved to us? (Procurement Act 2023 s33)' });
  const condition = (ref: string) => panel.locator('li.s33-condition').filter({ has: page.locator('.s33-ref', { hasText: ref }) });

  // Nothing recorded: (6)(a) and (6)(b) are for the authority, though a guarantee company is usually not for profit.
  await openContract();
  await expect(condition('s33(6)(b)').locator('.badge')).toHaveText(/Cannot judge/);
  await expect(condition('s33(6)(a)').locator('.badge')).toHaveText(/Cannot judge/);
  await expect(condition('s33(6)(b)')).toContainText('The governing document’s clause on profits is not recorded');
  await expect(panel).toContainText('Not recorded on');

  // Settings, Governing rules: the clauses, with why they are asked.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Governing rules' }).click();
  const clauses = page.getByRole('region', { name: 'Clauses for contracts reserved to public service mutuals' });
  await expect(clauses).toContainText('Used to show whether you could be awarded a contract reserved to public service mutuals (Procurement Act 2023 s33(6))');
  await expectNoAxeViolations(page, 'settings: governing rules with the s33 clauses');

  // By keyboard: the objects answer with the arrow keys, the usual profit answer by its button, the words typed.
  const objects = clauses.getByRole('group', { name: 'Do your objects include delivering public services?' });
  // Each question says why it is asked, read with it.
  await expect(objects).toHaveAccessibleDescription(/^Used to show whether you could be awarded a contract reserved to public service mutuals \(Procurement Act 2023 s33\(6\)\(a\)\)/);
  await expect(clauses.getByLabel('Clause securing employee control')).toHaveAccessibleDescription(/s33\(6\)\(c\)\): the mutual must be under the management and control of its employees/);
  await objects.getByRole('radio', { name: 'Yes', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(objects.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(objects.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(objects.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(clauses.getByLabel('Objects clause')).toBeFocused();
  await page.keyboard.type(OBJECTS);

  const profits = clauses.getByRole('group', { name: 'How does your governing document deal with profits?' });
  await expect(profits.getByRole('radio', { checked: true })).toHaveAccessibleName('Not recorded');
  const usual = clauses.getByRole('button', { name: 'Choose the usual answer (not for profit)' });
  await usual.focus();
  await page.keyboard.press('Enter');
  await expect(profits.getByLabel('Run on a not-for-profit basis (no profits distributed)')).toBeChecked();

  // The basis without its clause is refused on the clause's field, before anything is sent.
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.locator('#profitClause-error')).toContainText('Quote the clause on profits, with its article or rule number, so the s33 check can cite it.');
  await expect(page.getByRole('alert').getByRole('link', { name: /Quote the clause on profits/ })).toBeVisible();
  await expectNoAxeViolations(page, 'settings: a profit basis without its clause');

  await clauses.getByLabel('Profit clause').focus();
  await page.keyboard.type(ASSET_LOCK);
  await clauses.getByLabel('Clause securing employee control').fill(CONTROL);
  await page.getByRole('button', { name: 'Save rules' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Governing rules saved and recorded in the audit log.')).toBeVisible();
  const history = page.getByRole('table', { name: /Changes to the governing rules/ });
  await expect(history.getByRole('row', { name: /How profits are dealt with/ })).toContainText('Not recorded');
  await expect(history.getByRole('row', { name: /How profits are dealt with/ })).toContainText('not for profit');
  await expect(history.getByRole('row', { name: /Profit clause/ })).toContainText(ASSET_LOCK);
  // Saved and read back: the form shows what is recorded.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Clauses for contracts reserved to public service mutuals' }).getByLabel('Objects clause')).toHaveValue(OBJECTS);

  // The panel now decides (6)(a) and (6)(b), quoting the clauses, and quotes the control clause in (6)(c).
  await openContract();
  await expect(condition('s33(6)(b)').locator('.badge')).toHaveText(/^\W*Met$/);
  await expect(condition('s33(6)(b)')).toContainText(ASSET_LOCK);
  await expect(condition('s33(6)(a)').locator('.badge')).toHaveText(/^\W*Met$/);
  await expect(condition('s33(6)(a)')).toContainText(OBJECTS);
  await expect(condition('s33(6)(c)')).toContainText(CONTROL);
  await expect(panel).not.toContainText('Not recorded on');
  await expectNoAxeViolations(page, 's33 panel with the clauses recorded');
});
