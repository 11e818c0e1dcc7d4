import type { MembershipClass } from '../../../shared/contract/classes';
import type { AdmitInput, MemberDetail, MemberParticularsInput } from '../../../shared/contract/members';
import type { LedgerEntry } from '../../../shared/contract/shares';
import type { LegalForm } from '../../../shared/domain/legal-form';
import type { Core } from '../core';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

/** Test set-up for the register: one organisation of a legal form, classes and members through the real contract. */
export const REGISTRATION: Record<LegalForm, string> = {
  company_limited_by_guarantee: '01234567',
  cic_limited_by_guarantee: '01234567',
  cic_limited_by_shares: '01234567',
  eot_company: '01234567',
  cooperative_society: '12345R',
  community_benefit_society: '12345R',
};

export async function registerOf(legalForm: LegalForm, now = new Date('2026-11-30T12:00:00Z')): Promise<TestCore> {
  const t = await openTestCore({ now: () => now });
  await setUpOrganisation(t.core, { particulars: { legalForm, registrationNumber: REGISTRATION[legalForm], incorporatedOn: '2015-04-01' } });
  return t;
}

export interface Terms {
  withdrawable?: boolean;
  transferable?: boolean;
  redeemable?: boolean;
  numbered?: boolean;
  maxHolding?: number | null;
  nominalPence?: number;
}

export async function makeClass(core: Core, name: string, terms: Terms | null, employee = false): Promise<MembershipClass> {
  return expectOk(
    await core.dispatch('classes.create', {
      name,
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: employee,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: terms
        ? {
            nominalPence: terms.nominalPence ?? 100,
            withdrawable: terms.withdrawable ?? false,
            transferable: terms.transferable ?? false,
            maxHolding: terms.maxHolding ?? null,
            redeemable: terms.redeemable ?? false,
            numbered: terms.numbered ?? false,
          }
        : null,
    }),
  ) as MembershipClass;
}

export function person(givenNames: string, familyName: string, extra: Partial<MemberParticularsInput> = {}): MemberParticularsInput {
  return { givenNames, familyName, address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, employee: null, loansAndDepositsPence: null, ...extra };
}

export function organisation(name: string, organisationKind: string, extra: { registrationNumber?: string; representative?: string } = {}): MemberParticularsInput {
  return {
    kind: 'organisation',
    givenNames: '',
    familyName: name,
    organisation: { organisationKind: organisationKind as never, ...extra },
    address: { line1: 'Civic Hall', town: 'Leeds', postcode: 'LS1 1UR' },
    employee: null,
    loansAndDepositsPence: null,
  };
}

export async function admit(core: Core, cls: MembershipClass, particulars: MemberParticularsInput, opts: { admittedOn?: string; shares?: number; paidPence?: number } = {}): Promise<MemberDetail> {
  const input: AdmitInput = {
    classId: cls.id,
    particulars,
    admittedOn: opts.admittedOn ?? '2020-01-06',
    initialShares: cls.shareTerms ? { shares: opts.shares ?? 1, amountPaidPence: opts.paidPence ?? (opts.shares ?? 1) * cls.shareTerms.nominalPence } : null,
  };
  return expectOk(await core.dispatch('members.admit', input)) as MemberDetail;
}

export async function ledgerOf(core: Core, memberId: string) {
  return expectOk(await core.dispatch('shares.ledger', { memberId })) as { entries: LedgerEntry[]; sharesHeld: number; paidPence: number };
}

/** The field errors of a refused call, or the code when it has none. */
export function refusal(r: { ok: boolean; error?: { code: string; message: string; fieldErrors?: Record<string, string> } }): Record<string, string> | string {
  if (r.ok) return 'ok';
  return r.error!.fieldErrors ?? `${r.error!.code}: ${r.error!.message}`;
}
