import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MembershipClass } from '../../../shared/contract/classes';
import type { MemberDetail, TimelineEntry } from '../../../shared/contract/members';
import type { LegalForm } from '../../../shared/domain/legal-form';
import type { Core } from '../core';
import { admit, makeClass, person, registerOf } from '../members/register.test-helpers';
import { expectOk, runJob, type TestCore } from '../testing';
import { apply, hrCsv, planCsv } from './testing';

/**
 * An HR file that changes the e-mail address of a member who has agreed to notices by e-mail
 * ends that agreement: a notice may go by e-mail only to an address the member specified for
 * the purpose (CA 2006 Sch 5 para 7), and an address from the HR system is not one the member
 * gave the company for notices.
 */
const TODAY = '2026-11-30';
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** An employee entered with the particulars the HR file's defaults give (see ./testing.ts hrLine). */
function employee(no: string, extra: object = {}) {
  return person('Alex', `Worker${no}`, {
    address: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP' },
    email: `${no.toLowerCase()}@example.org`,
    dateOfBirth: '1985-07-14',
    employee: { employeeNumber: no, serviceArea: 'Adult social care', employmentStart: '2019-04-01', weeklyHours: 37.5 },
    ...extra,
  });
}

async function setUp(form: LegalForm): Promise<{ core: Core; cls: MembershipClass }> {
  t = await registerOf(form);
  const cls = await makeClass(t.core, 'Employee', form === 'cooperative_society' ? { withdrawable: true } : null, true);
  return { core: t.core, cls };
}

const row = (core: Core, no: string) =>
  core.raw.prepare('select email, electronic_comms_agreed_on as agreedOn, electronic_comms_revoked_on as revokedOn from member where employee_number = ?').get(no);

describe('an HR import that changes the e-mail address of a member who agreed to notices by e-mail', () => {
  it('ends the agreement on the import’s date in the same audited change, says so in the plan and the result, and verify still passes', async () => {
    const { core, cls } = await setUp('company_limited_by_guarantee');
    const e1 = await admit(core, cls, employee('E1', { electronicComms: { agreedOn: '2025-01-10' } }));
    // Address the same but for capitals: the same mailbox, so the agreement stands.
    await admit(core, cls, employee('E2', { electronicComms: { agreedOn: '2025-01-10' } }));
    // Already withdrawn: nothing more to end.
    await admit(core, cls, employee('E3', { electronicComms: { agreedOn: '2025-01-10', revokedOn: '2026-02-01' } }));
    // No agreement on record.
    await admit(core, cls, employee('E4'));
    // Agreement stands; the file changes only the street.
    await admit(core, cls, employee('E5', { electronicComms: { agreedOn: '2025-01-10' } }));

    const { plan } = await planCsv(
      core,
      hrCsv([
        { no: 'E1', email: 'alex.new@example.org' },
        { no: 'E2', email: 'E2@Example.org' },
        { no: 'E3', email: 'e3.new@example.org' },
        { no: 'E4', email: 'e4.new@example.org' },
        { no: 'E5', line1: '9 New Road' },
      ]),
      { classId: cls.id, asOf: TODAY },
    );
    expect(plan.electronicCommsEnded).toEqual({
      count: 1,
      message:
        'Agreement to notices by e-mail will end for 1 member whose e-mail address the HR file changes (Companies Act 2006 Sch 5 para 7: notices go to an address the member gave for the purpose); record it again once they confirm the new address.',
    });
    expect(plan.update.find((u) => u.employeeNumber === 'E1')?.changes).toEqual([
      { field: 'email', from: 'e1@example.org', to: 'alex.new@example.org' },
      { field: 'electronicComms.revokedOn', from: '', to: TODAY },
    ]);
    expect(plan.update.find((u) => u.employeeNumber === 'E2')?.changes).toEqual([{ field: 'email', from: 'e2@example.org', to: 'E2@Example.org' }]);

    const result = await apply(core, plan.planId);
    expect(result.electronicCommsEnded).toEqual({
      count: 1,
      message:
        'Agreement to notices by e-mail ended for 1 member whose e-mail address the HR file changed (Companies Act 2006 Sch 5 para 7: notices go to an address the member gave for the purpose); record it again once they confirm the new address.',
    });
    expect(row(core, 'E1')).toEqual({ email: 'alex.new@example.org', agreedOn: '2025-01-10', revokedOn: TODAY });
    expect(row(core, 'E2')).toEqual({ email: 'E2@Example.org', agreedOn: '2025-01-10', revokedOn: null });
    expect(row(core, 'E3')).toEqual({ email: 'e3.new@example.org', agreedOn: '2025-01-10', revokedOn: '2026-02-01' });
    expect(row(core, 'E4')).toEqual({ email: 'e4.new@example.org', agreedOn: null, revokedOn: null });
    expect(row(core, 'E5')).toEqual({ email: 'e5@example.org', agreedOn: '2025-01-10', revokedOn: null });

    // One event for the member's change, naming both the address and the agreement's end.
    const history = expectOk(await core.dispatch('members.history', { id: e1.id })) as TimelineEntry[];
    expect(history[0]).toMatchObject({
      action: 'member.updated',
      changes: [
        { field: 'email', from: 'e1@example.org', to: 'alex.new@example.org' },
        { field: 'electronicComms.revokedOn', from: null, to: TODAY },
      ],
    });
    const member = expectOk(await core.dispatch('members.get', { id: e1.id })) as MemberDetail;
    expect(member.particulars.electronicComms).toEqual({ agreedOn: '2025-01-10', revokedOn: TODAY });
    const summary = core.raw.prepare("select summary from audit_event where action = 'import.applied'").pluck().get() as string;
    expect(summary).toMatch(/agreement to notices by e-mail ended for 1$/);

    const report = (await runJob(core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('reports nothing when no agreement is ended', async () => {
    const { core, cls } = await setUp('company_limited_by_guarantee');
    await admit(core, cls, employee('E1'));
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', email: 'alex.new@example.org' }]), { classId: cls.id, asOf: TODAY });
    expect(plan.electronicCommsEnded).toBeNull();
    expect((await apply(core, plan.planId)).electronicCommsEnded).toBeNull();
  });

  it('for a society, points to its registered rules rather than company law', async () => {
    const { core, cls } = await setUp('cooperative_society');
    await admit(core, cls, employee('E1', { electronicComms: { agreedOn: '2025-01-10' } }));
    await admit(core, cls, employee('E2', { electronicComms: { agreedOn: '2025-01-10' } }));
    const { plan } = await planCsv(
      core,
      hrCsv([
        { no: 'E1', email: 'one@example.org' },
        { no: 'E2', email: 'two@example.org' },
      ]),
      { classId: cls.id, asOf: TODAY },
    );
    const result = await apply(core, plan.planId);
    expect(result.electronicCommsEnded).toEqual({
      count: 2,
      message:
        'Agreement to notices by e-mail ended for 2 members whose e-mail address the HR file changed (your registered rules; the app treats an address from the HR file as not given by the member for notices); record it again once they confirm the new address.',
    });
    expect(JSON.stringify([plan.electronicCommsEnded, result.electronicCommsEnded])).not.toMatch(/Companies Act|CA 2006/);
    expect(row(core, 'E2')).toMatchObject({ revokedOn: TODAY });
    expect(((await runJob(core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  });
});
