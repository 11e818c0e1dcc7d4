import type { MemberDetail } from '../../../shared/contract/members';

type Flat = Record<string, string | number | null>;

/** Particulars as a flat map of dotted paths, for audit before/after and the member timeline. */
export function flattenParticulars(p: MemberDetail['particulars'], className: string): Flat {
  return {
    // A person's entry leaves these null (as its events did before organisations could be members).
    kind: p.kind === 'organisation' ? 'organisation' : null,
    'organisation.organisationKind': p.organisation?.organisationKind ?? null,
    'organisation.registrationNumber': p.organisation?.registrationNumber ?? null,
    'organisation.representative': p.organisation?.representative ?? null,
    givenNames: p.givenNames,
    familyName: p.familyName,
    // Parsed input always has the list; a caller that skips the contract (a test, an import) may not.
    jointHolders: (p.jointHolders ?? []).length > 0 ? p.jointHolders.map((j) => `${j.givenNames} ${j.familyName}`).join('; ') : null,
    'address.line1': p.address.line1,
    'address.line2': p.address.line2 ?? null,
    'address.town': p.address.town,
    'address.postcode': p.address.postcode ?? null,
    'address.country': p.address.country ?? null,
    email: p.email ?? null,
    emailPurposes: p.emailPurposes ?? null,
    // Null before migration 0011 and wherever no agreement is on record, so older events read the same.
    'electronicComms.agreedOn': p.electronicComms?.agreedOn ?? null,
    'electronicComms.revokedOn': p.electronicComms?.revokedOn ?? null,
    dateOfBirth: p.dateOfBirth ?? null,
    'employee.employeeNumber': p.employee?.employeeNumber ?? null,
    'employee.serviceArea': p.employee?.serviceArea ?? null,
    'employee.employmentStart': p.employee?.employmentStart ?? null,
    'employee.employmentEnd': p.employee?.employmentEnd ?? null,
    'employee.weeklyHours': p.employee?.weeklyHours ?? null,
    loansAndDepositsPence: p.loansAndDepositsPence,
    className,
  };
}

/** The keys whose values differ, with before and after restricted to them. */
export function diffFlat(before: Flat, after: Flat): { changed: string[]; before: Flat; after: Flat } {
  const changed = Object.keys(after).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  return {
    changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}
