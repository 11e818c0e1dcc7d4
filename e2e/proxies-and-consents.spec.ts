import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { seedVotingMembers } from './support/members';
import { expect, expectNoAxeViolations, test } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

test.describe.configure({ timeout: 180_000 });

// The core's today is the real UK date, so the meeting is dated relative to it.
const today = ukDateOf(new Date());

test('a general meeting on short notice: consents listed and one removed; a member holding two proxies counts once; a proxy revoked and the quorum follows', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const id = await seedVotingMembers(app, [
    ['Hana', 'Holt'],
    ['Ann', 'Lowe'],
    ['Bob', 'Hill'],
    ['Cara', 'Dunn'],
    ['Dev', 'Rao'],
  ]);
  // Held a week ago on three days' notice, given by hand and marked as short notice (CA 2006 s307(4)-(6)).
  const heldOn = addDays(today, -7);
  const sentOn = addDays(heldOn, -3);
  const created = await api(app, 'meetings.create', { kind: 'general', heldOn, startsAt: '18:00', endsAt: '19:30', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = created.meeting.id as string;
  await api(app, 'meetings.recordNotice', { id: meetingId, sentAt: `${sentOn}T09:00`, method: 'hand', shortNotice: true });
  for (const g of ['Hana', 'Bob', 'Cara']) await api(app, 'meetings.recordConsent', { id: meetingId, memberId: id[g], consentedOn: sentOn });

  await page.evaluate((m) => (window.location.hash = `#/meetings/${m}`), meetingId);
  await page.getByRole('tab', { name: 'Notice' }).click();
  await expect(page.getByRole('heading', { name: 'Consents to short notice' })).toBeVisible();

  // A consent recorded through the form joins the list, with its date and the member's votes.
  await page.getByRole('button', { name: 'Record a consent to short notice' }).click();
  const consent = page.getByRole('form', { name: 'Record a consent to short notice' });
  await consent.getByRole('combobox').fill('Lowe');
  await page.getByRole('option', { name: /Ann Lowe/ }).click();
  await fillDate(consent, 'Date of consent', sentOn);
  await consent.getByRole('button', { name: 'Record consent' }).click();
  const shortNotice = page.locator('section[aria-labelledby="short-notice-h"]');
  await expect(shortNotice.getByText('4 members have consented.')).toBeVisible();
  const consents = page.getByRole('table', { name: 'Consents to short notice received' });
  await expect(consents.getByRole('row')).toHaveCount(5);
  await expect(consents.getByRole('row', { name: /Ann Lowe/ })).toContainText('1');
  await expect(consents.getByRole('row', { name: /Cara Dunn/ })).toBeVisible();
  await expect(shortNotice.getByText(/4 of 5 members agreed, holding 80%/)).toBeVisible();
  await expectNoAxeViolations(page, 'notice tab with the consents listed');

  // One recorded in error is removed; the verdict is worked out again.
  await consents.getByRole('button', { name: /^Remove\s*:\s*consent of Cara Dunn$/ }).click();
  await page.getByRole('button', { name: 'Remove the consent' }).click();
  await expect(shortNotice.getByText('3 members have consented.')).toBeVisible();
  await expect(consents.getByRole('row', { name: /Cara Dunn/ })).toHaveCount(0);
  await expect(shortNotice.getByText(/3 of 5 members agreed, holding 60%/)).toBeVisible();

  // Proxies: Ann Lowe appoints Hana Holt, a member, through the form; Bob Hill appoints her too.
  await page.getByRole('tab', { name: 'Attendance' }).click();
  await page.getByRole('button', { name: 'Record a proxy appointment' }).click();
  const proxy = page.getByRole('form', { name: 'Record a proxy appointment' });
  await proxy.getByLabel('Member', { exact: true }).fill('Lowe');
  await page.getByRole('option', { name: /Ann Lowe/ }).click();
  await proxy.getByRole('radio', { name: 'A member', exact: true }).check();
  await proxy.getByLabel('Member appointed as proxy').fill('Holt');
  await page.getByRole('option', { name: /Hana Holt/ }).click();
  await fillDate(proxy, 'Date received', addDays(heldOn, -2));
  await proxy.getByLabel('Time received').fill('10:00');
  await proxy.getByRole('button', { name: 'Record the appointment' }).click();
  await expect(proxy).toHaveCount(0);
  await api(app, 'meetings.recordProxy', { meetingId, memberId: id['Bob'], proxyMemberId: id['Hana'], receivedAt: `${addDays(heldOn, -2)}T11:00` });
  // Pat Jones, not a member, holds Cara Dunn's and Dev Rao's; Sam Ray holds Cara Dunn's too.
  await api(app, 'meetings.recordProxy', { meetingId, memberId: id['Cara'], proxyName: 'Pat Jones', receivedAt: `${addDays(heldOn, -2)}T12:00` });
  await api(app, 'meetings.recordProxy', { meetingId, memberId: id['Dev'], proxyName: 'Pat Jones', receivedAt: `${addDays(heldOn, -2)}T13:00` });
  await api(app, 'meetings.recordProxy', { meetingId, memberId: id['Cara'], proxyName: 'Sam Ray', receivedAt: `${addDays(heldOn, -2)}T14:00` });
  await api(app, 'meetings.setAttendance', { meetingId, memberId: id['Hana'], status: 'present' });
  // Hana Holt entered as attending as proxy as well, her name typed another way: still one person.
  await api(app, 'meetings.addAttendee', { meetingId, role: 'proxy', name: 'hana HOLT', memberId: id['Ann'] });
  await api(app, 'meetings.addAttendee', { meetingId, role: 'proxy', name: 'Pat Jones', memberId: id['Cara'] });
  await api(app, 'meetings.addAttendee', { meetingId, role: 'proxy', name: 'Sam Ray' });
  await page.reload();
  await page.getByRole('tab', { name: 'Attendance' }).click();

  // Hana Holt (once, however many appointments), Pat Jones (for Dev Rao) and Sam Ray (for Cara Dunn): three (s318(2)-(3)).
  await expect(page.getByText(/^Quorate: 3 qualifying persons present, 2 needed/)).toBeVisible();
  const holders = page.getByRole('list', { name: 'Members present holding proxies' });
  await expect(holders).toContainText('Hana Holt');
  await expect(holders).toContainText('proxy for Ann Lowe, Bob Hill');
  await expectNoAxeViolations(page, 'attendance tab with proxies');

  // Dev Rao's appointment revoked: Pat Jones and Sam Ray now both stand only for Cara Dunn, and count once (s318(2)(b)).
  // Recorded through a confirming dialog with when the revocation arrived (it cannot be undone).
  await page.getByRole('button', { name: /^Record revocation\s*:\s*proxy for Dev Rao$/ }).click();
  const revoke = page.getByRole('dialog', { name: 'Record that a proxy appointment was revoked' });
  await expect(revoke).toContainText('no longer counts for Dev Rao');
  await expectNoAxeViolations(page, 'revoke proxy dialog');
  await revoke.getByRole('button', { name: 'Record the revocation' }).click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText(/^Quorate: 2 qualifying persons present, 2 needed .*a proxy of a member another proxy present already represents/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Pat Jones' })).toContainText('for Cara Dunn');
  await expect(page.getByRole('listitem').filter({ hasText: 'Pat Jones' })).not.toContainText('Dev Rao');
});

test('a proxy form that names nobody is recorded as appointing the chair of the meeting', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  await seedVotingMembers(app, [
    ['Ann', 'Lowe'],
    ['Bob', 'Hill'],
  ]);
  const heldOn = addDays(today, 21);
  const created = await api(app, 'meetings.create', { kind: 'general', heldOn, startsAt: '18:00', endsAt: '19:30', place: 'Civic Hall, Leeds', standardItems: false });
  await page.evaluate((m) => (window.location.hash = `#/meetings/${m}`), created.meeting.id as string);
  await page.getByRole('tab', { name: 'Attendance' }).click();
  await page.getByRole('button', { name: 'Record a proxy appointment' }).click();
  const proxy = page.getByRole('form', { name: 'Record a proxy appointment' });
  await proxy.getByLabel('Member', { exact: true }).fill('Lowe');
  await page.getByRole('option', { name: /Ann Lowe/ }).click();
  await proxy.getByRole('radio', { name: 'The chair of the meeting' }).check();
  // Nobody to name: the proxy's name is not asked for.
  await expect(proxy.getByLabel('Proxy’s name')).toHaveCount(0);
  await expect(proxy).toContainText('Also when the form names nobody: the chair is then the proxy.');
  await expectNoAxeViolations(page, 'proxy form, chair of the meeting');
  await fillDate(proxy, 'Date received', today);
  await proxy.getByLabel('Time received').fill('09:00');
  await proxy.getByRole('button', { name: 'Record the appointment' }).click();
  await expect(proxy).toHaveCount(0);
  const received = page.getByRole('table', { name: 'Proxy appointments received' });
  await expect(received.getByRole('row', { name: /Ann Lowe/ })).toContainText('The chair of the meeting');
  await expect(received.getByRole('row', { name: /Ann Lowe/ })).toContainText('In time');
});
