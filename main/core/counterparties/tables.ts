import type { Selectable } from 'kysely';
import type { CounterpartyKind } from '../../../shared/contract/counterparties';

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
