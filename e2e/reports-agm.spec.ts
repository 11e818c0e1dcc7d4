import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readZipEntry } from '../main/core/meetings/print/zip';
import { addDays, formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { formatLocalDateTime } from '../shared/rules/working-hours';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { seedVotingMembers } from './support/members';
import { setUpMutual } from './support/mutual';

/**
 * The AGM pack on the report screens, in Chromium against the real core: the secretary chooses
 * the general meeting on the reports page; the pack's proxy form states the deadline the meeting's
 * own page computes from the rules (CA 2006 s327: 48 working hours before, as the articles set),
 * with the form's blank lines to fill in; the resolution's text is quoted as recorded; the proxy
 * form downloads as a Word file of its own. axe finds nothing on the pack. (The annual report's journey is reports-journey.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'test-results/reports-agm';
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => Math.max(document.querySelector('main')?.scrollHeight ?? 0, document.body.scrollHeight));
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const RESOLUTION = 'That the annual governance report for the year be received.';

test('the AGM pack for the chosen general meeting states the proxy deadline the meeting’s rules give, with the proxy form to fill in', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ]);
  const heldOn = addDays(ukDateOf(new Date()), 30);
  const created = await api(app, 'meetings.create', { kind: 'annual_general', heldOn, startsAt: '18:00', endsAt: '19:30', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = created.meeting.id as string;
  const withItem = await api(app, 'meetings.addItem', { meetingId, title: 'Annual governance report', purpose: 'decision' });
  await api(app, 'meetings.addResolution', { meetingId, agendaItemId: withItem.items.at(-1).id as string, kind: 'ordinary', text: RESOLUTION });
  const view = await api(app, 'meetings.get', { id: meetingId });
  const deadline = view.notice.proxyDeadline as string;
  expect(deadline < `${heldOn}T18:00`).toBe(true);

  await page.evaluate(() => (window.location.hash = '#/reports'));
  const entry = page.locator('li.rpt-entry').filter({ has: page.getByRole('heading', { name: 'AGM pack', exact: true }) });
  await entry.getByRole('button', { name: 'Choose dates and produce' }).click();
  // Without a meeting the form says what is missing, by the field.
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Choose the general meeting the pack is for.' })).toBeVisible();
  await entry.getByLabel('General meeting').selectOption({ label: `${view.meeting.title as string}, ${formatLegalDate(heldOn)}` });
  await entry.getByRole('button', { name: 'Produce the report' }).click();
  await expect(page.locator('.rpt-page h1')).toContainText('AGM pack', { timeout: 60_000 });

  const body = page.locator('.rpt-body');
  await expect(body.getByRole('heading', { name: 'Proxy form', exact: true })).toBeVisible();
  await expect(body).toContainText(`no later than ${formatLocalDateTime(deadline)}`);
  const form = body.locator('.rpt-form');
  await expect(form.getByText('Name of proxy (leave blank to appoint the chair of the meeting)')).toBeVisible();
  await expect(form.locator('.rpt-form-line').first()).toBeVisible();
  await expect(body.locator('blockquote').filter({ hasText: RESOLUTION }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'the AGM pack');
  await shot(page, '01-agm-pack');

  // Each part is a Word file of its own to edit: the proxy form's has its deadline and lines, not the agenda.
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Download “Proxy form” as Word (DOCX)' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const xml = new TextDecoder().decode(readZipEntry(new Uint8Array(readFileSync(await file.path())), 'word/document.xml')!);
  const word = xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  expect(word).toContain(`no later than ${formatLocalDateTime(deadline)}`);
  expect(word).toContain('Name of proxy (leave blank to appoint the chair of the meeting)');
  expect(xml).not.toMatch(/<w:t[^>]*>Agenda<\/w:t>/);
});
