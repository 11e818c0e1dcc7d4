import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../core';
import { AppError } from '../errors';
import { fileDigest, openTestCore, tempDbPath } from '../testing';
import { openDatabase, quickCheck, readPragmas } from './open';
import { openStore } from './store';

const dirs: string[] = [];
function newDbPath(): string {
  const p = tempDbPath();
  dirs.push(dirname(p));
  return p;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function openRefusal(path: string): Promise<unknown> {
  try {
    const core = await Core.open({ dbPath: path, host: 'cli' });
    await core.close();
  } catch (e) {
    return e;
  }
  throw new Error('Core.open accepted the file');
}

describe('opening the database', () => {
  it('sets WAL, synchronous FULL, foreign keys, trusted_schema off and a busy timeout through openStore', async () => {
    const store = await openStore(newDbPath());
    try {
      expect(readPragmas(store.raw)).toEqual({
        journalMode: 'wal',
        synchronous: 2,
        foreignKeys: 1,
        trustedSchema: 0,
        busyTimeout: expect.any(Number),
      });
      expect(readPragmas(store.raw).busyTimeout).toBeGreaterThan(0);
    } finally {
      await store.db.destroy();
    }
  });

  it('keeps the same settings on the connection a Core uses', async () => {
    const t = await openTestCore();
    try {
      const p = readPragmas(t.core.raw);
      expect(p.journalMode).toBe('wal');
      expect(p.synchronous).toBe(2);
      expect(p.foreignKeys).toBe(1);
      expect(p.trustedSchema).toBe(0);
      expect(p.busyTimeout).toBeGreaterThan(0);
    } finally {
      await t.cleanup();
    }
  });

  it('enforces foreign keys, so a rule set cannot point at a missing organisation', async () => {
    const store = await openStore(newDbPath());
    try {
      const insert = () =>
        store.raw
          .prepare(
            `insert into governing_rules (organisation_id, gm_notice_clear_days, gm_quorum, board_quorum, special_resolution_bp, written_resolution_lapse_days, voting_basis, chair_casting_vote, proxies_allowed, proxy_deadline_hours, updated_at) values ('no-such-org', 14, 2, 2, 7500, 28, 'one_member_one_vote', 1, 1, 48, '2026-01-01T00:00:00.000Z')`,
          )
          .run();
      expect(insert).toThrow(/FOREIGN KEY/);
    } finally {
      await store.db.destroy();
    }
  });

  it('reports a sound file as passing quick_check', async () => {
    const store = await openStore(newDbPath());
    try {
      expect(quickCheck(store.raw)).toEqual([]);
    } finally {
      await store.db.destroy();
    }
  });

  it('refuses a file of random bytes with a clear AppError and leaves it as it was', async () => {
    const path = newDbPath();
    writeFileSync(path, randomBytes(16 * 1024));
    const before = fileDigest(path);
    const error = await openRefusal(path);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/not a Mutual Governance database/);
    expect((error as AppError).message).toMatch(/not a database/);
    expect(fileDigest(path)).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses random bytes when opening read-only as well, without creating anything', () => {
    const path = newDbPath();
    writeFileSync(path, randomBytes(8 * 1024));
    expect(() => openDatabase(path, { readonly: true })).toThrow(AppError);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses to create a file when opening read-only', () => {
    const path = newDbPath();
    expect(() => openDatabase(path, { readonly: true })).toThrow(/Cannot open/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a SQLite database made by another program and leaves it byte-identical', async () => {
    const path = newDbPath();
    const other = new Database(path);
    other.exec("create table contacts (id integer primary key, name text); insert into contacts (name) values ('Ada'), ('Grace');");
    other.close();
    const before = fileDigest(path);

    const error = await openRefusal(path);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).message).toMatch(/made by another program.*left untouched/);
    expect(fileDigest(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare('select count(*) from sqlite_schema').pluck().get()).toBe(1);
    check.close();
  });
});
