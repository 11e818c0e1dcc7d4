import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MemberDetail, TimelineEntry } from '../../../shared/contract/members';
import { Core } from '../core';
import { expectOk, runJob, type TestCore } from '../testing';
import { admit, makeClass, person, refusal, registerOf } from './register.test-helpers';

/**
 * A member's agreement to receive notices by e-mail is a dated fact on the entry (migration
 * 0011): saved, checked (CA 2006 s1144(2), Sch 5 Part 3 paras 6-7 for a company; the society's
 * rules for a society), recorded in the audit log, and vouched for by verify, including on a file
 * whose members were entered before the columns existed.
 */
let t: TestCore | undefined;
let reopened: Core | undefined;
afterEach(async () => {
  await reopened?.close();
  reopened = undefined;
  await t?.cleanup();
  t = undefined;
});

const withEmail = (given: string, family: string, extra = {}) => person(given, family, { email: `${given.toLowerCase()}@example.org`, ...extra });

async function update(core: Core, m: MemberDetail, particulars: object) {
  return core.dispatch('members.update', { id: m.id, classId: m.classId, particulars: { ...m.particulars, ...particulars } });
}

describe('agreement to notices by e-mail', () => {
  it('is saved with its date, withdrawn with another, recorded in the log, and verify vouches for it', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Employee', null);
    const ann = await admit(t.core, cls, withEmail('Ann', 'Lee', { electronicComms: { agreedOn: '2024-05-01' } }));
    expect(ann.particulars.electronicComms).toEqual({ agreedOn: '2024-05-01' });
    expect(t.core.raw.prepare('select electronic_comms_agreed_on, electronic_comms_revoked_on from member where id = ?').get(ann.id)).toEqual({
      electronic_comms_agreed_on: '2024-05-01',
      electronic_comms_revoked_on: null,
    });

    const revoked = expectOk(await update(t.core, ann, { electronicComms: { agreedOn: '2024-05-01', revokedOn: '2026-11-02' } })) as MemberDetail;
    expect(revoked.particulars.electronicComms).toEqual({ agreedOn: '2024-05-01', revokedOn: '2026-11-02' });
    const history = expectOk(await t.core.dispatch('members.history', { id: ann.id })) as TimelineEntry[];
    expect(history[0]).toMatchObject({ action: 'member.updated', changes: [{ field: 'electronicComms.revokedOn', from: null, to: '2026-11-02' }] });

    // A change that leaves the agreement out (as an import would) keeps it as recorded.
    const { electronicComms: _e, ...withoutAgreement } = revoked.particulars;
    const moved = expectOk(
      await t.core.dispatch('members.update', { id: ann.id, classId: cls.id, particulars: { ...withoutAgreement, address: { line1: '9 New Street', town: 'Leeds' } } }),
    ) as MemberDetail;
    expect(moved.particulars.electronicComms).toEqual({ agreedOn: '2024-05-01', revokedOn: '2026-11-02' });

    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('refuses a date in the future, a withdrawal before the agreement, and an agreement with no address, citing CA 2006 Sch 5', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Employee', null);
    const input = (particulars: object) => ({ classId: cls.id, particulars: { ...withEmail('Ben', 'Ode'), ...particulars }, admittedOn: '2020-01-06', initialShares: null });

    expect(refusal(await t.core.dispatch('members.admit', input({ electronicComms: { agreedOn: '2026-12-01' } })))).toEqual({
      'particulars.electronicComms.agreedOn':
        'The member’s agreement to notices by e-mail cannot be dated in the future (today is 30 November 2026): notices may go by e-mail only to a member who has already agreed (CA 2006 s1144(2), Sch 5 para 6).',
    });
    expect(refusal(await t.core.dispatch('members.admit', input({ electronicComms: { agreedOn: '2025-03-03', revokedOn: '2025-03-02' } })))).toEqual({
      'particulars.electronicComms.revokedOn': 'The agreement cannot be withdrawn before it was given: the member agreed on 3 March 2025 (CA 2006 Sch 5 para 6).',
    });
    expect(refusal(await t.core.dispatch('members.admit', input({ electronicComms: { agreedOn: '2025-03-03', revokedOn: '2026-12-25' } })))).toEqual({
      'particulars.electronicComms.revokedOn':
        'The date the member withdrew their agreement cannot be in the future (today is 30 November 2026); record it once they have withdrawn it (CA 2006 Sch 5 para 6).',
    });
    expect(refusal(await t.core.dispatch('members.admit', input({ email: '', electronicComms: { agreedOn: '2025-03-03' } })))).toEqual({
      'particulars.email':
        'Enter the e-mail address the member agreed to receive notices at: notices may go by e-mail only to an address the member gave for the purpose (CA 2006 Sch 5 para 7).',
    });
    expect(refusal(await t.core.dispatch('members.admit', input({ electronicComms: { agreedOn: 'yesterday' } })))).toHaveProperty(['particulars.electronicComms.agreedOn']);
    // Nothing was entered by the refused calls.
    expect(t.core.raw.prepare('select count(*) from member').pluck().get()).toBe(0);

    // Removing the address while the agreement stands is refused too; nothing is lost.
    const ben = await admit(t.core, cls, withEmail('Ben', 'Ode', { electronicComms: { agreedOn: '2025-03-03' } }));
    expect(refusal(await update(t.core, ben, { email: '' }))).toHaveProperty(['particulars.email']);
    expect((expectOk(await t.core.dispatch('members.get', { id: ben.id })) as MemberDetail).particulars).toMatchObject({ email: 'ben@example.org', electronicComms: { agreedOn: '2025-03-03' } });
  });

  it('for a society, cites its rules rather than company law', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const r = await t.core.dispatch('members.admit', {
      classId: cls.id,
      particulars: withEmail('Cat', 'Ray', { electronicComms: { agreedOn: '2027-01-01' } }),
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    const errors = refusal(r) as Record<string, string>;
    expect(errors['particulars.electronicComms.agreedOn']).toBe('The member’s agreement to notices by e-mail cannot be dated in the future (today is 30 November 2026).');
    const noAddress = refusal(
      await t.core.dispatch('members.admit', {
        classId: cls.id,
        particulars: person('Cat', 'Ray', { electronicComms: { agreedOn: '2025-01-01' } }),
        admittedOn: '2020-01-06',
        initialShares: { shares: 1, amountPaidPence: 100 },
      }),
    ) as Record<string, string>;
    expect(noAddress['particulars.email']).toBe('Enter the e-mail address the member agreed to receive notices at, as the society’s rules provide.');
    expect(JSON.stringify([errors, noAddress])).not.toMatch(/CA 2006/);
  });
});

describe('migration 0011 on a file with existing members', () => {
  it('adds the columns as null, changes no record, and verify still vouches for every entry', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const cls = await makeClass(t.core, 'Employee', null);
    const ann = await admit(t.core, cls, withEmail('Ann', 'Lee'));
    const raj = await admit(t.core, cls, person('Raj', 'Patel'));
    const statesBefore = t.core.raw.prepare("select entity_id, state_hash from audit_state where entity_type = 'member' order by entity_id, event_seq").all();
    await t.core.close();

    // Put the file back as it was before migration 0011: its members were entered through the
    // app, with their audit states, when the member table had no agreement columns.
    const { openDatabase } = await import('../db/open');
    const raw = openDatabase(t.dbPath);
    raw.exec('alter table member drop column electronic_comms_revoked_on');
    raw.exec('alter table member drop column electronic_comms_agreed_on');
    raw.prepare("delete from schema_migration where name = '0011_electronic_notice_agreement'").run();
    raw.close();

    reopened = await Core.open({ dbPath: t.dbPath, host: 'cli', actor: 'test secretary', now: () => new Date('2026-11-30T12:00:00Z') });
    expect(reopened.raw.prepare("select count(*) from schema_migration where name = '0011_electronic_notice_agreement'").pluck().get()).toBe(1);
    expect(reopened.raw.prepare('select electronic_comms_agreed_on, electronic_comms_revoked_on from member order by member_number').all()).toEqual([
      { electronic_comms_agreed_on: null, electronic_comms_revoked_on: null },
      { electronic_comms_agreed_on: null, electronic_comms_revoked_on: null },
    ]);
    expect(reopened.raw.prepare("select entity_id, state_hash from audit_state where entity_type = 'member' order by entity_id, event_seq").all()).toEqual(statesBefore);
    const report = (await runJob(reopened, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
    for (const m of [ann, raj]) {
      expect((expectOk(await reopened.dispatch('members.get', { id: m.id })) as MemberDetail).particulars.electronicComms).toBeNull();
    }

    // The agreement can then be recorded on an old entry, and verify vouches for the new state.
    const recorded = expectOk(
      await reopened.dispatch('members.update', { id: ann.id, classId: cls.id, particulars: { ...ann.particulars, electronicComms: { agreedOn: '2026-11-30' } } }),
    ) as MemberDetail;
    expect(recorded.particulars.electronicComms).toEqual({ agreedOn: '2026-11-30' });
    expect(((await runJob(reopened, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  });
});
