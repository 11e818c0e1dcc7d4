import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing';
import { checkIntegrityInWorker } from './integrity';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A small database with one table page of twenty rows. Returns its path and that page's number. */
function makeDatabase(name: string): { path: string; root: number } {
  const path = join(dir, name);
  const db = new Database(path);
  db.exec('create table minute (id integer primary key, text text not null)');
  const insert = db.prepare('insert into minute (text) values (?)');
  for (let i = 0; i < 20; i++) insert.run(`Minute ${i}: the board approved the accounts.`);
  const root = Number(db.prepare("select rootpage from sqlite_schema where name = 'minute'").pluck().get());
  db.close();
  return { path, root };
}

describe('checkIntegrityInWorker', () => {
  it('reports a sound file as ok', async () => {
    const { path } = makeDatabase('sound.sqlite');
    expect(await checkIntegrityInWorker(path)).toEqual({ ok: true, messages: ['ok'] });
    expect(await checkIntegrityInWorker(path, { quick: true })).toEqual({ ok: true, messages: ['ok'] });
  });

  it('reports each problem as its own line, without the heading SQLite packs them under', async () => {
    const { path } = makeDatabase('orphan-pages.sqlite');
    const bytes = readFileSync(path);
    // Two pages that belong to nothing: SQLite reports both in one row, under a heading.
    const grown = Buffer.concat([bytes, Buffer.alloc(2 * 4096)]);
    const pages = bytes.readUInt32BE(28);
    grown.writeUInt32BE(pages + 2, 28);
    writeFileSync(path, grown);

    expect(await checkIntegrityInWorker(path)).toEqual({
      ok: false,
      messages: [`Page ${pages + 1}: never used`, `Page ${pages + 2}: never used`],
    });
  });

  it('reports a damaged table page as not ok, in one-line messages', async () => {
    const { path, root } = makeDatabase('damaged.sqlite');
    const bytes = readFileSync(path);
    const cellPointers = (root - 1) * 4096 + 8;
    bytes.fill(0xff, cellPointers, cellPointers + 10);
    writeFileSync(path, bytes);

    const report = await checkIntegrityInWorker(path);

    // SQLite either lists the bad cells or stops at "malformed", depending on what the bad
    // offsets point at; both must refuse the file, in lines a person can read.
    expect(report.ok).toBe(false);
    expect(report.messages[0]).toMatch(/^(Tree \d+ page \d+ cell \d+: Offset 65535 out of range|database disk image is malformed)/);
    for (const m of report.messages) {
      expect(m).not.toContain('\n');
      expect(m).not.toMatch(/^\*\*\*/);
    }
  });

  it('says plainly when the file is not a database', async () => {
    const path = join(dir, 'noise.sqlite');
    writeFileSync(path, randomBytes(8192));
    expect(await checkIntegrityInWorker(path)).toEqual({ ok: false, messages: ['the file is not a database'] });
  });
});
