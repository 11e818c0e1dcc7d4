import type { Officer } from '../../../shared/contract/officers';
import type { AppointmentTable, OfficerResidentialAddressTable, OfficerTable } from '../db/schema';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { officerParticularsSchema } from '../../../shared/contract/officers';
import type { memberAddressSchema } from '../../../shared/contract/members';

/**
 * Mapping between an officer as the contract carries it and the `officer`, `appointment` and
 * `officer_residential_address` tables. The residential address has its own mapping and its
 * own type so that nothing building an `Officer` can pick it up by accident (it is protected
 * information, held only to file it at Companies House: CA 2006 s240-241).
 */
export type OfficerParticulars = z.output<typeof officerParticularsSchema>;
export type Address = z.output<typeof memberAddressSchema>;
export type OfficerRow = Selectable<OfficerTable>;
export type AppointmentRow = Selectable<AppointmentTable>;
export type ResidentialRow = Selectable<OfficerResidentialAddressTable>;

type Flat = Record<string, string | null>;

export function officerColumns(p: OfficerParticulars) {
  return {
    member_id: p.memberId ?? null,
    given_names: p.givenNames,
    family_name: p.familyName,
    former_names: p.formerNames ?? null,
    service_line1: p.serviceAddress.line1,
    service_line2: p.serviceAddress.line2 ?? null,
    service_town: p.serviceAddress.town,
    service_postcode: p.serviceAddress.postcode ?? null,
    service_country: p.serviceAddress.country ?? null,
    date_of_birth: p.dateOfBirth ?? null,
    nationality: p.nationality ?? null,
    occupation: p.occupation ?? null,
    country_of_residence: p.countryOfResidence ?? null,
  } satisfies Partial<OfficerTable>;
}

export function residentialColumns(a: Address) {
  return { line1: a.line1, line2: a.line2 ?? null, town: a.town, postcode: a.postcode ?? null, country: a.country ?? null } satisfies Partial<OfficerResidentialAddressTable>;
}

function address(line1: string, line2: string | null, town: string, postcode: string | null, country: string | null) {
  return { line1, ...(line2 ? { line2 } : {}), town, ...(postcode ? { postcode } : {}), ...(country ? { country } : {}) };
}

export function toResidentialAddress(r: ResidentialRow): Officer['serviceAddress'] {
  return address(r.line1, r.line2, r.town, r.postcode, r.country);
}

export function toAppointment(a: AppointmentRow): Officer['appointments'][number] {
  return {
    id: a.id,
    role: a.role as Officer['appointments'][number]['role'],
    directorKind: a.director_kind as Officer['appointments'][number]['directorKind'],
    nominatedBy: a.nominated_by,
    nominatingCounterpartyId: a.nominating_counterparty_id,
    appointedOn: a.appointed_on,
    ceasedOn: a.ceased_on,
    cessationReason: a.cessation_reason,
  };
}

/** Appointments current ones first, then by the date they began. */
function byCurrentThenDate(a: AppointmentRow, b: AppointmentRow): number {
  if ((a.ceased_on === null) !== (b.ceased_on === null)) return a.ceased_on === null ? -1 : 1;
  return a.appointed_on < b.appointed_on ? -1 : a.appointed_on > b.appointed_on ? 1 : a.created_at < b.created_at ? -1 : 1;
}

export function toOfficer(o: OfficerRow, appointments: readonly AppointmentRow[]): Officer {
  const sorted = [...appointments].sort(byCurrentThenDate);
  return {
    id: o.id,
    givenNames: o.given_names,
    familyName: o.family_name,
    formerNames: o.former_names,
    serviceAddress: address(o.service_line1, o.service_line2, o.service_town, o.service_postcode, o.service_country),
    dateOfBirth: o.date_of_birth,
    nationality: o.nationality,
    occupation: o.occupation,
    countryOfResidence: o.country_of_residence,
    memberId: o.member_id,
    identity: o.identity_verified_on !== null && o.personal_code !== null ? { verifiedOn: o.identity_verified_on, personalCode: o.personal_code } : null,
    appointments: sorted.map(toAppointment),
    current: sorted.some((a) => a.ceased_on === null),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}

/** Particulars as a flat map of dotted paths (matching the form's fields), for audit before/after. */
export function flattenOfficer(o: OfficerRow, residential: ResidentialRow | null | undefined): Flat {
  return {
    givenNames: o.given_names,
    familyName: o.family_name,
    formerNames: o.former_names,
    'serviceAddress.line1': o.service_line1,
    'serviceAddress.line2': o.service_line2,
    'serviceAddress.town': o.service_town,
    'serviceAddress.postcode': o.service_postcode,
    'serviceAddress.country': o.service_country,
    dateOfBirth: o.date_of_birth,
    nationality: o.nationality,
    occupation: o.occupation,
    countryOfResidence: o.country_of_residence,
    memberId: o.member_id,
    'residentialAddress.line1': residential?.line1 ?? null,
    'residentialAddress.line2': residential?.line2 ?? null,
    'residentialAddress.town': residential?.town ?? null,
    'residentialAddress.postcode': residential?.postcode ?? null,
    'residentialAddress.country': residential?.country ?? null,
  };
}

/** Words for the audit summary naming which particulars changed (never their values). */
export function changedParticularNames(changed: readonly string[]): string[] {
  const names = new Map<string, string>([
    ['givenNames', 'given names'],
    ['familyName', 'family name'],
    ['formerNames', 'former names'],
    ['serviceAddress', 'service address'],
    ['dateOfBirth', 'date of birth'],
    ['nationality', 'nationality'],
    ['occupation', 'occupation'],
    ['countryOfResidence', 'country of residence'],
    ['memberId', 'link to the register of members'],
    ['residentialAddress', 'residential address'],
  ]);
  return [...new Set(changed.map((k) => names.get(k.split('.')[0]!) ?? k))];
}
