import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBackup } from '../backup/backup';
import { Core } from '../core';
import { UploadStore } from '../jobs/uploads';
import { openDatabase } from './open';

/**
 * The register holds members' names, addresses and e-mail addresses (UK GDPR art 32: keep
 * personal data secure), so every file the core writes is readable by its owner only, even
 * under the usual umask 022 that would otherwise leave it 0644 for every user of the machine.
 * POSIX modes do not exist on Windows, where the user's profile folder is private instead.
 */
const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files the core creates are private to their owner (0600)', () => {
  let dir: string;
  let umask: number;

  beforeAll(() => {
    // The usual desktop umask, so the test does not pass only because the machine is strict.
    umask = process.umask(0o022);
    dir = mkdtempSync(join(tmpdir(), 'mg-modes-'));
  });

  afterAll(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the database file and its -wal and -shm files', () => {
    const path = join(dir, 'register.sqlite');
    const db = openDatabase(path);
    try {
      db.exec('create table t (x integer) strict; insert into t values (1);');
      expect(mode(path).toString(8)).toBe('600');
      expect(mode(`${path}-wal`).toString(8)).toBe('600');
      expect(mode(`${path}-shm`).toString(8)).toBe('600');
    } finally {
      db.close();
    }
  });

  it('an upload being received, in a folder of its own', () => {
    const uploads = new UploadStore(join(dir, '.uploads'));
    const { uploadId } = uploads.begin('restore', 'backup.sqlite', 4);
    uploads.append(uploadId, 0, Buffer.from('abcd').toString('base64'));
    const { path } = uploads.take(uploadId, 'restore');
    expect(path).toMatch(/upload-.*\.part$/);
    expect(mode(path).toString(8)).toBe('600');
    expect(mode(join(dir, '.uploads')).toString(8)).toBe('700');
  });

  it('a backup', async () => {
    const source = join(dir, 'live.sqlite');
    const db = openDatabase(source);
    try {
      db.exec('create table t (x integer) strict; insert into t values (1);');
      const backup = await takeBackup(db, join(dir, 'backups', 'live-backup.sqlite'));
      expect(mode(backup.path).toString(8)).toBe('600');
      expect(mode(join(dir, 'backups')).toString(8)).toBe('700');
    } finally {
      db.close();
    }
  });

  it('an existing file of ours made readable by everyone (an earlier version) is made private when the app opens it', async () => {
    const path = join(dir, 'old.sqlite');
    const first = await Core.open({ dbPath: path, host: 'cli' });
    await first.close();
    chmodSync(path, 0o644);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    chmodSync(join(dir, 'backups'), 0o755);
    const core = await Core.open({ dbPath: path, host: 'cli' });
    try {
      expect(mode(path).toString(8)).toBe('600');
      expect(mode(join(dir, 'backups')).toString(8)).toBe('700');
    } finally {
      await core.close();
    }
  });
});
