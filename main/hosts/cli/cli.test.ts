import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, type TestContext } from 'vitest';
import type { AuditEventView } from '../../../shared/contract/audit';
import type { RulesView } from '../../../shared/contract/organisation';
import { defaultRuleValues } from '../../../shared/rules/governing-rules';
import { takeBackup } from '../../core/backup/backup';
import { Core } from '../../core/core';
import { expectOk, fileDigest, openTestCore, runJob, setUpOrganisation, type TestCore } from '../../core/testing';

/**
 * The real command line, run as a child process against real files, as a user would. Tests
 * run concurrently: each spends most of its time waiting for a child process to start.
 * Each start is a fresh Node loading the core through tsx (about 3.5 s of CPU), and up to five
 * start at once here while the other Vitest worker is busy: a test that runs the CLI three times
 * took 29 s of the usual 30 s limit on two cores, so these tests have a minute.
 */
const CLI_TESTS = { timeout: 60_000 };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rules = defaultRuleValues('company_limited_by_guarantee');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'main/hosts/cli/index.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type Finished = TestContext['onTestFinished'];

/** The head's fingerprint as printed: the hash's first twelve characters in threes of four. */
function fingerprintOf(hash: string): string {
  return `${hash.slice(0, 4)} ${hash.slice(4, 8)} ${hash.slice(8, 12)}`;
}

/** A fresh test core, removed when the test finishes (tests here run concurrently). */
async function testCore(onFinished: Finished): Promise<TestCore> {
  const t = await openTestCore();
  onFinished(() => t.cleanup());
  return t;
}

/** A closed database with an organisation and two rule changes (three audit events). */
async function liveDatabase(onFinished: Finished): Promise<TestCore & { head: string }> {
  const t = await testCore(onFinished);
  await setUpOrganisation(t.core);
  expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 3 }));
  expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 4 }));
  const head = String(t.core.raw.prepare('select hash from audit_head').pluck().get());
  await t.core.close();
  return { ...t, head };
}

/** A backup made in this process, to save a child process where the CLI's backup is not under test. */
async function backupOf(dbPath: string, dest: string): Promise<string> {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return (await takeBackup(raw, dest)).path;
  } finally {
    raw.close();
  }
}

