import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../shared/contract/reports';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { jobResult, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { BUILDERS } from './builders/index';
import { REPORT_RUNNER } from './run-job';
import type { ReportBuilder } from './source';
import { buildReportInWorker, endSpareReportWorker, reportWorkerScript } from './worker-thread';
import { buildInWorkerThread, type ReportWorkerMessage } from './worker';
import { runBuilder } from './run';
import { busyBuilder } from './run.test-helpers';

/**
 * The report worker as the Electron bundle ships it (tools/build-electron.mjs builds
 * report-worker.cjs beside main.cjs): found there, run in plain Node without tsx, the same
 * document as the host thread makes; and a finished worker kept for the next report, never one
 * that was stopped.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NOW = new Date('2026-11-30T12:00:00Z');

/** A builder in plain JavaScript, so the bundled worker (which has no tsx) can load it as a test builder. */
const PLAIN_BUILDER = `
export const TEST_BUILDERS = {
  annual: async (src) => {
    const steps = src.request.from === '2000-01-01' ? 300 : 1;
    for (let i = 0; i < steps; i++) {
      src.progress(i, steps, 'Counting the members');
      if (steps > 1) await new Promise((r) => setTimeout(r, 10));
      await src.checkpoint();
    }
    const rows = await src.db.selectFrom('member').select(['family_name']).where('organisation_id', '=', src.org.id)
      .where('admitted_on', '<=', src.period.to).orderBy('family_name').execute();
    return {
      title: 'Annual governance report',
      sections: [{ id: 'membership', title: 'Membership', blocks: [
        { type: 'figures', items: [{ id: 'members', label: 'Members', value: { display: String(rows.length), value: rows.length } }] },
        { type: 'table', id: 'names', title: 'Names', columns: [{ key: 'name', label: 'Name' }], rows: rows.map((r) => ({ name: { display: r.family_name } })) },
      ] }],
      missing: [],
    };
  },
};
`;

let out: string;
let builderUrl: string;
let plainAnnual: ReportBuilder;
const saved = { ...BUILDERS };
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // Inside the repository (build/ is ignored), so the bundle's external better-sqlite3 resolves from node_modules.
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  out = mkdtempSync(join(ROOT, 'build', 'report-worker-test-'));
  execFileSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs'), '--outdir', out], { cwd: ROOT });
  writeFileSync(join(out, 'plain-builder.mjs'), PLAIN_BUILDER);
  builderUrl = pathToFileURL(join(out, 'plain-builder.mjs')).href;
  const mod = (await import(builderUrl)) as { TEST_BUILDERS: { annual: ReportBuilder } };
  plainAnnual = mod.TEST_BUILDERS.annual;
  BUILDERS.annual = plainAnnual;
}, 120_000);
afterEach(async () => {
  REPORT_RUNNER.mode = 'worker';
  delete REPORT_RUNNER.builderModule;
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  for (const k of Object.keys(BUILDERS)) delete BUILDERS[k as keyof typeof BUILDERS];
  Object.assign(BUILDERS, saved);
  await endSpareReportWorker();
  rmSync(out, { recursive: true, force: true });
});

async function open(): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Community members', null);
  await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2019-05-01' });
  await admit(t.core, cls, person('Grace', 'Hopper'), { admittedOn: '2020-02-03' });
  await admit(t.core, cls, person('Joan', 'Clarke'), { admittedOn: '2026-06-01' });
  return t;
}

const resolved = { request: { kind: 'annual' as const, asAt: '2026-03-31', from: '2025-04-01' }, period: { from: '2025-04-01', to: '2026-03-31' } };

