import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { AuditEventView } from '../../../shared/contract/audit';
import type { RulesView } from '../../../shared/contract/organisation';
import { defaultRuleValues } from '../../../shared/rules/governing-rules';
import { verifyAuditChain } from '../audit/verify';
import { REGISTRY } from '../registry';
import type { Core } from '../core';
import { contentDigest, expectOk, openTestCore, runJob, setUpOrganisation, tempDir, type TestCore } from '../testing';
import { inspectCandidate } from './candidate';

const rules = defaultRuleValues('company_limited_by_guarantee');

interface BackupOutcome {
  path: string;
  name: string;
  sizeBytes: number;
  events: number;
  headHash: string;
}

async function backup(core: Core): Promise<BackupOutcome> {
  const status = await runJob(core, 'data.backup', {});
  expect(status.state, status.error?.message).toBe('succeeded');
  const result = status.result as Omit<BackupOutcome, 'path'>;
  return { ...result, path: join(core.backupsDir, result.name) };
}

/** A restore as the renderer makes it: check the file, see what it holds, then confirm. */
async function restore(core: Core, source: { kind: 'backup'; name: string } | { kind: 'upload'; uploadId: string }) {
  const checked = await runJob(core, 'data.checkBackup', { source });
  if (checked.state !== 'succeeded') return checked;
  const { candidateId } = checked.result as { candidateId: string };
  return runJob(core, 'data.restore', { candidateId, confirm: true });
}

/** Sends a file through the contract as the renderer does: begin, then ordered base64 chunks. */
async function upload(core: Core, bytes: Buffer, fileName: string): Promise<string> {
  const { uploadId, chunkBytes } = expectOk(
    await core.dispatch('uploads.begin', { purpose: 'restore', fileName, sizeBytes: bytes.length }),
  ) as { uploadId: string; chunkBytes: number };
  for (let i = 0, index = 0; i < bytes.length; i += chunkBytes, index++) {
    expectOk(await core.dispatch('uploads.append', { uploadId, index, base64: bytes.subarray(i, i + chunkBytes).toString('base64') }));
  }
  return uploadId;
}

async function gmQuorum(core: Core): Promise<number> {
  return (expectOk(await core.dispatch('rules.get', {})) as RulesView).values.gmQuorum;
}
async function newestEvent(core: Core): Promise<AuditEventView> {
  return (expectOk(await core.dispatch('audit.list', { limit: 1 })) as { events: AuditEventView[] }).events[0]!;
}

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 3 }));
});
afterEach(async () => {
  await t.cleanup();
});

describe('data.backup', () => {
  it('writes one complete, verifiable file that opens on its own', async () => {
    const result = await backup(t.core);
    expect(dirname(result.path)).toBe(t.core.backupsDir);
    expect(readFileSync(result.path).length).toBe(result.sizeBytes);
    expect(result.events).toBe(2);

    const report = await inspectCandidate(result.path, REGISTRY.readers);
    expect(report).toEqual({
      ok: true,
      migrations: migrations.length,
      auditEvents: 2,
      headHash: result.headHash,
      organisationName: 'Riverside Care Mutual',
      members: 0,
      lastChangedAt: expect.any(String),
      ballots: [],
    });
    const copy = new Database(result.path, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await verifyAuditChain(copy)).toEqual({ ok: true, events: 2, headHash: result.headHash });
    } finally {
      copy.close();
    }
    // Reading it left nothing beside it: a backup needs no -wal or -shm file (it may sit on
    // read-only media), and no temporary file of the copy is left behind. Its head is kept beside
    // it, for verify to compare with the live log (audit/anchors.ts).
    expect(readdirSync(t.core.backupsDir).sort()).toEqual([result.name, `${result.name}.head.json`]);
    expect(JSON.parse(readFileSync(join(t.core.backupsDir, `${result.name}.head.json`), 'utf8'))).toMatchObject({ seq: 2, hash: result.headHash, what: 'backup' });
    const listed = (expectOk(await t.core.dispatch('data.info', {})) as { backups: { name: string }[] }).backups;
    expect(listed.map((b) => b.name)).toEqual([result.name]);
  });
});

