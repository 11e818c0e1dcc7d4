import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { insertMany } from './batch-insert';

let t: TestCore;
afterEach(async () => t?.cleanup());

describe('insertMany', () => {
  it('inserts every row, nulls included, across several statements of the same and a shorter shape', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    const org = t.core.raw.prepare('select id from organisation').pluck().get() as string;
    const rows = Array.from({ length: 7 }, (_, i) => ({ organisation_id: org, key: `k${i}`, value: i % 2 ? `v${i}` : '', updated_at: 'now' }));
    await t.core.db.transaction().execute((trx) => insertMany(trx, 'app_setting', rows, 3));
    expect(t.core.raw.prepare('select key, value from app_setting order by key').all()).toEqual(rows.map((r) => ({ key: r.key, value: r.value })));

    const tokens = [{ organisation_id: org, token: 'anne', member_id: null as unknown as string }];
    // A NOT NULL column given null fails the statement, as the single-row insert would.
    await expect(t.core.db.transaction().execute((trx) => insertMany(trx, 'member_name_token', tokens))).rejects.toThrow(/NOT NULL/);
    await insertMany(t.core.db, 'app_setting', []);
    expect(t.core.raw.prepare('select count(*) from app_setting').pluck().get()).toBe(7);
  });
});
