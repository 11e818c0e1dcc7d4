import { addDays, formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

// Long journeys with an accessibility check on every screen they visit.
test.describe.configure({ timeout: 180_000 });

// The app's clock is the real one (the core's today is the UK date now), so dates are chosen relative to it.
const today = ukDateOf(new Date());

const address = { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' };

async function addDirector(app: AppUnderTest, givenNames: string, familyName: string): Promise<{ id: string }> {
  return api(app, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: address, dateOfBirth: '1975-06-01', nationality: 'British', countryOfResidence: 'England', occupation: 'Nurse' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-01-08' },
  });
}

/** A board meeting held on `heldOn` with the given directors present, chaired by the first. */
async function heldBoardMeeting(app: AppUnderTest, heldOn: string, directors: { id: string }[]): Promise<{ meeting: { id: string; title: string }; items: { id: string; title: string; standard: string | null }[] }> {
  const created = await api(app, 'meetings.create', { kind: 'board', heldOn, startsAt: '18:30', endsAt: '20:00', place: 'Board room, 12 Wellington Street, Leeds', chairOfficerId: directors[0]!.id, standardItems: true });
  const id = created.meeting.id as string;
  for (const d of directors) await api(app, 'meetings.setAttendance', { meetingId: id, officerId: d.id, status: 'present', arrivedAt: '18:30' });
  const view = await api(app, 'meetings.setStatus', { id, status: 'held' });
  return { meeting: view.meeting, items: view.items };
}

test('a members’ written resolution circulated too long ago has lapsed, and one to remove a director is refused', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const cls = await api(app, 'classes.create', {
    name: 'Employee',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  for (const [g, f] of [
    ['Aisha', 'Khan'],
    ['Bob', 'Taylor'],
    ['Carys', 'Evans'],
  ] as const) {
    await api(app, 'members.admit', {
      classId: cls.id,
      admittedOn: '2020-05-01',
      particulars: { givenNames: g, familyName: f, address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, email: `${g.toLowerCase()}@example.org`, employee: null, loansAndDepositsPence: null },
      initialShares: null,
    });
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Written resolutions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Written resolutions' })).toBeFocused();
  await expect(page.getByText('No written resolution has been circulated yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'written resolutions: none yet');

  // s288(2): a written resolution cannot remove a director; the core's reason is shown.
  await page.getByRole('button', { name: 'Circulate a written resolution' }).click();
  const dialog = page.getByRole('dialog', { name: 'Circulate a written resolution' });
  await dialog.getByLabel('Special: members holding at least 75%', { exact: false }).check();
  await dialog.getByLabel('What it is for').selectOption({ label: 'Removing a director' });
  await dialog.getByLabel('Text of the resolution').fill('THAT Bob Taylor be removed as a director.');
  await dialog.getByRole('button', { name: 'Circulate' }).click();
  await expect(dialog).toContainText(/s288/);
  await expectNoAxeViolations(page, 'circulate: refused');

  // Circulated 40 days ago: the 28 days beginning with the circulation date (CA 2006 s297) are over.
  const circulatedOn = addDays(today, -40);
  const lastDay = addDays(circulatedOn, 27);
  await dialog.getByLabel('What it is for').selectOption({ label: 'Anything else' });
  await dialog.getByLabel('Text of the resolution').fill('THAT the name of the company be changed to Riverside Community Care Ltd.');
  await fillDate(dialog, 'Circulation date', circulatedOn);
  await expect(dialog).toContainText(`If not passed by the end of ${formatLegalDate(lastDay)} it lapses`);
  await expectNoAxeViolations(page, 'circulate a written resolution');
  await dialog.getByRole('button', { name: 'Circulate' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { level: 1, name: 'Members’ written resolution (special)' })).toBeVisible();
  const main = page.locator('main');
  await expect(main).toContainText('Lapsed');
  await expect(main).toContainText(formatLegalDate(lastDay));
  await expect(main.getByRole('table', { name: 'Eligible members and their agreement' }).getByRole('row')).toHaveCount(4);
  await expect(main.getByRole('button', { name: /Record agreement/ })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots2/written-resolution-lapsed.png', fullPage: true });
  await expectNoAxeViolations(page, 'a lapsed written resolution');

  // An ordinary resolution circulated today passes once members holding more than half of all the votes agree (s282(2), s296(4)).
  await page.getByRole('link', { name: 'Written resolutions' }).first().click();
  await page.getByRole('button', { name: 'Circulate a written resolution' }).click();
  await dialog.getByLabel(/^Ordinary: members holding more than half/).check();
  await dialog.getByLabel('Text of the resolution').fill('THAT the annual report and accounts for 2025-26 be received.');
  await dialog.getByRole('button', { name: 'Circulate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members’ written resolution (ordinary)' })).toBeVisible();
  await expect(main).toContainText('Circulating');
  const eligible = main.getByRole('table', { name: 'Eligible members and their agreement' });
  for (const name of ['Aisha Khan', 'Bob Taylor']) {
    await eligible.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: /Record agreement/ }).click();
    const agree = page.getByRole('dialog', { name: 'Record agreement' });
    await expect(agree).toContainText('cannot be revoked');
    if (name === 'Aisha Khan') await expectNoAxeViolations(page, 'record agreement');
    await agree.getByRole('button', { name: 'Record agreement' }).click();
    await expect(agree).toBeHidden();
  }
  await expect(main.getByRole('heading', { name: 'The result' })).toBeVisible();
  await expect(main).toContainText('Passed');
  await expect(eligible.getByRole('row', { name: /Aisha Khan/ })).toContainText(`Agreed on ${formatLegalDate(today)}`);
  await page.screenshot({ path: '/tmp/shots2/written-resolution-passed.png', fullPage: true });
  await expectNoAxeViolations(page, 'a passed written resolution');

  await page.getByRole('link', { name: 'Written resolutions' }).first().click();
  await expect(page.getByRole('row', { name: /name of the company be changed/ })).toContainText('Lapsed');
  await expect(page.getByRole('row', { name: /annual report/ })).toContainText('Passed');
  await page.screenshot({ path: '/tmp/shots2/written-resolutions.png', fullPage: true });
  await expectNoAxeViolations(page, 'written resolutions list');
});

test('the decisions register finds a decision by its words and links to its meeting', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const a = await addDirector(app, 'Amara', 'Okafor');
  const b = await addDirector(app, 'Bryn', 'Jones');
  const c = await addDirector(app, 'Ceri', 'Hughes');
  const { meeting } = await heldBoardMeeting(app, addDays(today, -30), [a, b, c]);
  const item = await api(app, 'meetings.addItem', { meetingId: meeting.id, title: 'Budget for 2027', purpose: 'decision', relatedOrganisation: 'Leeds City Council' });
  const budgetItem = item.items.find((i: { title: string }) => i.title === 'Budget for 2027');
  await api(app, 'decisions.record', { agendaItemId: budgetItem.id, kind: 'board', text: 'RESOLVED that the budget for 2027 be approved.', votesFor: 3, votesAgainst: 0, votesAbstain: 0 });
  await api(app, 'decisions.record', { agendaItemId: budgetItem.id, kind: 'board', text: 'RESOLVED that a new minibus be leased.', votesFor: 1, votesAgainst: 2, votesAbstain: 0 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions register' })).toBeFocused();
  const table = page.getByRole('table', { name: /Decisions/ });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(page, 'decisions register');

  await page.getByRole('searchbox', { name: 'Search' }).fill('budget');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('RESOLVED that the budget for 2027 be approved.');
  await expect(table).not.toContainText('minibus');
  await page.getByLabel('Outcome').selectOption({ label: 'Lost' });
  await expect(page.getByText('No decision matches the search and filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: '/tmp/shots2/decisions-register.png', fullPage: true });
  await expectNoAxeViolations(page, 'decisions register, filtered');
  await expect(table.getByRole('link', { name: meeting.title }).first()).toHaveAttribute('href', new RegExp(`/meetings/${meeting.id}$`));
});

test('a secretary records an action, drafts the minutes, writes a heading and a bulleted list, circulates them, has the next meeting approve them (closing the carried action there), records the chair’s signature, and they can no longer be edited', async ({
  page,
  app,
  cspErrors,
}) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const a = await addDirector(app, 'Amara', 'Okafor');
  const b = await addDirector(app, 'Bryn', 'Jones');
  const heldOn = addDays(today, -14);
  const { meeting } = await heldBoardMeeting(app, heldOn, [a, b]);
  const chair = 'Amara Okafor';

  // An action agreed at the meeting, owned by a director, before the minutes are drafted.
  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}?tab=actions`), meeting.id);
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Add an action' }).click();
  const addAction = page.getByRole('dialog', { name: 'Add an action' });
  await addAction.getByLabel('What is to be done').fill('Ask the council for the price review figures');
  await addAction.getByLabel('Who will do it').selectOption({ label: 'Bryn Jones' });
  await fillDate(addAction, 'Due by (optional)', addDays(today, 10));
  await expectNoAxeViolations(page, 'add an action');
  await addAction.getByRole('button', { name: 'Add the action' }).click();
  await expect(addAction).toBeHidden();
  await expect(actions.getByRole('table', { name: 'Actions agreed at this meeting' })).toContainText('Ask the council for the price review figures');
  await expectNoAxeViolations(page, 'actions of the meeting');

  await page.evaluate((id) => (window.location.hash = `#/minutes/${id}`), meeting.id);
  await expect(page.getByRole('heading', { level: 1, name: `Minutes: ${meeting.title}` })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Minutes' });
  await expectNoAxeViolations(page, 'minutes: none yet');
  await panel.getByRole('button', { name: 'Draft the minutes from the meeting' }).click();

  // The facts come from the meeting's records, beside the narrative.
  const facts = panel.getByRole('complementary', { name: 'From the meeting’s records' });
  await expect(facts).toContainText('Amara Okafor');
  const editor = panel.getByRole('textbox', { name: 'Narrative of the minutes' });
  await expect(editor).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Stages of the minutes' })).toContainText('Draft');
  await expectNoAxeViolations(page, 'draft minutes');

  // A heading and a bulleted list, by the toolbar, saved as typed.
  const toolbar = panel.getByRole('toolbar', { name: 'Formatting the minutes' });
  // At the end of the generated draft, whatever its last block.
  await editor.locator(':scope > *').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(toolbar.getByRole('button', { name: 'Heading', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type('Finance');
  await toolbar.getByRole('button', { name: 'Heading', exact: true }).click();
  await expect(toolbar.getByRole('button', { name: 'Heading', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('The budget was discussed at length.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The treasurer will report in January.');
  // Leave the list (Enter on an empty item) and insert a table.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Insert a table' }).click();
  await page.keyboard.type('Budget line');
  await expect(editor.locator('table td, table th').first()).toContainText('Budget line');
  await expect(editor.locator('h2', { hasText: 'Finance' })).toBeVisible();
  await expect(editor.locator('ul > li')).toHaveCount(2);
  await expect(panel.getByText(/^Saved at \d\d:\d\d$/)).toBeVisible();
  await page.screenshot({ path: '/tmp/shots2/minutes-draft.png', fullPage: true });
  await expectNoAxeViolations(page, 'minutes being edited');

  // What was saved is the editor's structure: a reload shows the same heading and list.
  await page.reload();
  await expect(editor.locator('h2', { hasText: 'Finance' })).toBeVisible();
  await expect(editor.locator('ul > li', { hasText: 'The treasurer will report in January.' })).toBeVisible();
  const saved = await api(app, 'minutes.get', { meetingId: meeting.id });
  expect(saved.body).not.toContain('<h2');
  expect(JSON.parse(saved.body).root.children.some((n: { type: string; tag?: string }) => n.type === 'heading' && n.tag === 'h2')).toBe(true);

  // Circulated for comment; a comment is kept.
  await panel.getByRole('button', { name: 'Circulate the draft' }).click();
  await expect(panel.getByRole('heading', { name: 'Record approval' })).toBeVisible();
  const comment = panel.getByRole('form', { name: 'Add a comment' });
  await comment.getByLabel('Who made it').fill('Bryn Jones');
  await comment.getByLabel('Comment').fill('Please name the treasurer in the second bullet.');
  await comment.getByRole('button', { name: 'Add the comment' }).click();
  await expect(panel.getByRole('region', { name: /Comments/ })).toContainText('Please name the treasurer in the second bullet.');
  await expectNoAxeViolations(page, 'circulated minutes with a comment');

  // The next board meeting approves them under "Minutes of the previous meeting": the decision is recorded on that item, votes by name.
  const next = await heldBoardMeeting(app, addDays(today, -2), [a, b]);
  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}?tab=items`), next.meeting.id);
  const item = page.getByRole('region', { name: /Minutes of the previous meeting/ }).first();
  await item.getByRole('button', { name: /Record a decision/ }).click();
  const form = item.getByRole('form', { name: /Record a decision/ });
  await form.getByLabel('The decision').fill(`RESOLVED that the minutes of the meeting held on ${formatLegalDate(heldOn)} be approved as a true record.`);
  await expect(form.getByRole('table', { name: 'Each director present and their vote' }).getByRole('row')).toHaveCount(3);
  await form.getByRole('button', { name: 'Everyone not yet chosen voted for' }).click();
  await expect(form).toContainText('2 for, 0 against, 0 abstaining, 0 recused.');
  await expectNoAxeViolations(page, 'recording the decision approving the minutes');
  await form.getByRole('button', { name: 'Record the decision' }).click();
  await expect(item.getByRole('heading', { name: 'Carried' })).toBeVisible();
  await expect(item.getByRole('listitem').filter({ hasText: 'be approved as a true record' })).toContainText('Amara Okafor: for');
  await page.screenshot({ path: '/tmp/shots2/item-decision-recorded.png', fullPage: true });
  await expectNoAxeViolations(page, 'decision recorded on the next meeting');

  // The open action is carried to the next meeting's matters arising, and closed there.
  await page.getByRole('tab', { name: /Actions/ }).click();
  const carried = page.getByRole('table', { name: 'Open actions carried from earlier meetings' });
  await expect(carried).toContainText('Ask the council for the price review figures');
  await carried.getByRole('button', { name: /Mark done/ }).click();
  const done = page.getByRole('dialog', { name: 'Mark the action done' });
  await done.getByLabel('What was done (optional)').fill('Figures received and circulated');
  await done.getByRole('button', { name: 'Mark done' }).click();
  await expect(done).toBeHidden();
  await expect(page.getByText('Nothing is carried from earlier meetings.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Action tracker' }).click();
  await page.getByRole('link', { name: 'Done or dropped' }).click();
  await expect(page.getByRole('row', { name: /price review figures/ })).toContainText('Figures received and circulated');
  await expectNoAxeViolations(page, 'action tracker');

  // Back on the minutes: approval by that decision, then the chair signs after the confirmation.
  await page.evaluate((id) => (window.location.hash = `#/minutes/${id}`), meeting.id);
  await panel.getByLabel('At a later meeting, under “Minutes of the previous meeting”').check();
  await panel.getByLabel('The decision that approved them').selectOption({ index: 1 });
  await panel.getByRole('button', { name: 'Record approval' }).click();
  await expect(panel.getByRole('heading', { name: 'The chair’s signature' })).toBeVisible();
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await panel.getByLabel('Chair’s name').fill(chair);
  await expectNoAxeViolations(page, 'approved minutes');
  await panel.getByRole('button', { name: 'Sign the minutes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sign and seal the minutes?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm).toContainText('CA 2006 s248');
  await page.screenshot({ path: '/tmp/shots2/minutes-sign-confirm.png', fullPage: true });
  await expectNoAxeViolations(page, 'sign confirmation');
  await confirm.getByRole('button', { name: 'Sign and seal' }).click();

  // Sealed: read only, with the SHA-256 and the audit event; editing is refused by the core too.
  await expect(panel.getByRole('heading', { name: 'Signed and sealed' })).toBeVisible();
  const sealed = await api(app, 'minutes.get', { meetingId: meeting.id });
  expect(sealed.sealedSha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(panel).toContainText(sealed.sealedSha256);
  await expect(panel.getByRole('textbox', { name: 'Minutes as signed' })).toHaveAttribute('contenteditable', 'false');
  await expect(panel.getByRole('toolbar')).toHaveCount(0);
  await expect(api(app, 'minutes.save', { id: sealed.id, body: saved.body.replace('Finance', 'Finance (changed)') })).rejects.toThrow(/sign|seal/i);
  await expectNoAxeViolations(page, 'sealed minutes');

  // A printed copy's SHA-256 is checked against the file.
  await panel.getByLabel('SHA-256 printed on the copy').fill(sealed.sealedSha256);
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'It matches' })).toBeVisible();

  // The PDF downloads.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await page.screenshot({ path: '/tmp/shots2/minutes-sealed.png', fullPage: true });

  // A mistake found after signing is a correction: a new record for a later meeting, never an edit.
  await panel.getByRole('button', { name: 'Record a correction' }).click();
  const correction = page.getByRole('dialog', { name: 'Record a correction' });
  await correction.getByLabel('Meeting to approve it').selectOption({ index: 1 });
  await correction.getByLabel('The correction').fill('Item 5: the treasurer is Bryn Jones.');
  await expectNoAxeViolations(page, 'record a correction');
  await correction.getByRole('button', { name: 'Record the correction' }).click();
  await expect(correction).toBeHidden();
  await expect(panel.getByRole('heading', { name: 'Corrected later' })).toBeVisible();
  await expectNoAxeViolations(page, 'sealed minutes after checks');
});
