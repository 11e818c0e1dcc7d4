import { expectNoAxeViolations, test, expect } from './support/app';
import { fillDate } from './support/dates';
import { seedVotingMembers } from './support/members';
import { MUTUAL, fillSetUp, setUpMutual } from './support/mutual';

const SUBSIDIARY = 'Riverside Home Care Ltd';

test('a secretary adds a subsidiary held 100% by shares, switches to it and finds its own empty register, then switches back', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [['Alice', 'Firstorgson']]);

  // One organisation: the top bar names it, with nothing to switch to.
  await expect(page.getByTestId('org-name')).toHaveText(MUTUAL.name);
  await expect(page.getByRole('button', { name: /Switch organisation/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Group' }).click();
  await expect(page.getByRole('heading', { name: 'Group', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, 'group page, one organisation');

  // Add the subsidiary with the set-up form's own fields.
  await page.getByRole('button', { name: 'Add an organisation' }).click();
  const add = page.getByRole('dialog', { name: 'Add an organisation' });
  await expect(add).toBeVisible();
  await fillSetUp(page, { name: SUBSIDIARY, registrationNumber: '07654321', line1: '3 Mill Lane' });
  await add.getByRole('button', { name: 'Add the organisation' }).click();
  await expect(add).toBeHidden();
  const orgs = page.getByRole('table', { name: 'Organisations in this file' });
  await expect(orgs.getByRole('row', { name: new RegExp(SUBSIDIARY) })).toBeVisible();
  await expect(orgs.getByRole('row', { name: new RegExp(MUTUAL.name) })).toContainText('(shown now)');

  // Relate it: a subsidiary, all its shares held by the mutual.
  await page.getByRole('button', { name: 'Record a relation' }).click();
  const relate = page.getByRole('dialog', { name: 'Record a relation' });
  await expect(relate.getByLabel('Parent')).toHaveValue(/.+/);
  await relate.getByLabel('Subsidiary', { exact: true }).selectOption({ label: SUBSIDIARY });
  await relate.getByLabel('The holding in words').fill('All 100 ordinary shares of £1');
  await relate.getByLabel('Number of shares held (optional)').fill('100');
  await relate.getByLabel('Percentage of the ordinary shares (optional)').fill('100');
  await relate.getByLabel('Percentage of the votes (optional)').fill('100');
  await fillDate(relate, 'The date the relation began', '2020-04-01');
  await expectNoAxeViolations(page, 'record a relation dialog');
  await relate.getByRole('button', { name: 'Record the relation' }).click();
  await expect(relate).toBeHidden();
  const relations = page.getByRole('table', { name: 'Relations' });
  const row = relations.getByRole('row', { name: new RegExp(`${SUBSIDIARY} is a subsidiary of ${MUTUAL.name}`) });
  await expect(row).toContainText('Holds shares: All 100 ordinary shares of £1 (100% of the ordinary shares, 100 shares, 100% of the votes)');
  await expect(row).toContainText('since 1 April 2020');
  await expect(orgs.getByRole('row', { name: new RegExp(`^${MUTUAL.name}`) })).toContainText(`${SUBSIDIARY}: Holds shares`);
  await expectNoAxeViolations(page, 'group page, a parent and its subsidiary');

  // The switcher appears in the top bar; keyboard: open it, choose the subsidiary.
  const switcher = page.getByRole('button', { name: `Organisation: ${MUTUAL.name}. Switch organisation` });
  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitemradio', { name: new RegExp(MUTUAL.name) })).toHaveAttribute('aria-checked', 'true');
  await expectNoAxeViolations(page, 'organisation switcher open');
  await menu.getByRole('menuitemradio', { name: SUBSIDIARY }).click();
  await expect(page.getByTestId('org-name')).toHaveText(SUBSIDIARY);
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { level: 1, name: SUBSIDIARY })).toBeVisible();

  // Its register is its own: empty, and the mutual's member is not shown.
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No membership classes yet' }).or(page.getByRole('heading', { name: 'No members yet' }))).toBeVisible();
  await expect(page.getByText('Firstorgson')).toHaveCount(0);

  // And back: the mutual's register again.
  await page.getByRole('button', { name: `Organisation: ${SUBSIDIARY}. Switch organisation` }).click();
  await page.getByRole('menuitemradio', { name: MUTUAL.name }).click();
  await expect(page.getByTestId('org-name')).toHaveText(MUTUAL.name);
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('table', { name: /Register of members/ })).toContainText('Firstorgson');

  // A second tab switches the file to the subsidiary. This tab, still showing the mutual, does not
  // read or write the subsidiary's records under the mutual's name: its next call is refused, and
  // it reloads as the subsidiary, saying why.
  const tab2 = await page.context().newPage();
  await tab2.goto(app.url);
  await expect(tab2.getByTestId('org-name')).toHaveText(MUTUAL.name);
  await tab2.getByRole('button', { name: `Organisation: ${MUTUAL.name}. Switch organisation` }).click();
  await tab2.getByRole('menuitemradio', { name: SUBSIDIARY }).click();
  await expect(tab2.getByTestId('org-name')).toHaveText(SUBSIDIARY);
  // Coming back to the tab (the focus) or its next call (opening Meetings): whichever notices first.
  await page.bringToFront();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByText(`Another window switched this file to ${SUBSIDIARY}. Reload to see ${SUBSIDIARY}’s records.`)).toBeVisible();
  await expect(page.getByTestId('org-name')).toHaveText(SUBSIDIARY);
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No membership classes yet' }).or(page.getByRole('heading', { name: 'No members yet' }))).toBeVisible();
  await expect(page.getByText('Firstorgson')).toHaveCount(0);
  await tab2.close();
});
