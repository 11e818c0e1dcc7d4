import type { MemberDetail, MemberParticulars, MemberRow } from '../../../shared/contract/members';
import { extraNameTokens, foldText, givenKey, sortKey } from '../../../shared/rules/fold';
import type { ReadDb } from '../context';
import type { MemberTable, MemberRowDb } from '../db/schema';

/**
 * Mapping between a member's particulars as the contract carries them and the columns of the
 * `member` table, including the folded keys the register is sorted and searched by.
 */
/** Particulars as the columns need them; callers from before organisation members (an import) may leave the newer parts out. */
type ParticularsIn = Omit<MemberParticulars, 'kind' | 'organisation' | 'jointHolders'> & Partial<Pick<MemberParticulars, 'kind' | 'organisation' | 'jointHolders'>>;

/**
 * The agreement to notices by e-mail as columns, only where the particulars carry it: left out
 * (an import, a caller from before migration 0011), the entry's recorded agreement is untouched.
 */
function electronicCommsColumns(p: Pick<ParticularsIn, 'electronicComms'>) {
  if (p.electronicComms === undefined) return {};
  return {
    electronic_comms_agreed_on: p.electronicComms?.agreedOn ?? null,
    electronic_comms_revoked_on: p.electronicComms?.revokedOn ?? null,
  };
}

export function particularsColumns(p: ParticularsIn) {
  const org = p.kind === 'organisation' ? (p.organisation ?? null) : null;
  return {
    ...electronicCommsColumns(p),
    // A person is stored with nulls (as before migration 0006), so their record's audit state is unchanged.
    holder_kind: p.kind === 'organisation' ? ('organisation' as const) : null,
    organisation_kind: org?.organisationKind ?? null,
    organisation_number: org?.registrationNumber ?? null,
    representative_name: org?.representative ?? null,
    given_names: p.givenNames,
    family_name: p.familyName,
    sort_key: sortKey(p.familyName, p.givenNames),
    given_key: givenKey(p.familyName, p.givenNames),
    address_line1: p.address.line1,
    address_line2: p.address.line2 ?? null,
    address_town: p.address.town,
    address_postcode: p.address.postcode ?? null,
    address_country: p.address.country ?? null,
    email: p.email ?? null,
    email_key: p.email ? emailKey(p.email) : null,
    email_purposes: p.emailPurposes ?? null,
    date_of_birth: p.dateOfBirth ?? null,
    employee_number: p.employee ? normaliseEmployeeNumber(p.employee.employeeNumber) : null,
    service_area: p.employee?.serviceArea ?? null,
    employment_start: p.employee?.employmentStart ?? null,
    employment_end: p.employee?.employmentEnd ?? null,
    weekly_hours_centi: p.employee && p.employee.weeklyHours !== null ? Math.round(p.employee.weeklyHours * 100) : null,
    loans_deposits_pence: p.loansAndDepositsPence,
  } satisfies Partial<MemberTable>;
}

/** Employee numbers compare without case or surrounding space: "e0123 " is E0123. */
export function normaliseEmployeeNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The joint holders after the first-named, as rows of member_joint_holder. */
export function jointHolderRows(memberId: string, p: Pick<ParticularsIn, 'jointHolders'>) {
  return (p.jointHolders ?? []).map((j, i) => ({ member_id: memberId, position: i + 1, given_names: j.givenNames, family_name: j.familyName }));
}

export async function readJointHolders(db: ReadDb, memberId: string): Promise<JointHolder[]> {
  const rows = await db.selectFrom('member_joint_holder').select(['given_names', 'family_name']).where('member_id', '=', memberId).orderBy('position').execute();
  return rows.map((r) => ({ givenNames: r.given_names, familyName: r.family_name }));
}

export function nameTokensFor(organisationId: string, memberId: string, familyName: string, givenNames: string) {
  return extraNameTokens(familyName, givenNames).map((token) => ({ organisation_id: organisationId, token, member_id: memberId }));
}

export function toMemberRow(
  r: Pick<MemberRowDb, 'id' | 'member_number' | 'given_names' | 'family_name' | 'class_id' | 'admitted_on' | 'ceased_on' | 'employee_number' | 'shares_held' | 'holder_kind'>,
  hasShares: boolean,
): MemberRow {
  return {
    kind: r.holder_kind === 'organisation' ? 'organisation' : 'individual',
    id: r.id,
    memberNumber: r.member_number,
    givenNames: r.given_names,
    familyName: r.family_name,
    classId: r.class_id,
    status: r.ceased_on === null ? 'current' : 'former',
    admittedOn: r.admitted_on,
    ceasedOn: r.ceased_on,
    employeeNumber: r.employee_number,
    sharesHeld: hasShares ? r.shares_held : null,
  };
}

export type JointHolder = MemberDetail['particulars']['jointHolders'][number];

export function toParticulars(r: MemberRowDb, jointHolders: readonly JointHolder[] = []): MemberDetail['particulars'] {
  return {
    kind: r.holder_kind === 'organisation' ? 'organisation' : 'individual',
    givenNames: r.given_names,
    familyName: r.family_name,
    organisation:
      r.holder_kind === 'organisation' && r.organisation_kind
        ? {
            organisationKind: r.organisation_kind,
            ...(r.organisation_number ? { registrationNumber: r.organisation_number } : {}),
            ...(r.representative_name ? { representative: r.representative_name } : {}),
          }
        : null,
    jointHolders: [...jointHolders],
    address: {
      line1: r.address_line1,
      ...(r.address_line2 ? { line2: r.address_line2 } : {}),
      town: r.address_town,
      ...(r.address_postcode ? { postcode: r.address_postcode } : {}),
      ...(r.address_country ? { country: r.address_country } : {}),
    },
    ...(r.email ? { email: r.email } : {}),
    ...(r.email_purposes ? { emailPurposes: r.email_purposes } : {}),
    electronicComms: r.electronic_comms_agreed_on
      ? { agreedOn: r.electronic_comms_agreed_on, ...(r.electronic_comms_revoked_on ? { revokedOn: r.electronic_comms_revoked_on } : {}) }
      : null,
    ...(r.date_of_birth ? { dateOfBirth: r.date_of_birth } : {}),
    employee:
      r.employee_number !== null
        ? {
            employeeNumber: r.employee_number,
            ...(r.service_area ? { serviceArea: r.service_area } : {}),
            employmentStart: r.employment_start ?? '',
            ...(r.employment_end ? { employmentEnd: r.employment_end } : {}),
            weeklyHours: r.weekly_hours_centi === null ? null : r.weekly_hours_centi / 100,
          }
        : null,
    loansAndDepositsPence: r.loans_deposits_pence,
  };
}

export function toMemberDetail(r: MemberRowDb, hasShares: boolean, otherEntries: MemberDetail['otherEntries'], jointHolders: readonly JointHolder[] = []): MemberDetail {
  return {
    ...toMemberRow(r, hasShares),
    personId: r.person_id,
    particulars: toParticulars(r, jointHolders),
    applicationDate: r.application_date,
    boardReference: r.board_reference,
    cessationReason: r.cessation_reason as MemberDetail['cessationReason'],
    cessationNote: r.cessation_note,
    amountPaidPence: hasShares ? r.paid_pence : null,
    otherEntries,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Folds a search query the way names were folded when stored. */
export function foldQuery(q: string): string {
  return foldText(q);
}

/** E-mail addresses are found without regard to case or accents. */
export function emailKey(email: string): string {
  return foldText(email.trim());
}
