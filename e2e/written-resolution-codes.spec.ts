import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

// One long journey with an accessibility check on every screen it visits.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.WR_SHOTS ?? '/tmp/shots-wr-codes';
const PASS = 'kettle on the landing';
const TEXT = 'THAT the company adopt the flexible rota policy circulated with this resolution.';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** One member agrees at the laptop with their code: typed, confirmed, and the result shown at once. */
async function agreeAtLaptop(page: Page, code: string, name: string) {
  await page.getByLabel('Your agreement code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  const confirm = page.getByRole('dialog', { name: 'Do you agree to this resolution?' });
  await expect(confirm).toContainText('cannot be taken back (CA 2006 s296(3))');
  await confirm.getByRole('button', { name: 'I agree' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Thank you, ${name}` })).toBeFocused();
}

test('the secretary circulates a members’ written resolution, issues agreement codes, and it passes the moment the second member agrees at the laptop', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  // Five members with a vote each: an ordinary resolution needs more than half of the five votes, so three (CA 2006 s282(2)).
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
    ['Dev', 'Patel'],
    ['Eilidh', 'Ross'],
  ]);
  const today = formatLegalDate(ukDateOf(new Date()));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Written resolutions' }).click();
  await page.getByRole('button', { name: 'Circulate a written resolution' }).click();
  const circulate = page.getByRole('dialog', { name: 'Circulate a written resolution' });
  await circulate.getByLabel(/^Ordinary: members holding more than half/).check();
  await circulate.getByLabel('Text of the resolution').fill(TEXT);
  await circulate.getByRole('button', { name: 'Circulate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ written resolution (ordinary)' })).toBeVisible();
  const wrUrl = page.url();
  const id = wrUrl.split('/written-resolutions/')[1]!;
  const main = page.locator('main');
  await expect(main).toContainText('0 of 5 eligible members have a code.');
  // Nothing to agree with yet: the laptop screen is offered once codes are out.
  await expect(main.getByRole('link', { name: 'Agree at this laptop' })).toHaveCount(0);
  // Members can also agree from their phones through the voting station, started from here.
  await expect(main.getByRole('heading', { level: 2, name: 'Voting from phones' })).toBeVisible();
  await expectNoAxeViolations(page, 'a circulating members’ resolution, before codes');

  // Codes: issued to every eligible member, shown once, with the mail-merge file and the letters.
  await main.getByRole('link', { name: 'Issue agreement codes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement codes' })).toBeVisible();
  await expectNoAxeViolations(page, 'agreement codes, before issuing');
  await page.getByRole('button', { name: 'Issue agreement codes' }).click();
  await expect(page.getByRole('heading', { name: '5 codes issued' })).toBeVisible();
  const table = page.getByRole('table', { name: 'The agreement codes issued' });
  const codes: Record<string, string> = {};
  for (const name of ['Aisha Khan', 'Bob Taylor', 'Carys Evans']) {
    codes[name] = ((await table.getByRole('row', { name: new RegExp(name) }).locator('td.mono').textContent()) ?? '').trim();
    expect(codes[name]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the mail-merge file (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^written-resolution-\d{4}-\d{2}-\d{2}-agreement-codes\.csv$/);
  await expectNoAxeViolations(page, 'agreement codes, issued');
  await shot(page, '01-codes-issued');
  // The letters, as printed: the resolution, the code, how to agree and the lapse date (CA 2006 s291(4)).
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Print the letters' }).click();
  await page.emulateMedia({ media: 'print' });
  const letter = page.locator('.agreement-letter').filter({ hasText: 'Aisha Khan' });
  await expect(letter).toContainText(TEXT);
  await expect(letter).toContainText(codes['Aisha Khan']!);
  await expect(letter).toContainText('At the meeting laptop');
  await expect(letter).toContainText('From your phone');
  await expect(letter).toContainText(/lapses if it has not passed by the end of \d{1,2} \w+ \d{4}/);
  await expect(page.locator('.agreement-letter')).toHaveCount(5);
  await shot(page, '02-letters-print');
  await page.emulateMedia({ media: 'screen' });
  // Leaving loses the codes: the app asks first.
  await page.getByRole('link', { name: 'The written resolution' }).click();
  await page.getByRole('dialog', { name: 'Leave without the codes?' }).getByRole('button', { name: 'Leave and lose the codes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ written resolution (ordinary)' })).toBeVisible();
  await expect(main).toContainText('5 of 5 eligible members have a code.');

  // Carys agrees from her phone (the voting station calls the same method): the page shows it without a reload.
  await api(app, 'writtenResolutions.agreeWithCode', { id, code: codes['Carys Evans'], via: 'phone' });
  const eligible = main.getByRole('table', { name: 'Eligible members and their agreement' });
  await expect(eligible.getByRole('row', { name: /Carys Evans/ })).toContainText(/Agreed from a phone at \d\d:\d\d on /, { timeout: 10_000 });
  await expect(main).toContainText('Not yet passed: 1 of the 5 votes of eligible members (20%) have agreed; 3 are needed');

  // The laptop: the secretary locks it with a passphrase, and members agree one after another.
  await main.getByRole('link', { name: 'Agree at this laptop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agree at this laptop' })).toBeFocused();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoAxeViolations(page, 'agree at this laptop: start');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Type the passphrase again').fill(PASS);
  await page.getByRole('button', { name: 'Lock the laptop and start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agree to this written resolution' })).toBeFocused({ timeout: 15_000 });
  await expect(page.getByText(TEXT)).toBeVisible();
  await expectNoAxeViolations(page, 'agree at this laptop: enter a code');
  await shot(page, '03-agree-enter');
  // An address typed into the bar (here set by a script) is turned back: the laptop stays locked.
  const agreeUrl = page.url();
  await page.evaluate(() => (window.location.hash = '#/members'));
  await expect(page.getByText('This laptop is locked for members to agree. Only the secretary can close it, with the passphrase.')).toBeVisible();
  expect(page.url()).toBe(agreeUrl);
  await expect(page.getByLabel('Your agreement code')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // A mistyped code is caught before anything is sent.
  await page.getByLabel('Your agreement code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
  await expect(page.getByRole('link', { name: /you entered 8/ })).toBeVisible();
  await expectNoAxeViolations(page, 'agree at this laptop: a mistyped code');

  // Aisha (her code typed in small letters): 2 of 5 votes, not yet passed.
  await agreeAtLaptop(page, codes['Aisha Khan']!.toLowerCase(), 'Aisha Khan');
  await expect(page.locator('main')).toContainText('It has not passed yet: 2 of the 5 votes of eligible members have agreed so far.');
  await expectNoAxeViolations(page, 'agree at this laptop: agreed, not yet passed');
  await shot(page, '04-agreed-not-passed');
  await page.getByRole('button', { name: 'Next member' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agree to this written resolution' })).toBeFocused();

  // Her code again: used, and the screen says no more than that.
  await page.getByLabel('Your agreement code').fill(codes['Aisha Khan']!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('dialog', { name: 'Do you agree to this resolution?' }).getByRole('button', { name: 'I agree' }).click();
  await expect(page.getByRole('link', { name: 'This agreement code has already been used.' })).toBeVisible();
  await page.getByLabel('Your agreement code').fill('');

  // Bob: the third vote of five, the majority: it passes at once, and the screen says so.
  await agreeAtLaptop(page, codes['Bob Taylor']!, 'Bob Taylor');
  await expect(page.locator('main')).toContainText('The resolution has now passed: members holding the required majority of the total voting rights have agreed (CA 2006 s296(4)).');
  await expectNoAxeViolations(page, 'agree at this laptop: agreed, passed');
  await shot(page, '05-agreed-passed');
  await page.getByRole('button', { name: 'Next member' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members can no longer agree to this resolution' })).toBeFocused();

  // Only the passphrase leads out, back to the resolution, which shows the pass and who agreed how.
  await page.getByRole('button', { name: 'Close' }).click();
  const exit = page.getByRole('dialog', { name: 'Close this screen' });
  await exit.getByLabel('Passphrase').fill('not the passphrase');
  await exit.getByRole('button', { name: 'Close' }).click();
  await expect(exit).toContainText('That is not the passphrase. The laptop stays locked.');
  await exit.getByLabel('Passphrase').fill(PASS);
  await exit.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ written resolution (ordinary)' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'The result' })).toBeVisible();
  await expect(main).toContainText(`Passed as an ordinary resolution on ${today}`);
  await expect(eligible.getByRole('row', { name: /Aisha Khan/ })).toContainText(/Agreed at the meeting laptop at \d\d:\d\d on /);
  await expect(eligible.getByRole('row', { name: /Bob Taylor/ })).toContainText(/Agreed at the meeting laptop at \d\d:\d\d on /);
  await expect(main.getByRole('link', { name: 'Issue agreement codes' })).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Voting from phones' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'a members’ resolution passed by codes');
  await shot(page, '06-passed');
});
