import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api, runJob } from './support/api';
import { seedVotingMembers } from './support/members';
import { expect, expectNoAxeViolations, test } from './support/app';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.BALLOT_SHOTS ?? '/tmp/shots-ballots';
const PASS = { 1: 'orange kettle harbour violin', 2: 'quiet meadow lantern copper' } as const;

/** The app scrolls inside its main column, so the window is made as tall as the page for the picture. */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 5000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A trustee takes their turn at the laptop: passphrase twice, then the one-time backup file. */
async function makeKey(page: Page, name: string, passphrase: string) {
  await page.getByRole('button', { name: `Make your key: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Make your key: ${name}` });
  await dialog.getByLabel(`Passphrase for ${name}`).fill('too short');
  await expect(dialog.getByText('Too short: use at least 12 characters (9 so far).')).toBeVisible();
  await dialog.getByLabel(`Passphrase for ${name}`).fill(passphrase);
  await expect(dialog.getByText(/^Strong:/)).toBeVisible();
  await dialog.getByLabel('Type the passphrase again').fill(passphrase);
  await dialog.getByRole('button', { name: 'Make your key' }).click();
  await expect(dialog.getByRole('heading', { name: 'Save your backup file now' })).toBeFocused({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the backup file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('a secretary sets up a ballot with a special resolution and a two-seat election; two trustees make keys, it opens and closes with nobody voting, both decrypt, and the result shows', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ]);

  // The list, empty: it says what a ballot is for and offers to set one up.
  await page.getByRole('link', { name: 'Ballots' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ballots' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No ballot yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'ballots list, empty');
  await shot(page, '01-list-empty');
  await page.getByRole('link', { name: 'Set up a ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a ballot' })).toBeFocused();

  // Sent empty: the summary lists what is missing, each next to its field.
  await page.getByRole('button', { name: 'Set up the ballot' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter the title of the ballot.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Choose how the result is counted/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Add at least one question.' })).toBeVisible();
  await expectNoAxeViolations(page, 'ballot set-up form with errors');

  await page.getByLabel('Title of the ballot').fill('Members’ ballot 2026: articles and staff directors');
  await page.getByLabel(/On the total votes of every member on the roll/).check();
  await page.getByRole('button', { name: 'Add a resolution' }).click();
  await expect(page.getByLabel('Text of the resolution')).toBeFocused();
  await page.getByLabel('Text of the resolution').fill('THAT the articles of association produced to members be adopted as the articles of the company.');
  await page.getByLabel(/^Special: passed by at least 75%/).check();
  await page.getByRole('button', { name: 'Add an election' }).click();
  await expect(page.getByLabel('What the election is for')).toBeFocused();
  await page.getByLabel('What the election is for').fill('Election of two staff directors');
  await page.getByLabel('Seats to fill').fill('2');
  await page.getByLabel('Candidate 1: name').fill('Dami Okafor');
  await page.getByLabel('Candidate 1: statement (optional)').fill('Twelve years on the wards; I will keep the board close to the front line.');
  await page.getByLabel('Candidate 2: name').fill('Ffion Hughes');
  await page.getByRole('button', { name: 'Add a candidate' }).click();
  await expect(page.getByLabel('Candidate 3: name')).toBeFocused();
  await page.getByLabel('Candidate 3: name').fill('Gareth Lloyd');
  // Reorder: the election first and back again, by keyboard; focus stays on a move button of the question moved.
  await page.getByRole('button', { name: 'Move down: question 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Question 1: Election' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move up: question 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Question 1: Resolution' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move down: question 1' })).toBeFocused();
  await page.getByRole('group', { name: 'Trustee 1' }).getByLabel('Name', { exact: true }).fill('Harriet Scrutineer');
  await page.getByRole('group', { name: 'Trustee 2' }).getByLabel('Name', { exact: true }).fill('Ivor Chair');
  await expect(page.getByRole('heading', { name: 'If a trustee loses their passphrase, there is no result' })).toBeVisible();
  await expectNoAxeViolations(page, 'ballot set-up form, filled');
  await shot(page, '02-setup-filled');
  await page.getByRole('button', { name: 'Set up the ballot' }).click();

  // The ballot's page: what comes next, the warning about a lost passphrase, trustees' steps.
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ ballot 2026: articles and staff directors' })).toBeFocused();
  await expect(page.getByText('Trustee 1, Harriet Scrutineer, has not made their key yet.')).toBeVisible();
  await expect(page.getByText(/If any of them loses their passphrase and their backup, the result can never be computed/)).toBeVisible();
  await expectNoAxeViolations(page, 'ballot page, being set up');
  await shot(page, '03-ballot-draft');

  await makeKey(page, 'Harriet Scrutineer', PASS[1]);
  await expectNoAxeViolations(page, 'ballot page after one key');
  await makeKey(page, 'Ivor Chair', PASS[2]);

  // Open: the roll preview first, then the confirmation that it freezes the roll.
  await expect(page.getByRole('table', { name: 'Voters and votes by membership class' })).toContainText('Employee members');
  await page.getByRole('button', { name: 'Open the ballot' }).click();
  const openDialog = page.getByRole('dialog', { name: 'Open the ballot?' });
  await expect(openDialog).toContainText('The roll is frozen from the register');
  await shot(page, '04-open-confirm');
  await openDialog.getByRole('button', { name: 'Open the ballot' }).click();
  await expect(page.getByText('Open for voting', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('0 of 3 voters on the roll have voted (0%).')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kiosk' })).toHaveAttribute('href', /#\/ballots\/[^/]+\/kiosk$/);
  await expectNoAxeViolations(page, 'ballot page, open');
  await shot(page, '05-ballot-open');

  // Close: a job with a progress bar, then the trustees decrypt.
  await page.getByRole('button', { name: 'Close the ballot' }).first().click();
  await page.getByRole('dialog', { name: 'Close the ballot?' }).getByRole('button', { name: 'Close the ballot' }).click();
  await expect(page.getByText('Closed, awaiting the trustees', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Decrypt: Harriet Scrutineer' })).toBeVisible({ timeout: 60_000 });
  await expectNoAxeViolations(page, 'ballot page, closed');
  await shot(page, '06-ballot-closed');

  // A wrong passphrase: the core's message, and nothing changes.
  await page.getByRole('button', { name: 'Decrypt: Harriet Scrutineer' }).click();
  let dialog = page.getByRole('dialog', { name: 'Decrypt: Harriet Scrutineer' });
  await dialog.getByLabel('Harriet Scrutineer’s passphrase').fill('not the right passphrase at all');
  await dialog.getByRole('button', { name: 'Decrypt' }).click();
  await expect(dialog.locator('.error-message').first()).toBeVisible({ timeout: 60_000 });
  await expectNoAxeViolations(page, 'decrypt dialog with a wrong passphrase');
  await shot(page, '07-decrypt-wrong');
  await dialog.getByLabel('Harriet Scrutineer’s passphrase').fill(PASS[1]);
  await dialog.getByRole('button', { name: 'Decrypt' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: /Harriet Scrutineer/ })).toContainText('Has decrypted their part');

  await page.getByRole('button', { name: 'Decrypt: Ivor Chair' }).click();
  dialog = page.getByRole('dialog', { name: 'Decrypt: Ivor Chair' });
  await dialog.getByLabel('Ivor Chair’s passphrase').fill(PASS[2]);
  await dialog.getByRole('button', { name: 'Decrypt' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });

  // The result: each question's words and votes, the turnout.
  await expect(page.getByText('Result declared', { exact: true })).toBeVisible();
  const result = page.getByRole('region', { name: 'The result' });
  await expect(result.getByRole('table', { name: 'Votes for each choice on question 1' })).toBeVisible();
  await expect(result.getByRole('table', { name: 'Votes for each choice on question 2' })).toContainText('Dami Okafor');
  await expectNoAxeViolations(page, 'ballot page, result declared');
  await shot(page, '08-result');

  // Export for verification: a job, then the file downloads.
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export for verification' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await expect(page.getByText(/^Downloaded /)).toBeVisible();

  // The result on paper.
  await page.getByRole('link', { name: 'Print the result' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result of the ballot: Members’ ballot 2026: articles and staff directors' })).toBeVisible();
  await expect(page.getByText('Sealed box fingerprint')).toBeVisible();
  await expectNoAxeViolations(page, 'printable result');
  await shot(page, '09-result-print');
  await page.getByRole('link', { name: /Back to the ballot/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ ballot 2026: articles and staff directors' })).toBeFocused();

  // The list shows it with its status and turnout.
  await page.getByRole('link', { name: 'Ballots', exact: true }).first().click();
  await expect(page.getByRole('row', { name: /Members’ ballot 2026/ })).toContainText('Result declared');
  await expect(page.getByRole('row', { name: /Members’ ballot 2026/ })).toContainText('0 of 3 voted (0%)');
  await expectNoAxeViolations(page, 'ballots list');
  await shot(page, '10-list');
});

test('a poll at a general meeting: its resolution becomes the question, a trustee may decrypt on their own computer, and the result goes into the meeting’s decisions', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  const ids = await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ]);
  const today = ukDateOf(new Date());
  const created = await api(app, 'meetings.create', { kind: 'general', heldOn: addDays(today, -1), startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = created.meeting.id as string;
  const withItem = await api(app, 'meetings.addItem', { meetingId, title: 'Change of name', purpose: 'decision' });
  await api(app, 'meetings.addResolution', { meetingId, agendaItemId: withItem.items.at(-1).id, kind: 'special', text: 'THAT the name of the company be changed to Riverside Care Co-operative Ltd.' });

  await page.evaluate(() => (window.location.hash = '#/ballots/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a ballot' })).toBeFocused();
  await page.getByLabel('Title of the ballot').fill('Poll on the change of name');
  await page.getByLabel('Meeting (optional)').selectOption(meetingId);
  // At a meeting the base is the votes cast, so it is not asked; the notice's resolution is offered.
  await expect(page.getByRole('group', { name: 'How the result is counted' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add as a question: resolution 1' }).click();
  await expect(page.getByRole('group', { name: 'Question 1: Resolution from the meeting’s notice' })).toBeVisible();
  await expect(page.getByLabel('Text of the resolution')).toHaveValue('THAT the name of the company be changed to Riverside Care Co-operative Ltd.');
  await expect(page.getByText('Added as a question')).toBeVisible();
  await page.getByRole('group', { name: 'Trustee 1' }).getByLabel('Name', { exact: true }).fill('Harriet Scrutineer');
  await page.getByRole('group', { name: 'Trustee 2' }).getByLabel('Name', { exact: true }).fill('Ivor Chair');
  await expectNoAxeViolations(page, 'ballot set-up at a meeting');
  await shot(page, '11-setup-meeting');
  await page.getByRole('button', { name: 'Set up the ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Poll on the change of name' })).toBeFocused();
  const ballotId = page.url().split('/').pop()!;

  // The keys, opening and closing are the first journey's; here they go through the contract.
  await api(app, 'ballots.makeTrusteeKey', { id: ballotId, trustee: 1, passphrase: PASS[1] });
  await api(app, 'ballots.makeTrusteeKey', { id: ballotId, trustee: 2, passphrase: PASS[2] });
  await runJob(app, 'ballots.open', { id: ballotId });
  await runJob(app, 'ballots.close', { id: ballotId });
  await api(app, 'ballots.decrypt', { id: ballotId, trustee: 1, passphrase: PASS[1] });
  await page.reload();

  // Ivor decrypts on his own computer: the request downloads; a file that is not a decryption is refused.
  await page.getByRole('button', { name: 'On their own computer: Ivor Chair' }).click();
  const remote = page.getByRole('dialog', { name: 'Decrypt on their own computer: Ivor Chair' });
  const request = page.waitForEvent('download');
  await remote.getByRole('button', { name: 'Download the request file' }).click();
  expect((await request).suggestedFilename()).toMatch(/^decryption-request-trustee-2-.*\.json$/);
  const notADecryption = join(app.dir, 'not-a-decryption.json');
  writeFileSync(notADecryption, '{"format":"something else"}');
  await remote.getByLabel('The decryption file they send back').setInputFiles(notADecryption);
  await remote.getByRole('button', { name: 'Check and keep the decryption' }).click();
  await expect(remote.getByText('This file is not a decryption made by Mutual Governance.')).toBeVisible();
  await expectNoAxeViolations(page, 'decrypt on their own computer');
  await shot(page, '12-remote-decrypt');
  await remote.getByRole('button', { name: 'Cancel' }).click();
  await api(app, 'ballots.decrypt', { id: ballotId, trustee: 2, passphrase: PASS[2] });

  // The meeting is held, with a quorum; the poll's result is recorded as its decision.
  await api(app, 'meetings.setAttendance', { meetingId, memberId: ids.Aisha, status: 'present', arrivedAt: '18:00' });
  await api(app, 'meetings.setAttendance', { meetingId, memberId: ids.Bob, status: 'present', arrivedAt: '18:00' });
  await api(app, 'meetings.setStatus', { id: meetingId, status: 'held' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The meeting’s minutes' })).toBeVisible();
  await page.getByRole('button', { name: 'Record in the minutes: question 1' }).click();
  await expect(page.getByText('Recorded in the meeting’s decisions.')).toBeVisible();
  await expectNoAxeViolations(page, 'result recorded in the minutes');
  await shot(page, '13-minutes');
  const register = await api(app, 'decisions.register', { meetingId });
  expect(register.rows).toHaveLength(1);
  expect(register.rows[0].method).toBe('poll');
});

test('any 2 of 3 trustees: each seals shares for the others, then accepts theirs and saves the new backup, before the ballot can open', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
  ]);
  await page.evaluate(() => (window.location.hash = '#/ballots/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a ballot' })).toBeFocused();
  await page.getByLabel('Title of the ballot').fill('Consultation on the new depot');
  await page.getByLabel(/On the votes cast, where your rules count/).check();
  await page.getByRole('button', { name: 'Add a consultation' }).click();
  await page.getByLabel('The question').fill('Which site should the new depot be on?');
  await page.getByLabel('Option 1').fill('North Street');
  await page.getByLabel('Option 2').fill('Canal Wharf');
  await page.getByRole('group', { name: 'Trustee 1' }).getByLabel('Name', { exact: true }).fill('Harriet Scrutineer');
  await page.getByRole('group', { name: 'Trustee 2' }).getByLabel('Name', { exact: true }).fill('Ivor Chair');
  await page.getByRole('button', { name: 'Add a trustee' }).click();
  await expect(page.getByRole('group', { name: 'Trustee 3' }).getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByRole('group', { name: 'Trustee 3' }).getByLabel('Name', { exact: true }).fill('Jas Secretary');
  await page.getByLabel(/Any number of them that you choose/).check();
  await page.getByLabel('How many of the 3 trustees must take part').fill('4');
  await page.getByRole('button', { name: 'Set up the ballot' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'You have named 3 trustees, so no more than 3 can be required.' })).toBeVisible();
  await page.getByLabel('How many of the 3 trustees must take part').fill('2');
  await expect(page.getByText(/Any 2 of the 3 trustees can decrypt the result together, so up to 1 may lose/)).toBeVisible();
  await expectNoAxeViolations(page, 'ballot set-up, k of n');
  await page.getByRole('button', { name: 'Set up the ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation on the new depot' })).toBeFocused();
  const ballotId = page.url().split('/').pop()!;
  const pass = { 1: PASS[1], 2: PASS[2], 3: 'amber pylon thistle marble' } as const;
  for (const t of [1, 2, 3] as const) await api(app, 'ballots.makeTrusteeKey', { id: ballotId, trustee: t, passphrase: pass[t] });
  await page.reload();

  // Step 2: Harriet seals shares for the others here; the other two through the contract.
  await expect(page.getByRole('button', { name: 'Seal shares for the others: Ivor Chair' })).toBeVisible();
  await page.getByRole('button', { name: 'Seal shares for the others: Harriet Scrutineer' }).click();
  let dialog = page.getByRole('dialog', { name: 'Seal shares for the others: Harriet Scrutineer' });
  await dialog.getByLabel('Harriet Scrutineer’s passphrase').fill(pass[1]);
  await dialog.getByRole('button', { name: 'Seal shares for the others' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: /Harriet Scrutineer/ })).toContainText('Key made, shares sealed for the others');
  await expectNoAxeViolations(page, 'ballot page, shares being sealed');
  await shot(page, '14-k-of-n-dealing');
  for (const t of [2, 3] as const) await api(app, 'ballots.dealShares', { id: ballotId, trustee: t, passphrase: pass[t] });
  await page.reload();

  // Step 3: accepting gives a new backup, which replaces the first.
  await page.getByRole('button', { name: 'Accept your shares: Harriet Scrutineer' }).click();
  dialog = page.getByRole('dialog', { name: 'Accept your shares: Harriet Scrutineer' });
  await dialog.getByLabel('Harriet Scrutineer’s passphrase').fill(pass[1]);
  await dialog.getByRole('button', { name: 'Accept your shares' }).click();
  await expect(dialog.getByRole('heading', { name: 'Save your backup file now' })).toBeFocused({ timeout: 60_000 });
  await expect(dialog).toContainText('it replaces the backup you saved before');
  await expectNoAxeViolations(page, 'accepted shares: the new backup');
  await shot(page, '15-k-of-n-backup');
  await dialog.getByRole('button', { name: 'Done without saving' }).click();
  for (const t of [2, 3] as const) await api(app, 'ballots.acceptShares', { id: ballotId, trustee: t, passphrase: pass[t] });
  await page.reload();
  await expect(page.getByText('Every trustee’s key is ready.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the ballot' })).toBeVisible();

  // Cancelled instead: a reason is required, and nothing is decrypted.
  await page.getByRole('button', { name: 'Cancel the ballot' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel the ballot' });
  await cancel.getByRole('button', { name: 'Cancel the ballot' }).click();
  await expect(cancel.getByText('Enter why the ballot is cancelled.').first()).toBeVisible();
  await cancel.getByLabel('Why the ballot is cancelled').fill('The board chose a site before the consultation could run.');
  await cancel.getByRole('button', { name: 'Cancel the ballot' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the ballot' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'cancelled ballot');
});
