import type { Selectable } from 'kysely';
import type { VotingRights } from '../../../shared/contract/classes';

export interface MembershipClassTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  voting_rights: VotingRights;
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

export interface ClassTables {
  membership_class: MembershipClassTable;
}

export type MembershipClassRow = Selectable<MembershipClassTable>;
