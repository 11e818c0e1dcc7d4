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

export interface DB {
  app_meta: AppMetaTable;
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  governing_rules: GoverningRulesTable;
  audit_event: AuditEventTable;
  audit_payload: AuditPayloadTable;
  audit_head: AuditHeadTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type GoverningRulesRow = Selectable<GoverningRulesTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
