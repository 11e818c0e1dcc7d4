import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from './core';
import { expectOk, openTestCore, setUpOrganisation, tempDbPath, validSetUpInput, type TestCore } from './testing';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** A file of ours, fully migrated, with one table page overwritten (as a failing disk might). */
async function damagedFile(): Promise<string> {
  const path = tempDbPath();
  const core = await Core.open({ dbPath: path, host: 'cli' });
  await setUpOrganisation(core);
  await core.close();
  const db = new Database(path);
  const root = Number(db.prepare("select rootpage from sqlite_schema where name = 'audit_event'").pluck().get());
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xff, (root - 1) * pageSize + 8, (root - 1) * pageSize + 18);
  writeFileSync(path, bytes);
  return path;
}

describe('the start-up integrity check', () => {
  it('runs in the background for an up-to-date file, and reports a sound file as ok', async () => {
    const path = tempDbPath();
    const first = await Core.open({ dbPath: path, host: 'cli' });
    await setUpOrganisation(first);
    await first.close();
    const core = await Core.open({ dbPath: path, host: 'cli' });
    try {
      const status = expectOk(await core.dispatch('app.status', {})) as { integrity: { state: string } };
      expect(['ok', 'checking']).toContain(status.integrity.state);
      await core.ready();
      expect(core.integrity()).toEqual({ state: 'ok', problem: null });
    } finally {
      await core.close();
    }
  });

  it('opens a damaged file for reading but refuses every change, saying to restore a backup', async () => {
    const path = await damagedFile();
    const core = await Core.open({ dbPath: path, host: 'browser' });
    try {
      const refused = await core.dispatch('rules.update', validSetUpInput().rules);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('INTERNAL');
      expect(!refused.ok && refused.error.message).toMatch(/is damaged .* Restore your latest backup/);
      const status = expectOk(await core.dispatch('app.status', {})) as { integrity: { state: string; problem: string | null } };
      expect(status.integrity.state).toBe('damaged');
      expect(status.integrity.problem).toBeTruthy();
    } finally {
      await core.close();
    }
  });
});

describe('the remembered organisation', () => {
  it('is forgotten when the particulars change, so the register sees the new name', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    expect((await t.core.readContext().organisation())?.name).toBe(validSetUpInput().particulars.name);
    expectOk(await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, name: 'Renamed Mutual Ltd' }));
    expect((await t.core.readContext().organisation())?.name).toBe('Renamed Mutual Ltd');
  });
});
