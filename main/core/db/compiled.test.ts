import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled';
import { openTestCore, type TestCore } from '../testing';
import type { ReadDb } from '../context';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await t.cleanup();
});

describe('compiledOnce', () => {
  it('runs one compiled query with each call’s values, through the read-only handle', async () => {
    t.core.raw.exec(`create table sample (id text primary key, n integer, tag text)`);
    t.core.raw.exec(`insert into sample values ('a', 1, 'x'), ('b', 2, 'y'), ('c', 3, 'x')`);
    const byTagAbove = compiledOnce((db: ReadDb, tag: string, above: number) =>
      (db as any).selectFrom('sample').select(['id']).where('tag', '=', tag).where('n', '>', above).orderBy('id'),
    );
    const db = t.core.readContext().db;
    expect(await byTagAbove.all(db, 'x', 0)).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(await byTagAbove.all(db, 'x', 1)).toEqual([{ id: 'c' }]);
    expect(await byTagAbove.all(db, 'y', 0)).toEqual([{ id: 'b' }]);
    expect(await byTagAbove.first(db, 'y', 5)).toBeUndefined();
    expect(await byTagAbove.first(db, 'x', 2)).toEqual({ id: 'c' });
  });

  it('refuses a builder that uses an argument outside the query, on first use', async () => {
    const db = t.core.readContext().db;
    const bad = compiledOnce((d: ReadDb, id: string, unused: string) => (void unused, d.selectFrom('organisation').select('id').where('id', '=', id)));
    await expect(bad.all(db, 'x', 'y')).rejects.toThrow(/argument 2 is not a value/);
  });
});
