import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../shared/ballot';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api, runJob } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { focusedName, tabTo } from './support/keyboard';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

// Issue 9, the secretary's side of the voting station: start it on a network chosen from the
// laptop's own (none chosen for them), show its address and the projector view, stop it.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.STATION_SECRETARY_SHOTS ?? '/tmp/shots-station-secretary';

/** The app scrolls inside its main column, so the window is made as tall as the page for the picture. */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 5000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the secretary starts the voting station on this laptop only, shows its address and QR code on the projector, and stops it', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ]);
  const today = ukDateOf(new Date());
  const created = await api(app, 'ballots.create', {
    title: 'Staff directors 2026',
    recordDate: addDays(today, -1),
    questions: [{ kind: 'election', text: 'Election of two staff directors', seats: 2, candidates: [{ name: 'Dami Okafor' }, { name: 'Ffion Hughes' }, { name: 'Gareth Lloyd' }] }],
    trustees: [{ name: 'Harriet Scrutineer' }, { name: 'Ivor Chair' }],
  });
  const id: string = created.id;
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 1, passphrase: 'orange kettle harbour violin' });
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 2, passphrase: 'quiet meadow lantern copper' });
  await runJob(app, 'ballots.open', { id });

  // The ballot page, open: "Voting from phones" in the polling station's list moves to the panel.
  await page.goto(`${app.url}#/ballots/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff directors 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Voting from phones' }).click();
  const panel = page.getByRole('region', { name: 'Voting from phones' });
  await expect(panel.getByRole('heading', { level: 2, name: 'Voting from phones' })).toBeFocused();
  await expect(panel).toContainText('travel router');

  // The laptop's networks as radio buttons, none chosen; this laptop only, and all connections last.
  const networks = panel.getByRole('group', { name: 'Which network will the phones use?' });
  const radios = networks.getByRole('radio');
  await expect(radios.first()).toBeVisible();
  const count = await radios.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i += 1) await expect(radios.nth(i)).not.toBeChecked();
  const loopback = networks.getByRole('radio', { name: 'Only this laptop (for trying it out)' });
  await expect(loopback).toHaveCount(1);
  await expect(radios.last()).toHaveAccessibleName('All network connections');

  // Starting with nothing chosen is refused, next to the choices, and focus goes to them.
  await panel.getByRole('button', { name: 'Start the voting station' }).click();
  await expect(networks).toContainText('Choose the network the phones will use.');
  await expect(radios.first()).toBeFocused();
  // By keyboard, as radio buttons go: the arrows move through the choices. All connections (last)
  // warns before anything starts; this laptop only is just before it.
  for (let i = 0; i < count && (await focusedName(page)) !== 'All network connections'; i += 1) await page.keyboard.press('ArrowDown');
  await expect(radios.last()).toBeChecked();
  await expect(panel.getByRole('heading', { name: 'Every network connection' })).toBeVisible();
  await expectNoAxeViolations(page, 'voting from phones: choosing a network');
  await shot(page, '01-choose-network');
  await page.keyboard.press('ArrowUp');
  await expect(loopback).toBeChecked();
  await expect(loopback).toBeFocused();
  await expect(panel.getByRole('heading', { name: 'Every network connection' })).toHaveCount(0);

  // Started on this laptop only: the address in large type, focus back on the panel.
  await tabTo(page, 'Start the voting station');
  await page.keyboard.press('Enter');
  await expect(panel.getByText('Running', { exact: true })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2, name: 'Voting from phones' })).toBeFocused();
  const address = (await panel.locator('.station-address').textContent())!.trim();
  expect(address).toMatch(/^https?:\/\/127\.0\.0\.1:\d+\/?$/);
  await expect(panel).toContainText('No votes yet: 3 voters are on the roll.');
  await expect(panel.getByRole('row', { name: /Wrong codes/ })).toContainText('0');
  const status = await api(app, 'station.status');
  expect(status).toMatchObject({ running: true, address: '127.0.0.1', ballot: { id } });
  await expectNoAxeViolations(page, 'voting from phones: running');
  await shot(page, '02-running');

  // Turnout follows the station as it runs (never choices): Aisha votes at the kiosk, Bob from a
  // "phone" through the station's own API with his voting code, and a phone tries a wrong code.
  const { election } = await api<{ election: ElectionPublic }>(app, 'ballots.publicElection', { id });
  const device = prepare(nobleGroup, election);
  const roll = (await api(app, 'ballots.roll', { id })).entries as { id: string; name: string }[];
  const rollId = (name: string) => roll.find((r) => r.name === name)!.id;
  const { token } = await api(app, 'ballots.checkIn', { id, rollId: rollId('Aisha Khan') });
  await api(app, 'ballots.cast', { id, credential: { kind: 'checkin', token }, ballot: encryptBallot(device, [[1, 1, 0]]) });
  const { codes } = await api(app, 'ballots.issueCodes', { id, rollIds: [rollId('Bob Taylor')] });
  const phone = (path: string, body: unknown) => fetch(new URL(path, status.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const cast = await phone('api/cast', { code: codes[0].code, ballot: encryptBallot(device, [[0, 1, 1]]) });
  expect(cast.status, await cast.clone().text()).toBe(200);
  expect((await phone('api/cast', { code: 'ABCD-EFGH-JKMN-PQRS', ballot: encryptBallot(device, [[1, 0, 0]]) })).status).toBeGreaterThanOrEqual(400);
  await expect(panel).toContainText('2 of 3 voters on the roll have voted (67%).');
  await expect(panel).toContainText('1 of them from a phone.');
  await expect(panel.getByRole('progressbar', { name: 'Voters who have voted' })).toHaveAttribute('aria-valuenow', '67');
  // Screen readers are told at a polite rate (at most every 30 seconds), not at every 2-second
  // reading: seconds after the station started, its live region still holds the first count.
  await expect(panel.locator('.station-announcer')).toHaveText('No votes yet: 3 voters are on the roll.');
  await expect(panel.getByRole('row', { name: /Wrong codes/ })).toContainText('1');
  // The ballot page's own turnout card follows too.
  await expect(page.getByRole('region', { name: 'Turnout' })).toContainText('2 of 3 voters on the roll have voted (67%).');
  await shot(page, '02b-running-with-votes');
  // ...and once the 30 seconds are up, the count as it is then (idle waiting: the screen reads the station every 2 s meanwhile).
  await expect(panel.locator('.station-announcer')).toHaveText('2 of 3 voters on the roll have voted (67%). 1 of them from a phone.', { timeout: 45_000 });

  // The projector: the QR code of the address, the address, the fingerprint the phones show.
  await panel.getByRole('link', { name: 'Show the address and QR code on the projector' }).click();
  await expect(page).toHaveURL(new RegExp(`#/ballots/${id}/station$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Vote on your phone' })).toBeFocused();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const typed = address.replace(/\/$/, '');
  await expect(page.getByRole('img', { name: `QR code of the voting address ${typed}` })).toBeVisible();
  await expect(page.getByText(typed, { exact: true })).toBeVisible();
  // What a phone is told by the station itself (its own API): the projector shows the same fingerprint.
  const about = (await (await fetch(new URL('api/station', status.url))).json()) as { ballot: { fingerprint: string } | null };
  const fp = about.ballot!.fingerprint.slice(0, 16);
  await expect(page.locator('.station-projector-fingerprint')).toHaveText(fp.match(/.{4}/g)!.join(' '));
  await expect(page.getByText('2 of 3 have voted')).toBeVisible();
  await expectNoAxeViolations(page, 'voting station projector');
  await shot(page, '03-projector');
  // Narrow (a small screen, or the page zoomed to 200%): one column, nothing to scroll sideways.
  await page.setViewportSize({ width: 640, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/03b-projector-narrow.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Back to the ballot and stop, after a short confirmation.
  await page.getByRole('link', { name: 'Back to the ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff directors 2026' })).toBeVisible();
  await panel.getByRole('button', { name: 'Stop the voting station' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop the voting station?' });
  await expect(confirm).toContainText('Phones can no longer reach it.');
  await confirm.getByRole('button', { name: 'Stop the voting station' }).click();
  await expect(panel.getByRole('button', { name: 'Start the voting station' })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2, name: 'Voting from phones' })).toBeFocused();
  for (let i = 0; i < count; i += 1) await expect(radios.nth(i)).not.toBeChecked();
  expect(await api(app, 'station.status')).toMatchObject({ running: false, url: null });
  await expect(fetch(address).then((r) => r.status)).rejects.toThrow();

  // The projector page now says so, and leads back.
  await page.goto(`${app.url}#/ballots/${id}/station`);
  await expect(page.getByRole('heading', { level: 1, name: 'Voting from phones is not open' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Back to the ballot' }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'voting station projector, stopped');
  await shot(page, '04-projector-stopped');

  // Started again, it stops on its own when the ballot closes, and the projector says why.
  await api(app, 'station.start', { ballotId: id, address: '127.0.0.1' });
  await expect(page.getByRole('heading', { level: 1, name: 'Vote on your phone' })).toBeFocused();
  await runJob(app, 'ballots.close', { id });
  await expect(page.getByRole('heading', { level: 1, name: 'Voting from phones is not open' })).toBeFocused();
  await expect(page.getByText(/The voting station has stopped\. The ballot closed on \d{1,2} [A-Z][a-z]+ \d{4}\./)).toBeVisible();
  await shot(page, '05-projector-ballot-closed');
});
