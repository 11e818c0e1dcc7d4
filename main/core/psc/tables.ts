import type { PscKind, PscStatement } from '../../../shared/contract/psc';

export interface PscTable {
  id: string;
  organisation_id: string;
  kind: PscKind;
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
  statement: PscStatement;
  made_on: string;
  withdrawn_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface PscTables {
  psc: PscTable;
  psc_statement: PscStatementTable;
}
