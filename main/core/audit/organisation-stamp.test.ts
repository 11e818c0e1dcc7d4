import { afterEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import { CURRENT_ORGANISATION_KEY } from '../organisation/handlers';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';

/**
 * An event whose record cannot say whose it is (an export, an import) is stamped with the
 * organisation the mutation acted for. Handlers read it through the core's cached current
 * organisation; the writer must stamp that one, not re-read app_meta in the transaction: if a
 * switch's write landed while the cache still held the old organisation (group.switch writes
 * app_meta outside any mutation and forgets the cache only after), the handler changes the old
 * organisation's records and the event must not be shown to the new one.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('the organisation an event without a record of its own is stamped with', () => {
  it('is the one the handler acted for, even when app_meta already names another', async () => {
    t = await openTestCore({ now: () => NOW });
    const alpha = (await setUpOrganisation(t.core, { particulars: { name: 'Alpha Care Mutual' } })) as Organisation;
    const bravo = expectOk(await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321' } }))) as Organisation;
    // The window is on Alpha: the core has it cached.
    expect((await t.core.readContext().organisation())?.id).toBe(alpha.id);
    // A switch's write to app_meta has landed; the cache has not been forgotten yet.
    t.core.raw.prepare('insert into app_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(CURRENT_ORGANISATION_KEY, bravo.id);
    const acted = await t.core.mutate('an export', async (tx) => {
      const { org } = await tx.register();
      tx.audit({ action: 'register.exported', entityType: 'register', entityId: null, summary: `Exported the register of ${org.name}`, before: null, after: { organisationId: org.id } });
      return org.id;
    });
    expect(acted).toBe(alpha.id);
    const event = t.core.raw.prepare("select organisation_id from audit_event where action = 'register.exported' order by seq desc limit 1").pluck().get();
    expect(event).toBe(alpha.id);

    // A mutation whose handler asked for no organisation is stamped with the current one, read in its transaction.
    await t.core.mutate('an export', async (tx) => {
      tx.audit({ action: 'register.exported', entityType: 'register', entityId: null, summary: 'Exported a list', before: null, after: null });
    });
    expect(t.core.raw.prepare("select organisation_id from audit_event where action = 'register.exported' order by seq desc limit 1").pluck().get()).toBe(bravo.id);
  });
});
