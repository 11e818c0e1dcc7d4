import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api, runJob } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { checkIn, named, voteAtKiosk, type VoteScreen } from './support/ballots';
import { tabTo, typeInto } from './support/keyboard';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 400_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.KIOSK_SHOTS ?? '/tmp/shots-kiosk';
const KIOSK_PASS = 'ward seven tea urn';
const RESOLUTION = 'THAT the articles of association produced to members be adopted as the articles of the company.';
const ELECTION = 'Election of two staff directors';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Axe and a screenshot on each voting screen, for the first voter. */
const SCREENS: Record<VoteScreen, [string, string]> = { resolution: ['kiosk voting: resolution', '05-vote-resolution'], election: ['kiosk voting: election', '06-vote-election'], check: ['kiosk voting: check your answers', '07-vote-check'], receipt: ['kiosk voting: receipt', '08-vote-receipt'] };
async function vote(page: Page, voter: RegExp, resolution: 'For' | 'Against' | 'Abstain', candidates: string[], axeAndShots = false) {
  await voteAtKiosk(page, { voter, election: ELECTION, resolution, candidates }, axeAndShots ? async (screen) => {
    await expectNoAxeViolations(page, SCREENS[screen][0]);
    await shot(page, SCREENS[screen][1]);
  } : undefined);
}




