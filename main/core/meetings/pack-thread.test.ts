import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../shared/contract/meetings';
import { exportsDirFor } from '../exports/file-store';
import { pdfOf, uploadPaper } from './papers.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { buildBoardPackInWorker, packWorkerScript } from './pack-thread';
import { readPackModel } from './pack-worker';
import { buildBoardPack } from './print/board-pack';
import { readPdf } from './print/fixtures.test-helpers';
import type { MeetingHeading } from './print/models';

/**
 * The board pack built on a worker thread (pack-thread.ts, pack-worker.ts): the same PDF as
 * building it on the host's thread, progress relayed to the job, cancellation that stops the
 * worker and leaves no file, the SHA-256 check on every paper, and the Electron bundle's
 * prebuilt worker (tools/build-electron.mjs) run in plain Node.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NOW = new Date('2026-11-30T12:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  return t;
}

async function attach(t: TestCore, agendaItemId: string, fileName: string, title: string, pages: number): Promise<MeetingView> {
  return expectOk(await t.core.dispatch('meetings.attachPaper', { agendaItemId, uploadId: await uploadPaper(t.core, fileName, await pdfOf(pages, title)), title })) as MeetingView;
}

/** A board meeting with a sub-item, and papers on an item, its sub-item and a later item. */
async function meetingWithPapers(t: TestCore): Promise<MeetingView> {
  let v = expectOk(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: true })) as MeetingView;
  v = expectOk(await t.core.dispatch('meetings.addItem', { meetingId: v.meeting.id, title: 'Finance', purpose: 'decision' })) as MeetingView;
  // Found by title: a new item goes in before 'Any other business', which stays last.
  const finance = v.items.find((i) => i.title === 'Finance')!.id;
  v = expectOk(await t.core.dispatch('meetings.addItem', { meetingId: v.meeting.id, parentId: finance, title: 'Management accounts to 31 October 2026', purpose: 'discussion' })) as MeetingView;
  const accounts = v.items.find((i) => i.title.startsWith('Management accounts'))!.id;
  v = expectOk(await t.core.dispatch('meetings.addItem', { meetingId: v.meeting.id, title: 'Home care contract renewal', purpose: 'decision' })) as MeetingView;
  const contract = v.items.find((i) => i.title === 'Home care contract renewal')!.id;
  await attach(t, finance, 'budget.pdf', 'Budget 2027/28', 2);
  await attach(t, accounts, 'accounts.pdf', 'Management accounts M7', 3);
  await attach(t, contract, 'contract.pdf', 'Draft contract', 4);
  return attach(t, contract, 'evaluation.pdf', 'Tender evaluation', 1);
}

function filesIn(t: TestCore): string[] {
  const dir = exportsDirFor(t.dbPath);
  return existsSync(dir) ? readdirSync(dir) : [];
}

const readExport = (t: TestCore, fileId: string) => new Uint8Array(readFileSync(join(exportsDirFor(t.dbPath), fileId)));

