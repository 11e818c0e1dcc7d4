import type { Selectable } from 'kysely';

/** Kinds of organisation the mutual deals with (migration 0016's check constraint). */
export const COUNTERPARTY_KINDS = [
  'council',
  'nhs_trust',
  'icb',
  'nhs_england',
  'government_department',
  'public_body',
  'mutual',
  'charity',
  'company',
  'supplier',
  'other',
] as const;
export type CounterpartyKind = (typeof COUNTERPARTY_KINDS)[number];

export interface CounterpartyTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  kind: CounterpartyKind;
  ods_code: string | null;
  companies_house_number: string | null;
  charity_number: string | null;
  society_number: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface CounterpartyTables {
  counterparty: CounterpartyTable;
}

export type CounterpartyRow = Selectable<CounterpartyTable>;