test('a poll clerk runs the kiosk: five members check in and vote (one by keyboard only), one votes with a code from a ballot letter, a proxy votes for an appointer, nobody leaves without the clerk’s passphrase, and the roll and paper tellers follow', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  const ids = await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
    ['Dev', 'Patel'],
    ['Eilidh', 'Ross'],
    ['Fern', 'Lloyd'],
    ['Gwen', 'Price'],
  ]);
  // A poll at a general meeting a week away, for which Gwen Price has appointed Pat Jones her proxy.
  const today = ukDateOf(new Date());
  const meeting = await api(app, 'meetings.create', { kind: 'general', heldOn: addDays(today, 7), startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId: string = meeting.meeting.id;
  await api(app, 'meetings.recordProxy', { meetingId, memberId: ids['Gwen'], proxyName: 'Pat Jones', receivedAt: `${addDays(today, -1)}T10:00`, instructions: 'Vote for the resolution.' });
  const created = await api(app, 'ballots.create', {
    title: 'Members’ ballot 2026',
    meetingId,
    recordDate: addDays(today, -1),
    questions: [
      { kind: 'resolution', text: RESOLUTION, resolutionKind: 'special' },
      { kind: 'election', text: ELECTION, seats: 2, candidates: [{ name: 'Dami Okafor' }, { name: 'Ffion Hughes' }, { name: 'Gareth Lloyd' }] },
    ],
    trustees: [{ name: 'Harriet Scrutineer' }, { name: 'Ivor Chair' }],
  });
  const id: string = created.id;
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 1, passphrase: 'orange kettle harbour violin' });
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 2, passphrase: 'quiet meadow lantern copper' });
  await runJob(app, 'ballots.open', { id });

  // Voting codes: issued to everyone, shown once, with the mail-merge file and the letters.
  await page.goto(`${app.url}#/ballots/${id}/codes`);
  await expect(page.getByRole('heading', { level: 1, name: 'Voting codes' })).toBeFocused();
  await expect(page.getByText('0 of 7 voters on the roll have a code.')).toBeVisible();
  await page.getByRole('button', { name: 'Issue codes' }).click();
  await expect(page.getByRole('heading', { name: '7 codes issued' })).toBeVisible();
  const fernRow = page.getByRole('row', { name: /Fern Lloyd/ });
  const fernCode = (await fernRow.locator('td.mono').textContent())!.trim();
  expect(fernCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the mail-merge file (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('members-ballot-2026-voting-codes.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFMember number,Name,Voting code');
  expect(csv).toContain(`,Fern Lloyd,${fernCode}`);
  await expectNoAxeViolations(page, 'voting codes, issued');
  await shot(page, '01-codes-issued');
  // Aisha has lost her letter: her code is reissued (the old one stops working), and the new one replaces it in the list.
  const aishaOld = (await page.getByRole('row', { name: /Aisha Khan/ }).locator('td.mono').textContent())!.trim();
  await page.getByLabel('Name or member number').fill('Aisha');
  await page.getByRole('button', { name: named('Reissue code', 'Aisha Khan') }).click();
  const reissue = page.getByRole('dialog', { name: 'Reissue Aisha Khan’s code?' });
  await expect(reissue).toContainText('The old code stops working at once.');
  await reissue.getByRole('button', { name: 'Reissue the code' }).click();
  await expect(page.getByRole('row', { name: /Aisha Khan/ }).locator('td.mono')).not.toHaveText(aishaOld);
  await expect(page.getByRole('heading', { name: '7 codes issued' })).toBeVisible();
  // The letters, as printed: one per page, the code large and as a QR code.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Print ballot letters' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: `QR code of the voting code ${fernCode}` })).toBeVisible();
  await shot(page, '02-ballot-letters-print');
  await page.emulateMedia({ media: 'screen' });
  // Leaving loses the codes: the app asks first.
  await page.getByRole('link', { name: 'Members’ ballot 2026' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without the codes?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting codes' })).toBeVisible();
  await page.getByRole('link', { name: 'Members’ ballot 2026' }).click();
  await page.getByRole('dialog', { name: 'Leave without the codes?' }).getByRole('button', { name: 'Leave and lose the codes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/ballots/${id}$`));

  // The kiosk: the clerk sets the passphrase (typed twice) and the screen locks.
  await page.goto(`${app.url}#/ballots/${id}/kiosk`);
  await expect(page.getByRole('heading', { level: 1, name: 'Start the kiosk' })).toBeFocused();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Kiosk passphrase').fill(KIOSK_PASS);
  await page.getByLabel('Type the passphrase again').fill('ward seven tea run');
  await page.getByRole('button', { name: 'Lock the kiosk and start' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'The two passphrases are not the same. Type them again.' })).toBeVisible();
  await expectNoAxeViolations(page, 'kiosk start with an error');
  await shot(page, '03-kiosk-start-error');
  await page.getByLabel('Type the passphrase again').fill(KIOSK_PASS);
  await page.getByRole('button', { name: 'Lock the kiosk and start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeFocused({ timeout: 15_000 });

  // Check-in: search the roll, pick the voter; the screen becomes their ballot.
  await page.getByLabel('Voter’s name or member number').fill('Aisha');
  await expect(page.getByRole('list', { name: 'Voters found' })).toContainText('Not voted yet');
  await expectNoAxeViolations(page, 'kiosk check-in');
  await shot(page, '04-kiosk-check-in');
  await page.getByRole('button', { name: named('Check in', 'Aisha Khan') }).click();
  await vote(page, /Voting as Aisha Khan \(member \d+\)/, 'For', ['Dami Okafor', 'Ffion Hughes'], true);

  // Once voted, shown as such (the channel only), and not offered again.
  await page.getByLabel('Voter’s name or member number').fill('Aisha');
  const aisha = page.getByRole('list', { name: 'Voters found' }).getByRole('listitem').filter({ hasText: 'Aisha Khan' });
  await expect(aisha).toContainText('Already voted at the kiosk');
  await expect(aisha.getByRole('button')).toHaveCount(0);
  await shot(page, '09-kiosk-already-voted');

  await checkIn(page, 'Bob Taylor');
  await vote(page, /Voting as Bob Taylor/, 'Against', ['Gareth Lloyd']);
  await checkIn(page, 'Carys Evans');
  await vote(page, /Voting as Carys Evans/, 'For', ['Ffion Hughes', 'Gareth Lloyd']);
  await checkIn(page, 'Eilidh Ross');
  await vote(page, /Voting as Eilidh Ross/, 'Abstain', []);

  // Dev votes by keyboard only, from the check-in heading to the receipt and back.
  await typeInto(page, 'Voter’s name or member number', 'Dev');
  await expect(page.getByRole('button', { name: named('Check in', 'Dev Patel') })).toBeVisible();
  await tabTo(page, 'Check in: Dev Patel');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  await tabTo(page, 'For');
  await page.keyboard.press('Space');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ELECTION })).toBeFocused();
  await tabTo(page, 'Dami Okafor');
  await page.keyboard.press('Space');
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Cast my vote');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })).toBeVisible({ timeout: 60_000 });
  await tabTo(page, 'Finish');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeFocused();

  // Fern votes with the code from her letter, without checking in; a mistyped code is caught first.
  await page.getByRole('button', { name: 'Vote with a voting code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vote with your voting code' })).toBeFocused();
  await page.getByLabel('Voting code').fill(fernCode.slice(0, 9));
  await page.getByRole('button', { name: 'Continue to the ballot' }).click();
  await expect(page.getByText(/A voting code has 16 letters and numbers, in four groups of four; you entered 8\./)).toBeVisible();
  await expectNoAxeViolations(page, 'kiosk code entry with an error');
  await shot(page, '10-kiosk-code-error');
  // A code of the right form but not hers is refused only when cast: she corrects it above her answers, which are kept.
  await page.getByLabel('Voting code').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Continue to the ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  await page.getByLabel('Against', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Dami Okafor', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(page.getByRole('heading', { name: 'Your voting code was not accepted' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('This voting code is not valid for this ballot.').first()).toBeVisible();
  await expectNoAxeViolations(page, 'kiosk voting: code refused at cast');
  await shot(page, '10a-kiosk-code-refused');
  await page.getByLabel('Voting code').fill(fernCode.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Use this code' }).click();
  await expect(page.getByText('Code changed. Press “Cast my vote” again.')).toBeVisible();
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeFocused();

  // Pat Jones votes for Gwen Price as her proxy, with Gwen's instructions on screen.
  await page.getByRole('button', { name: 'Check in a proxy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a proxy' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Proxy appointments' })).toContainText('Instructions: Vote for the resolution.');
  await expectNoAxeViolations(page, 'kiosk proxy check-in');
  await shot(page, '10b-kiosk-proxy');
  await page.getByRole('button', { name: named('Check in', 'Pat Jones for Gwen Price') }).click();
  await expect(page.getByRole('heading', { name: 'The appointing member’s instructions' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.kiosk-instructions')).toContainText('Vote for the resolution.');
  await vote(page, /Voting as Pat Jones, proxy for Gwen Price/, 'For', ['Ffion Hughes']);

  // Nothing leads out while locked: the app's addresses, Back, Escape.
  await page.evaluate(() => {
    window.location.hash = '#/members';
  });
  await expect(page.getByRole('alert').filter({ hasText: 'The kiosk is locked.' })).toBeVisible();
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/kiosk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeVisible();
  await shot(page, '11-kiosk-blocked');

  // The clerk leaves with the passphrase; a wrong one is refused.
  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  const exit = page.getByRole('dialog', { name: 'Close the kiosk' });
  await exit.getByLabel('Kiosk passphrase').fill('ward seven tea');
  await exit.getByRole('button', { name: 'Close the kiosk' }).click();
  await expect(exit.locator('.error-message')).toHaveText(/That is not the kiosk passphrase\. The kiosk stays locked\./, { timeout: 15_000 });
  await expectNoAxeViolations(page, 'kiosk exit with a wrong passphrase');
  await shot(page, '12-kiosk-exit-wrong');
  await exit.getByLabel('Kiosk passphrase').fill(KIOSK_PASS);
  await exit.getByRole('button', { name: 'Close the kiosk' }).click();
  await expect(page).toHaveURL(new RegExp(`#/ballots/${id}$`), { timeout: 15_000 });

  // The roll: who has voted and by which channel, never how.
  await page.goto(`${app.url}#/ballots/${id}/roll`);
  await expect(page.getByRole('heading', { level: 1, name: 'Voter roll' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Aisha Khan/ })).toContainText('Yes, at the kiosk');
  await expect(page.getByRole('row', { name: /Fern Lloyd/ })).toContainText('Yes, with a voting code');
  await expect(page.getByRole('row', { name: /Gwen Price/ })).toContainText('Yes, by proxy');
  const rollDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download names and numbers (CSV)' }).click();
  const rollCsv = readFileSync((await (await rollDownload).path())!, 'utf8');
  expect(rollCsv.split('\r\n')[0]).toBe('\uFEFFMember number,Name');
  expect(rollCsv.split('\r\n').filter(Boolean)).toHaveLength(8);
  await expectNoAxeViolations(page, 'voter roll');
  await shot(page, '13-roll');
  // Printed: names and numbers only.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Print the roll' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('table').filter({ hasText: 'Gwen Price' })).toBeVisible();
  await expect(page.getByText('Yes, at the kiosk').first()).toBeHidden();
  await expect(page.getByText('Roll hash:')).toBeHidden();
  await shot(page, '13b-roll-print');
  await page.emulateMedia({ media: 'screen' });

  // Paper: Gwen comes in person and is given paper P-001, which replaces her proxy's vote; two tellers enter the batch and disagree.
  await page.goto(`${app.url}#/ballots/${id}/paper`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paper ballots' })).toBeFocused();
  await page.getByLabel('Voter’s name or member number').fill('Gwen');
  await page.getByRole('button', { name: named('Give a paper', 'Gwen Price') }).click();
  await page.getByLabel('Serial number of the paper').fill('P-001');
  await page.getByRole('button', { name: 'Record the paper as given' }).click();
  await expect(page.getByText(/Paper P-001 given to Gwen Price/)).toBeVisible();
  await shot(page, '14a-paper-given');
  const teller = async (name: string, dami: string) => {
    await page.getByLabel('Your name (teller)').fill(name);
    await page.getByLabel('Batch label', { exact: true }).fill('Box 1');
    const q1 = page.getByRole('group', { name: /^Question 1/ });
    await q1.getByLabel('For', { exact: true }).fill('1');
    await q1.getByLabel('Against', { exact: true }).fill('0');
    await q1.getByLabel('Abstain', { exact: true }).fill('0');
    const q2 = page.getByRole('group', { name: /^Question 2/ });
    await q2.getByLabel('Dami Okafor', { exact: true }).fill(dami);
    await q2.getByLabel('Ffion Hughes', { exact: true }).fill('1');
    await q2.getByLabel('Gareth Lloyd', { exact: true }).fill('0');
    await page.getByLabel('Spoilt papers in this batch').fill('0');
    await page.getByRole('button', { name: 'Record this count' }).click();
  };
  await page.getByRole('button', { name: 'Record this count' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
  await expectNoAxeViolations(page, 'paper batch with errors');
  await shot(page, '14-paper-errors');
  await teller('Jo Teller', '1');
  await expect(page.getByText(/Jo Teller’s count of Box 1 is recorded/)).toBeVisible();
  await teller('Kim Teller', '0');
  await expect(page.getByText(/The tellers’ counts of Box 1 differ/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Batches' })).toContainText('Question 2, Dami Okafor: Jo Teller counted 1, Kim Teller 0.');
  await expectNoAxeViolations(page, 'paper batches with a discrepancy');
  await page.getByRole('region', { name: 'Batches' }).scrollIntoViewIfNeeded();
  await shot(page, '15-paper-discrepancy');

  const ballot = await api(app, 'ballots.get', { id });
  expect(ballot.roll.voted).toEqual({ kiosk: 5, code: 1, phone: 0, paper: 1, proxy: 0 });
});
