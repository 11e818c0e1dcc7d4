import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readZipEntry } from '../main/core/meetings/print/zip';
import { addDays, ukDateOf } from '../shared/rules/legal-date';
import { formatDayDate, formatLocalDateTime } from '../shared/rules/working-hours';
import { api } from './support/api';
import { seedVotingMembers } from './support/members';
import { expect, expectNoAxeViolations, test, type AppUnderTest } from './support/app';
import { setUpMutual } from './support/mutual';

// A general meeting's notice, downloaded from the Notice tab as PDF and as Word, must say what
// CA 2006 requires: time, date and place (s311), a special resolution's full text and that it is
// proposed as special (s283(6)), with reasonable prominence the member's right to appoint a proxy
// (s324, as s325(1) requires) and the deadline for appointing one (s327), and who it was sent to.

test.describe.configure({ timeout: 120_000 });

const SPECIAL = 'That the articles of association produced to the meeting be adopted as the articles of the company in substitution for the existing articles.';
const MEMBERS = [
  ['Aisha', 'Khan'],
  ['Bob', 'Taylor'],
  ['Carys', 'Evans'],
] as const;

/** All white space as single spaces, so text wrapped across lines or runs reads as one string. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return flat(text);
}

/** The text of a Word file's body (word/document.xml): its runs' text, a space between paragraphs. */
function docxText(bytes: Buffer): string {
  const xml = readZipEntry(new Uint8Array(bytes), 'word/document.xml');
  if (!xml) throw new Error('The Word file has no word/document.xml');
  const text = new TextDecoder()
    .decode(xml)
    .replace(/<\/w:p>|<w:br\/>|<w:tab\/>|<\/w:tc>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return flat(text);
}

async function seed(app: AppUnderTest): Promise<{ meetingId: string; heldOn: string }> {
  await seedVotingMembers(app, MEMBERS);
  // A month ahead, so notice sent today gives more than s307's 14 clear days.
  const heldOn = addDays(ukDateOf(new Date()), 30);
  const created = await api(app, 'meetings.create', { kind: 'general', heldOn, startsAt: '18:00', endsAt: '19:30', place: 'Civic Hall, Leeds', standardItems: false });
  const meetingId = created.meeting.id as string;
  const withItem = await api(app, 'meetings.addItem', { meetingId, title: 'Adoption of new articles of association', purpose: 'decision' });
  await api(app, 'meetings.addResolution', { meetingId, agendaItemId: withItem.items.at(-1).id as string, kind: 'special', text: SPECIAL });
  return { meetingId, heldOn };
}

/** Clicks a document button on the Notice tab and returns the downloaded file's bytes. */
async function download(page: Page, label: 'Notice (PDF)' | 'Notice (Word)', extension: 'pdf' | 'docx'): Promise<Buffer> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
  await expect(page.getByRole('status').filter({ hasText: `.${extension} downloaded` })).toContainText('3 recipients');
  return readFileSync(await file.path());
}

test('a general meeting’s notice downloads as PDF and as Word with the date, place, the special resolution in full, the proxy right and deadline, and the members it went to', async ({ page, app, cspErrors }) => {
  void cspErrors;
  await setUpMutual(page, app.url);
  const { meetingId, heldOn } = await seed(app);
  const view = await api(app, 'meetings.get', { id: meetingId });
  const deadline = view.notice.proxyDeadline as string;
  expect(deadline < `${heldOn}T18:00`).toBe(true);

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meetingId);
  await page.getByRole('tab', { name: 'Notice' }).click();
  await expect(page.getByRole('heading', { name: 'The notice as a document' })).toBeVisible();
  await expect(page.getByText('Proxy deadline', { exact: true })).toBeVisible();

  const pdf = await pdfText(await download(page, 'Notice (PDF)', 'pdf'));
  const word = docxText(await download(page, 'Notice (Word)', 'docx'));
  await expectNoAxeViolations(page, 'general meeting notice tab after both downloads');

  for (const [format, text] of [
    ['PDF', pdf],
    ['Word', word],
  ] as const) {
    await test.step(`the ${format} notice`, () => {
      expect(text).toContain('Notice of General Meeting');
      // Time, date and place (s311(1)).
      expect(text).toContain(`Notice is given that the general meeting of Riverside Care Mutual Ltd will be held at Civic Hall, Leeds on ${formatDayDate(heldOn)} at 18:00`);
      // The special resolution in full, marked as special (s283(6)).
      expect(text).toContain('Resolution 1: Special resolution');
      expect(text).toContain('to pass the following resolution as a special resolution');
      expect(text).toContain(SPECIAL);
      // The right to appoint a proxy, under its own heading (s324, s325(1)), and the deadline (s327).
      expect(text).toContain('Your right to appoint a proxy');
      expect(text).toContain('may appoint another person, who need not be a member of the company, as their proxy to exercise all or any of their rights to attend, speak and vote at the meeting (Companies Act 2006, section 324)');
      expect(text).toContain(`no later than ${formatLocalDateTime(deadline)}.`);
      // The members it went to, from the register on the day.
      expect(text).toContain('Appendix: members to whom this notice was sent');
      expect(text).toMatch(/This notice was sent to the members on the register of members on \d{1,2} \w+ \d{4}: 3 in all \(3 by post\)\./);
      for (const [g, f] of MEMBERS) expect(text).toContain(`${g} ${f}`);
      expect(text).toContain('1 Mill Lane, Leeds, LS2 7EW');
    });
  }
});
