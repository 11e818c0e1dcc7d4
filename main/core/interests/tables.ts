import type { InterestCategory } from '../../../shared/contract/interests';

export interface InterestTable {
  id: string;
  organisation_id: string;
  officer_id: string;
  category: InterestCategory;
  nature: string;
  related_organisation: string | null;
  /** The organisation it concerns, from the shared list (migration 0016); null where only a name was recorded. */
  counterparty_id: string | null;
  declared_on: string;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterestTables {
  interest: InterestTable;
}
