import type { AdmitInput, MemberDetail } from '../../../shared/contract/members';
import type { MembershipClass } from '../../../shared/contract/classes';
import type { Core } from '../core';
import { expectOk } from '../testing';

/** Seeding helpers for this folder's tests: classes and members through the real contract. */
export async function createClass(core: Core, opts: { shares: boolean; employee?: boolean; name?: string; withdrawable?: boolean }): Promise<MembershipClass> {
  return expectOk(
    await core.dispatch('classes.create', {
      name: opts.name ?? (opts.employee ? 'Employee' : 'Community'),
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: opts.employee ?? false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      // Withdrawable shares exist only in societies; a company's are plain unless a test says otherwise.
      shareTerms: opts.shares ? { nominalPence: 100, withdrawable: opts.withdrawable ?? false, transferable: false, maxHolding: null } : null,
    }),
  ) as MembershipClass;
}

export interface SeedMember {
  givenNames: string;
  familyName: string;
  email?: string;
  emailPurposes?: string;
  dateOfBirth?: string;
  employeeNumber?: string;
  admittedOn?: string;
  loansAndDepositsPence?: number;
  previousEntryId?: string;
}

export async function admit(core: Core, cls: MembershipClass, m: SeedMember, shares: boolean): Promise<MemberDetail> {
  const input: AdmitInput = {
    classId: cls.id,
    admittedOn: m.admittedOn ?? '2020-05-01',
    particulars: {
      givenNames: m.givenNames,
      familyName: m.familyName,
      address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' },
      ...(m.email ? { email: m.email } : {}),
      ...(m.emailPurposes ? { emailPurposes: m.emailPurposes } : {}),
      ...(m.dateOfBirth ? { dateOfBirth: m.dateOfBirth } : {}),
      employee: m.employeeNumber ? { employeeNumber: m.employeeNumber, employmentStart: '2018-01-01', weeklyHours: 37.5 } : null,
      loansAndDepositsPence: m.loansAndDepositsPence ?? null,
    },
    initialShares: shares ? { shares: 1, amountPaidPence: 100 } : null,
    ...(m.previousEntryId ? { previousEntryId: m.previousEntryId } : {}),
  };
  return expectOk(await core.dispatch('members.admit', input)) as MemberDetail;
}
