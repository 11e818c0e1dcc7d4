import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 180_000 });

const today = ukDateOf(new Date());
const address = { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' };

test('a tied board vote is carried on the chair’s casting vote, recorded by name', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const directors: { id: string }[] = [];
  for (const [g, f] of [
    ['Amara', 'Okafor'],
    ['Bryn', 'Jones'],
    ['Cerys', 'Hughes'],
    ['Dev', 'Shah'],
  ] as const) {
    directors.push(
      await api(app, 'officers.add', {
        particulars: { givenNames: g, familyName: f, serviceAddress: address, dateOfBirth: '1975-06-01', nationality: 'British', countryOfResidence: 'England', occupation: 'Nurse' },
        residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
        appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-01-08' },
      }),
    );
  }
  const heldOn = addDays(today, -3);
  const created = await api(app, 'meetings.create', { kind: 'board', heldOn, startsAt: '18:30', endsAt: '20:00', place: 'Board room', chairOfficerId: directors[0]!.id, standardItems: false });
  const meetingId = created.meeting.id as string;
  await api(app, 'meetings.addItem', { meetingId, title: 'Renewal of the home care contract', purpose: 'decision' });
  for (const d of directors) await api(app, 'meetings.setAttendance', { meetingId, officerId: d.id, status: 'present', arrivedAt: '18:30' });
  await api(app, 'meetings.setStatus', { id: meetingId, status: 'held' });

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}?tab=items`), meetingId);
  await page.getByRole('button', { name: 'Record a decision' }).first().click();
  const form = page.getByRole('form', { name: /Record a decision on item 1/ });
  await form.getByLabel('The decision').fill('RESOLVED that the home care contract be renewed for two years.');
  await form.getByLabel('Amara Okafor: for', { exact: true }).check();
  await form.getByLabel('Bryn Jones: for', { exact: true }).check();
  await form.getByLabel('Cerys Hughes: against', { exact: true }).check();
  await form.getByLabel('Dev Shah: against', { exact: true }).check();
  // Two for, two against: the form asks how the chair used the casting vote (Model Articles art 13).
  await expect(form.getByRole('group', { name: 'The chair’s casting vote' })).toBeVisible();
  await form.getByLabel('Cast for the motion').check();
  await expectNoAxeViolations(page, 'board decision with a tie');
  await form.getByRole('button', { name: /^Record/ }).click();
  await expect(page.getByText(/Carried on the casting vote of A\. Okafor/).first()).toBeVisible();

  const register = await api(app, 'decisions.register', { meetingId });
  expect(register.rows).toHaveLength(1);
  expect(register.rows[0]).toMatchObject({ outcome: 'carried_on_casting_vote', votesFor: 2, votesAgainst: 2 });
  expect(register.rows[0].votes.map((v: { name: string; vote: string }) => `${v.name}: ${v.vote}`).sort()).toEqual([
    'Amara Okafor: for',
    'Bryn Jones: for',
    'Cerys Hughes: against',
    'Dev Shah: against',
  ]);
});
