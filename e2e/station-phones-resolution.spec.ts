import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

// Issue 9, members' written resolutions from phones: the voting station serves a circulating
// members' written resolution (CA 2006 s288-s300); members read it on their phones (one in Welsh)
// and signify agreement with the agreement code from their letter; it passes the moment the
// required majority of all eligible members' votes have agreed (s296(4)); a used code is refused.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

const SHOTS = process.env.STATION_SHOTS ?? '/tmp/shots-station';
const SMALL_ANDROID = { width: 360, height: 640 };
const IPHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function check(page: Page, what: string, name: string) {
  await expectNoAxeViolations(page, `phone: ${what}`);
  await shot(page, name);
}

interface Phone {
  context: BrowserContext;
  page: Page;
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

test('a members’ written resolution passes the moment enough members have agreed from their phones (one in Welsh), and a used code is refused', async ({ browser, page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  // Five members with a vote each: an ordinary written resolution needs more than half of all five votes, so three (CA 2006 s282(2)).
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bryn', 'Jones'],
    ['Carys', 'Evans'],
    ['Dev', 'Patel'],
    ['Eilidh', 'Ross'],
  ]);
  const today = ukDateOf(new Date());
  const TEXT = 'THAT the company adopt the flexible rota policy circulated with this resolution.';
  const wr = await api(app, 'writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: TEXT, circulatedOn: today });
  const { codes } = await api<{ codes: { name: string; code: string }[] }>(app, 'writtenResolutions.issueCodes', { id: wr.id });
  const codeOf = (name: string) => codes.find((c) => c.name === name)!.code;
  const status = await api<{ url: string }>(app, 'station.start', { writtenResolutionId: wr.id, address: '127.0.0.1' });

  // Aisha, on a small Android phone in English: the resolution, its kind and dates, then her agreement.
  const aisha = await openPhone(browser, SMALL_ANDROID);
  const a = aisha.page;
  await a.goto(status.url);
  await a.getByRole('button', { name: 'English' }).click();
  await expect(a.getByRole('heading', { level: 2, name: 'Written resolution' })).toBeVisible();
  await expect(a.getByRole('button', { name: 'Start voting' })).toHaveCount(0);
  if (wr.lapsesAfter) await expect(a.getByText(`You can agree until the end of ${formatLegalDate(wr.lapsesAfter)}.`)).toBeVisible();
  await check(a, 'start, a written resolution', '20-wr-start');
  await a.getByRole('button', { name: 'Read the resolution' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Written resolution' })).toBeFocused();
  await expect(a.getByText(TEXT)).toBeVisible();
  await expect(a.getByText('Ordinary resolution')).toBeVisible();
  await expect(a.getByRole('definition').filter({ hasText: formatLegalDate(today) })).toBeVisible();
  // Nothing entered: both problems in the summary, each linked to its field.
  await a.getByRole('button', { name: 'Send my agreement' }).click();
  const summary = a.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter the agreement code from your letter.', 'Tick the box to show that you agree to the resolution.']);
  await check(a, 'written resolution, nothing entered', '21-wr-errors');
  await summary.getByRole('link', { name: /Tick the box/ }).click();
  await expect(a.getByLabel('I agree to this resolution')).toBeFocused();
  await a.getByLabel('Your agreement code').fill(codeOf('Aisha Khan'));
  await a.getByLabel('I agree to this resolution').check();
  await a.getByRole('button', { name: 'Send my agreement' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Your agreement has been recorded' })).toBeFocused();
  await expect(a.getByText(/^Recorded for Aisha Khan at \d{2}:\d{2} on \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
  await expect(a.getByRole('heading', { level: 2, name: 'The resolution has not been passed yet' })).toBeVisible();
  await check(a, 'agreement recorded, not yet passed', '22-wr-agreed');
  // Her code again: refused, without saying how it was used.
  await a.getByRole('button', { name: 'Finish' }).click();
  await a.getByRole('button', { name: 'Read the resolution' }).click();
  await a.getByLabel('Your agreement code').fill(codeOf('Aisha Khan'));
  await a.getByLabel('I agree to this resolution').check();
  await a.getByRole('button', { name: 'Send my agreement' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link')).toHaveText('This code has already been used.');

  // Bryn, on an iPhone in Welsh.
  const bryn = await openPhone(browser, IPHONE);
  const b = bryn.page;
  await b.goto(status.url);
  await b.getByRole('button', { name: 'Cymraeg' }).click();
  await b.getByRole('button', { name: 'Darllen y penderfyniad' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Penderfyniad ysgrifenedig' })).toBeFocused();
  await expect(b.getByText('Penderfyniad cyffredin')).toBeVisible();
  await b.getByLabel('Eich cod cytuno').fill(codeOf('Bryn Jones'));
  await b.getByLabel('Rwy’n cytuno i’r penderfyniad hwn').check();
  await check(b, 'written resolution, in Welsh', '23-wr-cy');
  await b.getByRole('button', { name: 'Anfon fy nghytundeb' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Mae eich cytundeb wedi’i gofnodi' })).toBeFocused();
  await expect(b.getByText(/^Wedi’i gofnodi ar gyfer Bryn Jones am \d{2}:\d{2} ar \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
  await expect(b.getByRole('heading', { level: 2, name: 'Nid yw’r penderfyniad wedi’i basio eto' })).toBeVisible();
  await check(b, 'agreement recorded, in Welsh', '24-wr-cy-agreed');

  // Carys, the third of five votes: the resolution passes at once (s296(4)), and the secretary sees it.
  const carys = await openPhone(browser, SMALL_ANDROID);
  const c = carys.page;
  await c.goto(status.url);
  await c.getByRole('button', { name: 'English' }).click();
  await c.getByRole('button', { name: 'Read the resolution' }).click();
  await c.getByLabel('Your agreement code').fill(codeOf('Carys Evans').toLowerCase());
  await c.getByLabel('I agree to this resolution').check();
  await c.getByRole('button', { name: 'Send my agreement' }).click();
  await expect(c.getByRole('heading', { level: 2, name: 'The resolution has been passed' })).toBeVisible();
  await check(c, 'agreement that passes the resolution', '25-wr-passed');
  const passed = await api(app, 'writtenResolutions.get', { id: wr.id });
  expect(passed.status).toBe('passed');
  expect(passed.signatories.filter((s: { agreedVia: string | null }) => s.agreedVia === 'phone').map((s: { name: string }) => s.name).sort()).toEqual(['Aisha Khan', 'Bryn Jones', 'Carys Evans']);

  for (const phone of [aisha, bryn, carys]) expect(phone.errors, 'no CSP violations or page errors on a phone').toEqual([]);
  for (const phone of [aisha, bryn, carys]) await phone.context.close();
});
