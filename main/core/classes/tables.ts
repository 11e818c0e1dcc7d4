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
  /** Migration 0013: a cap on the class's share of a ballot's votes, in basis points, and the rule that sets it. */
  vote_cap_bp: number | null;
  vote_cap_source: string | null;
  is_employee_class: number;
  min_age_years: number | null;
  /** Hundredths of an hour: 750 = 7.5 hours. */
  min_weekly_hours_centi: number | null;
  min_service_months: number | null;
  share_nominal_pence: number | null;
  share_withdrawable: number | null;
  share_transferable: number | null;
  share_max_holding: number | null;
  /** 1: the shares were issued as redeemable (companies only, CA 2006 s684; migration 0006). */
  share_redeemable: number | null;
  /** 1: each share has a distinguishing number the register shows (s113(3)(a)(i); migration 0006). */
  share_numbered: number | null;
  created_at: string;
  updated_at: string;
}

export interface ClassTables {
  membership_class: MembershipClassTable;
}

/** Columns added by migrations 0006 and 0013: a row built by hand (a bulk load, an import) may leave them out. */
type AddedIn0006 = 'share_redeemable' | 'share_numbered' | 'vote_cap_bp' | 'vote_cap_source';
export type MembershipClassRow = Omit<Selectable<MembershipClassTable>, AddedIn0006> & Partial<Pick<Selectable<MembershipClassTable>, AddedIn0006>>;
