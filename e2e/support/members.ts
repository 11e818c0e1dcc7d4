import { api } from './api';
import type { AppUnderTest } from './app';

/**
 * Seeds a class of voting members (one vote each, no shares) and admits the people named, through
 * the contract, for journeys about meetings rather than the register. Returns each member's id by
 * given name.
 */
export async function seedVotingMembers(app: AppUnderTest, people: readonly (readonly [string, string])[], admittedOn = '2020-01-06'): Promise<Record<string, string>> {
  const cls = await api(app, 'classes.create', {
    name: 'Employee members',
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: null,
  });
  const ids: Record<string, string> = {};
  for (const [givenNames, familyName] of people) {
    const m = await api(app, 'members.admit', {
      classId: cls.id,
      particulars: { givenNames, familyName, address: { line1: '1 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' }, employee: null, loansAndDepositsPence: null },
      admittedOn,
      initialShares: null,
    });
    ids[givenNames] = m.id;
  }
  return ids;
}