describe('the report worker in the Electron bundle', () => {
  it('is found beside main.cjs, and the sources use the tsx entry', () => {
    expect(reportWorkerScript(pathToFileURL(join(out, 'main.cjs')).href)).toBe(join(out, 'report-worker.cjs'));
    expect(reportWorkerScript()).toBe(join(ROOT, 'main', 'core', 'reports', 'worker-entry.mjs'));
  });

  it('builds in plain Node, without tsx, what the host thread builds', async () => {
    const t = await open();
    REPORT_RUNNER.mode = 'thread';
    const onHost = await jobResult<ReportDoc>(t.core, 'reports.build', { kind: 'annual', asAt: '2026-03-31' });
    const org = t.core.raw.prepare('select id from organisation').pluck().get() as string;
    const { built, head } = await buildReportInWorker({ dbPath: t.dbPath, organisationId: org, resolved, today: '2026-11-30', builderModule: builderUrl, script: join(out, 'report-worker.cjs') });
    expect(built.sections).toEqual(onHost.sections);
    expect(head).toEqual(onHost.auditHead);
    expect(built.sections[0]!.blocks[1]).toMatchObject({ rows: [{ name: { display: 'Hopper' } }, { name: { display: 'Lovelace' } }] });
  }, 60_000);

  it('answers a refusal as the host would give it', async () => {
    const t = await open();
    await expect(
      buildReportInWorker({ dbPath: t.dbPath, organisationId: '0190f000-0000-7000-8000-000000000009', resolved, today: '2026-11-30', script: join(out, 'report-worker.cjs') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The organisation is no longer in this file.' });
  }, 60_000);

  it('runs the real builders, unchanged, to the same document as the host thread', async () => {
    const t = await open();
    const org = t.core.raw.prepare('select id from organisation').pluck().get() as string;
    const kinds = (['annual', 'effectiveness'] as const).filter((k) => saved[k]);
    for (const kind of kinds) {
      BUILDERS[kind] = saved[kind];
      REPORT_RUNNER.mode = 'thread';
      const onHost = await jobResult<ReportDoc>(t.core, 'reports.build', { kind, asAt: '2026-03-31' });
      const { built } = await buildReportInWorker({ dbPath: t.dbPath, organisationId: org, resolved: { request: onHost.request, period: onHost.period }, today: '2026-11-30', script: join(out, 'report-worker.cjs') });
      expect(built.sections, kind).toEqual(onHost.sections);
      expect(built.title).toBe(onHost.title);
    }
    BUILDERS.annual = plainAnnual;
  }, 120_000);
});

describe('the kept worker', () => {
  it('keeps a finished worker for the next report, never one that was stopped, and is ended when aborted', async () => {
    const t = await open();
    const org = t.core.raw.prepare('select id from organisation').pluck().get() as string;
    const workers: Worker[] = [];
    const script = join(out, 'report-worker.cjs');
    const build = (slow: boolean, signal?: AbortSignal, onProgress?: (done: number) => void) =>
      buildReportInWorker({
        dbPath: t.dbPath,
        organisationId: org,
        resolved: slow ? { request: { ...resolved.request, from: '2000-01-01' }, period: { from: '2000-01-01', to: '2026-03-31' } } : resolved,
        today: '2026-11-30',
        builderModule: builderUrl,
        script,
        onWorker: (w) => workers.push(w),
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
    const first = await build(false);
    const second = await build(false);
    expect(workers[1]).toBe(workers[0]);
    expect(second).toEqual(first);
    const controller = new AbortController();
    const exited = new Promise<number>((resolve) => workers[0]!.once('exit', resolve));
    await expect(build(true, controller.signal, (done) => done >= 3 && controller.abort(new Error('stopped by the test')))).rejects.toThrow('stopped by the test');
    expect(workers[2]).toBe(workers[0]);
    // Terminated part-way (exit code 1), not left to run on.
    expect(await exited).toBe(1);
    await build(false);
    expect(workers[3]).not.toBe(workers[2]);
    // Used again and again, it gathers no listeners.
    const listening = workers[3]!.listenerCount('exit');
    for (let i = 0; i < 12; i++) await build(false);
    expect(workers.at(-1)).toBe(workers[3]);
    expect(workers[3]!.listenerCount('exit')).toBe(listening);
  }, 60_000);
});

describe('progress from the worker', () => {
  it('is sent a few times a second however often the builder reports it, and its last word comes before the result', async () => {
    const t = await open();
    const org = t.core.raw.prepare('select id from organisation').pluck().get() as string;
    const seen: ReportWorkerMessage[] = [];
    await buildInWorkerThread(
      {
        dbPath: t.dbPath,
        organisationId: org,
        resolved: { request: { kind: 'group', asAt: '2026-03-31', from: '2025-04-01' }, period: { from: '2025-04-01', to: '2026-03-31' } },
        today: '2026-11-30',
        builderModule: new URL('./run.test-helpers.ts', import.meta.url).href,
      },
      (m) => seen.push(m),
    );
    const progress = seen.filter((m) => m.type === 'progress');
    // 20,000 reports from the builder; a handful of messages.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThan(200);
    expect(progress[0]).toEqual({ type: 'progress', done: 1, total: 20_000, label: 'Reading the rows' });
    expect(seen.at(-2)).toEqual({ type: 'progress', done: 20_000, total: 20_000, label: 'Reading the rows' });
    expect(seen.at(-1)).toMatchObject({ type: 'done', built: { title: 'Consolidated group report' } });
  }, 60_000);
});

describe('the host while a report is built', () => {
  it('goes on answering while the builder keeps its own thread busy, as it could not if the builder ran on the host', async () => {
    const t = await open();
    const org = t.core.db.selectFrom('organisation').selectAll();
    const row = await org.executeTakeFirstOrThrow();
    const eot = { request: { kind: 'eot' as const, asAt: '2026-03-31' }, period: { from: null, to: '2026-03-31' } };
    // Timer ticks counted from when the builder starts (its first progress) to when it is done.
    const ticking = async (work: (started: () => void) => Promise<unknown>) => {
      let ticks = 0;
      let from: number | null = null;
      const timer = setInterval(() => ticks++, 5);
      try {
        await work(() => (from ??= ticks));
      } finally {
        clearInterval(timer);
      }
      return ticks - (from ?? 0);
    };
    // 600 ms of work on the worker: the host's timers keep firing throughout.
    const inWorker = await ticking((started) =>
      buildReportInWorker({
        dbPath: t.dbPath,
        organisationId: row.id,
        resolved: eot,
        today: '2026-11-30',
        builderModule: new URL('./run.test-helpers.ts', import.meta.url).href,
        onProgress: () => started(),
      }),
    );
    // Every 5 ms when the machine is idle; at least 8 of the ~120 even on a busy one.
    expect(inWorker).toBeGreaterThanOrEqual(8);
    // The same builder on this thread: no timer fires until it has finished.
    const onHost = await ticking((started) =>
      runBuilder({ db: t.core.db, org: row, resolved: eot, today: '2026-11-30', builders: { eot: busyBuilder }, progress: () => started(), checkpoint: async () => {} }),
    );
    expect(onHost).toBeLessThanOrEqual(1);
  }, 60_000);
});
