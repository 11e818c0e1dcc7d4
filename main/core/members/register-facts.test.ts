import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterFacts, RemovableList } from '../../../shared/contract/members';
import { expectOk, type TestCore } from '../testing';
import { admit, makeClass, organisation, person, refusal, registerOf } from './register.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const facts = async () => expectOk(await t!.core.dispatch('members.registerFacts', {})) as RegisterFacts;

describe('the register’s own statements', () => {
  it('states when a company falls to one member and when it rises from one (CA 2006 s123), with a quorum of one meanwhile (s318(1))', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true });
    const council = await admit(t.core, cls, organisation('Leeds City Council', 'local_authority'), { admittedOn: '2015-04-01' });
    const trustee = await admit(t.core, cls, organisation('Riverside EOT Trustee Limited', 'trustee_company'), { admittedOn: '2015-04-01', shares: 99 });
    expect((await facts()).singleMember).toEqual([]);
    expect((await facts()).quorum).toMatchObject({ quorum: 2 });

    expectOk(await t.core.dispatch('members.cease', { memberId: council.id, ceasedOn: '2024-03-31', reason: 'resigned', shares: { kind: 'transfer', toMemberId: trustee.id } }));
    const sole = await facts();
    expect(sole.singleMember).toEqual([
      {
        statement: 'The company has only one member. It became a company with only one member on 31 March 2024.',
        date: '2024-03-31',
        on: '2024-03-31',
        source: 'CA 2006 s123(2)',
        against: 'sole member',
        memberId: trustee.id,
        memberNumber: trustee.memberNumber,
        name: 'Riverside EOT Trustee Limited',
      },
    ]);
    expect(sole.quorum).toEqual({ quorum: 1, source: 'CA 2006 s318(1): a company limited by shares or guarantee with only one member has a quorum of one qualifying person' });
    expect(sole.currentMembers).toBe(1);

    await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2026-02-01' });
    const risen = await facts();
    expect(risen.singleMember.map((s) => [s.source, s.on, s.memberNumber])).toEqual([
      ['CA 2006 s123(2)', '2024-03-31', trustee.memberNumber],
      ['CA 2006 s123(3)', '2026-02-01', trustee.memberNumber],
    ]);
    expect(risen.quorum.quorum).toBe(2);
  });

  it('makes no s123 statement for a society, and cites the rules for its quorum', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    await admit(t.core, cls, person('Ada', 'Lovelace'));
    const f = await facts();
    expect(f.singleMember).toEqual([]);
    expect(f.quorum.source).toContain('registered rules');
    expect(f.inspection).toMatchObject({ requestLog: false, source: 'CCBS Act 2014 s103' });
  });

  it('says whether an index of members is needed (CA 2006 s115) and remembers that the register is itself one', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Community', null);
    for (let i = 1; i <= 51; i++) await admit(t.core, cls, person('Member', `Number ${i}`));
    expect((await facts()).index).toMatchObject({ required: true, source: 'CA 2006 s115' });
    expect(expectOk(await t.core.dispatch('members.updateRegisterSettings', { registerIsIndex: true, retentionYears: null }))).toEqual({ registerIsIndex: true, retentionYears: null });
    expect((await facts()).index).toMatchObject({ required: false, statement: expect.stringContaining('the register is itself in the form of an index') });
    const event = t.core.raw.prepare("select summary from audit_event where action = 'register.settings_changed'").get();
    expect(event).toEqual({ summary: 'Register settings: the register is itself an index of members (CA 2006 s115)' });
    // A company's removal period is the law's, not a setting.
    expect(refusal(await t.core.dispatch('members.updateRegisterSettings', { registerIsIndex: true, retentionYears: 6 }))).toEqual({ retentionYears: expect.stringContaining('CA 2006 s121') });
  });

  it('states the date last amended and whether further alterations are to be made (CA 2006 s120)', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const staff = await makeClass(t.core, 'Employee', null, true);
    const m = await admit(t.core, staff, person('Ada', 'Lovelace', { employee: { employeeNumber: 'E1', employmentStart: '2019-01-01', weeklyHours: 37.5 } }));
    expect((await facts()).stateStatement).toBe('This register was last amended on 30 November 2026 (CA 2006 s120). No further alterations are to be made.');
    // Their entry now says their employment ended: their cessation is to be entered.
    expectOk(await t.core.dispatch('members.update', { id: m.id, classId: staff.id, particulars: { ...m.particulars, employee: { ...m.particulars.employee!, employmentEnd: '2026-11-27' } } as never }));
    const f = await facts();
    expect(f.pending).toEqual([
      { kind: 'cessation_due', count: 1, description: '1 current member of an employee class has an employment end date on or before 30 November 2026, but their cessation has not been entered.' },
    ]);
    expect(f.stateStatement).toBe(
      'This register was last amended on 30 November 2026 (CA 2006 s120). Further alterations are to be made: 1 current member of an employee class has an employment end date on or before 30 November 2026, but their cessation has not been entered.',
    );
  });
});

describe('removing former members’ entries', () => {
  it('follows a society’s rules, not CA 2006 s121, and says the Act sets no period', async () => {
    t = await registerOf('cooperative_society', new Date('2026-11-30T12:00:00Z'));
    const cls = await makeClass(t.core, 'Member', {});
    const m = await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2016-01-04' });
    expectOk(await t.core.dispatch('members.cease', { memberId: m.id, ceasedOn: '2019-06-30', reason: 'resigned', shares: { kind: 'cancellation' } }));
    const before = expectOk(await t.core.dispatch('members.removable', {})) as RemovableList;
    expect(before).toMatchObject({ years: 10, statutory: false, rows: [] });
    expect(before.source).toContain('The CCBS Act 2014 sets no period');
    expect(before.source).not.toMatch(/^CA 2006 s121/);
    const early = await t.core.dispatch('members.remove', { ids: [m.id], confirm: true });
    expect(early.ok ? '' : early.error.message).toContain('the CCBS Act 2014 sets no period and the society’s rules set none');

    expectOk(await t.core.dispatch('members.updateRegisterSettings', { registerIsIndex: false, retentionYears: 6 }));
    const after = expectOk(await t.core.dispatch('members.removable', {})) as RemovableList;
    expect(after).toMatchObject({ years: 6, statutory: false, rows: [{ id: m.id, removableFrom: '2025-07-01' }] });
    expect(after.source).toContain('Your rules allow removal 6 years after a member ceases.');
    expectOk(await t.core.dispatch('members.remove', { ids: [m.id], confirm: true }));
    expect(t.core.raw.prepare("select summary from audit_event where action = 'register.entries_removed'").pluck().get()).toBe(
      '1 former member entry removed as the society’s rules allow (ceased on or before 29 November 2020)',
    );
  });
});
