import type { Page } from '@playwright/test';
import { ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

// Issue 7: "a laptop that dies mid-meeting loses nothing that was on screen for more than a second".

/** A board meeting today from midnight (so "taken now" falls within it), with the standard items. */
async function boardMeetingToday(app: AppUnderTest): Promise<string> {
  const created = await api(app, 'meetings.create', { kind: 'board', heldOn: ukDateOf(new Date()), startsAt: '00:00', place: 'Board room, 12 Wellington Street, Leeds' });
  return created.meeting.id as string;
}

async function openLive(page: Page, meetingId: string): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}/live`), meetingId);
  await expect(page.getByRole('main', { name: 'Current item' }).getByRole('heading', { level: 2 }).first()).toContainText('Welcome and apologies for absence');
}

/** The notes the core holds for the meeting's first item. */
async function savedNotes(app: AppUnderTest, meetingId: string): Promise<string | null> {
  const view = await api(app, 'meetings.get', { id: meetingId });
  return view.items[0].notes as string | null;
}

test('notes typed in the last moment before leaving the live view, or closing the tab, are saved', async ({ page, context, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const meetingId = await boardMeetingToday(app);
  await openLive(page, meetingId);
  const current = page.getByRole('main', { name: 'Current item' });

  // Typed and straight off to the meeting page, well inside the half-second pause before a save.
  await current.getByLabel('Notes on item 1').pressSequentially('Apologies from Sarah Lee.');
  await page.getByRole('link', { name: 'Back to the meeting page' }).click();
  await expect.poll(() => savedNotes(app, meetingId)).toBe('Apologies from Sarah Lee.');

  // Typed and the tab closed at once: the page sends the notes as it goes (pagehide, keepalive).
  await openLive(page, meetingId);
  await expect(current.getByLabel('Notes on item 1')).toHaveValue('Apologies from Sarah Lee.');
  await current.getByLabel('Notes on item 1').press('End');
  await current.getByLabel('Notes on item 1').pressSequentially(' Quorum confirmed.');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => savedNotes(app, meetingId)).toBe('Apologies from Sarah Lee. Quorum confirmed.');

  // Reopened, the notes are there.
  const again = await context.newPage();
  await again.goto(app.url);
  await expect(again.getByRole('heading', { level: 1, name: 'Riverside Care Mutual Ltd' })).toBeVisible();
  await openLive(again, meetingId);
  await expect(again.getByRole('main', { name: 'Current item' }).getByLabel('Notes on item 1')).toHaveValue('Apologies from Sarah Lee. Quorum confirmed.');
});

test('a slow answer to a save does not put back older notes, and recording the item as taken keeps them', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const meetingId = await boardMeetingToday(app);
  await openLive(page, meetingId);
  const current = page.getByRole('main', { name: 'Current item' });
  const notes = current.getByLabel('Notes on item 1');

  // The core saves at once, but its answers reach the page a second and a half late, as on a loaded laptop.
  await page.route('**/api/meetings.updateItem', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
  });

  const first = 'Noted the council’s new rates.';
  const sent = page.waitForRequest((r) => r.url().includes('/api/meetings.updateItem') && (r.postData() ?? '').includes(first));
  await notes.pressSequentially(first);
  await sent;
  const answered = page.waitForResponse((r) => r.url().includes('/api/meetings.updateItem'));
  // Still typing while that save's answer is on its way.
  await notes.pressSequentially(' No objections.');
  await answered;
  await expect(notes).toHaveValue(`${first} No objections.`);

  // Recording the item as taken goes after the notes' save, and does not send older notes back.
  await current.getByRole('button', { name: 'Record item 1 as taken now' }).click();
  await expect(current).toContainText(/Taken at \d\d:\d\d/);
  await expect(current.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible({ timeout: 15_000 });
  await expect(notes).toHaveValue(`${first} No objections.`);
  await page.unroute('**/api/meetings.updateItem');

  // What the core holds, and what a fresh page shows.
  await expect.poll(() => savedNotes(app, meetingId)).toBe(`${first} No objections.`);
  await page.reload();
  await expect(page.getByRole('main', { name: 'Current item' }).getByLabel('Notes on item 1')).toHaveValue(`${first} No objections.`);
  await expect(page.getByRole('main', { name: 'Current item' })).toContainText(/Taken at \d\d:\d\d/);
});

test('leaving an item and coming back before its save is answered shows the saved notes, not the older ones', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const meetingId = await boardMeetingToday(app);
  await openLive(page, meetingId);
  const current = page.getByRole('main', { name: 'Current item' });
  await page.route('**/api/meetings.updateItem', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
  });
  await current.getByLabel('Notes on item 1').pressSequentially('Apologies from Sarah Lee.');
  // Next item and straight back: the box for item 1 is made afresh while its save is answering.
  await current.getByRole('button', { name: /Next item/ }).click();
  await expect(current.getByLabel('Notes on item 2')).toBeVisible();
  await current.getByRole('button', { name: /Previous item/ }).click();
  await expect(current.getByLabel('Notes on item 1')).toHaveValue('Apologies from Sarah Lee.');
  await page.unroute('**/api/meetings.updateItem');
  await expect.poll(() => savedNotes(app, meetingId)).toBe('Apologies from Sarah Lee.');
});
