import { afterAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';

/**
 * "This register was last amended on …" (CA 2006 s120) in a file keeping two organisations: each
 * register's date is its own changes', not the latest change to either register.
 */
let now = new Date('2026-03-02T10:00:00Z');
let t: TestCore | undefined;
afterAll(async () => {
  await t?.cleanup();
});

describe('the date a register was last amended, in a group', () => {
  it("is the organisation's own, not another's later change", async () => {
    t = await openTestCore({ now: () => now });
    const call = async <T>(method: string, input: unknown) => expectOk(await t!.core.dispatch(method, input)) as T;
    const alpha = (await setUpOrganisation(t.core, { particulars: { name: 'Alpha Care Mutual', legalForm: 'cic_limited_by_shares' } })) as Organisation;
    await admit(t.core, await makeClass(t.core, 'Alpha staff', { nominalPence: 100 }), person('Sam', 'Alphason'), { admittedOn: '2026-03-02' });

    now = new Date('2026-06-15T10:00:00Z');
    const bravo = await call<Organisation>('group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321', legalForm: 'cic_limited_by_shares' } }));
    await call('group.switch', { organisationId: bravo.id });
    await admit(t.core, await makeClass(t.core, 'Bravo staff', { nominalPence: 100 }), person('Sam', 'Bravoson'), { admittedOn: '2026-06-15' });
    expect(await call('members.registerFacts', {})).toMatchObject({ lastAmended: '2026-06-15' });

    await call('group.switch', { organisationId: alpha.id });
    expect(await call('members.registerFacts', {})).toMatchObject({ lastAmended: '2026-03-02' });
  }, 60_000);
});
