import { afterEach, describe, expect, it } from 'vitest';
import type { MemberDetail } from '../../../shared/contract/members';
import { expectOk, type TestCore } from '../testing';
import { admit, makeClass, organisation, person, refusal, registerOf } from './register.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('members that are organisations', () => {
  it('enters a council with one name, its address and a named representative', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Founding', { transferable: true });
    const council = await admit(t.core, cls, organisation('Leeds City Council', 'local_authority', { representative: 'Cllr Jo Smith' }));
    expect(council).toMatchObject({ kind: 'organisation', givenNames: '', familyName: 'Leeds City Council' });
    expect(council.particulars).toMatchObject({
      kind: 'organisation',
      organisation: { organisationKind: 'local_authority', representative: 'Cllr Jo Smith' },
      address: { line1: 'Civic Hall', town: 'Leeds', postcode: 'LS1 1UR' },
      jointHolders: [],
    });
    const found = expectOk(await t.core.dispatch('members.search', { query: 'council' })) as { rows: { id: string; kind: string }[] };
    expect(found.rows).toEqual([expect.objectContaining({ id: council.id, kind: 'organisation' })]);
  });

  it('refuses an organisation in an employee class, or with a date of birth, and needs a registered society’s number', async () => {
    t = await registerOf('cooperative_society');
    const staff = await makeClass(t.core, 'Employee', { withdrawable: true }, true);
    const r = await t.core.dispatch('members.admit', {
      classId: staff.id,
      particulars: organisation('Leeds Teaching Hospitals NHS Trust', 'nhs_body'),
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    expect(refusal(r)).toEqual({ 'particulars.kind': 'The Employee class is for employees, so an organisation cannot be a member of it; choose another class.' });
    const other = await makeClass(t.core, 'Partner', { withdrawable: true });
    const dob = await t.core.dispatch('members.admit', {
      classId: other.id,
      particulars: { ...organisation('Leeds Teaching Hospitals NHS Trust', 'nhs_body'), dateOfBirth: '1990-01-01' },
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    expect(refusal(dob)).toMatchObject({ 'particulars.dateOfBirth': 'An organisation has no date of birth.' });
    const noNumber = await t.core.dispatch('members.admit', {
      classId: other.id,
      particulars: organisation('Yorkshire Co-operative Federation Limited', 'registered_society'),
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    expect(refusal(noNumber)).toMatchObject({ 'particulars.organisation.registrationNumber': expect.stringContaining('CCBS Act 2014 s24(2)') });
  });

  it('frees a member that is a registered society from the £100,000 limit (CCBS Act 2014 s24(2)), and no one else', async () => {
    t = await registerOf('community_benefit_society');
    const cls = await makeClass(t.core, 'Investor', { withdrawable: true });
    const society = await admit(t.core, cls, organisation('Yorkshire Co-operative Federation Limited', 'registered_society', { registrationNumber: '30012R' }), { shares: 150_000 });
    expect(society.sharesHeld).toBe(150_000);
    const council = await t.core.dispatch('members.admit', {
      classId: cls.id,
      particulars: organisation('Leeds City Council', 'local_authority'),
      admittedOn: '2020-01-06',
      initialShares: { shares: 150_000, amountPaidPence: 15_000_000 },
    });
    expect(refusal(council)).toEqual({ shares: "On 6 January 2020: CCBS Act 2014 s24(1) limits a member's withdrawable shares to £100,000; this would make £150,000.00." });
    // Recorded in error as a registered society? Correcting it is refused while it holds more than the limit.
    const detail = society.particulars;
    const wrong = await t.core.dispatch('members.update', {
      id: society.id,
      classId: cls.id,
      particulars: { ...detail, organisation: { organisationKind: 'company' } } as never,
    });
    expect(refusal(wrong)).toEqual({ 'particulars.organisation.organisationKind': expect.stringContaining('Only a registered society may hold more (s24(2))') });
  });
});

describe('joint holders (CA 2006 s113(5))', () => {
  it('enters joint holders jointly, the first-named first, found by any of their names', async () => {
    t = await registerOf('eot_company');
    const cls = await makeClass(t.core, 'Ordinary', { transferable: true });
    const joint = await admit(t.core, cls, person('Ann', 'Lee', { jointHolders: [{ givenNames: 'Raj', familyName: 'Patel' }] }), { shares: 10 });
    expect(joint.particulars.jointHolders).toEqual([{ givenNames: 'Raj', familyName: 'Patel' }]);
    const found = expectOk(await t.core.dispatch('members.search', { query: 'patel' })) as { rows: { id: string }[] };
    expect(found.rows.map((r) => r.id)).toEqual([joint.id]);
    // A third holder joins: one change, recorded in the entry's history.
    const updated = expectOk(
      await t.core.dispatch('members.update', {
        id: joint.id,
        classId: cls.id,
        particulars: { ...joint.particulars, jointHolders: [...joint.particulars.jointHolders, { givenNames: 'Sam', familyName: 'Ng' }] } as never,
      }),
    ) as MemberDetail;
    expect(updated.particulars.jointHolders.map((j) => j.familyName)).toEqual(['Patel', 'Ng']);
    const history = expectOk(await t.core.dispatch('members.history', { id: joint.id })) as { changes: { field: string; from: unknown; to: unknown }[] }[];
    expect(history[0]!.changes).toEqual([{ field: 'jointHolders', from: 'Raj Patel', to: 'Raj Patel; Sam Ng' }]);
  });

  it('refuses joint holders where there are no shares of a company', async () => {
    t = await registerOf('cooperative_society');
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const r = await t.core.dispatch('members.admit', {
      classId: cls.id,
      particulars: person('Ann', 'Lee', { jointHolders: [{ givenNames: 'Raj', familyName: 'Patel' }] }),
      admittedOn: '2020-01-06',
      initialShares: { shares: 1, amountPaidPence: 100 },
    });
    expect(refusal(r)).toEqual({ 'particulars.jointHolders': expect.stringContaining('CA 2006 s113(5)') });
  });
});
