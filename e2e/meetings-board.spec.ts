import { mkdirSync, readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { ukDateOf } from '../shared/rules/legal-date';
import { expectNoAxeViolations, test, expect } from './support/app';
import { api } from './support/api';
import { fillDate } from './support/dates';
import { focusedName, tabTo } from './support/keyboard';
import { setUpMutual } from './support/mutual';

const SHOTS = '/tmp/shots';

/** The time of day in the UK, HH:MM. */
const ukTimeOf = (instant: Date): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A one-page PDF paper, made here so the journey needs no file on disk. */
async function paperPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

async function director(app: Parameters<typeof api>[0], givenNames: string, familyName: string): Promise<{ id: string }> {
  return api(app, 'officers.add', {
    particulars: {
      givenNames,
      familyName,
      serviceAddress: { line1: '12 Wellington Street', town: 'Leeds', postcode: 'LS1 4AP' },
      dateOfBirth: '1980-01-01',
      nationality: 'British',
      occupation: 'Care worker',
      countryOfResidence: 'England',
    },
    residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-04-01' },
  });
}

test('a secretary plans a board meeting, tags an item with the council, records two directors’ attendance, sees quorum lost when one leaves, and runs the live view by keyboard', async ({ page, app, cspErrors }) => {
  // A long journey with many accessibility checks on a shared machine.
  test.slow();
  void cspErrors;
  await setUpMutual(page, app.url);
  const khan = await director(app, 'Amir', 'Khan');
  await director(app, 'Jaspreet', 'Patel');
  await director(app, 'Sarah', 'Lee');
  await api(app, 'interests.declare', { officerId: khan.id, category: 'employment', nature: 'Employed by Leeds City Council', relatedOrganisation: 'Leeds City Council', declaredOn: '2025-01-01' });
  const today = ukDateOf(new Date());

  // The meetings list starts empty and says what to do first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'No meetings yet' })).toBeVisible();
  await expect(page.getByText(/Plan the next board meeting first/)).toBeVisible();
  await expectNoAxeViolations(page, 'meetings: none yet');
  await shot(page, '01-meetings-empty');

  // Plan a board meeting for today, first leaving out the place and the online link.
  await page.getByRole('link', { name: 'Plan a meeting' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan a meeting' })).toBeFocused();
  await fillDate(page, 'Date of the meeting', today);
  // From midnight with no end time, so "arrived now" and "taken now" fall within the meeting whenever the journey runs.
  await page.getByLabel('Start time').fill('0000');
  await page.getByLabel('Chair (optional)').selectOption({ label: 'Amir Khan' });
  await expectNoAxeViolations(page, 'plan a meeting');
  await page.getByRole('button', { name: 'Plan the meeting' }).click();
  await expect(page.getByText(/Give the place of the meeting, or how to attend by electronic means/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'plan a meeting with an error');
  await shot(page, '02-plan-error');
  await page.getByLabel('Place (optional if online only)').fill('Board room, 12 Wellington Street, Leeds');
  await page.getByRole('button', { name: 'Plan the meeting' }).click();

  // The meeting page: tabs with the standard items already on the agenda.
  await expect(page.getByRole('heading', { level: 1, name: 'Board meeting' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Board meeting: sections' });
  await expect(tabs.getByRole('tab', { name: 'Notice' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/reasonable notice/)).toBeVisible();
  await expectNoAxeViolations(page, 'meeting page: notice');
  await shot(page, '03-meeting-notice');
  // Arrow keys move between tabs, as the ARIA tabs pattern says.
  await tabs.getByRole('tab', { name: 'Notice' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: /Agenda and papers/ })).toBeFocused();
  await expect(tabs.getByRole('tab', { name: /Agenda and papers/ })).toHaveAttribute('aria-selected', 'true');
  const agenda = page.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByRole('heading', { name: 'Item 1: Welcome and apologies for absence' })).toBeVisible();

  // Add an item tagged with the council that commissions the mutual: Amir Khan's interest is flagged.
  await page.getByRole('button', { name: 'Add an item' }).click();
  const add = page.getByRole('dialog', { name: 'Add an item' });
  await add.getByLabel('Title').fill('Renewal of the domiciliary care contract');
  await add.getByLabel('For decision').check();
  await add.getByLabel('Presenter (optional)').fill('Finance Director');
  await add.getByLabel('Time allotted in minutes (optional)').fill('20');
  await add.getByLabel('Related organisation (optional)').fill('Leeds City Council');
  await expectNoAxeViolations(page, 'add an item');
  await add.getByRole('button', { name: 'Add to the agenda' }).click();
  await expect(add).toBeHidden();
  const item = agenda.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Renewal of the domiciliary care contract/ }) });
  await expect(item.getByRole('heading')).toHaveText('Item 5: Renewal of the domiciliary care contract');
  await expect(item).toContainText('Leeds City Council');
  await expect(item.getByText(/Director with an interest: .*Khan \(employed by Leeds City Council\)/)).toBeVisible();

  // A paper for the item: sent in chunks, its type read from its bytes, listed with its size and SHA-256.
  await item.getByText('Attach a paper').click();
  await item.getByLabel('File').setInputFiles({ name: 'contract-renewal.pdf', mimeType: 'application/pdf', buffer: await paperPdf('Contract renewal: report to the board') });
  await item.getByLabel('Title (optional)').fill('Contract renewal report');
  await item.getByRole('button', { name: 'Attach to item 5' }).click();
  const papers = item.getByRole('table', { name: 'Papers for item 5' });
  await expect(papers.getByRole('row', { name: /Contract renewal report/ })).toContainText('PDF');
  await expect(papers.getByRole('row', { name: /Contract renewal report/ })).toContainText(/[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
  await expectNoAxeViolations(page, 'meeting page: agenda');
  await shot(page, '04-meeting-agenda');

  // The board pack: one PDF with a progress bar, then downloaded; the paper's page is in it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Board pack (PDF)' }).click();
  const pack = await downloading;
  const pdf = await PDFDocument.load(readFileSync(await pack.path()));
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('status').filter({ hasText: /downloaded/ })).toContainText(/pages/);

  // Attendance: Amir Khan and Jaspreet Patel arrive at the start; Jaspreet Patel leaves at 00:01, so that
  // the live view's "taken now" falls after the departure whatever the time of day the journey runs.
  if (ukTimeOf(new Date()) === '00:00') await page.waitForTimeout(61_000);
  await tabs.getByRole('tab', { name: 'Attendance' }).click();
  const khanRow = page.getByRole('row', { name: /Amir Khan/ });
  const patelRow = page.getByRole('row', { name: /Jaspreet Patel/ });
  await khanRow.getByRole('group', { name: 'Attendance of Amir Khan' }).getByLabel('Present', { exact: true }).check();
  await expect(khanRow.getByLabel('Amir Khan: arrived at')).toBeEnabled();
  await khanRow.getByLabel('Amir Khan: arrived at').fill('00:00');
  await khanRow.getByLabel('Amir Khan: arrived at').blur();
  await patelRow.getByRole('group', { name: 'Attendance of Jaspreet Patel' }).getByLabel('Present', { exact: true }).check();
  await expect(patelRow.getByLabel('Jaspreet Patel: arrived at')).toBeEnabled();
  await patelRow.getByLabel('Jaspreet Patel: arrived at').fill('00:00');
  await patelRow.getByLabel('Jaspreet Patel: arrived at').blur();
  await expect(page.getByRole('heading', { name: 'Quorate now' })).toBeVisible();
  await patelRow.getByLabel('Jaspreet Patel: left at').fill('0001');
  await patelRow.getByLabel('Jaspreet Patel: left at').blur();
  await expect(patelRow.getByLabel('Jaspreet Patel: left at')).toHaveValue('00:01');
  await expect(page.getByRole('heading', { name: 'Not quorate now' })).toBeVisible();
  await expectNoAxeViolations(page, 'meeting page: attendance');
  await shot(page, '05-meeting-attendance');

  // Items and decisions: item 5 is not quorate, naming who left and who is conflicted.
  await tabs.getByRole('tab', { name: 'Items and decisions' }).click();
  const card = page.getByRole('region', { name: /5 Renewal of the domiciliary care contract/ });
  await expect(card.getByText(/Not quorate for item 5: 0 of 2 .*Patel left at 00:01 .*Khan is conflicted/)).toBeVisible();
  await expectNoAxeViolations(page, 'meeting page: items and decisions');
  await shot(page, '06-meeting-items');

  // The live view, reached and used by keyboard alone.
  await page.getByRole('heading', { level: 1, name: 'Board meeting' }).focus();
  await tabTo(page, 'Open the live meeting view');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Board meeting' })).toBeVisible();
  const current = page.getByRole('main', { name: 'Current item' });
  await expect(current.getByRole('heading', { level: 2 }).first()).toContainText('Welcome and apologies for absence');
  await current.getByRole('button', { name: 'Record item 1 as taken now' }).click();
  await expect(current).toContainText(/Taken at \d\d:\d\d/);
  await expect(page.getByRole('region', { name: 'Keyboard shortcuts' })).toContainText('N Next item');
  await expectNoAxeViolations(page, 'live view');
  for (let i = 0; i < 4; i++) await page.keyboard.press('n');
  const heading = current.locator('h2.live-item-title');
  await expect(heading).toContainText('Renewal of the domiciliary care contract');
  await expect(heading).toBeFocused();
  await expect(current.getByRole('alert')).toContainText(/Not quorate for item 5: 0 of 2 .*Patel left at 00:01/);
  await expectNoAxeViolations(page, 'live view: not quorate');
  await shot(page, '07-live-not-quorate');

  // Notes typed on the item: N typed in the box is text, not "next item"; saved as typed.
  await tabTo(page, 'Notes on item 5');
  await page.keyboard.type('Noted the council’s new rates. No objections.');
  await expect(heading).toContainText('Renewal of the domiciliary care contract');
  await expect(current.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('p');
  await expect(heading).toContainText('Matters arising and actions');
  await page.keyboard.press('n');
  await expect(current.getByLabel('Notes on item 5')).toHaveValue('Noted the council’s new rates. No objections.');

  // ? shows the shortcuts; A goes to the attendance list, where Sarah Lee arrives with one key press.
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('a');
  expect(await focusedName(page)).toMatch(/^Arrived now: /);
  await tabTo(page, 'Arrived now: Sarah Lee');
  await page.keyboard.press('Enter');
  const lee = page.getByRole('listitem').filter({ hasText: 'Sarah Lee' });
  await expect(lee).toContainText(/Here since \d\d:\d\d/);
  await expectNoAxeViolations(page, 'live view after an arrival');
  await shot(page, '08-live-arrival');

  // Print views of the notice and the agenda.
  await page.goto(page.url().replace(/\/meetings\/([^/]+)\/live.*/, '/print/meetings/$1/agenda'));
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda: Board meeting' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Agenda' })).toContainText('Renewal of the domiciliary care contract');
  await expectNoAxeViolations(page, 'agenda print view');
  await shot(page, '09-print-agenda');
  await page.goto(page.url().replace(/\/agenda$/, '/notice'));
  await expect(page.getByRole('heading', { level: 1, name: 'Notice of Board meeting' })).toBeVisible();
  await expectNoAxeViolations(page, 'notice print view');
  await shot(page, '10-print-notice');

  // The list and the home screen show the meeting.
  await page.getByRole('link', { name: /Back to the meeting/ }).click();
  await page.getByRole('link', { name: 'Meetings', exact: true }).first().click();
  await expect(page.getByRole('table', { name: 'Upcoming meetings, soonest first' }).getByRole('row', { name: /Board meeting/ })).toContainText('Board room');
  await expectNoAxeViolations(page, 'meetings list');
  await shot(page, '11-meetings-list');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const panel = page.getByRole('region', { name: 'Meetings' });
  await expect(panel.getByRole('link', { name: 'Board meeting' })).toBeVisible();
  await expectNoAxeViolations(page, 'home with the meetings panel');
  await shot(page, '12-home');
});
