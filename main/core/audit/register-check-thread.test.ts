import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Core } from '../core';
import { admit, createClass } from '../exports/seed.test-helpers';
import { REGISTRY } from '../registry';
import { jobResult, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { checkRegistersInWorker, registerCheckWorkerScript, RegisterWorkerUnavailable } from './register-check-thread';
import { checkRegistersAgainstLog, type RegisterCheck } from './verify-all';

/**
 * The start-up comparison of the registers with the audit log runs on a worker thread, so the
 * window's event loop never waits on it. These tests change a file with raw SQL (as someone with a
 * database tool would, while the app is closed), open it as a window would (host 'browser'), and
 * check that the worker finds what the host thread finds; that closing the core ends the worker;
 * and that a missing or broken worker script falls back to the host thread.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MEMBER_CHANGED = 'member 1 was changed outside the app (it differs from its last audit event)';
const RULES_CHANGED = 'the record of the governing rules was changed outside the app (it differs from its last audit event)';

let t: TestCore;
const cores: Core[] = [];
let bundle: string;

/** A file with an organisation, a class and two members, closed, then changed behind the app's back. */
beforeAll(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const cls = await createClass(t.core, { shares: false });
  await admit(t.core, cls, { givenNames: 'Aisha', familyName: 'Khan' }, false);
  await admit(t.core, cls, { givenNames: 'Ben', familyName: 'Okoro' }, false);
  await t.core.close();
  const db = new Database(t.dbPath);
  db.prepare("update member set family_name = 'Smith' where member_number = 1").run();
  db.prepare('update governing_rules set gm_quorum = 1').run();
  db.close();
  // The bundle as the Electron build makes it, inside the repository (build/ is ignored) so its
  // external better-sqlite3 resolves from node_modules.
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  bundle = mkdtempSync(join(ROOT, 'build', 'register-check-test-'));
  execFileSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs'), '--outdir', bundle], { cwd: ROOT });
}, 180_000);
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) await c.close();
});
afterAll(async () => {
  await t.cleanup();
  rmSync(bundle, { recursive: true, force: true });
});

/** Opens the file as a window does, so the start-up checks run. */
async function openWindowCore(options: { registerCheckScript?: string | null } = {}): Promise<Core> {
  const core = await Core.open({ dbPath: t.dbPath, host: 'browser', actor: 'test secretary', ...options });
  cores.push(core);
  return core;
}

async function settled(core: Core, timeoutMs = 60_000): Promise<ReturnType<Core['registerCheck']>> {
  const until = Date.now() + timeoutMs;
  while (core.registerCheck().state === 'checking') {
    if (Date.now() > until) throw new Error('the register check did not finish');
    await new Promise((r) => setTimeout(r, 20));
  }
  return core.registerCheck();
}

/** What the host thread finds on the file (the check as it ran before the worker). */
function onHostThread(): Promise<RegisterCheck> {
  return checkRegistersAgainstLog({ dbPath: t.dbPath, readers: REGISTRY.readers, backupsDir: join(t.dir, 'backups') }, async () => {});
}

/** Errors logged with logError (console.error), as text. */
function watchErrors(): () => string {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  return () => spy.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
}

