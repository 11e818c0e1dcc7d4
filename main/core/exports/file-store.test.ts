import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { EXPORT_TTL_MS, ExportFileStore, FILE_CHUNK_BYTES, exportsDirFor } from './file-store';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

describe('exported files', () => {
  it('reads back byte for byte through files.read in chunks of at most 512 KB of base64', async () => {
    const clock = { now: new Date('2026-11-28T10:00:00Z') };
    t = await openTestCore({ now: () => clock.now });
    await setUpOrganisation(t.core);
    const store = new ExportFileStore(exportsDirFor(t.dbPath), () => clock.now);
    const bytes = randomBytes(FILE_CHUNK_BYTES * 2 + 12345);
    const file = store.create('register.xlsx', 'application/octet-stream');
    writeFileSync(file.path, bytes);
    file.commit();

    const parts: Buffer[] = [];
    let offset: number | null = 0;
    let calls = 0;
    while (offset !== null) {
      const chunk = expectOk(await t.core.dispatch('exports.readFile', { fileId: file.id, offset })) as { base64: string; nextOffset: number | null; sizeBytes: number; fileName: string };
      expect(chunk.base64.length).toBeLessThanOrEqual(512 * 1024);
      expect(chunk.sizeBytes).toBe(bytes.length);
      expect(chunk.fileName).toBe('register.xlsx');
      parts.push(Buffer.from(chunk.base64, 'base64'));
      offset = chunk.nextOffset;
      calls += 1;
    }
    expect(calls).toBe(3);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('reads an empty file as one empty chunk', async () => {
    t = await openTestCore();
    const store = new ExportFileStore(exportsDirFor(t.dbPath), () => new Date());
    const file = store.create('empty.csv', 'text/csv');
    file.commit();
    expect(store.read(file.id, 0)).toMatchObject({ base64: '', nextOffset: null, sizeBytes: 0 });
  });

  it('keeps files private to the user and deletes them an hour after they were made', async () => {
    const clock = { now: new Date('2026-11-28T10:00:00Z') };
    t = await openTestCore({ now: () => clock.now });
    await setUpOrganisation(t.core);
    const dir = exportsDirFor(t.dbPath);
    const store = new ExportFileStore(dir, () => clock.now);
    const file = store.create('a.csv', 'text/csv');
    writeFileSync(file.path, 'x');
    file.commit();
    expect(statSync(join(dir, file.id)).mode & 0o077).toBe(0);

    clock.now = new Date(clock.now.getTime() + EXPORT_TTL_MS - 1000);
    expect(store.read(file.id, 0).sizeBytes).toBe(1);
    clock.now = new Date(clock.now.getTime() + 2000);
    const late = await t.core.dispatch('exports.readFile', { fileId: file.id, offset: 0 });
    expect(late.ok ? 'ok' : late.error.code).toBe('NOT_FOUND');
    expect(late.ok ? '' : late.error.message).toContain('kept for an hour');
    expect(existsSync(join(dir, file.id))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not serve a file that was never finished, or an unknown id', async () => {
    t = await openTestCore();
    const store = new ExportFileStore(exportsDirFor(t.dbPath), () => new Date());
    const file = store.create('a.csv', 'text/csv');
    writeFileSync(file.path, 'half');
    expect(() => store.read(file.id, 0)).toThrow(/no longer available/);
    expect(() => store.read('0'.repeat(32), 0)).toThrow(/no longer available/);
    file.discard();
    expect(readdirSync(store.dir)).toEqual([]);
  });
});
