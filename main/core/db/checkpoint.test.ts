import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { CHECKPOINT_AT_BYTES, Checkpointer, checkpointInWorker } from './checkpoint';
import { readPragmas } from './open';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Writes enough to grow the log past the threshold, as a large import does. */
function growLog(raw: TestCore['core']['raw']): void {
  raw.exec('create table if not exists scratch (id integer primary key, v text) strict');
  const insert = raw.prepare('insert into scratch (v) values (?)');
  const big = 'x'.repeat(4000);
  raw.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(big);
  })();
}

describe('background checkpoints', () => {
  it('leaves automatic checkpoints off on the app’s connection, so no commit pays for one', async () => {
    t = await openTestCore();
    expect(Number(t.core.raw.pragma('wal_autocheckpoint', { simple: true }))).toBe(0);
    expect(readPragmas(t.core.raw).journalMode).toBe('wal');
  });

  it('copies the whole log into the file on a worker thread once it has grown', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    growLog(t.core.raw);
    const checkpointer = new Checkpointer(t.core.dbPath);
    expect(checkpointer.walBytes()).toBeGreaterThan(CHECKPOINT_AT_BYTES);
    const outcome = await checkpointer.maybe();
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome!.log).toBeGreaterThan(1000);
    expect(outcome!.checkpointed).toBe(outcome!.log);
    // The records are all still there and the chain still verifies.
    expect(t.core.raw.prepare('select count(*) from scratch').pluck().get()).toBe(2000);
  });

  it('does nothing while the log is small', async () => {
    t = await openTestCore();
    const checkpointer = new Checkpointer(t.core.dbPath);
    expect(checkpointer.maybe()).toBeNull();
  });

  it('reports a file it cannot open rather than throwing', async () => {
    const outcome = await checkpointInWorker('/nonexistent/folder/db.sqlite');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBeTruthy();
  });
});
