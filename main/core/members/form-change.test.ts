import { afterEach, describe, expect, it } from 'vitest';
import { validSetUpInput, expectOk, type TestCore } from '../testing';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { REGISTRATION, admit, makeClass, person, refusal, registerOf } from './register.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Changes the form as Settings does, after making the governing rules fit it (a company's members may always appoint proxies, CA 2006 s324). */
async function changeTo(legalForm: LegalForm) {
  const rules = expectOk(await t!.core.dispatch('rules.get', {})) as { values: Record<string, unknown> };
  expectOk(await t!.core.dispatch('rules.update', { ...rules.values, proxiesAllowed: true }));
  return t!.core.dispatch('organisation.update', {
    ...validSetUpInput({ particulars: { legalForm, registrationNumber: REGISTRATION[legalForm], incorporatedOn: '2015-04-01' } }).particulars,
  });
}

describe('changing the legal form (a conversion)', () => {
  it('is refused while members hold shares the new form cannot show, saying what to do first', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const a = await admit(t.core, cls, person('Ada', 'Lovelace'), { shares: 3 });
    await admit(t.core, cls, person('Bob', 'Stone'), { shares: 2 });
    const r = await changeTo('company_limited_by_guarantee');
    expect(refusal(r)).toEqual({
      legalForm:
        'A company limited by guarantee has no shares, but 2 members hold 5 shares; the register cannot show them once the form changes. Changing the legal form is a conversion: first record what happens to the shares (a transfer, a withdrawal or a cancellation under the rules); the classes’ share terms can then be removed.',
    });
    // Nothing changed: still a society, and the shares are still shown.
    expect((expectOk(await t.core.dispatch('organisation.get', {})) as { legalForm: string }).legalForm).toBe('cooperative_society');
    expect((expectOk(await t.core.dispatch('members.get', { id: a.id })) as { sharesHeld: number }).sharesHeld).toBe(3);
  });

  it('refuses a society with withdrawable shares becoming a company (CCBS Act 2014 Sch 1; CA 2006 Part 18)', async () => {
    t = await registerOf('cooperative_society');
    await makeClass(t.core, 'Member', { withdrawable: true });
    expect(refusal(await changeTo('eot_company'))).toEqual({ legalForm: expect.stringContaining('Shares of the Member class are withdrawable') });
  });

  it('refuses a company with joint holders becoming a society, and allows a change the records survive', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true });
    await admit(t.core, cls, person('Ann', 'Lee', { jointHolders: [{ givenNames: 'Raj', familyName: 'Patel' }] }), { shares: 2 });
    expect(refusal(await changeTo('cooperative_society'))).toEqual({ legalForm: expect.stringContaining('joint holders (CA 2006 s113(5))') });
    // Between two forms with shares and of the same family, every record survives.
    expectOk(await changeTo('cic_limited_by_shares'));
  });

  it('allows a society whose members no longer hold shares to become a company limited by guarantee', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', {});
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'));
    expectOk(await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2026-11-30', reason: 'resigned', shares: { kind: 'cancellation' } }));
    expectOk(await changeTo('company_limited_by_guarantee'));
  });
});
