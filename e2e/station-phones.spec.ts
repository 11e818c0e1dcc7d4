import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../shared/ballot';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api, runJob } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { focusedName, tabTo } from './support/keyboard';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

// Issue 9, the members' side of the voting station: three phones (separate browser contexts at the
// sizes of a small Android phone and an iPhone) open the station's address, vote with the codes
// from their letters (one in Welsh, one by keyboard alone), keep their receipts and check them; a
// used code is refused; axe finds nothing on any page; the result counts the phones' votes beside
// the kiosk's, and every phone's tracker is in the published box.
test.describe.configure({ timeout: 400_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.STATION_SHOTS ?? '/tmp/shots-station';
const PASS = { 1: 'orange kettle harbour violin', 2: 'quiet meadow lantern copper' } as const;
const RESOLUTION = 'THAT the articles of association produced to members be adopted as the articles of the company.';
const ELECTION = 'Election of two staff directors';
const SMALL_ANDROID = { width: 360, height: 640 };
const IPHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Axe and a screenshot: every voting page is checked as the phone shows it. */
async function check(page: Page, what: string, name: string) {
  await expectNoAxeViolations(page, `phone: ${what}`);
  await shot(page, name);
}

/** The page never scrolls sideways (WCAG 1.4.10: 360 CSS pixels wide, or 200% zoom of 720). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

interface Phone {
  context: BrowserContext;
  page: Page;
  /** CSP violations and uncaught errors on the phone's page. */
  errors: string[];
}

async function openPhone(browser: Browser, viewport: { width: number; height: number }): Promise<Phone> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** The tracker the receipt shows, as the phone computed it (the grouped text, without its spaces). */
async function trackerOn(page: Page): Promise<string> {
  const shown = (await page.locator('.station-tracker').textContent())!.replace(/\s+/g, '');
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  return shown;
}

test('three members vote from their own phones through the voting station (one in Welsh, one by keyboard only), keep and check their receipts, a used code is refused, and the result counts them beside a kiosk vote and a paper one', async ({ browser, page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bryn', 'Jones'],
    ['Carys', 'Evans'],
    ['Dev', 'Patel'],
    ['Eira', 'Rees'],
  ]);
  const today = ukDateOf(new Date());
  const created = await api(app, 'ballots.create', {
    title: 'Members’ ballot 2026',
    recordDate: addDays(today, -1),
    questions: [
      { kind: 'resolution', text: RESOLUTION, resolutionKind: 'special' },
      {
        kind: 'election',
        text: ELECTION,
        seats: 2,
        candidates: [{ name: 'Dami Okafor', statement: 'Care worker for twelve years; I want the board to hear from the night shift.' }, { name: 'Ffion Hughes' }, { name: 'Gareth Lloyd' }],
      },
    ],
    trustees: [{ name: 'Harriet Scrutineer' }, { name: 'Ivor Chair' }],
  });
  const id: string = created.id;
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 1, passphrase: PASS[1] });
  await api(app, 'ballots.makeTrusteeKey', { id, trustee: 2, passphrase: PASS[2] });
  await runJob(app, 'ballots.open', { id });
  const { codes } = await api<{ codes: { name: string; code: string }[] }>(app, 'ballots.issueCodes', { id });
  const codeOf = (name: string) => codes.find((c) => c.name === name)!.code;

  // Dev votes at the kiosk (through the contract): the phones vote into the same box.
  const { election } = await api<{ election: ElectionPublic }>(app, 'ballots.publicElection', { id });
  const roll = (await api(app, 'ballots.roll', { id })).entries as { id: string; name: string }[];
  const { token } = await api(app, 'ballots.checkIn', { id, rollId: roll.find((r) => r.name === 'Dev Patel')!.id });
  await api(app, 'ballots.cast', { id, credential: { kind: 'checkin', token }, ballot: encryptBallot(prepare(nobleGroup, election), [[1, 0, 0], [1, 1, 0]]) });
  // Eira votes on paper (against; for Ffion Hughes and Gareth Lloyd), counted by two tellers who agree.
  await api(app, 'ballots.issuePaper', { id, rollId: roll.find((r) => r.name === 'Eira Rees')!.id, serial: 'P-001' });
  for (const teller of ['Jo Teller', 'Kim Teller']) {
    await api(app, 'ballots.enterPaperBatch', { id, label: 'Box 1', teller, counts: [[0, 1, 0], [0, 1, 1]], spoilt: 0 });
  }

  // The secretary starts the station on this laptop's loopback address (the phones here are browsers on the same machine).
  const status = await api<{ url: string; running: boolean }>(app, 'station.start', { ballotId: id, address: '127.0.0.1' });
  expect(status.running).toBe(true);
  const url = status.url;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/?$/);

  // ---- Phone 1: Aisha, a small Android phone, in English, by touch ---------------------------
  const aisha = await openPhone(browser, SMALL_ANDROID);
  const a = aisha.page;
  await a.goto(url);
  await expect(a.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(/Choose your language\s*Dewiswch eich iaith/);
  await expect(a.getByRole('button', { name: 'Cymraeg' })).toHaveAttribute('lang', 'cy');
  await check(a, 'choose the language', '01-language');
  await expectNoSidewaysScroll(a, 'the language page');
  await a.getByRole('button', { name: 'English' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Vote from your phone' })).toBeFocused();
  await expect(a.getByRole('heading', { level: 2, name: 'Members’ ballot 2026' })).toBeVisible();
  await expect(a.getByText('Riverside Care Mutual Ltd')).toBeVisible();
  // The fingerprint the projector shows beside the address, to compare.
  await expect(a.getByRole('definition').filter({ hasText: election.fingerprint.slice(0, 4) })).toHaveText(election.fingerprint.slice(0, 16).match(/.{4}/g)!.join(' '));
  await check(a, 'start', '02-start');
  await a.getByRole('button', { name: 'Start voting' }).click();

  // The code: a mistyped one is caught before any question, with the GOV.UK error summary linked to the field.
  const codeField = a.getByLabel('Enter your voting code');
  await expect(a.getByRole('heading', { level: 1, name: 'Enter your voting code' })).toBeFocused();
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await codeField.fill('ABCD-EFGH-JKMN');
  await a.getByRole('button', { name: 'Continue' }).click();
  const summary = a.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /you entered 12/ })).toBeVisible();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await check(a, 'code refused before voting', '03-code-error');
  await summary.getByRole('link').click();
  await expect(codeField).toBeFocused();
  // Pasted in lower case without its dashes: accepted.
  await codeField.fill(codeOf('Aisha Khan').replace(/-/g, '').toLowerCase());
  await a.getByRole('button', { name: 'Continue' }).click();

  // Resolution 1: For, Against or Abstain; nothing chosen is refused.
  await expect(a.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  await expect(a.getByText('Special resolution')).toBeVisible();
  await expect(a.getByText(RESOLUTION)).toBeVisible();
  await a.getByRole('button', { name: 'Continue' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Select For, Against or Abstain for resolution 1.');
  await check(a, 'resolution, nothing chosen', '04-resolution-error');
  await a.getByLabel('For', { exact: true }).check();
  await check(a, 'resolution', '05-resolution');
  await expectNoSidewaysScroll(a, 'the resolution page');
  await a.getByRole('button', { name: 'Continue' }).click();

  // The election: up to two of three; a third tick is refused out loud, the candidates' statements shown.
  await expect(a.getByRole('heading', { level: 1, name: ELECTION })).toBeFocused();
  await expect(a.getByText('Choose up to 2 candidates.')).toBeVisible();
  await expect(a.getByText('Care worker for twelve years; I want the board to hear from the night shift.')).toBeVisible();
  await a.getByLabel('Dami Okafor', { exact: true }).check();
  await a.getByLabel('Ffion Hughes', { exact: true }).check();
  await expect(a.getByText('You have chosen 2 of 2')).toBeVisible();
  await a.getByLabel('Gareth Lloyd', { exact: true }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'You can choose up to 2 candidates. Untick one before choosing another.' })).toBeVisible();
  await expect(a.getByLabel('Gareth Lloyd', { exact: true })).not.toBeChecked();
  await check(a, 'election, a third candidate refused', '06-election');
  await a.getByRole('button', { name: 'Continue' }).click();

  // Check your answers, then cast: sealed on the phone, sent with the code.
  await expect(a.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await expect(a.getByRole('definition').filter({ hasText: 'Dami Okafor' })).toContainText('Ffion Hughes');
  await check(a, 'check your answers', '07-check');
  await expectNoSidewaysScroll(a, 'check your answers');
  await a.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Your vote has been cast' })).toBeVisible({ timeout: 60_000 });
  const aishaTracker = await trackerOn(a);
  await expect(a.getByText('take a screenshot of this page')).toBeVisible();
  await check(a, 'receipt', '08-receipt');
  await expectNoSidewaysScroll(a, 'the receipt');
  // "Check my receipt": the tracker is in the box now.
  await a.getByRole('button', { name: 'Check my receipt' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Check a receipt' })).toBeFocused();
  await expect(a.getByLabel('Check a receipt')).toHaveValue(aishaTracker);
  await a.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(a.getByRole('heading', { level: 2, name: 'Your ballot is in the ballot box' })).toBeVisible();
  await check(a, 'receipt found', '09-receipt-found');
  // A tracker that is not in the box says so.
  await a.getByLabel('Check a receipt').fill(`${'0'.repeat(60)}beef`);
  await a.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(a.getByRole('heading', { level: 2, name: 'No ballot with this tracker is in the box' })).toBeVisible();

  // The same code again, on the same phone: refused, without saying how it was used.
  await a.getByRole('button', { name: 'Finish' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Vote from your phone' })).toBeFocused();
  await a.getByRole('button', { name: 'Start voting' }).click();
  await a.getByLabel('Enter your voting code').fill(codeOf('Aisha Khan'));
  await a.getByRole('button', { name: 'Continue' }).click();
  await a.getByLabel('Against', { exact: true }).check();
  await a.getByRole('button', { name: 'Continue' }).click();
  await a.getByRole('button', { name: 'Continue' }).click();
  await a.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Enter your voting code' })).toBeVisible({ timeout: 60_000 });
  const used = a.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(used).toBeFocused();
  await expect(used.getByRole('link')).toHaveText('This code has already been used.');
  await expect(a.getByText('Your answers have been kept.')).toBeVisible();
  await check(a, 'a used code refused', '10-code-used');

  // ---- Phone 2: Bryn, an iPhone, in Welsh --------------------------------------------------
  const bryn = await openPhone(browser, IPHONE);
  const b = bryn.page;
  await b.goto(url);
  await b.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(b.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(b.getByRole('heading', { level: 1, name: 'Pleidleisio o’ch ffôn' })).toBeFocused();
  await expect(b.getByRole('button', { name: /English/ })).toHaveAttribute('lang', 'en-GB');
  await check(b, 'start, in Welsh', '11-cy-start');
  // The choice is kept for this tab: a reload goes straight to the start, still in Welsh.
  await b.reload();
  await expect(b.getByRole('heading', { level: 1, name: 'Pleidleisio o’ch ffôn' })).toBeVisible();
  await expect(b.locator('html')).toHaveAttribute('lang', 'cy');
  await b.getByRole('button', { name: 'Dechrau pleidleisio' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Rhowch eich cod pleidleisio' })).toBeFocused();
  await b.getByRole('button', { name: 'Parhau' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Mae problem wedi codi' })).toContainText('Rhowch y cod pleidleisio o’ch llythyr pleidleisio.');
  await check(b, 'code, in Welsh, nothing entered', '12-cy-code-error');
  await b.getByLabel('Rhowch eich cod pleidleisio').fill(codeOf('Bryn Jones').replace(/-/g, ' '));
  await b.getByRole('button', { name: 'Parhau' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Penderfyniad 1' })).toBeFocused({ timeout: 30_000 });
  await expect(b.getByText('Penderfyniad arbennig')).toBeVisible();
  await expect(b.getByText('Dewiswch O blaid, Yn erbyn neu Ymatal.')).toBeVisible();
  await b.getByLabel('Yn erbyn', { exact: true }).check();
  await check(b, 'resolution, in Welsh', '13-cy-resolution');
  await b.getByRole('button', { name: 'Parhau' }).click();
  await expect(b.getByRole('heading', { level: 1, name: ELECTION })).toBeFocused();
  await expect(b.getByText('Dewiswch hyd at ddau ymgeisydd.')).toBeVisible();
  await b.getByLabel('Gareth Lloyd', { exact: true }).check();
  await expect(b.getByText('Rydych wedi dewis 1 o 2')).toBeVisible();
  await check(b, 'election, in Welsh', '14-cy-election');
  // The phone's own Back steps back a question, keeping the answers, rather than leaving the page.
  await b.goBack();
  await expect(b.getByRole('heading', { level: 1, name: 'Penderfyniad 1' })).toBeFocused();
  await expect(b.getByLabel('Yn erbyn', { exact: true })).toBeChecked();
  await b.getByRole('button', { name: 'Parhau' }).click();
  await expect(b.getByRole('heading', { level: 1, name: ELECTION })).toBeFocused();
  await expect(b.getByLabel('Gareth Lloyd', { exact: true })).toBeChecked();
  await b.getByRole('button', { name: 'Parhau' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Gwiriwch eich atebion' })).toBeFocused();
  await expect(b.getByRole('definition').filter({ hasText: 'Yn erbyn' })).toBeVisible();
  await check(b, 'check your answers, in Welsh', '15-cy-check');
  await b.getByRole('button', { name: 'Bwrw fy mhleidlais' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Mae eich pleidlais wedi’i bwrw' })).toBeVisible({ timeout: 60_000 });
  const brynTracker = await trackerOn(b);
  await check(b, 'receipt, in Welsh', '16-cy-receipt');
  await b.getByRole('button', { name: 'Gwirio fy nerbynneb' }).click();
  await b.getByRole('button', { name: 'Gwirio', exact: true }).click();
  await expect(b.getByRole('heading', { level: 2, name: 'Mae eich pleidlais yn y blwch pleidleisio' })).toBeVisible();
  await check(b, 'receipt found, in Welsh', '17-cy-receipt-found');

  // ---- Phone 3: Carys, a small Android phone, by keyboard alone ------------------------------
  const carys = await openPhone(browser, SMALL_ANDROID);
  const c = carys.page;
  await carys.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await c.goto(url);
  await expect(c.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(c, 'English');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Vote from your phone' })).toBeFocused();
  await expect(c.getByRole('button', { name: 'Start voting' })).toBeVisible();
  await tabTo(c, 'Start voting');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Enter your voting code' })).toBeFocused();
  await tabTo(c, 'Enter your voting code');
  await c.keyboard.type(codeOf('Carys Evans'));
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  // A radio group is one stop for Tab; the arrow keys move the choice within it.
  await tabTo(c, 'For');
  await c.keyboard.press('ArrowDown');
  await c.keyboard.press('ArrowDown');
  await expect(c.getByLabel('Abstain', { exact: true })).toBeChecked();
  await tabTo(c, 'Continue');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: ELECTION })).toBeFocused();
  await tabTo(c, 'Dami Okafor');
  await c.keyboard.press('Space');
  await expect(c.getByLabel('Dami Okafor', { exact: true })).toBeChecked();
  // The focused choice is visibly outlined.
  expect(await c.evaluate(() => getComputedStyle(document.activeElement!.closest('.vote-choice')!).outlineStyle)).toBe('solid');
  await check(c, 'election, by keyboard', '18-kbd-election');
  await tabTo(c, 'Continue');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await tabTo(c, 'Cast my vote');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Your vote has been cast' })).toBeVisible({ timeout: 60_000 });
  const carysTracker = await trackerOn(c);
  // Keeping the receipt: "Copy the tracker" puts it on the phone's clipboard.
  await tabTo(c, 'Copy the tracker');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('status').filter({ hasText: 'Tracker copied.' })).toBeVisible();
  expect((await c.evaluate(() => navigator.clipboard.readText())).replace(/\s+/g, '')).toBe(carysTracker);
  await tabTo(c, 'Check my receipt');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 1, name: 'Check a receipt' })).toBeFocused();
  await tabTo(c, 'Check');
  expect(await focusedName(c)).toBe('Check');
  await c.keyboard.press('Enter');
  await expect(c.getByRole('heading', { level: 2, name: 'Your ballot is in the ballot box' })).toBeVisible();

  // Text at 200% on the small phone (the phone's own larger-text setting): the page still reflows.
  await c.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expectNoSidewaysScroll(c, 'the receipt check with text at 200%');
  await shot(c, '19-kbd-receipt-check-text-200');

  for (const phone of [aisha, bryn, carys]) expect(phone.errors, 'no CSP violations or page errors on a phone').toEqual([]);

  // The secretary sees three votes from phones (never choices).
  const running = await api(app, 'station.status');
  expect(running.turnout).toMatchObject({ voted: 5, count: 5, fromPhones: 3 });
  expect(running.refusals.usedCodes).toBeGreaterThanOrEqual(1);

  // Closing the ballot stops the station; the result counts the phones' votes with the kiosk's and the paper one.
  await runJob(app, 'ballots.close', { id });
  await expect.poll(async () => (await api(app, 'station.status')).running).toBe(false);
  await api(app, 'ballots.decrypt', { id, trustee: 1, passphrase: PASS[1] });
  const decided = await api(app, 'ballots.decrypt', { id, trustee: 2, passphrase: PASS[2] });
  expect(decided.result.turnout.byChannel).toMatchObject({ kiosk: 1, phone: 3, paper: 1 });
  const resolution = decided.result.questions[0];
  expect(resolution.choices.map((ch: { electronic: number }) => ch.electronic)).toEqual([2, 1, 1]);
  expect(resolution.choices.map((ch: { paper: number }) => ch.paper)).toEqual([0, 1, 0]);
  expect(resolution.choices.map((ch: { total: number }) => ch.total)).toEqual([2, 2, 1]);
  const elected = decided.result.questions[1];
  expect(elected.choices.map((ch: { electronic: number }) => ch.electronic)).toEqual([3, 2, 1]);
  expect(elected.choices.map((ch: { total: number }) => ch.total)).toEqual([3, 3, 2]);

  // The published box: each phone's tracker is in it, once.
  const exported = await runJob<{ fileId: string }>(app, 'ballots.exportVerification', { id });
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk: { base64: string; nextOffset: number | null } = await api(app, 'exports.readFile', { fileId: exported.fileId, offset });
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  const file = JSON.parse(Buffer.concat(parts).toString('utf8')) as { ballots: { tracker: string }[] };
  const published = file.ballots.map((x) => x.tracker);
  expect(published).toHaveLength(4);
  for (const t of [aishaTracker, brynTracker, carysTracker]) expect(published.filter((p) => p === t)).toHaveLength(1);

  for (const phone of [aisha, bryn, carys]) await phone.context.close();
});
