import type { Selectable } from 'kysely';
import type { CessationReason } from '../../../shared/contract/members';

/**
 * The register of members: entries, the name tokens that search uses, the per-class tally
 * kept by triggers (migration 0003), and the number sequences.
 */
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
  cessation_reason: CessationReason | null;
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

export interface MemberTallyTable {
  organisation_id: string;
  class_id: string;
  current: number;
  former: number;
}

export interface SequenceTable {
  organisation_id: string;
  name: string;
  next_value: number;
}

export interface MemberTables {
  member: MemberTable;
  member_name_token: MemberNameTokenTable;
  member_tally: MemberTallyTable;
  sequence: SequenceTable;
}

export type MemberRowDb = Selectable<MemberTable>;