function withRaw<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe.concurrent('verify', CLI_TESTS, () => {
  it('reports ok with the event count and head hash, and leaves the file exactly as it was', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    const before = fileDigest(live.dbPath);

    const run = await cli('verify', '--db', live.dbPath);

    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`ok: 3 events, 2 records match the log, head #3 · ${fingerprintOf(live.head)} (${live.head})`);
    expect(run.code).toBe(0);
    expect(fileDigest(live.dbPath)).toBe(before);
  });

  it('fails with exit code 1 and names the first event that was changed', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    withRaw(live.dbPath, (db) => db.exec("drop trigger audit_event_no_update; update audit_event set summary = 'Nothing happened' where seq = 2;"));

    const run = await cli('verify', '--db', live.dbPath);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^broken: Event #2 .*does not match its hash/);
  });

  it('refuses a file that does not exist, without creating it', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    const missing = join(live.dir, 'missing.sqlite');
    const run = await cli('verify', '--db', missing);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`There is no file at ${missing} (given as --db).`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe.concurrent('backup', CLI_TESTS, () => {
  it('writes a backup that verifies with the same head, and refuses to overwrite it', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    const out = join(live.dir, 'copies', 'riverside.sqlite');

    const run = await cli('backup', '--db', live.dbPath, '--out', out);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Backed up to ${out} (`);
    expect(run.stdout).toContain(`Audit log: 3 events, head #3 · ${fingerprintOf(live.head)} (${live.head})`);
    // The head is kept beside the copy, so the live log can be checked against it later.
    expect(readdirSync(dirname(out)).sort()).toEqual(['riverside.sqlite', 'riverside.sqlite.head.json']);

    const check = await cli('verify', '--db', out);
    expect(check.stdout.trim()).toBe(`ok: 3 events, 2 records match the log, head #3 · ${fingerprintOf(live.head)} (${live.head})`);
    expect(readdirSync(dirname(out)).sort()).toEqual(['riverside.sqlite', 'riverside.sqlite.head.json']);

    const digest = fileDigest(out);
    const again = await cli('backup', '--db', live.dbPath, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`${out} already exists; a backup never overwrites a file, so choose a new name.`);
    expect(fileDigest(out)).toBe(digest);
  });
});

describe.concurrent('restore', CLI_TESTS, () => {
  const refusals: [string, (backup: Buffer) => Buffer, RegExp][] = [
    ['random bytes', () => randomBytes(32 * 1024), /not a SQLite database at all/],
    ['the first half of a real backup', (b) => b.subarray(0, Math.floor(b.length / 2)), /damaged or incomplete/],
  ];
  for (const [what, make, reason] of refusals) {
    it(`refuses ${what} in one line and leaves the live file untouched`, async ({ onTestFinished }) => {
      const live = await liveDatabase(onTestFinished);
      const backupPath = await backupOf(live.dbPath, join(live.dir, 'good.sqlite'));
      const candidate = join(live.dir, 'candidate.sqlite');
      writeFileSync(candidate, make(readFileSync(backupPath)));
      const before = fileDigest(live.dbPath);
      const filesBefore = readdirSync(live.dir).sort();

      const run = await cli('restore', '--db', live.dbPath, '--from', candidate);

      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).toMatch(/^candidate\.sqlite was not restored\. .* is unchanged\.$/m);
      expect(fileDigest(live.dbPath)).toBe(before);
      expect(readdirSync(live.dir).sort()).toEqual(filesBefore);
    });
  }

  it('replaces the file with the backup, keeps the old one aside and records the restore', async ({ onTestFinished }) => {
    const t = await testCore(onTestFinished);
    await setUpOrganisation(t.core);
    const result = (await runJob(t.core, 'data.backup', {})).result as { name: string; headHash: string };
    const taken = { ...result, path: join(t.core.backupsDir, result.name) };
    expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 8 }));
    await t.core.close();

    const run = await cli('restore', '--db', t.dbPath, '--from', taken.path);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Restored ${t.dbPath} from ${taken.path} (Riverside Care Mutual): 2 audit events.`);
    const aside = /The previous file was kept as (.+)$/m.exec(run.stdout)?.[1];
    expect(aside && existsSync(aside)).toBe(true);
    expect(withRaw(aside!, (db) => db.prepare('select gm_quorum from governing_rules').pluck().get())).toBe(8);

    const reopened = await Core.open({ dbPath: t.dbPath, host: 'cli' });
    try {
      expect((expectOk(await reopened.dispatch('rules.get', {})) as RulesView).values.gmQuorum).toBe(2);
      const [newest] = (expectOk(await reopened.dispatch('audit.list', { limit: 1 })) as { events: AuditEventView[] }).events;
      expect(newest).toMatchObject({ seq: 2, action: 'data.restored' });
    } finally {
      await reopened.close();
    }
    // The restored file verifies, and still holds the head its backup recorded.
    const verified = (await cli('verify', '--db', t.dbPath)).stdout;
    expect(verified).toMatch(/^matches: the backup .*: event #1 matches\.$/m);
    expect(verified).toMatch(/^ok: 2 events, 2 records match the log, head #2 · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} \([0-9a-f]{64}\)$/m);
  });

  it('restores into a folder that does not exist yet, when the old disk is gone', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    const backupPath = await backupOf(live.dbPath, join(live.dir, 'good.sqlite'));
    const target = join(live.dir, 'new disk', 'records.sqlite');

    const run = await cli('restore', '--db', target, '--from', backupPath);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('There was no previous file to keep.');
    expect(withRaw(target, (db) => db.prepare('select count(*) from audit_event').pluck().get())).toBe(4);
  });

  it('refuses while the app has the database open, naming the process', async ({ onTestFinished }) => {
    const live = await liveDatabase(onTestFinished);
    const backupPath = await backupOf(live.dbPath, join(live.dir, 'good.sqlite'));
    const app = await Core.open({ dbPath: live.dbPath, host: 'electron' });
    try {
      const before = fileDigest(live.dbPath);
      const run = await cli('restore', '--db', live.dbPath, '--from', backupPath);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `The database ${live.dbPath} is already open in Mutual Governance (process ${process.pid}). Close it there, then try again. If that program has stopped responding, end process ${process.pid} first.`,
      );
      expect(fileDigest(live.dbPath)).toBe(before);
    } finally {
      await app.close();
    }
  });
});

describe.concurrent('usage', CLI_TESTS, () => {
  it('prints the commands for help and exits 0', async () => {
    const run = await cli('help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}verify +--db FILE/m);
    expect(run.stdout).toMatch(/^ {2}restore +--db FILE --from FILE/m);
  });

  it('rejects an unknown option with a clear message and exit code 1', async () => {
    const run = await cli('verify', '--db', 'x.sqlite', '--fix');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown option --fix for verify; it takes --db FILE');
    expect(run.stdout).toBe('');
  });
});
