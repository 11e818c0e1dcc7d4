import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const NOW = new Date('2026-11-28T12:00:00Z');

async function setUp() {
  t = await openTestCore({ now: () => NOW });
  // Incorporated in 2005: the test admits a member in 2010, and nothing may predate the company (CA 2006 s16(2)).
  await setUpOrganisation(t.core, { particulars: { incorporatedOn: '2005-01-01' } });
  const cls = (name: string) =>
    t!.core.dispatch('classes.create', {
      name,
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: null,
    });
  const a = expectOk(await cls('Community')) as { id: string };
  const b = expectOk(await cls('Service user')) as { id: string };
  return { core: t.core, a: a.id, b: b.id };
}

async function admit(core: TestCore['core'], classId: string, family: string, admittedOn = '2020-01-01') {
  return expectOk(
    await core.dispatch('members.admit', {
      classId,
      particulars: { givenNames: 'Sam', familyName: family, address: { line1: '1 Road', town: 'Leeds' }, employee: null, loansAndDepositsPence: null },
      admittedOn,
      initialShares: null,
    }),
  ) as { id: string; particulars: Record<string, unknown> };
}

/** The tally must always equal a count of the rows themselves. */
function truth(core: TestCore['core'], classId?: string) {
  const where = classId ? `where class_id = '${classId}'` : '';
  return core.raw.prepare(`select count(*) filter (where ceased_on is null) as current, count(*) filter (where ceased_on is not null) as former from member ${where}`).get() as {
    current: number;
    former: number;
  };
}

async function counted(core: TestCore['core'], input: Record<string, unknown>) {
  return expectOk(await core.dispatch('members.count', input)) as { count: number; atLeast: boolean };
}

describe('the member tally behind members.count', () => {
  it('follows admissions, cessations, class changes and removals', async () => {
    const { core, a, b } = await setUp();
    const m1 = await admit(core, a, 'One');
    await admit(core, a, 'Two');
    const m3 = await admit(core, b, 'Three', '2010-01-01');
    expect(await counted(core, { status: 'current' })).toEqual({ count: 3, atLeast: false });
    expect(await counted(core, { status: 'current', classId: a })).toEqual({ count: 2, atLeast: false });

    expectOk(await core.dispatch('members.cease', { memberId: m1.id, ceasedOn: '2021-01-01', reason: 'resigned' }));
    expect(await counted(core, { status: 'former' })).toEqual({ count: 1, atLeast: false });
    expect(await counted(core, { status: 'current', classId: a })).toEqual({ count: 1, atLeast: false });

    const m3detail = expectOk(await core.dispatch('members.get', { id: m3.id })) as { particulars: Record<string, unknown> };
    expectOk(await core.dispatch('members.update', { id: m3.id, classId: a, particulars: { ...m3detail.particulars, loansAndDepositsPence: null } }));
    expect(await counted(core, { status: 'current', classId: a })).toEqual({ count: 2, atLeast: false });
    expect(await counted(core, { status: 'current', classId: b })).toEqual({ count: 0, atLeast: false });

    expectOk(await core.dispatch('members.cease', { memberId: m3.id, ceasedOn: '2012-01-01', reason: 'resigned' }));
    expectOk(await core.dispatch('members.remove', { ids: [m3.id], confirm: true }));
    expect(await counted(core, { status: 'all' })).toEqual({ count: 2, atLeast: false });
    for (const cls of [undefined, a, b]) {
      const real = truth(core, cls);
      expect(await counted(core, { status: 'current', ...(cls ? { classId: cls } : {}) })).toMatchObject({ count: real.current });
      expect(await counted(core, { status: 'former', ...(cls ? { classId: cls } : {}) })).toMatchObject({ count: real.former });
    }
  });

  it('counts an admission-date range from the rows', async () => {
    const { core, a } = await setUp();
    await admit(core, a, 'Early', '2015-03-01');
    await admit(core, a, 'Middle', '2018-06-01');
    await admit(core, a, 'Late', '2022-09-01');
    expect(await counted(core, { status: 'current', admittedFrom: '2016-01-01', admittedTo: '2020-12-31' })).toEqual({ count: 1, atLeast: false });
    expect(await counted(core, { status: 'all', admittedFrom: '2016-01-01' })).toEqual({ count: 2, atLeast: false });
  });
});
