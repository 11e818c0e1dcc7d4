import { expect, expectNoAxeViolations, test } from './support/app';
import { setUpCooperative } from './support/register';

test.describe.configure({ timeout: 180_000 });

// A society whose rules cap its supporter members at 10% of the votes (Co-operatives UK
// Multi-stakeholder Co-operative Model Rules). The cap goes on the class, with the rule that sets it.
test('a secretary caps a supporter class at 10% of the votes, and a cap on a class with no vote is refused', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpCooperative(page, app.url);
  await page.getByRole('link', { name: 'Membership classes' }).click();
  await page.getByRole('button', { name: 'Start from a blank form' }).click();
  await expect(page.getByRole('heading', { name: 'New membership class' })).toBeFocused();
  await page.getByLabel('Name', { exact: true }).fill('Supporter');
  await page.getByLabel('Nominal value of one share').fill('1.00');
  await page.getByLabel('The rules cap this class’s share of the votes').check();
  // Left empty, both fields say what they need.
  await page.getByRole('button', { name: 'Create the class' }).click();
  await expect(page.getByText('Enter the cap as a percentage of the votes, such as 10.').first()).toBeVisible();
  await expect(page.getByText('Enter the rule that sets the cap.').first()).toBeVisible();
  await page.getByLabel('Cap, as a percentage of all the votes').fill('10');
  await page.getByLabel('Which rule sets this cap').fill('Rule 14(b)');
  await expectNoAxeViolations(page, 'new class form with a cap on its share of the votes');
  await page.getByRole('button', { name: 'Create the class' }).click();
  const classes = page.getByRole('table', { name: 'Membership classes' });
  await expect(classes.getByRole('row', { name: /^Supporter/ })).toContainText('At most 10% of the votes in a ballot (Rule 14(b))');

  // A class with no vote has no votes to cap.
  await page.getByRole('button', { name: 'Add a class' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Associate');
  await page.getByLabel('Nominal value of one share').fill('1.00');
  await page.getByLabel('No vote (non-voting)').check();
  await page.getByLabel('The rules cap this class’s share of the votes').check();
  await page.getByLabel('Cap, as a percentage of all the votes').fill('5');
  await page.getByLabel('Which rule sets this cap').fill('Rule 15');
  await page.getByRole('button', { name: 'Create the class' }).click();
  await expect(page.getByText('A class with no voting rights has no votes to cap. Choose how its members vote, or take off the cap.').first()).toBeVisible();
  await expectNoAxeViolations(page, 'a cap refused on a class with no vote');
});
