import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encryptBallot, nobleGroup, prepare, type BallotJson, type ElectionPublic } from '../shared/ballot';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api, runJob } from './support/api';
import { ROOT, expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { checkIn, named, voteAtKiosk, type VoteScreen } from './support/ballots';
import { tabTo, typeInto } from './support/keyboard';
import { fillSetUp } from './support/mutual';

// Issue 8's end-to-end journey: an AGM poll, one vote per share, where a special resolution fails at
// 74% and, in a second ballot, passes at 75% (not less than 75% of the votes cast: CA 2006 s283(5)).
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.AGM_SHOTS ?? '/tmp/shots-agm';
const PASS = { 1: 'orange kettle harbour violin', 2: 'quiet meadow lantern copper' } as const;
const KIOSK_PASS = 'ward seven tea urn';
const ARTICLES = 'THAT the articles of association produced to the meeting be adopted as the articles of the company.';
const NAME = 'THAT the name of the company be changed to Riverside Care Co-operative CIC.';
const ELECTION = 'Election of two staff directors';
const CANDIDATES = ['Dami Okafor', 'Ffion Hughes', 'Gareth Lloyd'];

/**
 * Holdings in a class with one vote per share. Ballot 1: Aisha's and Bob's proxy votes for (74),
 * Carys and Dev against (26), the rest abstain: 74.0%, short of 75%. Ballot 2: Aisha, Bob and Dev
 * for (75), Carys against (25): 75.0%, exactly enough.
 */
const HOLDINGS: [string, string, number][] = [
  ['Aisha', 'Khan', 37],
  ['Bob', 'Taylor', 37],
  ['Carys', 'Evans', 25],
  ['Dev', 'Patel', 1],
  ['Eilidh', 'Ross', 1],
  ['Fern', 'Lloyd', 1],
  ['Gwen', 'Price', 1],
  ['Huw', 'Morgan', 1],
];

/** The app scrolls inside its main column, so the window is made as tall as the page for the picture. */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 5000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Axe and a screenshot on each voting screen, for the first voter. */
const SCREENS: Record<VoteScreen, [string, string]> = { resolution: ['kiosk voting: the resolution', '06-vote-resolution'], election: ['kiosk voting: the election', '07-vote-election'], check: ['kiosk voting: check your answers', '08-vote-check'], receipt: ['kiosk voting: the receipt', '09-vote-receipt'] };
async function vote(page: Page, voter: RegExp, resolution: 'For' | 'Against' | 'Abstain', candidates: string[], axeAndShots = false) {
  await voteAtKiosk(page, { voter, election: ELECTION, resolution, candidates }, axeAndShots ? async (screen) => {
    await expectNoAxeViolations(page, SCREENS[screen][0]);
    await shot(page, SCREENS[screen][1]);
  } : undefined);
}


async function seedShareholders(app: AppUnderTest): Promise<Record<string, string>> {
  const cls = await api(app, 'classes.create', {
    name: 'Shareholding members',
    votingRights: 'per_share',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: { nominalPence: 100, withdrawable: false, transferable: false, maxHolding: null, redeemable: false, numbered: false },
  });
  const ids: Record<string, string> = {};
  for (const [givenNames, familyName, shares] of HOLDINGS) {
    const m = await api(app, 'members.admit', {
      classId: cls.id,
      particulars: { givenNames, familyName, address: { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' }, employee: null, loansAndDepositsPence: null },
      admittedOn: '2020-01-06',
      initialShares: { shares, amountPaidPence: shares * 100 },
    });
    ids[givenNames] = m.id;
  }
  return ids;
}

/** A trustee takes their turn at the laptop: passphrase twice, then the one-time backup file. */
async function makeKey(page: Page, name: string, passphrase: string) {
  await page.getByRole('button', { name: `Make your key: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Make your key: ${name}` });
  await dialog.getByLabel(`Passphrase for ${name}`).fill(passphrase);
  await dialog.getByLabel('Type the passphrase again').fill(passphrase);
  await dialog.getByRole('button', { name: 'Make your key' }).click();
  await expect(dialog.getByRole('heading', { name: 'Save your backup file now' })).toBeFocused({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the backup file' }).click();
  await download;
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

async function decrypt(page: Page, name: string, passphrase: string) {
  await page.getByRole('button', { name: `Decrypt: ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Decrypt: ${name}` });
  await dialog.getByLabel(`${name}’s passphrase`).fill(passphrase);
  await dialog.getByRole('button', { name: 'Decrypt' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
}



/** The standalone verifier, run as a scrutineer runs it (`npm run verify-ballot -- FILE`). */
function verifyBallot(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/verify-ballot/index.ts', file], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('an AGM poll, one vote per share: five members at the kiosk (one by keyboard), a proxy for two, a paper batch checked by two tellers; the special resolution fails at 74% and the file verifies (and a changed copy does not); a second ballot passes at 75%', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await page.setViewportSize({ width: 1280, height: 900 });
  // A company with shares, so that its class can vote one per share (CA 2006 s284(3)).
  await page.goto(app.url);
  await fillSetUp(page, { name: 'Riverside Care CIC', legalForm: 'Community interest company limited by shares' });
  await page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Care CIC' })).toBeVisible();
  const ids = await seedShareholders(app);

  // The AGM was held yesterday; the poll demanded there is taken now. Its notice set out two special
  // resolutions; Pat Jones was appointed proxy by Aisha and Bob well before the deadline (CA 2006 s327).
  const today = ukDateOf(new Date());
  const created = await api(app, 'meetings.create', { kind: 'annual_general', heldOn: addDays(today, -1), startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId: string = created.meeting.id;
  const item1 = await api(app, 'meetings.addItem', { meetingId, title: 'New articles', purpose: 'decision' });
  await api(app, 'meetings.addResolution', { meetingId, agendaItemId: item1.items.at(-1).id, kind: 'special', text: ARTICLES });
  const item2 = await api(app, 'meetings.addItem', { meetingId, title: 'Change of name', purpose: 'decision' });
  const withResolutions = await api(app, 'meetings.addResolution', { meetingId, agendaItemId: item2.items.at(-1).id, kind: 'special', text: NAME });
  const nameResolutionId: string = withResolutions.resolutions.find((r: { text: string }) => r.text === NAME).id;
  for (const who of ['Aisha', 'Bob']) {
    await api(app, 'meetings.recordProxy', { meetingId, memberId: ids[who], proxyName: 'Pat Jones', receivedAt: `${addDays(today, -6)}T10:00`, instructions: 'Vote for both special resolutions.' });
  }

  // Ballot 1, set up on the screen: the notice's first resolution and a two-seat election.
  await page.evaluate(() => (window.location.hash = '#/ballots/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a ballot' })).toBeFocused();
  await page.getByLabel('Title of the ballot').fill('AGM 2026 poll: new articles and staff directors');
  await page.getByLabel('Meeting (optional)').selectOption(meetingId);
  await page.getByRole('button', { name: 'Add as a question: resolution 1' }).click();
  await expect(page.getByLabel('Text of the resolution')).toHaveValue(ARTICLES);
  await page.getByRole('button', { name: 'Add an election' }).click();
  // The new field takes focus; waiting for it keeps typing from landing where focus is about to leave.
  await expect(page.getByLabel('What the election is for')).toBeFocused();
  await page.getByLabel('What the election is for').fill(ELECTION);
  await page.getByLabel('Seats to fill').fill('2');
  await page.getByLabel('Candidate 1: name').fill(CANDIDATES[0]!);
  await page.getByLabel('Candidate 2: name').fill(CANDIDATES[1]!);
  await page.getByRole('button', { name: 'Add a candidate' }).click();
  await expect(page.getByLabel('Candidate 3: name')).toBeFocused();
  await page.getByLabel('Candidate 3: name').fill(CANDIDATES[2]!);
  await page.getByRole('group', { name: 'Trustee 1' }).getByLabel('Name', { exact: true }).fill('Harriet Scrutineer');
  await page.getByRole('group', { name: 'Trustee 2' }).getByLabel('Name', { exact: true }).fill('Ivor Chair');
  await shot(page, '01-setup');
  await page.getByRole('button', { name: 'Set up the ballot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AGM 2026 poll: new articles and staff directors' })).toBeFocused();
  const id = page.url().split('/').pop()!;

  // Two trustees make their keys; the roll counts votes by shares; it opens.
  await makeKey(page, 'Harriet Scrutineer', PASS[1]);
  await makeKey(page, 'Ivor Chair', PASS[2]);
  const rollTable = page.getByRole('table', { name: 'Voters and votes by membership class' });
  await expect(rollTable).toContainText('Shareholding members');
  await expect(rollTable).toContainText('104');
  await shot(page, '02-ready-to-open');
  await page.getByRole('button', { name: 'Open the ballot' }).click();
  await page.getByRole('dialog', { name: 'Open the ballot?' }).getByRole('button', { name: 'Open the ballot' }).click();
  await expect(page.getByText('Open for voting', { exact: true })).toBeVisible({ timeout: 60_000 });

  // Codes issued to everyone (shown once); leaving the page asks first.
  await page.goto(`${app.url}#/ballots/${id}/codes`);
  await expect(page.getByRole('heading', { level: 1, name: 'Voting codes' })).toBeFocused();
  await page.getByRole('button', { name: 'Issue codes' }).click();
  await expect(page.getByRole('heading', { name: '8 codes issued' })).toBeVisible();
  await shot(page, '03-codes');
  await page.getByRole('link', { name: 'AGM 2026 poll: new articles and staff directors' }).click();
  await page.getByRole('dialog', { name: 'Leave without the codes?' }).getByRole('button', { name: 'Leave and lose the codes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/ballots/${id}$`));

  // The kiosk, locked by the clerk's passphrase.
  await page.goto(`${app.url}#/ballots/${id}/kiosk`);
  await expect(page.getByRole('heading', { level: 1, name: 'Start the kiosk' })).toBeFocused();
  await page.getByLabel('Kiosk passphrase').fill(KIOSK_PASS);
  await page.getByLabel('Type the passphrase again').fill(KIOSK_PASS);
  await page.getByRole('button', { name: 'Lock the kiosk and start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a voter' })).toBeFocused({ timeout: 15_000 });

  // Five members vote in person: Carys (25 shares) and Dev (1) against, Eilidh and Fern abstain.
  await page.getByLabel('Voter’s name or member number').fill('Carys');
  await expect(page.getByRole('list', { name: 'Voters found' })).toContainText('Not voted yet');
  await expectNoAxeViolations(page, 'kiosk check-in');
  await shot(page, '05-check-in');
  await page.getByRole('button', { name: named('Check in', 'Carys Evans') }).click();
  await vote(page, /Voting as Carys Evans \(member \d+\)/, 'Against', ['Dami Okafor', 'Ffion Hughes'], true);
  await checkIn(page, 'Dev Patel');
  await vote(page, /Voting as Dev Patel/, 'Against', ['Gareth Lloyd']);
  await checkIn(page, 'Eilidh Ross');
  await vote(page, /Voting as Eilidh Ross/, 'Abstain', ['Ffion Hughes', 'Gareth Lloyd']);
  await checkIn(page, 'Fern Lloyd');
  await vote(page, /Voting as Fern Lloyd/, 'Abstain', []);

  // Gwen votes by keyboard only, from the search box to the receipt and back.
  await typeInto(page, 'Voter’s name or member number', 'Gwen');
  await expect(page.getByRole('button', { name: named('Check in', 'Gwen Price') })).toBeVisible();
  await tabTo(page, 'Check in: Gwen Price');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Resolution 1' })).toBeFocused({ timeout: 30_000 });
  // A radio group is one tab stop: Tab reaches its first choice, the arrow keys move (and choose) within it.
  await tabTo(page, 'For');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Abstain', { exact: true })).toBeChecked();
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

  // Pat Jones votes for her two appointers, Aisha and Bob (37 shares each), with their instructions on screen.
  await page.getByRole('button', { name: 'Check in a proxy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in a proxy' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Proxy appointments' })).toContainText('Instructions: Vote for both special resolutions.');
  await expectNoAxeViolations(page, 'kiosk proxy check-in');
  await shot(page, '10-proxy-check-in');
  for (const appointer of ['Aisha Khan', 'Bob Taylor']) {
    if (appointer !== 'Aisha Khan') await page.getByRole('button', { name: 'Check in a proxy' }).click();
    await page.getByRole('button', { name: named('Check in', `Pat Jones for ${appointer}`) }).click();
    await vote(page, new RegExp(`Voting as Pat Jones, proxy for ${appointer}`), 'For', ['Dami Okafor']);
  }

  // The clerk unlocks the kiosk.
  await page.getByRole('button', { name: 'Close the kiosk' }).click();
  const exit = page.getByRole('dialog', { name: 'Close the kiosk' });
  await exit.getByLabel('Kiosk passphrase').fill(KIOSK_PASS);
  await exit.getByRole('button', { name: 'Close the kiosk' }).click();
  await expect(page).toHaveURL(new RegExp(`#/ballots/${id}$`), { timeout: 15_000 });

  // Huw (1 share) votes on paper: P-001, abstaining and marking Dami and Gareth. Two tellers count the batch:
  // Kim's first count differs from Jo's, she counts again, and they agree.
  await page.goto(`${app.url}#/ballots/${id}/paper`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paper ballots' })).toBeFocused();
  await page.getByLabel('Voter’s name or member number').fill('Huw');
  await page.getByRole('button', { name: named('Give a paper', 'Huw Morgan') }).click();
  await page.getByLabel('Serial number of the paper').fill('P-001');
  await page.getByRole('button', { name: 'Record the paper as given' }).click();
  await expect(page.getByText(/Paper P-001 given to Huw Morgan/)).toBeVisible();
  // The papers given out are listed by serial number with the votes each carries, and no names.
  const given = page.getByRole('table', { name: 'Papers given out, by serial number' });
  await expect(given.getByRole('row', { name: 'P-001 1', exact: true })).toBeVisible();
  await expect(given).not.toContainText('Huw');
  const teller = async (name: string, gareth: string) => {
    await page.getByLabel('Your name (teller)').fill(name);
    await page.getByLabel('Batch label', { exact: true }).fill('Box 1');
    const q1 = page.getByRole('group', { name: /^Question 1/ });
    await q1.getByLabel('For', { exact: true }).fill('0');
    await q1.getByLabel('Against', { exact: true }).fill('0');
    await q1.getByLabel('Abstain', { exact: true }).fill('1');
    const q2 = page.getByRole('group', { name: /^Question 2/ });
    await q2.getByLabel('Dami Okafor', { exact: true }).fill('1');
    await q2.getByLabel('Ffion Hughes', { exact: true }).fill('0');
    await q2.getByLabel('Gareth Lloyd', { exact: true }).fill(gareth);
    await page.getByLabel('Spoilt papers in this batch').fill('0');
    await page.getByRole('button', { name: 'Record this count' }).click();
  };
  await teller('Jo Teller', '1');
  await expect(page.getByText(/Jo Teller’s count of Box 1 is recorded/)).toBeVisible();
  await teller('Kim Teller', '0');
  await expect(page.getByText(/The tellers’ counts of Box 1 differ/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Batches' })).toContainText('Question 2, Gareth Lloyd: Jo Teller counted 1, Kim Teller 0.');
  await shot(page, '11-paper-discrepancy');
  await teller('Kim Teller', '1');
  await expect(page.getByText('Both tellers agree on Box 1: its counts are added to the paper total.')).toBeVisible();
  // While voting is open the agreed counts are not shown: they would be a running result.
  await expect(page.getByText('The agreed counts are shown here once voting has closed, so that no screen shows a running result.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Agreed count of Box 1' })).toHaveCount(0);
  await shot(page, '12-paper-agreed');

  // Close: the box is sealed and summed, with a progress bar; then both trustees decrypt.
  await page.goto(`${app.url}#/ballots/${id}`);
  await expect(page.getByText('8 of 8 voters on the roll have voted (100%).')).toBeVisible();
  await page.getByRole('button', { name: 'Close the ballot' }).first().click();
  // The close job's own bar (the turnout bar above is another): with few ballots it may show for only a
  // moment, so the page notes every progress bar label it shows under "Closing the ballot".
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { closeBars: string[] }).closeBars = []);
    new MutationObserver(() => {
      const region = document.getElementById('ballot-close-h')?.closest('section');
      for (const bar of region?.querySelectorAll('[role="progressbar"]') ?? []) seen.push(bar.getAttribute('aria-label') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole('dialog', { name: 'Close the ballot?' }).getByRole('button', { name: 'Close the ballot' }).click();
  await expect(page.getByText('Closed, awaiting the trustees', { exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { closeBars: string[] }).closeBars)).toContainEqual(expect.stringMatching(/Sealing|Adding up/));
  // Once voting has closed, the batch's agreed counts are shown.
  await page.goto(`${app.url}#/ballots/${id}/paper`);
  const agreed = page.getByRole('table', { name: 'Agreed count of Box 1' });
  await expect(agreed.getByRole('row', { name: 'Question 1: For 0', exact: true })).toBeVisible();
  await expect(agreed.getByRole('row', { name: 'Abstain 1', exact: true })).toBeVisible();
  await expect(agreed.getByRole('row', { name: 'Gareth Lloyd 1', exact: true })).toBeVisible();
  await expect(agreed.getByRole('row', { name: 'Ffion Hughes 0', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'paper page after the close');
  await shot(page, '12a-paper-after-close');
  await page.goto(`${app.url}#/ballots/${id}`);
  await decrypt(page, 'Harriet Scrutineer', PASS[1]);
  await decrypt(page, 'Ivor Chair', PASS[2]);

  // The result: 74 for, 26 against, 4 abstentions: 74.0%, not the 75% s283(5) requires.
  await expect(page.getByText('Result declared', { exact: true })).toBeVisible();
  const result = page.getByRole('region', { name: 'The result' });
  await expect(result).toContainText(/Special resolution 1 not passed: 74 for, 26 against \(74\.0% of the 100 votes cast; not less than 75% required by CA 2006 s283\(5\)[^)]*\); 4 abstentions, not votes cast\./);
  await expect(result.getByRole('table', { name: 'Votes for each choice on question 2' })).toContainText('Dami Okafor');
  // No candidates tied, so no lot was needed: the banner about one would mislead.
  await expect(result.getByText('A tie was broken by lot')).toHaveCount(0);
  await expectNoAxeViolations(page, 'ballot 1 result');
  await shot(page, '13-result-74');

  // Export for verification; the scrutineer's verifier says "verified", and a copy with one ballot changed fails.
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export for verification' }).click();
  const file = join(app.dir, 'verification.json');
  await (await download).saveAs(file);
  const good = verifyBallot(file);
  expect(good.out).toMatch(/^verified: 7 ballots/m);
  expect(good.status, good.out).toBe(0);
  const tampered = JSON.parse(readFileSync(file, 'utf8'));
  const changed = tampered.ballots[0];
  const [c0, c1] = changed.ballot.answers[0].choices;
  [c0.alpha, c1.alpha, c0.beta, c1.beta] = [c1.alpha, c0.alpha, c1.beta, c0.beta];
  const badFile = join(app.dir, 'verification-changed.json');
  writeFileSync(badFile, JSON.stringify(tampered));
  const bad = verifyBallot(badFile);
  expect(bad.status, bad.out).not.toBe(0);
  expect(bad.out).toContain(`NOT VERIFIED: Ballot 1 (tracker ${changed.tracker}): its tracker does not match its contents`);

  // Ballot 2, through the contract for speed: the notice's second resolution. Aisha, Bob and Dev for,
  // Carys against: 75 of 100, exactly enough.
  const b2 = await api(app, 'ballots.create', {
    title: 'AGM 2026 poll: change of name',
    meetingId,
    recordDate: today,
    questions: [{ kind: 'resolution', text: NAME, resolutionKind: 'special', resolutionId: nameResolutionId }],
    trustees: [{ name: 'Harriet Scrutineer' }, { name: 'Ivor Chair' }],
  });
  await api(app, 'ballots.makeTrusteeKey', { id: b2.id, trustee: 1, passphrase: PASS[1] });
  await api(app, 'ballots.makeTrusteeKey', { id: b2.id, trustee: 2, passphrase: PASS[2] });
  await runJob(app, 'ballots.open', { id: b2.id });
  const { election } = await api<{ election: ElectionPublic }>(app, 'ballots.publicElection', { id: b2.id });
  const device = prepare(nobleGroup, election);
  const roll2 = (await api(app, 'ballots.roll', { id: b2.id, limit: 5000 })).entries as { id: string; name: string }[];
  const votes: [string, number[]][] = [
    ['Aisha Khan', [1, 0, 0]],
    ['Bob Taylor', [1, 0, 0]],
    ['Dev Patel', [1, 0, 0]],
    ['Carys Evans', [0, 1, 0]],
  ];
  for (const [name, sel] of votes) {
    const { token } = await api(app, 'ballots.checkIn', { id: b2.id, rollId: roll2.find((r) => r.name === name)!.id });
    const ballot: BallotJson = encryptBallot(device, [sel]);
    await api(app, 'ballots.cast', { id: b2.id, credential: { kind: 'checkin', token }, ballot });
  }
  await runJob(app, 'ballots.close', { id: b2.id });
  await api(app, 'ballots.decrypt', { id: b2.id, trustee: 1, passphrase: PASS[1] });
  await api(app, 'ballots.decrypt', { id: b2.id, trustee: 2, passphrase: PASS[2] });
  await page.goto(`${app.url}#/ballots/${b2.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'AGM 2026 poll: change of name' })).toBeFocused();
  const result2 = page.getByRole('region', { name: 'The result' });
  await expect(result2).toContainText(/Special resolution 1 passed: 75 for, 25 against \(75\.0% of the 100 votes cast; not less than 75% required by CA 2006 s283\(5\)\)/);
  await expectNoAxeViolations(page, 'ballot 2 result');
  await shot(page, '14-result-75');
});
