import type { AppointmentRole, DirectorKind } from '../../../shared/contract/officers';

export interface OfficerTable {
  id: string;
  organisation_id: string;
  member_id: string | null;
  given_names: string;
  family_name: string;
  former_names: string | null;
  service_line1: string;
  service_line2: string | null;
  service_town: string;
  service_postcode: string | null;
  service_country: string | null;
  date_of_birth: string | null;
  nationality: string | null;
  occupation: string | null;
  country_of_residence: string | null;
  /** Identity verified with Companies House on this day (CA 2006 s167M, s1110A); null while not recorded. */
  identity_verified_on: string | null;
  /** The Companies House personal code, 'XXX-XXXX-XXXX'; never in a printed or exported copy. */
  personal_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface OfficerResidentialAddressTable {
  officer_id: string;
  line1: string;
  line2: string | null;
  town: string;
  postcode: string | null;
  country: string | null;
  updated_at: string;
}

export interface AppointmentTable {
  id: string;
  organisation_id: string;
  officer_id: string;
  role: AppointmentRole;
  director_kind: DirectorKind | null;
  nominated_by: string | null;
  /** The organisation that nominated a nominee director, from the shared list (migration 0016). */
  nominating_counterparty_id: string | null;
  appointed_on: string;
  ceased_on: string | null;
  cessation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface OfficerTables {
  officer: OfficerTable;
  officer_residential_address: OfficerResidentialAddressTable;
  appointment: AppointmentTable;
}