describe('data.restore', () => {
  it('brings back the state of the backup, keeps the previous file aside and records the restore', async () => {
    const taken = await backup(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 7 }));
    expect(await gmQuorum(t.core)).toBe(7);

    const status = await restore(t.core, { kind: 'backup', name: taken.name });

    expect(status.state, status.error?.message).toBe('succeeded');
    const result = status.result as { restoredFrom: string; keptAside: string; auditEvents: number };
    expect(result).toMatchObject({ restoredFrom: taken.name, auditEvents: 3 });
    expect(await gmQuorum(t.core)).toBe(3);

    expect(existsSync(result.keptAside)).toBe(true);
    const aside = new Database(result.keptAside, { readonly: true, fileMustExist: true });
    try {
      expect(aside.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(aside.prepare('select gm_quorum from governing_rules').pluck().get()).toBe(7);
    } finally {
      aside.close();
    }

    const restored = await newestEvent(t.core);
    expect(restored).toMatchObject({ seq: 3, action: 'data.restored' });
    expect(restored.summary).toContain(taken.name);
    const verify = await runJob(t.core, 'audit.verify', {});
    expect(verify.result).toMatchObject({ ok: true, events: 3 });
    expect(readdirSync(dirname(t.dbPath)).filter((n) => n.startsWith(`.${basename(t.dbPath)}.restore-`))).toEqual([]);
  });

  it('restores a file sent through uploads and removes the uploaded copy', async () => {
    const taken = await backup(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 9 }));
    const uploadId = await upload(t.core, readFileSync(taken.path), 'riverside.sqlite');

    const status = await restore(t.core, { kind: 'upload', uploadId });

    expect(status.state, status.error?.message).toBe('succeeded');
    expect(await gmQuorum(t.core)).toBe(3);
    expect((await newestEvent(t.core)).summary).toContain('riverside.sqlite');
    expect(readdirSync(join(dirname(t.dbPath), '.uploads'))).toEqual([]);
  });

  it('keeps every previous file when two restores happen within the same second', async () => {
    const fixed = await openTestCore({ now: () => new Date('2026-11-28T10:00:00.000Z') });
    try {
      await setUpOrganisation(fixed.core);
      const taken = await backup(fixed.core);
      const asides: string[] = [];
      for (const quorum of [5, 6]) {
        expectOk(await fixed.core.dispatch('rules.update', { ...rules, gmQuorum: quorum }));
        const status = await restore(fixed.core, { kind: 'backup', name: taken.name });
        expect(status.state, status.error?.message).toBe('succeeded');
        asides.push((status.result as { keptAside: string }).keptAside);
      }
      expect(new Set(asides).size).toBe(2);
      const quorums = asides.map((p) => {
        const db = new Database(p, { readonly: true, fileMustExist: true });
        try {
          return db.prepare('select gm_quorum from governing_rules').pluck().get();
        } finally {
          db.close();
        }
      });
      expect(quorums).toEqual([5, 6]);
    } finally {
      await fixed.cleanup();
    }
  });

  it('restores a copy of a live (WAL-mode) file and leaves no staging files behind', async () => {
    const other = await openTestCore();
    await setUpOrganisation(other.core, { particulars: { name: 'Hillside Mutual' } });
    await other.core.close();
    const bytes = readFileSync(other.dbPath);
    await other.cleanup();
    expect(bytes[18]).toBe(2); // the header's WAL flag: readers create -wal and -shm files

    const status = await restore(t.core, { kind: 'upload', uploadId: await upload(t.core, bytes, 'hillside.sqlite') });

    expect(status.state, status.error?.message).toBe('succeeded');
    expect(expectOk(await t.core.dispatch('app.status', {}))).toMatchObject({ organisationName: 'Hillside Mutual' });
    expect(readdirSync(dirname(t.dbPath)).filter((n) => n.includes('.restore-'))).toEqual([]);
  });

  it('checks first and says what the backup holds, changing nothing until the secretary confirms', async () => {
    const taken = await backup(t.core);
    expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 8 }));
    const before = contentDigest(t.core.raw);
    const checked = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name: taken.name } });
    expect(checked.state, checked.error?.message).toBe('succeeded');
    expect(checked.result).toMatchObject({
      fileName: taken.name,
      organisationName: 'Riverside Care Mutual',
      currentMembers: 0,
      auditEvents: 2,
      fingerprint: expect.stringMatching(new RegExp(`^#2 · ${taken.headHash.slice(0, 4)} ${taken.headHash.slice(4, 8)} ${taken.headHash.slice(8, 12)}$`)),
      takenAt: expect.any(String),
      needsUpgrade: false,
    });
    expect(contentDigest(t.core.raw)).toBe(before);
    expect(await gmQuorum(t.core)).toBe(8);
    // Confirming is what replaces the records.
    const { candidateId } = checked.result as { candidateId: string };
    const done = await runJob(t.core, 'data.restore', { candidateId, confirm: true });
    expect(done.state, done.error?.message).toBe('succeeded');
    expect(await gmQuorum(t.core)).toBe(3);
    // A checked backup is restored once.
    expect(await t.core.dispatch('data.restore', { candidateId, confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to restore a checked copy whose bytes changed after the check', async () => {
    const taken = await backup(t.core);
    const checked = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name: taken.name } });
    const { candidateId } = checked.result as { candidateId: string };
    const staged = readdirSync(dirname(t.dbPath)).find((n) => n.endsWith(`.restore-${candidateId}`))!;
    const bytes = readFileSync(join(dirname(t.dbPath), staged));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(join(dirname(t.dbPath), staged), bytes);
    const r = await t.core.dispatch('data.restore', { candidateId, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('changed after it was checked') } });
    expect(await gmQuorum(t.core)).toBe(3);
  });

  it('lets a backup and a verify that are reading the file finish before the restore replaces it', async () => {
    const taken = await backup(t.core);
    const checked = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name: taken.name } });
    const { candidateId } = checked.result as { candidateId: string };
    // All three start together: the backup and the verify hold the file; the restore waits for them.
    const backupJob = expectOk(await t.core.dispatch('data.backup', {})) as { jobId: string };
    const verifyJob = expectOk(await t.core.dispatch('audit.verify', {})) as { jobId: string };
    const restoreJob = expectOk(await t.core.dispatch('data.restore', { candidateId, confirm: true })) as { jobId: string };
    await t.core.jobs.idle();
    expect(t.core.jobs.get(backupJob.jobId)).toMatchObject({ state: 'succeeded' });
    expect(t.core.jobs.get(verifyJob.jobId)).toMatchObject({ state: 'succeeded', result: { ok: true } });
    expect(t.core.jobs.get(restoreJob.jobId)).toMatchObject({ state: 'succeeded' });
    // And once the restore holds the file, a new backup waits its turn rather than reading a closed connection.
    expect((await runJob(t.core, 'data.backup', {})).state).toBe('succeeded');
  });

  it('refuses a backup name that is not in the backups folder', async () => {
    const result = await t.core.dispatch('data.checkBackup', { source: { kind: 'backup', name: 'nowhere.sqlite' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('data.restore refuses a file that is not a sound backup of this app', () => {
  // A real backup with five events, made once, from which the bad candidates are derived.
  let source: TestCore;
  let good: Buffer;
  let folder: string;
  beforeAll(async () => {
    source = await openTestCore();
    await setUpOrganisation(source.core);
    for (const q of [3, 4, 5, 6]) expectOk(await source.core.dispatch('rules.update', { ...rules, gmQuorum: q }));
    good = readFileSync((await backup(source.core)).path);
    folder = tempDir();
  });
  afterAll(async () => {
    await source.cleanup();
  });

  function rewrite(bytes: Buffer, change: (db: Database.Database) => void): Buffer {
    const path = join(folder, `candidate-${randomBytes(4).toString('hex')}.sqlite`);
    writeFileSync(path, bytes);
    const db = new Database(path);
    change(db);
    db.close();
    return readFileSync(path);
  }

  /** Scribbles over the cell pointers of audit_event's table page: the header stays intact. */
  function corruptTablePage(bytes: Buffer): Buffer {
    let root = 0;
    let pageSize = 0;
    rewrite(bytes, (db) => {
      root = Number(db.prepare("select rootpage from sqlite_schema where name = 'audit_event'").pluck().get());
      pageSize = Number(db.pragma('page_size', { simple: true }));
    });
    expect(root).toBeGreaterThan(1);
    const copy = Buffer.from(bytes);
    const start = (root - 1) * pageSize + 8;
    copy.fill(0xff, start, start + 10);
    return copy;
  }

  const cases: [string, () => Buffer, RegExp][] = [
    ['random bytes', () => randomBytes(64 * 1024), /not a SQLite database at all/],
    ['the first half of a real backup', () => good.subarray(0, Math.floor(good.length / 2)), /damaged or incomplete/],
    [
      'a SQLite database of another program',
      () => rewrite(Buffer.alloc(0), (db) => db.exec("create table invoice (id integer primary key, total integer); insert into invoice values (1, 100);")),
      /not one made by Mutual Governance/,
    ],
    ['a real backup with a damaged table page', () => corruptTablePage(good), /damaged or incomplete/],
    [
      'a real backup whose audit log was altered',
      () =>
        rewrite(good, (db) => {
          // The intruder puts the trigger back afterwards, so the structure is the app's own.
          const trigger = db.prepare("select sql from sqlite_schema where name = 'audit_event_no_update'").pluck().get() as string;
          db.exec(`drop trigger audit_event_no_update; update audit_event set summary = 'Nothing changed' where seq = 3; ${trigger};`);
        }),
      /audit log is broken.*#3/,
    ],
    [
      'a real backup carrying an extra trigger that would rewrite every member’s name when the restore records itself',
      () =>
        rewrite(good, (db) => {
          db.exec("create trigger rename_members after insert on audit_event begin update member set family_name = 'Pwned'; end;");
        }),
      /is not as this version of Mutual Governance makes it: it has a trigger “rename_members” \(on audit_event\) that the app does not have/,
    ],
    [
      'a real backup with the audit log’s protection triggers dropped',
      () =>
        rewrite(good, (db) => {
          db.exec('drop trigger audit_event_no_update; drop trigger audit_event_no_delete;');
        }),
      /it lacks 2 triggers: “audit_event_no_delete”, “audit_event_no_update”/,
    ],
    [
      'a file holding only the app’s marker, the migration names and empty audit tables',
      () =>
        rewrite(Buffer.alloc(0), (db) => {
          db.exec(`create table app_meta (key text primary key, value text not null) strict;
                   insert into app_meta values ('app', 'mutual-governance');
                   create table schema_migration (name text primary key, applied_at text not null) strict;
                   insert into schema_migration values ('0001_foundation', '2026-01-01'), ('0002_registers', '2026-01-01');
                   create table audit_event (id text primary key, seq integer, at text, actor text, action text, entity_type text, entity_id text, summary text, payload_hash text, prev_hash text, hash text);
                   create table audit_payload (event_id text primary key, body text, redacted_at text, redacted_by text);`);
        }),
      /structure is not as this version of Mutual Governance makes it: it lacks \d+ tables: “app_setting”, “appointment”, “audit_head” and \d+ more; it lacks \d+ triggers/,
    ],
    [
      'a real backup with a column added to the register',
      () =>
        rewrite(good, (db) => {
          db.exec('alter table member add column notes text');
        }),
      /the table “member” is defined differently/,
    ],
  ];

  it('refuses an empty file by name before anything is created', async () => {
    const r = await t.core.dispatch('uploads.begin', { purpose: 'restore', fileName: 'candidate.sqlite', sizeBytes: 0 });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('candidate.sqlite is empty') } });
    const uploads = join(dirname(t.dbPath), '.uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  for (const [what, candidate, reason] of cases) {
    it(`refuses ${what}, leaving the live records untouched`, async () => {
      const bytes = candidate();
      const before = contentDigest(t.core.raw);
      const filesBefore = readdirSync(dirname(t.dbPath)).filter((n) => !n.startsWith('.')).sort();
      const uploadId = await upload(t.core, bytes, 'candidate.sqlite');

      const status = await restore(t.core, { kind: 'upload', uploadId });

      expect(status.state).toBe('failed');
      expect(status.error?.code).toBe('VALIDATION');
      expect(status.error?.message).toMatch(reason);
      expect(status.error?.message).toMatch(/^candidate\.sqlite cannot be restored\. .* Your current records are unchanged\.$/);
      expect(contentDigest(t.core.raw)).toBe(before);
      expect(await gmQuorum(t.core)).toBe(3);
      expect(readdirSync(dirname(t.dbPath)).filter((n) => !n.startsWith('.')).sort()).toEqual(filesBefore);
      expect(readdirSync(dirname(t.dbPath)).filter((n) => n.includes('.restore-'))).toEqual([]);
      expect(readdirSync(join(dirname(t.dbPath), '.uploads'))).toEqual([]);
      expectOk(await t.core.dispatch('rules.update', { ...rules, gmQuorum: 4 }));
    });
  }
});
