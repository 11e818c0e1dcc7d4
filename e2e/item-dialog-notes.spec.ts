import { ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, test } from './support/app';
import { setUpMutual } from './support/mutual';

// Changing an agenda item in its dialog must not send back the notes it had when the dialog
// opened: notes typed on the Items tab a moment before (their save still on its way) stay.
test('changing an item’s title while its notes are being saved keeps the notes', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const created = await api(app, 'meetings.create', { kind: 'board', heldOn: ukDateOf(new Date()), startsAt: '00:00', place: 'Board room, 12 Wellington Street, Leeds' });
  const meetingId = created.meeting.id as string;
  const item = async () => (await api(app, 'meetings.get', { id: meetingId })).items[0] as { title: string; notes: string | null };

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meetingId);
  await page.getByRole('tab', { name: 'Items and decisions' }).click();
  const notes = page.getByLabel('Notes on item 1');

  // The core saves at once, but its answers reach the page a second and a half late, as on a loaded laptop.
  await page.route('**/api/meetings.updateItem', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
  });
  const typed = 'Apologies from Sarah Lee.';
  const sent = page.waitForRequest((r) => r.url().includes('/api/meetings.updateItem') && (r.postData() ?? '').includes(typed));
  await notes.pressSequentially(typed);
  await sent;

  // While that save's answer is on its way, the item's title is changed on the Agenda tab.
  await page.getByRole('tab', { name: /Agenda and papers/ }).click();
  await page.getByRole('button', { name: 'Change item 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change item 1' });
  await dialog.getByLabel('Title').fill('Welcome, apologies and introductions');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await page.unroute('**/api/meetings.updateItem');

  await expect.poll(item).toEqual(expect.objectContaining({ title: 'Welcome, apologies and introductions', notes: typed }));
  await page.getByRole('tab', { name: 'Items and decisions' }).click();
  await expect(page.getByLabel('Notes on item 1')).toHaveValue(typed);
});
