import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations as realMigrations } from '../../../migrations/index';
import { takeBackup } from '../backup/backup';
import { Core } from '../core';
import { AppError } from '../errors';
import { contentDigest, openTestCore, tempDbPath } from '../testing';
import { CachedSqliteDialect } from './dialect';
import { migrateToLatest, type Migration } from './migrator';
import { openDatabase } from './open';
import { openStore } from './store';

const foundation = realMigrations[0]!;
const goodSecond: Migration = {
  name: '0002_add_notes',
  async up(db) {
    await db.schema.createTable('note').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('body', 'text').modifyEnd(sql`strict`).execute();
    await db.insertInto('note').values({ id: 'n1', body: 'written by a migration that will be rolled back' }).execute();
    await db.updateTable('app_meta').set({ value: 'changed by migration' }).where('key', '=', 'app').execute();
  },
};
const failingThird: Migration = {
  name: '0003_broken',
  async up(db) {
    await sql`create table half_done (id text primary key) strict`.execute(db);
    await sql`insert into no_such_table values (1)`.execute(db);
  },
};

const opened: { raw: Database.Database; db: Kysely<any> }[] = [];
const dirs: string[] = [];

function open(path: string) {
  const raw = openDatabase(path);
  const db = new Kysely<any>({ dialect: new CachedSqliteDialect(raw) });
  opened.push({ raw, db });
  return { raw, db };
}
function newPath(): string {
  const p = tempDbPath();
  dirs.push(dirname(p));
  return p;
}
function schemaDump(raw: Database.Database): unknown[] {
  return raw.prepare('select type, name, tbl_name, sql from sqlite_schema order by type, name').all();
}
function ledger(raw: Database.Database): string[] {
  return raw.prepare('select name from schema_migration order by name').pluck().all() as string[];
}
function userVersion(raw: Database.Database): number {
  return Number(raw.pragma('user_version', { simple: true }));
}

afterEach(async () => {
  for (const o of opened.splice(0)) await o.db.destroy();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrateToLatest', () => {
  it('applies every migration to a new file and sets user_version to the number of migrations', async () => {
    const { raw, db } = open(newPath());
    const outcome = await migrateToLatest(raw, db, [foundation, goodSecond]);
    expect(outcome).toEqual({ applied: ['0001_foundation', '0002_add_notes'], backupPath: null });
    expect(ledger(raw)).toEqual(['0001_foundation', '0002_add_notes']);
    expect(userVersion(raw)).toBe(2);
  });

  it('sets user_version to the number of real migrations when the store opens a new file', async () => {
    const store = await openStore(newPath());
    try {
      expect(userVersion(store.raw)).toBe(realMigrations.length);
      expect(ledger(store.raw)).toEqual(realMigrations.map((m) => m.name));
    } finally {
      await store.db.destroy();
    }
  });

  it('rolls back a good migration when a later one in the same run fails, on a new file', async () => {
    const { raw, db } = open(newPath());
    const before = schemaDump(raw);
    await expect(migrateToLatest(raw, db, [foundation, goodSecond, failingThird])).rejects.toThrow(/no_such_table/);
    expect(schemaDump(raw)).toEqual(before);
    expect(before).toEqual([]);
    expect(userVersion(raw)).toBe(0);
  });

  it('leaves schema, data and ledger exactly as they were when a pending migration fails', async () => {
    const { raw, db } = open(newPath());
    await migrateToLatest(raw, db, [foundation]);
    raw.prepare("insert into app_meta values ('note', 'kept by the secretary')").run();
    const schemaBefore = schemaDump(raw);
    const contentBefore = contentDigest(raw);

    await expect(migrateToLatest(raw, db, [foundation, goodSecond, failingThird])).rejects.toThrow();

    expect(schemaDump(raw)).toEqual(schemaBefore);
    expect(contentDigest(raw)).toBe(contentBefore);
    expect(ledger(raw)).toEqual(['0001_foundation']);
    expect(userVersion(raw)).toBe(1);
    expect(raw.prepare("select value from app_meta where key = 'app'").pluck().get()).toBe('mutual-governance');
  });

  it('refuses a file written by a newer version with CONFLICT and changes nothing', async () => {
    const path = newPath();
    const first = open(path);
    await migrateToLatest(first.raw, first.db, [foundation]);
    first.raw.prepare("insert into schema_migration values ('0099_from_the_future', '2030-01-01T00:00:00.000Z')").run();
    const contentBefore = contentDigest(first.raw);

    const error = await migrateToLatest(first.raw, first.db, [foundation, goodSecond]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toMatch(/newer version.*0099_from_the_future/);
    expect(contentDigest(first.raw)).toBe(contentBefore);
  });

  it('refuses through Core.open too, naming the unknown migration', async () => {
    const t = await openTestCore();
    t.core.raw.prepare("insert into schema_migration values ('0099_from_the_future', '2030-01-01T00:00:00.000Z')").run();
    await t.core.close();
    const error = await Core.open({ dbPath: t.dbPath, host: 'cli' }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('CONFLICT');
    await t.cleanup();
  });

  it('backs up an existing file before running pending migrations, and the backup is the old version', async () => {
    const path = newPath();
    const first = open(path);
    await migrateToLatest(first.raw, first.db, [foundation]);
    const backupPath = join(dirname(path), 'before-0002.sqlite');
    let pendingTableExistedAtBackup: boolean | undefined;

    const outcome = await migrateToLatest(first.raw, first.db, [foundation, goodSecond], {
      backup: async () => {
        pendingTableExistedAtBackup = first.raw.prepare("select count(*) from sqlite_schema where name = 'note'").pluck().get() === 1;
        await takeBackup(first.raw, backupPath);
        return backupPath;
      },
    });

    expect(outcome).toEqual({ applied: ['0002_add_notes'], backupPath });
    expect(pendingTableExistedAtBackup).toBe(false);
    expect(existsSync(backupPath)).toBe(true);
    const copy = new Database(backupPath, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ledger(copy)).toEqual(['0001_foundation']);
      expect(userVersion(copy)).toBe(1);
    } finally {
      copy.close();
    }
    expect(userVersion(first.raw)).toBe(2);
  });

  it('takes no backup of a new file or of a file with nothing pending', async () => {
    const { raw, db } = open(newPath());
    let backups = 0;
    const backup = async () => {
      backups += 1;
      return 'unused';
    };
    await migrateToLatest(raw, db, [foundation], { backup });
    const again = await migrateToLatest(raw, db, [foundation], { backup });
    expect(again).toEqual({ applied: [], backupPath: null });
    expect(backups).toBe(0);
  });

  it('refuses a migration list that is not in order', async () => {
    const { raw, db } = open(newPath());
    await expect(migrateToLatest(raw, db, [goodSecond, foundation])).rejects.toThrow(/out of order/);
    expect(schemaDump(raw)).toEqual([]);
  });
});