describe('the board pack job on a worker thread', () => {
  it('makes the same PDF as building it on the host thread: pages, bookmarks and text, with progress to the end', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const status = await runJob(t.core, 'meetings.boardPack', { id: v.meeting.id });
    expect(status.error).toBeUndefined();
    expect(status.state).toBe('succeeded');
    // Progress counts papers: all four, done.
    expect([status.done, status.total]).toEqual([4, 4]);
    const result = status.result as { fileId: string; pages: number; sizeBytes: number };
    const fromJob = await readPdf(readExport(t, result.fileId));
    expect(fromJob.pages).toBe(result.pages);
    // Cover, agenda, then 2 + 3 + 4 + 1 pages of papers.
    expect(result.pages).toBe(12);

    // The same model built and printed on this thread, as the job did before the worker.
    const meeting: MeetingHeading = {
      organisationName: String(t.core.raw.prepare('select name from organisation').pluck().get()),
      title: v.meeting.title,
      kind: 'board',
      date: '2026-12-10',
      startTime: '18:30',
      endTime: null,
      place: 'Civic Hall, Leeds',
      electronicMeans: null,
    };
    const raw = new Database(t.dbPath, { readonly: true });
    const model = readPackModel(raw, { meetingId: v.meeting.id, meeting, issuedOn: '2026-11-30' });
    raw.close();
    const direct = await readPdf(await buildBoardPack(model));
    expect(fromJob.text).toEqual(direct.text);
    expect(fromJob.outline).toEqual(direct.outline);
    expect(fromJob.info['Title']).toBe(direct.info['Title']);

    // Papers in agenda order, a sub-item's under it, each bookmarked at its first page.
    const finance = fromJob.outline.find((o) => o.title.endsWith('. Finance'))!;
    expect(finance.children.map((c) => c.title)).toEqual(['Paper: Budget 2027/28', expect.stringMatching(/^\d+\.1\. Management accounts to 31 October 2026$/)]);
    expect((finance.children[1]!.children as Array<{ title: string }>).map((c) => c.title)).toEqual(['Paper: Management accounts M7']);
    expect(fromJob.outline.find((o) => o.title.endsWith('. Home care contract renewal'))!.children.map((c) => c.title)).toEqual(['Paper: Draft contract', 'Paper: Tender evaluation']);
    expect(fromJob.text.join('\n')).toMatch(/Management accounts M7 page 3[\s\S]*Draft contract page 1[\s\S]*Tender evaluation page 1/);
    expect(fromJob.text.at(-1)).toMatch(/Page 12 of 12/);
    // The agenda gives the page each paper starts on.
    expect(fromJob.text[1]).toMatch(/Paper: Budget 2027\/28 page 3[\s\S]*Paper: Management accounts M7 page 5[\s\S]*Paper: Draft contract page 8[\s\S]*Paper: Tender evaluation page 12/);
  }, 60_000);

  it('reports progress while it runs, paper by paper', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const seen: Array<[number, number]> = [];
    const part = join(exportsDirFor(t.dbPath), 'progress-test.part');
    mkdirSync(exportsDirFor(t.dbPath), { recursive: true });
    const { pages } = await buildBoardPackInWorker({
      dbPath: t.dbPath,
      meetingId: v.meeting.id,
      meeting: { organisationName: 'Test CIC', title: 'Board', kind: 'board', date: '2026-12-10', startTime: '18:30' },
      issuedOn: null,
      outPath: part,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect((await PDFDocument.load(readFileSync(part))).getPageCount()).toBe(pages);
  }, 60_000);

  it('stops the worker when the job is cancelled, and leaves no file', async () => {
    const t = await open();
    let v = expectOk(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: false })) as MeetingView;
    v = expectOk(await t.core.dispatch('meetings.addItem', { meetingId: v.meeting.id, title: 'Reports', purpose: 'information' })) as MeetingView;
    const item = v.items[0]!.id;
    // Enough papers that the pack is still running when the first has gone in.
    for (let i = 1; i <= 40; i++) await attach(t, item, `report ${i}.pdf`, `Report ${i}`, 8);
    const { jobId } = expectOk(await t.core.dispatch('meetings.boardPack', { id: v.meeting.id })) as { jobId: string };
    for (let s = t.core.jobs.get(jobId); s.state === 'running' && s.done < 1; s = t.core.jobs.get(jobId)) await new Promise((r) => setTimeout(r, 5));
    const running = t.core.jobs.get(jobId);
    expect(running.state).toBe('running');
    expect(running.done).toBeLessThan(40);
    expect(t.core.jobs.cancel(jobId)).toMatchObject({ state: 'running', cancellable: true });
    await t.core.jobs.idle();
    const status = t.core.jobs.get(jobId);
    expect(status.state).toBe('failed');
    expect(status.error).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^Board pack for .+ was cancelled; nothing was made\.$/) });
    // No file, finished or half-written, and none appears later (the worker is gone, not still writing).
    expect(filesIn(t)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(filesIn(t)).toEqual([]);
    // Cancelling it again does nothing more: the answer is its cancelled status.
    expect(t.core.jobs.cancel(jobId)).toMatchObject({ state: 'failed', error: status.error });
  }, 120_000);

  it('terminates the worker itself when its signal is aborted', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const controller = new AbortController();
    let exited!: Promise<number>;
    const started = buildBoardPackInWorker({
      dbPath: t.dbPath,
      meetingId: v.meeting.id,
      meeting: { organisationName: 'Test CIC', title: 'Board', kind: 'board', date: '2026-12-10', startTime: '18:30' },
      issuedOn: null,
      outPath: join(exportsDirFor(t.dbPath), 'abort-test.part'),
      onWorker: (w) => (exited = new Promise((resolve) => w.once('exit', resolve))),
      // Aborted once the worker is at work: after the first paper has gone in.
      onProgress: (done) => done === 1 && controller.abort(new Error('stopped by the test')),
      signal: controller.signal,
    });
    await expect(started).rejects.toThrow('stopped by the test');
    // Terminated (exit code 1), not left to run to the end, nor kept for another pack.
    expect(await exited).toBe(1);
  }, 60_000);

  it('keeps a finished worker for the next pack, never one that was stopped', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const workers: Worker[] = [];
    const pack = (name: string, signal?: AbortSignal, onProgress?: (done: number) => void) =>
      buildBoardPackInWorker({
        dbPath: t.dbPath,
        meetingId: v.meeting.id,
        meeting: { organisationName: 'Test CIC', title: 'Board', kind: 'board', date: '2026-12-10', startTime: '18:30' },
        issuedOn: null,
        outPath: join(exportsDirFor(t.dbPath), name),
        onWorker: (w) => workers.push(w),
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
    mkdirSync(exportsDirFor(t.dbPath), { recursive: true });
    const first = await pack('first.part');
    const second = await pack('second.part');
    expect(workers[1]).toBe(workers[0]);
    // The kept worker makes the same pack again.
    expect(second).toEqual(first);
    expect(Buffer.compare(readFileSync(join(exportsDirFor(t.dbPath), 'first.part')), readFileSync(join(exportsDirFor(t.dbPath), 'second.part')))).toBe(0);
    const controller = new AbortController();
    await expect(pack('third.part', controller.signal, (done) => done === 1 && controller.abort(new Error('stopped')))).rejects.toThrow('stopped');
    expect(workers[2]).toBe(workers[0]);
    await pack('fourth.part');
    expect(workers[3]).not.toBe(workers[2]);
  }, 60_000);

  it('fails the job, with the message reading the paper gives, when a paper no longer matches its SHA-256', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const forged = await pdfOf(4, 'Forged contract');
    const paper = v.items.flatMap((i) => i.papers).find((p) => p.title === 'Draft contract')!;
    t.core.raw.prepare('update document set bytes = ?, size = ? where sha256 = ?').run(Buffer.from(forged), forged.length, paper.sha256);
    const status = await runJob(t.core, 'meetings.boardPack', { id: v.meeting.id });
    expect(status.state).toBe('failed');
    expect(filesIn(t)).toEqual([]);
    const read = await t.core.dispatch('meetings.readPaper', { id: paper.id });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(status.error).toEqual({ code: 'CONFLICT', message: read.error.message });
    expect(status.error!.message).toMatch(/^The stored copy of contract\.pdf no longer matches the SHA-256 recorded when it was attached/);
  }, 60_000);
});