describe('the start-up register check on a worker thread', () => {
  it('reports records changed in the file with raw SQL when a window opens it, through the worker', async () => {
    const errors = watchErrors();
    const core = await openWindowCore();
    expect(core.registerCheck().state).toBe('checking');
    const check = await settled(core);
    expect(check.state).toBe('mismatch');
    expect(check.problems).toEqual(expect.arrayContaining([MEMBER_CHANGED, RULES_CHANGED]));
    expect(check.more).toBe(0);
    // It ran on the worker: nothing fell back to the host thread, and nothing failed.
    expect(errors()).toBe('');
  }, 90_000);

  it('finds what the host thread finds on the same file, through the core and directly', async () => {
    const viaWorker = await checkRegistersInWorker({ dbPath: t.dbPath, backupsDir: join(t.dir, 'backups') });
    const host = await onHostThread();
    expect(viaWorker).toEqual(host);
    // organisation, governing rules, one class, two members
    expect(host.checked).toBe(5);
    expect(host.problems).toHaveLength(2);

    const worker = await settled(await openWindowCore());
    await cores.splice(0).pop()!.close();
    const sliced = await settled(await openWindowCore({ registerCheckScript: null }));
    expect(sliced.state).toBe('mismatch');
    expect(worker).toEqual(sliced);
  }, 90_000);

  it('ends the worker when the core closes during the check: no hang, no error', async () => {
    const errors = watchErrors();
    // A worker that never answers: only terminating it lets close() finish (close waits for it).
    const dir = mkdtempSync(join(ROOT, 'build', 'register-check-stuck-'));
    try {
      const stuck = join(dir, 'stuck.mjs');
      writeFileSync(stuck, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready' });\nfor (;;) {}\n");
      const core = await openWindowCore({ registerCheckScript: stuck });
      await core.ready();
      // The worker is started once the integrity check has passed; give it a moment to be running.
      await new Promise((r) => setTimeout(r, 300));
      expect(core.registerCheck().state).toBe('checking');
      const started = Date.now();
      await cores.splice(0).pop()!.close();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // And the real worker, closed while it loads or reads.
    const core = await openWindowCore();
    await core.ready();
    await cores.splice(0).pop()!.close();
    // The file is free again (the lock went with close): it opens at once.
    const again = await openWindowCore();
    expect((await settled(again)).state).toBe('mismatch');
    expect(errors()).toBe('');
  }, 90_000);

  it('falls back to the host thread, and says so in the log, when the worker script is missing', async () => {
    const errors = watchErrors();
    const core = await openWindowCore({ registerCheckScript: join(t.dir, 'no-such-worker.mjs') });
    const check = await settled(core);
    expect(check.state).toBe('mismatch');
    expect(check.problems).toEqual((await onHostThread()).problems);
    expect(errors()).toContain('starting the register check on a worker thread (it runs on the host thread instead, in slices)');
    expect(errors()).toContain('no-such-worker.mjs');
  }, 90_000);

  it('falls back too when the worker fails before it has loaded the registry', async () => {
    const errors = watchErrors();
    const dir = mkdtempSync(join(ROOT, 'build', 'register-check-broken-'));
    try {
      const broken = join(dir, 'broken.mjs');
      writeFileSync(broken, "throw new Error('a broken build');\n");
      await expect(checkRegistersInWorker({ dbPath: t.dbPath, backupsDir: t.dir, script: broken })).rejects.toBeInstanceOf(RegisterWorkerUnavailable);
      const check = await settled(await openWindowCore({ registerCheckScript: broken }));
      expect(check.state).toBe('mismatch');
      expect(errors()).toContain('a broken build');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('a restore during the start-up register check', () => {
  it('ends the old file’s check instead of waiting for it, and checks the restored file', async () => {
    const clean = await openTestCore();
    const dir = mkdtempSync(join(ROOT, 'build', 'register-check-restore-'));
    try {
      await setUpOrganisation(clean.core);
      await clean.core.close();
      // The first worker never answers (only terminating it ends it); the next is the real one.
      const marker = join(dir, 'stuck-once');
      writeFileSync(marker, '');
      const script = join(dir, 'stuck-once.mjs');
      writeFileSync(
        script,
        `import { existsSync, unlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
if (existsSync(${JSON.stringify(marker)})) {
  unlinkSync(${JSON.stringify(marker)});
  parentPort.postMessage({ type: 'ready' });
  for (;;) {}
} else {
  await import(${JSON.stringify(pathToFileURL(registerCheckWorkerScript()).href)});
}
`,
      );
      const core = await Core.open({ dbPath: clean.dbPath, host: 'browser', actor: 'test secretary', registerCheckScript: script });
      cores.push(core);
      await core.ready();
      await new Promise((r) => setTimeout(r, 300));
      expect(core.registerCheck().state).toBe('checking');
      const taken = await jobResult<{ name: string }>(core, 'data.backup', {});
      const { candidateId } = await jobResult<{ candidateId: string }>(core, 'data.checkBackup', { source: { kind: 'backup', name: taken.name } });
      // Before, the restore waited for the check to let the file go: with this worker, for ever.
      const started = Date.now();
      await jobResult(core, 'data.restore', { candidateId, confirm: true });
      expect(Date.now() - started).toBeLessThan(20_000);
      const check = await settled(core);
      expect(check).toEqual({ state: 'ok', problems: [], more: 0 });
    } finally {
      for (const c of cores.splice(0)) await c.close();
      rmSync(dir, { recursive: true, force: true });
      await clean.cleanup();
    }
  }, 120_000);
});

describe('the register check worker itself', () => {
  it('ends the thread when aborted, rejecting with the reason once it has stopped', async () => {
    let worker: Worker | undefined;
    const stop = new AbortController();
    const running = checkRegistersInWorker({ dbPath: t.dbPath, backupsDir: t.dir, signal: stop.signal, onWorker: (w) => (worker = w) });
    const exited = new Promise<number>((r) => worker!.once('exit', r));
    // Stopped once it has loaded the registry, as the check begins.
    await new Promise((r) => worker!.once('message', r));
    stop.abort(new Error('closing'));
    await expect(running).rejects.toThrow('closing');
    // The thread has ended (by terminate(), or by itself if it finished the small check first).
    expect(await exited).toEqual(expect.any(Number));
  }, 30_000);

  it('rejects, as the check’s failure rather than the thread’s, a file that is not a database', async () => {
    const dir = mkdtempSync(join(ROOT, 'build', 'register-check-notadb-'));
    try {
      const path = join(dir, 'not.sqlite');
      writeFileSync(path, 'this is not a database, it is a text file that happens to be long enough to matter');
      const failed = checkRegistersInWorker({ dbPath: path, backupsDir: dir });
      await expect(failed).rejects.toThrow(/not a database/);
      await expect(failed).rejects.not.toBeInstanceOf(RegisterWorkerUnavailable);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('is found beside main.cjs in the Electron bundle, and runs there in plain Node to the host thread’s result', async () => {
    expect(registerCheckWorkerScript(pathToFileURL(join(bundle, 'main.cjs')).href)).toBe(join(bundle, 'register-check-worker.cjs'));
    expect(registerCheckWorkerScript()).toBe(join(ROOT, 'main', 'core', 'audit', 'register-check-worker-entry.mjs'));
    const bundled = await checkRegistersInWorker({ dbPath: t.dbPath, backupsDir: join(t.dir, 'backups'), script: join(bundle, 'register-check-worker.cjs') });
    expect(bundled).toEqual(await onHostThread());
  }, 60_000);
});
