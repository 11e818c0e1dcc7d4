import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MemberDetail } from '../../../shared/contract/members';
import type { Core } from '../core';
import { expectOk, runJob, type TestCore } from '../testing';
import { admit, makeClass, person, refusal, registerOf } from './register.test-helpers';

/**
 * Changing the e-mail address of a member whose agreement to notices by e-mail stands: a notice
 * may go by e-mail only to an address the member specified for the purpose (CA 2006 Sch 5 para
 * 7), so the change is refused until the secretary confirms the member gave the new address for
 * notices, unticks the agreement, or records its withdrawal. Nothing is ended silently.
 */
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const jane = () => person('Jane', 'Smith', { email: 'jane@example.org', electronicComms: { agreedOn: '2025-03-03' } });

async function update(core: Core, m: MemberDetail, particulars: object) {
  return core.dispatch('members.update', { id: m.id, classId: m.classId, particulars: { ...m.particulars, ...particulars } });
}
const stored = (core: Core, id: string) => core.raw.prepare('select email, electronic_comms_agreed_on as agreedOn, electronic_comms_revoked_on as revokedOn from member where id = ?').get(id);

describe('changing the e-mail address while the agreement to notices by e-mail stands', () => {
  it('is refused on the agreement until the secretary confirms the member gave the new address for notices', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Member', null);
    const m = await admit(t.core, cls, jane());

    const message = 'The e-mail address changed; confirm that Jane Smith gave the new address for notices, or untick the agreement (CA 2006 Sch 5 para 7).';
    // The form sends the agreement as it stands; so does a change that leaves it out.
    expect(refusal(await update(t.core, m, { email: 'jane.smith@example.net' }))).toEqual({ 'particulars.electronicComms.confirmedForAddress': message });
    const { electronicComms: _e, ...withoutAgreement } = m.particulars;
    expect(
      refusal(await t.core.dispatch('members.update', { id: m.id, classId: m.classId, particulars: { ...withoutAgreement, email: 'jane.smith@example.net' } })),
    ).toEqual({ 'particulars.electronicComms.confirmedForAddress': message });
    // Saying no is refused the same way; nothing was saved.
    expect(refusal(await update(t.core, m, { email: 'jane.smith@example.net', electronicComms: { agreedOn: '2025-03-03', confirmedForAddress: false } }))).toEqual({
      'particulars.electronicComms.confirmedForAddress': message,
    });
    expect(stored(t.core, m.id)).toEqual({ email: 'jane@example.org', agreedOn: '2025-03-03', revokedOn: null });

    // Confirmed: the address changes and the agreement stands; the confirmation itself is not stored.
    const confirmed = expectOk(
      await update(t.core, m, { email: 'jane.smith@example.net', electronicComms: { agreedOn: '2025-03-03', confirmedForAddress: true } }),
    ) as MemberDetail;
    expect(confirmed.particulars.electronicComms).toEqual({ agreedOn: '2025-03-03' });
    expect(stored(t.core, m.id)).toEqual({ email: 'jane.smith@example.net', agreedOn: '2025-03-03', revokedOn: null });
    expect(((await runJob(t.core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  });

  it('is accepted without a confirmation when the agreement is unticked or withdrawn, when the address differs only in capitals, or when no agreement stands', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Member', null);
    const a = await admit(t.core, cls, jane());
    expectOk(await update(t.core, a, { email: 'Jane@Example.org' }));
    const unticked = expectOk(await update(t.core, a, { email: 'a@example.net', electronicComms: null })) as MemberDetail;
    expect(unticked.particulars.electronicComms).toBeNull();

    const b = await admit(t.core, cls, jane());
    const withdrawn = expectOk(await update(t.core, b, { email: 'b@example.net', electronicComms: { agreedOn: '2025-03-03', revokedOn: '2026-11-30' } })) as MemberDetail;
    expect(withdrawn.particulars.electronicComms).toEqual({ agreedOn: '2025-03-03', revokedOn: '2026-11-30' });
    // Already withdrawn: a later change of address needs no confirmation.
    expectOk(await update(t.core, withdrawn, { email: 'b2@example.net' }));

    const c = await admit(t.core, cls, person('Cy', 'Hall', { email: 'cy@example.org' }));
    expectOk(await update(t.core, c, { email: 'cy@example.net' }));
  });

  it('for a society, leaves company law out of the message', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const m = await admit(t.core, cls, jane());
    expect(refusal(await update(t.core, m, { email: 'jane.smith@example.net' }))).toEqual({
      'particulars.electronicComms.confirmedForAddress': 'The e-mail address changed; confirm that Jane Smith gave the new address for notices, or untick the agreement.',
    });
  });
});
