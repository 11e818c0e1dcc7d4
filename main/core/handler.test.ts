import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadDb } from './context';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from './testing';

/**
 * What the core enforces whatever a handler does: a mutation cannot commit a change without an
 * audit event, and a query cannot write.
 */
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await setUpOrganisation(t.core);
});
afterEach(async () => {
  await t.cleanup();
});

const quorum = () => Number(t.core.raw.prepare('select gm_quorum from governing_rules').pluck().get());
const events = () => Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());

describe('a mutation', () => {
  it('that changes a record without recording an audit event is rolled back', async () => {
    const before = { quorum: quorum(), events: events() };
    await expect(
      t.core.mutate('forgetful', async (tx) => {
        await tx.db.updateTable('governing_rules').set({ gm_quorum: 9 }).execute();
      }),
    ).rejects.toThrow('forgetful changed 1 row(s) without recording an audit event, so nothing was saved.');
    expect({ quorum: quorum(), events: events() }).toEqual(before);
  });

  it('cannot slip a change past the rule with raw SQL', async () => {
    await expect(
      t.core.mutate('raw', async (tx) => {
        await sql`update governing_rules set gm_quorum = 7`.execute(tx.db);
      }),
    ).rejects.toThrow('without recording an audit event');
    expect(quorum()).not.toBe(7);
  });

  it('commits its change together with its event, and the event vouches for the record’s state', async () => {
    await t.core.mutate('careful', async (tx) => {
      const org = (await tx.organisation())!;
      await tx.db.updateTable('governing_rules').set({ gm_quorum: 9 }).where('organisation_id', '=', org.id).execute();
      tx.audit({ action: 'rules.updated', entityType: 'governing_rules', entityId: org.id, summary: 'Quorum 9', before: null, after: { gmQuorum: 9 } });
    });
    expect(quorum()).toBe(9);
    const last = t.core.raw.prepare('select seq, state_digest from audit_event order by seq desc limit 1').get() as { seq: number; state_digest: string };
    expect(last.state_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(t.core.raw.prepare('select entity_type from audit_state where event_seq = ?').pluck().all(last.seq)).toEqual(['governing_rules']);
  });

  it('that changes nothing records nothing and succeeds', async () => {
    const before = events();
    expect(await t.core.mutate('no-op', async (tx) => (await tx.organisation())!.name)).toBe('Riverside Care Mutual');
    expect(events()).toBe(before);
    // The same through the contract: saving unchanged rules writes no event.
    const rules = expectOk(await t.core.dispatch('rules.get', {})) as { values: Record<string, unknown> };
    expectOk(await t.core.dispatch('rules.update', rules.values));
    expect(events()).toBe(before);
  });

  it('is refused as a whole when the handler fails after recording its event', async () => {
    const before = { quorum: quorum(), events: events() };
    await expect(
      t.core.mutate('half-done', async (tx) => {
        const org = (await tx.organisation())!;
        await tx.db.updateTable('governing_rules').set({ gm_quorum: 9 }).where('organisation_id', '=', org.id).execute();
        tx.audit({ action: 'rules.updated', entityType: 'governing_rules', entityId: org.id, summary: 'Quorum 9' });
        throw new Error('the second half failed');
      }),
    ).rejects.toThrow('the second half failed');
    expect({ quorum: quorum(), events: events() }).toEqual(before);
  });
});

describe('a query', () => {
  it('gets a handle that refuses to write, before any SQL runs', async () => {
    const db = t.core.readContext().db as unknown as { updateTable: (t: string) => { set: (v: object) => { execute: () => Promise<unknown> } } };
    await expect(db.updateTable('governing_rules').set({ gm_quorum: 9 }).execute()).rejects.toThrow('A query tried to write');
    expect(quorum()).not.toBe(9);
  });

  it('has no write builders in its type (the object has them; the plugin above refuses them)', () => {
    const db: ReadDb = t.core.readContext().db;
    // @ts-expect-error a read handle's type has no insertInto, so a query does not compile if it writes
    const hidden: unknown = db.insertInto;
    expect(typeof hidden).toBe('function');
    expect(typeof db.selectFrom).toBe('function');
  });
});
