import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addDays, addYears, formatLegalDate, ukDateOf } from '../shared/rules/legal-date';
import { api } from './support/api';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { fillDate } from './support/dates';
import { setUpMutual } from './support/mutual';

/**
 * Issue 10's journey, in Chromium against the real core: a county council's community services
 * contract reserved to the mutual (Procurement Act 2023 s33) with two extension options; the home
 * screen shows the extension decision due; the board decision to extend is linked from the
 * contract page, where a director with an interest in the council is named as conflicted; a second
 * contract for the same services from the same council is checked for reservation and refused
 * (s33(5): the first was reserved in the three years before), while the same services for another
 * council pass that condition; the evidence pack's PDF states the registers' figures as they stood
 * on its date, not after members admitted since; the .ics file parses with one event per duty.
 * (The contract form by keyboard alone is e2e/contracts-screens.spec.ts; the calendar, portfolio
 * and spreadsheet import are e2e/contracts-portfolio.spec.ts.)
 */
test.describe.configure({ timeout: 180_000 });

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text.replace(/\s+/g, ' ');
}

const address = { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };

async function admit(app: AppUnderTest, classId: string, givenNames: string, familyName: string, admittedOn: string, employeeNumber?: string) {
  return api(app, 'members.admit', {
    classId,
    particulars: {
      givenNames,
      familyName,
      address,
      employee: employeeNumber ? { employeeNumber, employmentStart: '2019-04-01', weeklyHours: 37.5 } : null,
      loansAndDepositsPence: null,
    },
    admittedOn,
    initialShares: null,
  });
}

async function director(app: AppUnderTest, givenNames: string, familyName: string, directorKind: 'employee' | 'independent') {
  return api<{ id: string }>(app, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: address, dateOfBirth: '1978-03-02', nationality: 'British', countryOfResidence: 'England', occupation: 'Care worker' },
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind, appointedOn: '2021-01-04' },
  });
}

