import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Every table the core reads or writes, as stored. Booleans are 0/1 integers, legal dates
 * 'YYYY-MM-DD', instants ISO-8601 UTC, money integer pence. Grows with each migration.
 */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export interface OrganisationTable {
  id: string;
  name: string;
  legal_form: string;
  registration_number: string;
  office_line1: string;
  office_line2: string | null;
  office_town: string;
  office_county: string | null;
  office_postcode: string;
  office_country: string;
  incorporated_on: string;
  financial_year_end: string;
  created_at: string;
  updated_at: string;
}

export interface GoverningRulesTable {
  organisation_id: string;
  gm_notice_clear_days: number;
  gm_quorum: number;
  board_quorum: number;
  /** Basis points: 7500 = 75%. */
  special_resolution_bp: number;
  written_resolution_lapse_days: number;
  voting_basis: string;
  chair_casting_vote: number;
  proxies_allowed: number;
  proxy_deadline_hours: number;
  updated_at: string;
}

export interface AuditEventTable {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  /** 1: written before record states were vouched for; 2: covers `state_digest`. */
  chain_version: number;
  /** Digest of the record states this event vouches for (audit_state rows), or null. */
  state_digest: string | null;
}

export interface AuditStateTable {
  entity_type: string;
  entity_id: string;
  event_seq: number;
  state_hash: string;
}

export interface AuditPayloadTable {
  event_id: string;
  /** JSON {before, after}; null once redacted. */
  body: string | null;
  redacted_at: string | null;
  redacted_by: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SequenceTable {
  organisation_id: string;
  name: string;
  next_value: number;
}

export interface AppSettingTable {
  organisation_id: string;
  key: string;
  value: string;
  updated_at: string;
}

export interface MembershipClassTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  voting_rights: string;
  votes_per_member: number;
  is_employee_class: number;
  min_age_years: number | null;
  /** Hundredths of an hour: 750 = 7.5 hours. */
  min_weekly_hours_centi: number | null;
  min_service_months: number | null;
  share_nominal_pence: number | null;
  share_withdrawable: number | null;
  share_transferable: number | null;
  share_max_holding: number | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  organisation_id: string;
  person_id: string;
  member_number: number;
  class_id: string;
  given_names: string;
  family_name: string;
  sort_key: string;
  given_key: string;
  address_line1: string;
  address_line2: string | null;
  address_town: string;
  address_postcode: string | null;
  address_country: string | null;
  email: string | null;
  email_key: string | null;
  email_purposes: string | null;
  date_of_birth: string | null;
  employee_number: string | null;
  service_area: string | null;
  employment_start: string | null;
  employment_end: string | null;
  weekly_hours_centi: number | null;
  loans_deposits_pence: number | null;
  application_date: string | null;
  admitted_on: string;
  board_reference: string | null;
  ceased_on: string | null;
  cessation_reason: string | null;
  cessation_note: string | null;
  shares_held: number;
  paid_pence: number;
  created_at: string;
  updated_at: string;
}

export interface MemberNameTokenTable {
  organisation_id: string;
  token: string;
  member_id: string;
}

export interface ShareTransactionTable {
  id: string;
  organisation_id: string;
  member_id: string;
  kind: string;
  date: string;
  shares: number;
  amount_pence: number;
  counterparty_member_id: string | null;
  transfer_id: string | null;
  notice_date: string | null;
  payment_date: string | null;
  board_reference: string | null;
  created_at: string;
}

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
  role: string;
  director_kind: string | null;
  nominated_by: string | null;
  appointed_on: string;
  ceased_on: string | null;
  cessation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterestTable {
  id: string;
  organisation_id: string;
  officer_id: string;
  category: string;
  nature: string;
  related_organisation: string | null;
  declared_on: string;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PscTable {
  id: string;
  organisation_id: string;
  kind: string;
  name: string;
  service_line1: string;
  service_line2: string | null;
  service_town: string;
  service_postcode: string | null;
  service_country: string | null;
  date_of_birth: string | null;
  nationality: string | null;
  country_of_residence: string | null;
  legal_form: string | null;
  governing_law: string | null;
  registration_number: string | null;
  /** Comma-separated PSC_NATURES. */
  natures: string;
  became_registrable_on: string;
  ceased_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PscStatementTable {
  id: string;
  organisation_id: string;
  statement: string;
  made_on: string;
  withdrawn_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionRequestTable {
  id: string;
  organisation_id: string;
  requester_name: string;
  requester_address: string;
  purpose: string;
  will_share: number;
  shared_with: string | null;
  received_on: string;
  due_on: string;
  outcome: string;
  outcome_on: string | null;
  outcome_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTallyTable {
  organisation_id: string;
  class_id: string;
  current: number;
  former: number;
}

export interface DB {
  app_meta: AppMetaTable;
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  governing_rules: GoverningRulesTable;
  audit_event: AuditEventTable;
  audit_payload: AuditPayloadTable;
  audit_head: AuditHeadTable;
  audit_state: AuditStateTable;
  sequence: SequenceTable;
  app_setting: AppSettingTable;
  membership_class: MembershipClassTable;
  member: MemberTable;
  member_name_token: MemberNameTokenTable;
  share_transaction: ShareTransactionTable;
  officer: OfficerTable;
  officer_residential_address: OfficerResidentialAddressTable;
  appointment: AppointmentTable;
  interest: InterestTable;
  psc: PscTable;
  psc_statement: PscStatementTable;
  inspection_request: InspectionRequestTable;
  member_tally: MemberTallyTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type GoverningRulesRow = Selectable<GoverningRulesTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type MemberRowDb = Selectable<MemberTable>;
export type MembershipClassRow = Selectable<MembershipClassTable>;
