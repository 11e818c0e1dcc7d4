import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expectNoAxeViolations, test, expect, type AppUnderTest } from './support/app';
import { api } from './support/api';
import { focusedName, tabTo } from './support/keyboard';
import { setUpMutual } from './support/mutual';

/** A paper of several pages, made here so the journey needs no file on disk. */
async function paperPdf(text: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${text}, page ${i + 1}`, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await doc.save());
}

/** Attaches a paper through the same upload the renderer uses (uploads.begin, uploads.append, meetings.attachPaper). */
async function attachPaper(app: AppUnderTest, agendaItemId: string, fileName: string, title: string, bytes: Buffer): Promise<void> {
  const { uploadId, chunkBytes } = await api<{ uploadId: string; chunkBytes: number }>(app, 'uploads.begin', { purpose: 'paper', fileName, sizeBytes: bytes.length });
  for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
    await api(app, 'uploads.append', { uploadId, index, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  await api(app, 'meetings.attachPaper', { agendaItemId, uploadId, title });
}

test('a board pack started from the meeting page and cancelled from its progress display says it was cancelled and downloads nothing', async ({ page, app, cspErrors }) => {
  test.slow();
  void cspErrors;
  await setUpMutual(page, app.url);

  // A meeting with enough papers (60 of 10 pages) that the pack is still being made when Cancel is pressed.
  let view = await api(app, 'meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Board room, 12 Wellington Street, Leeds', standardItems: false });
  const meetingId = view.meeting.id as string;
  view = await api(app, 'meetings.addItem', { meetingId, title: 'Service reports', purpose: 'information' });
  const itemId = view.items[0].id as string;
  const paper = await paperPdf('Service report', 10);
  for (let i = 1; i <= 60; i++) await attachPaper(app, itemId, `service-report-${i}.pdf`, `Service report ${i}`, paper);

  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await page.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meetingId);
  await page.getByRole('tab', { name: /Agenda and papers/ }).click();
  const start = page.getByRole('button', { name: 'Board pack (PDF)' });
  await expect(start).toBeVisible();

  // By keyboard: start the pack, then Tab to its Cancel button beside the progress bar.
  await start.focus();
  await page.keyboard.press('Enter');
  const cancel = page.getByRole('button', { name: 'Cancel the board pack' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await tabTo(page, 'Cancel the board pack', { limit: 5 });
  await page.keyboard.press('Enter');

  // The job's own message, in the same live region that says "… downloaded" when a pack is made.
  const outcome = page.locator('.mtg-doc-outcome[role="status"]');
  await expect(outcome).toHaveText(/^Board pack for .+, 10 December 2026 was cancelled; nothing was made\.$/);
  await expect(outcome).toHaveAttribute('aria-live', 'polite');
  await expect(outcome).not.toHaveClass(/is-error/);
  await expect(page.getByRole('button', { name: /Cancel(ling)? the board pack/ })).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // The focus is not lost with the Cancel button: it is back on the button that makes the pack.
  await expect(start).toBeEnabled();
  await expect.poll(() => focusedName(page)).toBe('Board pack (PDF)');
  await expectNoAxeViolations(page, 'board pack cancelled');

  // Nothing is downloaded, not even later (the worker has stopped; no file was kept).
  await page.waitForTimeout(1500);
  expect(downloads).toEqual([]);

  // The pack can be made afterwards as usual (here without waiting for its 600 pages: it starts and offers Cancel again).
  await start.click();
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(outcome).toHaveText(/was cancelled; nothing was made\.$/);
  expect(downloads).toEqual([]);
});
