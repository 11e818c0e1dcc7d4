import { afterEach, describe, expect, test } from 'vitest';
import type { MembershipClass } from '../../../shared/contract/classes';
import type { MemberRow } from '../../../shared/contract/members';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

type Page = { rows: MemberRow[] };

async function registerOf(names: [string, string][]) {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const cls = expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Community',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: null,
    }),
  ) as MembershipClass;
  for (const [givenNames, familyName] of names) {
    expectOk(
      await t.core.dispatch('members.admit', {
        classId: cls.id,
        particulars: { givenNames, familyName, address: { line1: '1 High St', town: 'Leeds' }, employee: null, loansAndDepositsPence: null },
        admittedOn: '2024-01-01',
        initialShares: null,
      }),
    );
  }
  return t.core;
}

describe('going to a name in the register', () => {
  test('ascending, starts at the first name with the prefix', async () => {
    const core = await registerOf([['Ann', 'Adams'], ['Émilie', 'Dubois'], ['Dan', 'Duke'], ['Zoe', 'Zhang']]);
    const page = expectOk(await core.dispatch('members.list', { sort: 'name', startAt: 'Du' })) as Page;
    expect(page.rows.map((r) => r.familyName)).toEqual(['Dubois', 'Duke', 'Zhang']);
  });

  test('descending, keeps the names that begin with the prefix and goes on towards A', async () => {
    const core = await registerOf([['Ann', 'Adams'], ['Émilie', 'Dubois'], ['Dan', 'Duke'], ['Zoe', 'Zhang']]);
    const page = expectOk(await core.dispatch('members.list', { sort: 'name', direction: 'desc', startAt: 'Du' })) as Page;
    expect(page.rows.map((r) => r.familyName)).toEqual(['Duke', 'Dubois', 'Adams']);
  });

  test('by number, descending, starts at that number', async () => {
    const core = await registerOf([['Ann', 'Adams'], ['Émilie', 'Dubois'], ['Dan', 'Duke']]);
    const page = expectOk(await core.dispatch('members.list', { sort: 'number', direction: 'desc', startAt: '2' })) as Page;
    expect(page.rows.map((r) => r.memberNumber)).toEqual([2, 1]);
  });
});