describe('the Electron bundle’s worker (tools/build-electron.mjs)', () => {
  let out: string;
  beforeAll(() => {
    // Inside the repository (build/ is ignored), so the bundle's external better-sqlite3 and the
    // DejaVu fonts resolve from node_modules as they do from the app's own folder.
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    out = mkdtempSync(join(ROOT, 'build', 'pack-worker-test-'));
    execFileSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs'), '--outdir', out], { cwd: ROOT });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is found beside main.cjs, and the sources use the tsx entry', () => {
    expect(packWorkerScript(pathToFileURL(join(out, 'main.cjs')).href)).toBe(join(out, 'pack-worker.cjs'));
    expect(packWorkerScript()).toBe(join(ROOT, 'main', 'core', 'meetings', 'pack-worker-entry.mjs'));
  });

  it('builds the same pack in plain Node, without tsx', async () => {
    const t = await open();
    const v = await meetingWithPapers(t);
    const fromJob = (await runJob(t.core, 'meetings.boardPack', { id: v.meeting.id })).result as { fileId: string; pages: number };
    const part = join(exportsDirFor(t.dbPath), 'bundle-test.part');
    const seen: number[] = [];
    const heading: MeetingHeading = {
      organisationName: String(t.core.raw.prepare('select name from organisation').pluck().get()),
      title: v.meeting.title,
      kind: 'board',
      date: '2026-12-10',
      startTime: '18:30',
      endTime: null,
      place: 'Civic Hall, Leeds',
      electronicMeans: null,
    };
    const { pages } = await buildBoardPackInWorker({
      script: join(out, 'pack-worker.cjs'),
      dbPath: t.dbPath,
      meetingId: v.meeting.id,
      meeting: heading,
      issuedOn: '2026-11-30',
      outPath: part,
      onProgress: (done) => seen.push(done),
    });
    expect(pages).toBe(fromJob.pages);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const [a, b] = await Promise.all([readPdf(new Uint8Array(readFileSync(part))), readPdf(readExport(t, fromJob.fileId))]);
    expect(a.text).toEqual(b.text);
    expect(a.outline).toEqual(b.outline);
  }, 60_000);
});