test('a council’s reserved contract: extension decision due on the home screen, the board decision linked, the conflicted director named; a second reservation refused for the same council and not for another; the evidence pack’s figures are those of its date; the .ics has one event per duty', async ({
  page,
  app,
  cspErrors,
}) => {
  void cspErrors;
  const today = ukDateOf(new Date());
  await setUpMutual(page, app.url);

  // The registers: five employee members and two supporters since 2021; three employee directors and an independent one.
  const employees = await api<{ id: string }>(app, 'classes.create', {
    name: 'Employee members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: true,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const supporters = await api<{ id: string }>(app, 'classes.create', {
    name: 'Supporter members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  for (const [i, [g, f]] of ([['Asha', 'Patel'], ['Ben', 'Moss'], ['Cath', 'Lee'], ['Dan', 'Roe'], ['Eve', 'Hart']] as const).entries()) await admit(app, employees.id, g, f, '2021-02-01', `E${100 + i}`);
  for (const [g, f] of [['Fay', 'Ng'], ['Gil', 'Ward']] as const) await admit(app, supporters.id, g, f, '2021-02-01');
  const amara = await director(app, 'Amara', 'Okafor', 'employee');
  const bryn = await director(app, 'Bryn', 'Jones', 'employee');
  const cerys = await director(app, 'Cerys', 'Hughes', 'employee');
  const dev = await director(app, 'Dev', 'Shah', 'independent');
  // Amara's declaration names the council in words; the contract page must still find it.
  await api(app, 'interests.declare', { officerId: amara.id, category: 'family', nature: 'Her brother is the council’s head of adult social care commissioning', relatedOrganisation: 'Northshire County Council', declaredOn: '2024-06-03' });

  // The council, and the community services contract reserved under s33 about 21 months ago: three years and two one-year options.
  const county = await api<{ id: string }>(app, 'counterparties.create', { name: 'Northshire County Council', kind: 'council', contactName: 'Priya Shah' });
  const dale = await api<{ id: string }>(app, 'counterparties.create', { name: 'Dale District Council', kind: 'council' });
  const awardOn = addDays(today, -640);
  const startOn = addDays(awardOn, 30);
  const endOn = addDays(startOn, 3 * 365 - 1);
  const decisionBy = addDays(today, 45);
  const first = await api<{ id: string; duties: { key: string; kind: string; dueOn: string }[] }>(app, 'contracts.create', {
    counterpartyId: county.id,
    reference: 'NCC/ASC/017',
    title: 'Community adult social care',
    services: ['85312000-9'],
    route: 'pa23_reserved_mutual',
    awardOn,
    startOn,
    endOn,
    annualValuePence: 41_250_000,
    wholeLifeValuePence: 206_250_000,
    extensions: [
      { lengthMonths: 12, decisionBy, noticeBy: addDays(decisionBy, 30) },
      { lengthMonths: 12, decisionBy: addDays(decisionBy, 365), noticeBy: addDays(decisionBy, 395) },
    ],
    breaks: [],
    priceReviews: [{ reviewOn: addDays(today, 120), note: 'CPI uplift' }],
    kpis: [{ name: 'Reablement within six weeks', target: '85%', frequency: 'quarterly', firstDueOn: addDays(startOn, 90) }],
  });

  // The board decided to extend at a meeting ten days ago, Amara taking no part.
  const meeting = await api(app, 'meetings.create', { kind: 'board', heldOn: addDays(today, -10), startsAt: '18:30', endsAt: '20:00', place: 'Board room', chairOfficerId: bryn.id, standardItems: false });
  const meetingId = meeting.meeting.id as string;
  const view = await api<{ items: { id: string; title: string }[] }>(app, 'meetings.addItem', { meetingId, title: 'Extension of the community adult social care contract', purpose: 'decision', contractId: first.id });
  const itemId = view.items.find((i) => i.title.startsWith('Extension of the community'))!.id;
  for (const d of [amara, bryn, cerys, dev]) await api(app, 'meetings.setAttendance', { meetingId, officerId: d.id, status: 'present', arrivedAt: '18:30' });
  await api(app, 'meetings.setStatus', { id: meetingId, status: 'held' });
  await api(app, 'decisions.record', {
    agendaItemId: itemId,
    kind: 'board',
    text: 'RESOLVED that the first one-year extension of the community adult social care contract be exercised.',
    votes: [
      { officerId: amara.id, vote: 'recused' },
      { officerId: bryn.id, vote: 'for' },
      { officerId: cerys.id, vote: 'for' },
      { officerId: dev.id, vote: 'for' },
    ],
  });

  // Home (reloaded: the records above were made behind the window's back): the extension decision is due within 90 days.
  await page.reload();
  const dates = page.getByRole('region', { name: 'Contract dates' });
  await expect(dates).toBeVisible();
  await expect(dates.getByRole('link', { name: /Decide whether to take extension option 1/ }).first()).toBeVisible();
  await expect(dates).toContainText(formatLegalDate(decisionBy));
  await expectNoAxeViolations(page, 'home with contract dates');

  // The contract page: Amara is named as conflicted; the board's decision is linked through the dialog.
  await dates.getByRole('link', { name: /Decide whether to take extension option 1/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Community adult social care/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Directors with an interest in Northshire County Council: Amara Okafor' })).toBeVisible();
  await page.getByRole('button', { name: 'Link a decision' }).click();
  const link = page.getByRole('form', { name: 'Link a board decision' });
  await link.getByLabel('Find the decision').fill('extension');
  const decisionList = link.getByLabel('Decision', { exact: true });
  await expect(decisionList.locator('option')).toHaveCount(2);
  await decisionList.selectOption({ index: 1 });
  await link.getByLabel('What it approved').selectOption('extend');
  await expectNoAxeViolations(page, 'link a board decision');
  await link.getByRole('button', { name: 'Link decision' }).click();
  const decisions = page.getByRole('region', { name: 'Board decisions' });
  await expect(decisions).toContainText('RESOLVED that the first one-year extension');
  await expect(decisions).toContainText('Approved extending');
  await expectNoAxeViolations(page, 'contract page with the conflict and the linked decision');

  // A second contract for the same services from the same council, and the same for another council, being bid for.
  const bid = (counterpartyId: string, reference: string) =>
    api<{ id: string }>(app, 'contracts.create', {
      counterpartyId,
      reference,
      title: 'Community adult social care (north)',
      services: ['85312000-9'],
      route: 'pa23_reserved_mutual',
      bidDueOn: addDays(today, 20),
      startOn: addDays(today, 120),
      endOn: addDays(today, 120 + 3 * 365 - 1),
      annualValuePence: 20_000_000,
      extensions: [],
      breaks: [],
      priceReviews: [],
      kpis: [],
    });
  const again = await bid(county.id, 'NCC/ASC/031');
  const elsewhere = await bid(dale.id, 'DDC/2026/12');

  await page.evaluate((id) => (window.location.hash = `#/contracts/${id}`), again.id);
  const panel = page.getByRole('region', { name: 'Could this contract be reserved to us? (Procurement Act 2023 s33)' });
  await expect(panel.getByRole('heading', { level: 3, name: /could not be reserved to you/i })).toBeVisible();
  const condition = (ref: RegExp) => panel.getByRole('listitem').filter({ has: page.locator('.s33-ref', { hasText: ref }) });
  await expect(condition(/^s33\(5\)/).first()).toContainText('Not met');
  const comparable = panel.getByRole('table', { name: 'Comparable contracts (s33(5) and (7))' });
  await expect(comparable.getByRole('row', { name: /NCC\/ASC\/017: Community adult social care/ })).toContainText(formatLegalDate(awardOn));
  await expect(comparable).toContainText(formatLegalDate(addDays(addYears(awardOn, 3), -1)));
  await expectNoAxeViolations(page, 's33 panel refusing the second reservation');

  await page.evaluate((id) => (window.location.hash = `#/contracts/${id}`), elsewhere.id);
  await expect(page.getByRole('heading', { level: 1, name: /Community adult social care \(north\)/ })).toBeVisible();
  await expect(panel.getByText(/None found: no contract for the same kind of services from Dale District Council/)).toBeVisible();
  await expect(condition(/^s33\(5\)/).first()).toContainText('Met');
  await expect(panel.getByText(/None found: no contract for the same kind of services from Dale District Council/)).toBeVisible();

  // Three supporters join today. The evidence pack as at yesterday still counts seven members, five of them employees.
  for (const [g, f] of [['Hal', 'Ives'], ['Ida', 'Jay'], ['Jon', 'Kay']] as const) await admit(app, supporters.id, g, f, today);
  const asAt = addDays(today, -1);
  await fillDate(panel, 'Evidence as at', asAt);
  await expect(panel.getByRole('heading', { level: 3, name: new RegExp(`as at ${formatLegalDate(asAt)}$`) })).toBeVisible();
  const figures = panel.getByRole('table', { name: new RegExp(`Figures from your records on ${formatLegalDate(asAt)}`) });
  await expect(figures.getByRole('row', { name: /Employee members/ }).first()).toContainText('5 of 7 members');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Evidence pack (PDF)' }).click();
  const text = await pdfText(readFileSync(await (await download).path()));
  expect(text).toContain(`Figures as at ${formatLegalDate(asAt)}`);
  expect(text).toMatch(/Members 7 /);
  expect(text).toMatch(/Members in an employee class 5 \(71\.4%\)/);
  expect(text).toMatch(/Directors in office 4 /);
  expect(text).toMatch(/Directors who are employees or employee-elected 3 \(75\.0%\)/);
  // …and the registers today hold ten.
  const now = await api<{ figures: { members: number; employeeMembers: number } }>(app, 'contractReports.s33Check', { contractId: elsewhere.id, asAt: today });
  expect(now.figures).toMatchObject({ members: 10, employeeMembers: 5 });

  // The calendar file: one event per duty across the three contracts, each with a stable UID.
  const file = await api<{ fileId: string; events: number }>(app, 'contracts.exportCalendar', {});
  let ics = '';
  for (let offset = 0; ; ) {
    const chunk = await api<{ base64: string; nextOffset: number | null }>(app, 'exports.readFile', { fileId: file.fileId, offset });
    ics += Buffer.from(chunk.base64, 'base64').toString('utf8');
    if (chunk.nextOffset === null) break;
    offset = chunk.nextOffset;
  }
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  const duties = (await Promise.all([first.id, again.id, elsewhere.id].map((id) => api<{ duties: unknown[] }>(app, 'contracts.get', { id })))).reduce((n, c) => n + c.duties.length, 0);
  expect(events).toHaveLength(duties);
  expect(file.events).toBe(duties);
  expect(new Set(events.map((e) => String(e.getFirstPropertyValue('uid')))).size).toBe(duties);
});
