import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CachedSqliteDialect } from './dialect';

interface TestDB {
  member: { id: string; name: string; joined_on: string };
}

let raw: Database.Database;
let db: Kysely<TestDB>;
let prepared: string[];

beforeEach(async () => {
  raw = new Database(':memory:');
  prepared = [];
  // Count every statement the driver prepares by wrapping the connection's own prepare.
  const original = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    prepared.push(source);
    return original(source);
  }) as typeof raw.prepare;
  db = new Kysely<TestDB>({ dialect: new CachedSqliteDialect(raw) });
  await sql`create table member (id text primary key, name text not null, joined_on text not null) strict`.execute(db);
  await db
    .insertInto('member')
    .values([
      { id: 'm1', name: 'Ada Lovelace', joined_on: '2024-01-10' },
      { id: 'm2', name: 'Grace Hopper', joined_on: '2024-02-20' },
      { id: 'm3', name: 'Mary Seacole', joined_on: '2024-03-30' },
    ])
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

const byId = (id: string) => db.selectFrom('member').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

describe('CachedSqliteDialect', () => {
  it('prepares a query shape once and reuses it for different parameters', async () => {
    prepared.length = 0;
    const a = await byId('m1');
    const b = await byId('m2');
    const c = await byId('m3');
    const missing = await byId('nobody');
    expect([a, b, c, missing]).toEqual([
      { id: 'm1', name: 'Ada Lovelace' },
      { id: 'm2', name: 'Grace Hopper' },
      { id: 'm3', name: 'Mary Seacole' },
      undefined,
    ]);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toMatch(/^select "id", "name" from "member" where "id" = \?$/);
  });

  it('prepares a different shape separately and keeps both cached', async () => {
    prepared.length = 0;
    await byId('m1');
    const since = () => db.selectFrom('member').select('name').where('joined_on', '>=', '2024-02-01').orderBy('joined_on').execute();
    expect(await since()).toEqual([{ name: 'Grace Hopper' }, { name: 'Mary Seacole' }]);
    await byId('m2');
    await since();
    expect(prepared).toHaveLength(2);
  });

  it('reports affected rows for writes run through cached statements', async () => {
    const rename = (id: string, name: string) => db.updateTable('member').set({ name }).where('id', '=', id).executeTakeFirst();
    const first = await rename('m1', 'Augusta Ada King');
    const none = await rename('nobody', 'x');
    expect(first.numUpdatedRows).toBe(1n);
    expect(none.numUpdatedRows).toBe(0n);
    expect(await byId('m1')).toEqual({ id: 'm1', name: 'Augusta Ada King' });
  });

  it('rolls a transaction back when its body throws, and the connection stays usable', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('member').values({ id: 'm4', name: 'Rosalind Franklin', joined_on: '2024-04-01' }).execute();
        await trx.deleteFrom('member').where('id', '=', 'm1').execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const ids = (await db.selectFrom('member').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['m1', 'm2', 'm3']);
    expect(raw.inTransaction).toBe(false);
  });

  it('commits a transaction whose body succeeds', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('member').values({ id: 'm4', name: 'Rosalind Franklin', joined_on: '2024-04-01' }).execute();
    });
    expect(await byId('m4')).toEqual({ id: 'm4', name: 'Rosalind Franklin' });
  });

  it('makes a query issued during an open transaction wait, so it never sees uncommitted rows', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((r) => (inserted = r));
    const trx = db.transaction().execute(async (t) => {
      await t.insertInto('member').values({ id: 'm9', name: 'Uncommitted', joined_on: '2024-05-01' }).execute();
      inserted();
      await gate;
      throw new Error('roll back');
    });
    await insertedSignal;
    const order: string[] = [];
    const outside = db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => {
        order.push('outside query answered');
        return r.n;
      });
    await new Promise((r) => setImmediate(r));
    order.push('transaction released');
    release();
    await expect(trx).rejects.toThrow('roll back');
    expect(await outside).toBe(3);
    expect(order).toEqual(['transaction released', 'outside query answered']);
  });

  it('streams select results without caching the iterating statement', async () => {
    prepared.length = 0;
    const names: string[] = [];
    for await (const row of db.selectFrom('member').select('name').orderBy('id').stream()) names.push(row.name);
    for await (const row of db.selectFrom('member').select('name').orderBy('id').stream()) names.push(row.name);
    expect(names).toEqual(['Ada Lovelace', 'Grace Hopper', 'Mary Seacole', 'Ada Lovelace', 'Grace Hopper', 'Mary Seacole']);
    expect(prepared).toHaveLength(2);
  });
});
