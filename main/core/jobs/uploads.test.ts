import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

function leftBehind(t: TestCore): string[] {
  const dir = join(t.dir, '.uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('uploads', () => {
  it('refuses an empty HR file by name, and leaves no part file behind', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    for (let i = 0; i < 3; i++) {
      const r = await t.core.dispatch('uploads.begin', { purpose: 'import', fileName: 'staff list.csv', sizeBytes: 0 });
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'staff list.csv is empty (0 bytes). Export the staff list from your HR system again, then choose the new file.',
          fieldErrors: { sizeBytes: 'staff list.csv is empty (0 bytes). Export the staff list from your HR system again, then choose the new file.' },
        },
      });
    }
    expect(leftBehind(t)).toEqual([]);
  });

  it('refuses an empty file chosen for restore, saying it cannot be a backup', async () => {
    t = await openTestCore();
    const r = await t.core.dispatch('uploads.begin', { purpose: 'restore', fileName: 'riverside-backup.sqlite', sizeBytes: 0 });
    expect(!r.ok && r.error.message).toBe('riverside-backup.sqlite is empty (0 bytes), so it cannot be a backup. Choose the backup file again.');
    expect(leftBehind(t)).toEqual([]);
  });

  it('drops invisible characters from a file name, so a right-to-left override cannot disguise it in messages and the log', async () => {
    t = await openTestCore();
    const begun = await t.core.dispatch('uploads.begin', { purpose: 'import', fileName: 'staff\u202Evsc.exe\u0000.csv', sizeBytes: 1 });
    if (!begun.ok) throw new Error(begun.error.message);
    const { uploadId } = begun.value as { uploadId: string };
    await t.core.dispatch('uploads.append', { uploadId, index: 0, base64: 'eA==' });
    expect(t.core.uploads.take(uploadId, 'import').fileName).toBe('staffvsc.exe.csv');
  });

  it('still takes a one-byte file whole', async () => {
    t = await openTestCore();
    const begun = await t.core.dispatch('uploads.begin', { purpose: 'import', fileName: 'a.csv', sizeBytes: 1 });
    if (!begun.ok) throw new Error(begun.error.message);
    const { uploadId } = begun.value as { uploadId: string };
    expect(await t.core.dispatch('uploads.append', { uploadId, index: 0, base64: Buffer.from('x').toString('base64') })).toEqual({ ok: true, value: { receivedBytes: 1 } });
    const taken = t.core.uploads.take(uploadId, 'import');
    expect(leftBehind(t)).toEqual([taken.path.split('/').at(-1)]);
  });
});
