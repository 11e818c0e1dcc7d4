import { ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/**
 * Issue 10: one list of organisations where organisations are named. A director's interest is
 * declared by choosing the council from the list (so the council's contract names her as
 * conflicted), a nominee's nominating body is added to the list from the appointment dialog, an
 * agenda item is tagged with a contract chosen from those on record (it brings its commissioner,
 * and the contract page lists the item), and the organisation's page opens the decisions
 * register filtered to it by its link (finding a decision linked to it under other words). A
 * declaration made at a meeting, choosing the council, names that director on the council's
 * contract too. Keyboard on every picker; axe on every changed screen.
 */
test('organisations and contracts chosen from the list link declarations, nominations and agenda items to their records', async ({ page, app, cspErrors }) => {
  test.slow();
  void cspErrors;
  const shot = async (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  await setUpMutual(page, app.url);

  const today = ukDateOf(new Date());
  const director = await api<{ id: string }>(app, 'officers.add', {
    particulars: { givenNames: 'Amira', familyName: 'Khan', serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' }, dateOfBirth: '1980-01-01', nationality: 'British', countryOfResidence: 'England' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-01-08' },
  });
  // The company secretary, about to be nominated to the board by a council not yet on the list.
  const secretary = await api<{ id: string }>(app, 'officers.add', {
    particulars: { givenNames: 'Tom', familyName: 'Reed', serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' }, dateOfBirth: '1975-05-05', nationality: 'British', countryOfResidence: 'England' },
    residentialAddress: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS6 1AA' },
    appointment: { role: 'secretary', appointedOn: '2024-01-08' },
  });
  const council = await api<{ id: string }>(app, 'counterparties.create', { name: 'Riverside Borough Council', kind: 'council' });
  await api(app, 'counterparties.create', { name: 'Riverside Hospice', kind: 'charity' });
  const startOn = addDays(today, -30);
  const contract = await api<{ id: string }>(app, 'contracts.create', {
    counterpartyId: council.id,
    reference: 'RBC/ASC/2026/014',
    title: 'Community adult social care',
    services: ['85312000-9'],
    route: 'pa23_reserved_mutual',
    awardOn: addDays(today, -60),
    startOn,
    endOn: addDays(startOn, 3 * 365 - 1),
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });

  // Declare an interest, choosing the council from the list by keys alone.
  await page.goto(`${app.url}#/officers/${director.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amira Khan' })).toBeVisible();
  await page.getByRole('button', { name: 'Declare an interest' }).click();
  const declare = page.getByRole('dialog', { name: 'Declare an interest' });
  await declare.getByLabel('Kind of interest').selectOption({ label: 'Family or personal relationship' });
  await declare.getByLabel('Nature of the interest').fill('Her husband is the council’s head of adult social care');
  const related = declare.getByRole('combobox', { name: 'Related organisation (optional)' });
  await related.focus();
  await page.keyboard.type('river');
  const options = declare.getByRole('listbox', { name: 'Organisations on the list' });
  await expect(options.getByRole('option')).toHaveText(['Riverside Borough CouncilCouncil', 'Riverside HospiceCharity', 'Add “river” as a new organisation']);
  await expect(related).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(related).toHaveAttribute('aria-activedescendant', (await options.getByRole('option').first().getAttribute('id'))!);
  await expectNoAxeViolations(page, 'declare an interest: the organisations list open');
  await shot('declare-interest-list-open');
  await page.keyboard.press('Enter');
  await expect(related).toHaveValue('Riverside Borough Council');
  await expect(related).toHaveAccessibleDescription(/Linked to Riverside Borough Council on the organisations list\./);
  await expect(related).toHaveAttribute('aria-expanded', 'false');
  await expect(declare.getByRole('status').filter({ hasText: 'Linked to' })).toHaveText('Linked to Riverside Borough Council on the organisations list.');
  // Escape closes the list and leaves the dialog open.
  await page.keyboard.type(' ');
  await page.keyboard.press('Escape');
  await expect(declare).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(declare.getByRole('status').filter({ hasText: 'Linked to' })).toBeVisible();
  await expectNoAxeViolations(page, 'declare an interest: chosen from the list');
  await shot('declare-interest-chosen');
  await declare.getByRole('button', { name: 'Declare interest' }).click();
  await expect(declare).toBeHidden();
  const interests = page.getByRole('region', { name: 'Declarations of interest' });
  await expect(interests.getByRole('link', { name: 'Riverside Borough Council' })).toHaveAttribute('href', new RegExp(`/organisations/${council.id}$`));
  await expectNoAxeViolations(page, 'officer page with a linked interest');
  await interests.scrollIntoViewIfNeeded();
  await shot('interests-linked');

  // A nominee's nominating body, not yet on the list: added from the appointment dialog and chosen.
  await page.goto(`${app.url}#/officers/${secretary.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Reed' })).toBeVisible();
  await page.getByRole('button', { name: 'Add appointment' }).click();
  const appoint = page.getByRole('dialog', { name: 'Add an appointment' });
  await appoint.getByLabel('Role').selectOption({ label: 'Director' });
  await appoint.getByLabel('Kind of director').selectOption({ label: 'Nominee director' });
  const nominatedBy = appoint.getByRole('combobox', { name: 'Nominated by' });
  await nominatedBy.focus();
  await page.keyboard.type('Dale District Council');
  await page.keyboard.press('ArrowDown');
  await expect(appoint.getByRole('option', { name: 'Add “Dale District Council” as a new organisation' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: 'Add an organisation' });
  await expect(add.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Dale District Council');
  await expect(add).toContainText('named as the body that nominated this director');
  await add.getByLabel('Kind of organisation').selectOption({ label: 'Council' });
  await expectNoAxeViolations(page, 'add an organisation over the appointment dialog');
  await shot('add-organisation-over-appointment');
  await add.getByRole('button', { name: 'Add organisation' }).click();
  await expect(add).toBeHidden();
  await expect(appoint).toBeVisible();
  await expect(nominatedBy).toBeFocused();
  await expect(nominatedBy).toHaveValue('Dale District Council');
  await expect(appoint.getByRole('status').filter({ hasText: 'Linked to' })).toHaveText('Linked to Dale District Council on the organisations list.');
  await fillDate(appoint, 'Date of appointment', '2025-04-01');
  await expectNoAxeViolations(page, 'add an appointment: nominating body chosen');
  await shot('appointment-nominee-linked');
  await appoint.getByRole('button', { name: 'Add appointment' }).click();
  await expect(appoint).toBeHidden();
  const appointments = page.getByRole('region', { name: 'Appointments' });
  await expect(appointments).toContainText('Nominee director (Dale District Council)');
  await appointments.getByRole('link', { name: 'Dale District Council' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dale District Council' })).toBeVisible();
  await page.goto(`${app.url}#/organisations`);
  await page.getByRole('link', { name: 'Dale District Council' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dale District Council' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tom Reed' })).toBeVisible();

  // The contract names her as conflicted.
  await page.goto(`${app.url}#/contracts/${contract.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Community adult social care' })).toBeVisible();
  await expect(page.getByText('Directors with an interest in Riverside Borough Council: Amira Khan')).toBeVisible();

  // An agenda item tagged with the contract, chosen by its reference: it brings the council.
  const meeting = await api(app, 'meetings.create', { kind: 'board', heldOn: addDays(today, 14), startsAt: '18:30', place: 'Board room', standardItems: false });
  const meetingId = meeting.meeting.id as string;
  await page.goto(`${app.url}#/meetings/${meetingId}`);
  await page.getByRole('tab', { name: /Agenda and papers/ }).click();
  await page.getByRole('button', { name: 'Add an item' }).click();
  const itemDialog = page.getByRole('dialog', { name: 'Add an item' });
  await itemDialog.getByLabel('Title').fill('Extension of the adult social care contract');
  const contractBox = itemDialog.getByRole('combobox', { name: 'Contract (optional)' });
  await contractBox.focus();
  await page.keyboard.type('rbc/asc');
  await expect(itemDialog.getByRole('listbox', { name: 'Contracts on record' }).getByRole('option')).toHaveText(['RBC/ASC/2026/014Community adult social care · Riverside Borough Council']);
  await page.keyboard.press('ArrowDown');
  await expectNoAxeViolations(page, 'agenda item dialog: the contracts list open');
  await page.keyboard.press('Enter');
  await expect(contractBox).toHaveValue('RBC/ASC/2026/014');
  await expect(itemDialog.getByRole('combobox', { name: 'Related organisation (optional)' })).toHaveValue('Riverside Borough Council');
  await expect(itemDialog.getByRole('status').filter({ hasText: 'Linked to the contract' })).toContainText('RBC/ASC/2026/014, Community adult social care, with Riverside Borough Council');
  await expectNoAxeViolations(page, 'agenda item dialog: contract chosen');
  await shot('agenda-item-contract-chosen');

  // Another organisation beside that contract is refused before it is sent, naming the commissioner.
  const orgBox = itemDialog.getByRole('combobox', { name: 'Related organisation (optional)' });
  await orgBox.fill('Riverside Hospice');
  await itemDialog.getByRole('button', { name: 'Add to the agenda' }).click();
  await expect(itemDialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Contract RBC/ASC/2026/014 is with Riverside Borough Council');
  await expectNoAxeViolations(page, 'agenda item dialog: organisation and contract disagree');
  await orgBox.fill('Riverside Borough Council');
  await itemDialog.getByRole('button', { name: 'Add to the agenda' }).click();
  await expect(itemDialog).toBeHidden();
  const agenda = page.getByRole('tabpanel');
  await expect(agenda.getByRole('link', { name: 'Riverside Borough Council' })).toHaveAttribute('href', new RegExp(`/organisations/${council.id}$`));
  await expect(agenda.getByRole('link', { name: 'RBC/ASC/2026/014' })).toHaveAttribute('href', new RegExp(`/contracts/${contract.id}$`));
  await expect(agenda).toContainText('Amira Khan');
  await expectNoAxeViolations(page, 'agenda with a tagged item');
  await shot('agenda-tagged-item');

  // The contract page lists the item; the link from the agenda opens it.
  await agenda.getByRole('link', { name: 'RBC/ASC/2026/014' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community adult social care' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Agenda items about it' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Extension of the adult social care contract' })).toBeVisible();

  // Last week's board decided one thing about the council (its item tagged by the API with the link alone) and one about the hospice.
  const colleague = (givenNames: string) =>
    api<{ id: string }>(app, 'officers.add', {
      particulars: { givenNames, familyName: 'Jones', serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' }, dateOfBirth: '1978-03-02', nationality: 'British', countryOfResidence: 'England' },
      residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-01-08' },
    });
  const bryn = await colleague('Bryn');
  const cerys = await colleague('Cerys');
  const held = await api(app, 'meetings.create', { kind: 'board', heldOn: addDays(today, -7), startsAt: '18:30', endsAt: '20:00', place: 'Board room', chairOfficerId: bryn.id, standardItems: false });
  const heldId = held.meeting.id as string;
  await api(app, 'meetings.addItem', { meetingId: heldId, title: 'Council price uplift', purpose: 'decision', counterpartyId: council.id });
  await api(app, 'meetings.addItem', { meetingId: heldId, title: 'Hospice partnership', purpose: 'decision', relatedOrganisation: 'Riverside Hospice' });
  // Linked to the council, under words that do not name it: only the link finds it.
  const heldView = await api<{ items: { id: string; title: string }[] }>(app, 'meetings.addItem', { meetingId: heldId, title: 'Care home fees', purpose: 'decision', counterpartyId: council.id, relatedOrganisation: 'RBC adult social care commissioners' });
  for (const d of [director, bryn, cerys]) await api(app, 'meetings.setAttendance', { meetingId: heldId, officerId: d.id, status: 'present', arrivedAt: '18:30' });
  await api(app, 'meetings.setStatus', { id: heldId, status: 'held' });
  const itemId = (title: string) => heldView.items.find((i) => i.title === title)!.id;
  await api(app, 'decisions.record', {
    agendaItemId: itemId('Council price uplift'),
    kind: 'board',
    text: 'RESOLVED that the council’s price uplift of 3.2% be accepted.',
    votes: [
      { officerId: director.id, vote: 'recused' },
      { officerId: bryn.id, vote: 'for' },
      { officerId: cerys.id, vote: 'for' },
    ],
  });
  await api(app, 'decisions.record', {
    agendaItemId: itemId('Care home fees'),
    kind: 'board',
    text: 'RESOLVED that the care home fee rates be agreed.',
    votes: [
      { officerId: director.id, vote: 'recused' },
      { officerId: bryn.id, vote: 'for' },
      { officerId: cerys.id, vote: 'for' },
    ],
  });
  await api(app, 'decisions.record', {
    agendaItemId: itemId('Hospice partnership'),
    kind: 'board',
    text: 'RESOLVED that the hospice partnership be renewed.',
    votes: [
      { officerId: director.id, vote: 'for' },
      { officerId: bryn.id, vote: 'for' },
      { officerId: cerys.id, vote: 'for' },
    ],
  });

  // The council's page opens the decisions register filtered to it; the filter is in the address.
  await page.goto(`${app.url}#/organisations/${council.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Riverside Borough Council' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decisions about it' })).toContainText('the council’s price uplift');
  await page.getByRole('link', { name: /^Decisions register\s+filtered to Riverside Borough Council$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions register' })).toBeVisible();
  // Filtered by the link, not by words: the chip names the council and the words box is empty.
  expect(page.url()).toContain(`counterparty=${council.id}`);
  const filters = page.getByRole('search', { name: 'Search and filter decisions' });
  await expect(filters.locator('.register-chip')).toContainText('About Riverside Borough Council: decisions linked to it on the organisations list or naming it');
  await expect(filters.getByRole('link', { name: 'Riverside Borough Council' })).toHaveAttribute('href', new RegExp(`/organisations/${council.id}$`));
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('');
  const register = page.getByRole('table');
  await expect(register).toContainText('the council’s price uplift');
  await expect(register).toContainText('the care home fee rates be agreed');
  await expect(register).not.toContainText('hospice partnership');
  await page.getByLabel('Outcome').selectOption({ label: 'Carried' });
  await expect.poll(() => page.url()).toContain('outcome=carried');
  expect(page.url()).toContain(`counterparty=${council.id}`);
  await expectNoAxeViolations(page, 'decisions register filtered to an organisation on the list');
  await shot('decisions-filtered');
  // The words alone do not find the decision linked under other words.
  await page.goto(`${app.url}#/decisions?organisation=Riverside+Borough+Council`);
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Riverside Borough Council');
  await expect(register).toContainText('the council’s price uplift');
  await expect(register).not.toContainText('care home fee rates');
  await page.goBack();
  await expect(filters.locator('.register-chip')).toBeVisible();
  await expect(register).toContainText('care home fee rates');
  // Removing the chip removes the filter from the address and leaves the focus on the search box.
  await filters.getByRole('button', { name: 'Remove the filter: about Riverside Borough Council' }).click();
  await expect(filters.locator('.register-chip')).toHaveCount(0);
  await expect(page.getByLabel('Search', { exact: true })).toBeFocused();
  await expect.poll(() => page.url()).not.toContain('counterparty=');
  await expect(register).toContainText('hospice partnership');
  // Clearing the filters clears the address.
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page.getByLabel('Outcome')).toHaveValue('');
  await expect.poll(() => page.url()).not.toContain('outcome=');
  // The address alone opens the register filtered (a bookmark, a link from elsewhere), and the menu's link clears it.
  await page.goto(`${app.url}#/decisions?organisation=Riverside+Hospice`);
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Riverside Hospice');
  await expect(register).not.toContainText('price uplift');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions register' }).click();
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('');
  await expect(register).toContainText('price uplift');

  // A declaration made at last week's meeting: an item tagged with the council offers it, and the
  // council is chosen from the list by keys alone; the contract then names her as conflicted.
  await page.goto(`${app.url}#/meetings/${heldId}`);
  await page.getByRole('tab', { name: 'Items and decisions' }).click();
  await page.getByRole('button', { name: 'Record a declaration of interest' }).click();
  const declareAt = page.getByRole('dialog', { name: 'Record a declaration of interest' });
  await declareAt.getByLabel('Director').selectOption({ label: 'Cerys Jones' });
  const atOrg = declareAt.getByRole('combobox', { name: 'Related organisation (optional)' });
  await declareAt.getByLabel('Item (optional)').selectOption({ label: '1. Council price uplift' });
  await expect(atOrg).toHaveValue('Riverside Borough Council');
  await expect(declareAt.getByRole('status').filter({ hasText: 'Linked to' })).toHaveText('Linked to Riverside Borough Council on the organisations list.');
  // The meeting as a whole: the item's organisation, untouched, goes with it; then the council is chosen.
  await declareAt.getByLabel('Item (optional)').selectOption({ label: 'The meeting as a whole' });
  await expect(atOrg).toHaveValue('');
  await declareAt.getByLabel('Nature of the interest').fill('Her sister is a councillor on Riverside Borough Council’s cabinet');
  await atOrg.focus();
  await page.keyboard.type('river');
  await expect(declareAt.getByRole('listbox', { name: 'Organisations on the list' }).getByRole('option').first()).toHaveText('Riverside Borough CouncilCouncil');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(atOrg).toHaveValue('Riverside Borough Council');
  await expect(declareAt.getByRole('status').filter({ hasText: 'Linked to' })).toHaveText('Linked to Riverside Borough Council on the organisations list.');
  await expectNoAxeViolations(page, 'declaration at a meeting: the council chosen from the list');
  await shot('meeting-declaration-chosen');
  await declareAt.getByRole('button', { name: 'Record declaration' }).click();
  await expect(declareAt).toBeHidden();
  await expect(page.getByRole('region', { name: 'Declarations made at the meeting' })).toContainText('Cerys Jones');
  await page.goto(`${app.url}#/contracts/${contract.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Community adult social care' })).toBeVisible();
  await expect(page.getByText(/Directors with an interest in Riverside Borough Council: .*Cerys Jones/)).toBeVisible();
});
