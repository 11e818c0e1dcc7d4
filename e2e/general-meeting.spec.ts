import { addDays, formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { seedVotingMembers } from './support/members';
import { expect, expectNoAxeViolations, test } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 180_000 });

// The core's today is the real UK date, so the meeting is dated relative to it.
const today = ukDateOf(new Date());

test('a general meeting with a special resolution: short notice refused without consents, and the result on the votes cast', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const ids = await seedVotingMembers(app, [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
    ['Dafydd', 'Ap Gwilym'],
    ['Eilís', 'Ní Bhriain'],
  ]);
  const members = Object.values(ids).map((id) => ({ id }));
  // Held a week ago; notice was posted 12 days before it, two clear days short of s307's 14.
  const heldOn = addDays(today, -7);
  const sentOn = addDays(heldOn, -12);
  const created = await api(app, 'meetings.create', { kind: 'general', heldOn, startsAt: '18:00', endsAt: '19:30', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = created.meeting.id as string;
  const withItem = await api(app, 'meetings.addItem', { meetingId, title: 'Adoption of new articles of association', purpose: 'decision' });
  const itemId = withItem.items.at(-1).id as string;
  await api(app, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'special', text: 'That the articles of association produced to the meeting be adopted as the articles of the company.' });

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meetingId);
  await page.getByRole('tab', { name: 'Notice' }).click();
  await expect(page.getByText('14 clear days', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'general meeting notice tab');

  // Recording the notice as ordinary notice is refused: it gives too few clear days.
  await page.getByRole('button', { name: 'Record notice sent' }).click();
  const dialog = page.getByRole('form', { name: 'Record notice sent' });
  await fillDate(dialog, 'Date sent', sentOn);
  await dialog.getByLabel('Time sent').fill('15:00');
  await dialog.getByRole('button', { name: 'Record notice' }).click();
  await expect(dialog.getByText(/14 clear days required by CA 2006 s307/).first()).toBeVisible();
  await expect(page.getByText('Not recorded yet')).toBeVisible();

  // As short notice it is recorded, and the consents are not yet enough (s307(5)-(6)).
  await dialog.getByLabel(/Called on short notice/).check();
  await dialog.getByRole('button', { name: 'Record notice' }).click();
  await expect(page.getByRole('heading', { name: 'Consents to short notice' })).toBeVisible();
  await expect(page.getByText('Not enough')).toBeVisible();
  for (const m of members) await api(app, 'meetings.recordConsent', { id: meetingId, memberId: m.id, consentedOn: sentOn });
  await page.reload();
  await page.getByRole('tab', { name: 'Notice' }).click();
  await expect(page.getByText('5 members have consented.')).toBeVisible();
  await expect(page.getByText('Enough', { exact: true })).toBeVisible();

  // At the meeting: three members present (the quorum is two qualifying persons, s318(2)).
  for (const m of members.slice(0, 3)) await api(app, 'meetings.setAttendance', { meetingId, memberId: m.id, status: 'present', arrivedAt: '18:00' });
  await api(app, 'meetings.setStatus', { id: meetingId, status: 'held' });
  await page.reload();
  await page.getByRole('tab', { name: 'Items and decisions' }).click();
  await page.getByRole('button', { name: 'Record a resolution' }).first().click();
  const form = page.getByRole('form', { name: /Record a resolution on item/ });
  await form.getByLabel('Resolution as set out in the notice').selectOption({ index: 1 });
  await form.getByLabel('Poll (votes by holding)').check();
  // 8 for, 3 against, 4 withheld: 72.7% of the votes cast, short of 75% (s283(5)); withheld votes are not votes cast.
  await form.getByLabel('For', { exact: true }).fill('8');
  await form.getByLabel('Against', { exact: true }).fill('3');
  await form.getByLabel('Withheld', { exact: true }).fill('4');
  await form.getByRole('button', { name: /^Record/ }).last().click();
  await expect(page.getByText(/72\.72% of the votes cast/).first()).toBeVisible();
  await expect(page.getByText(/not passed|Not passed/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'general meeting items and decisions');

  const register = await api(app, 'decisions.register', { meetingId });
  expect(register.rows).toHaveLength(1);
  expect(register.rows[0].outcome).toBe('not_passed');
  expect(register.rows[0].kind).toBe('special');
  expect(formatLegalDate(register.rows[0].decidedOn)).toBe(formatLegalDate(heldOn));
});
