import { afterEach, describe, expect, it } from 'vitest';
import type { MemberIndexPage, PrintPage } from '../../../shared/contract/exports';
import { hrCsv, planCsv } from '../hr-import/testing';
import { admit, makeClass, organisation, person, registerOf } from '../members/register.test-helpers';
import { expectOk, type TestCore } from '../testing';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const printPage = async (input: Record<string, unknown> = {}) => expectOk(await t!.core.dispatch('exports.registerPage', { view: 'inspection', status: 'all', ...input })) as PrintPage;

describe('copies of the register', () => {
  it('carry the s123 statement with the sole member’s entry, and name joint holders (CA 2006 s113(5))', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true, numbered: true });
    const trustee = await admit(t.core, cls, organisation('Riverside EOT Trustee Limited', 'trustee_company'), { admittedOn: '2015-04-01', shares: 100 });
    const page = await printPage();
    expect(page.statements).toEqual([`The company has only one member. (CA 2006 s123(1); with the entry of member ${trustee.memberNumber}, Riverside EOT Trustee Limited.)`]);
    await admit(t.core, cls, person('Ann', 'Lee', { jointHolders: [{ givenNames: 'Raj', familyName: 'Patel' }] }), { admittedOn: '2026-02-02', shares: 5 });
    const later = await printPage();
    expect(later.statements?.[1]).toBe(
      `The company has ceased to have only one member. It ceased to have only one member on 2 February 2026. (CA 2006 s123(3); with the entry of member ${trustee.memberNumber}, Riverside EOT Trustee Limited.)`,
    );
    expect(later.rows[1]).toMatchObject({ familyName: 'Lee', givenNames: 'Ann', jointHolders: 'Raj Patel', sharesHeld: '5', shareNumbers: '101–105' });
    expect(later.rows[0]).toMatchObject({ familyName: 'Riverside EOT Trustee Limited', givenNames: '', shareNumbers: '1–100' });
  });

  it('say that alterations are to be made while an HR import is checked but not applied (CA 2006 s120)', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const staff = await makeClass(t.core, 'Employee', null, true);
    await planCsv(t.core, hrCsv([{ no: 'E100' }, { no: 'E101' }]), { classId: staff.id, asOf: '2026-11-30', fileName: 'staff-november.csv' });
    const page = await printPage();
    expect(page.stateStatement).toBe(
      'No alterations have been made to this register (CA 2006 s120). Further alterations are to be made: An HR import of staff-november.csv, checked and not yet applied, would admit 2.',
    );
  });

  it('include an index of members’ names in alphabetical order, which is never behind the register (CA 2006 s115, s120(2))', async () => {
    t = await registerOf('cic_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Community', null);
    await admit(t.core, cls, person('Zoë', 'Adams'));
    await admit(t.core, cls, organisation('Leeds City Council', 'local_authority'));
    await admit(t.core, cls, person('Ann', 'Lee'));
    const first = expectOk(await t.core.dispatch('exports.memberIndexPage', { limit: 2 })) as MemberIndexPage;
    expect(first.rows).toEqual([
      { name: 'Zoë Adams', indexName: 'Adams, Zoë', memberNumber: 1 },
      { name: 'Ann Lee', indexName: 'Lee, Ann', memberNumber: 3 },
    ]);
    expect(first.stateStatement).toContain('(CA 2006 s120(2))');
    expect(first.rule).toContain('need not keep an index of members');
    const second = expectOk(await t.core.dispatch('exports.memberIndexPage', { after: first.next! })) as MemberIndexPage;
    expect(second.rows.map((r) => r.name)).toEqual(['Leeds City Council']);
    expect(second.next).toBeNull();
    expect(t.core.raw.prepare("select summary from audit_event where action = 'register.exported'").pluck().all()).toEqual(['Index of members’ names prepared for printing, 3 entries']);
  });
});
