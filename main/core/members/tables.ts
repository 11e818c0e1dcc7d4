import type { Selectable } from 'kysely';
import type { CessationReason, HolderKind, OrganisationKind } from '../../../shared/contract/members';

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
  /** 'organisation' for a member that is a body (a council, a trust); null for a person (migration 0006). */
  holder_kind: HolderKind | null;
  organisation_kind: OrganisationKind | null;
  /** Its registration number (company or society number), where it has one. */
  organisation_number: string | null;
  /** The person it has named to act for it (CA 2006 s323 for a company's members). */
  representative_name: string | null;
  /**
   * The date the member agreed to receive notices and documents by e-mail at the address held,
   * and the date they revoked that agreement (CA 2006 s1144(2), Sch 5 Part 3 paras 6-7; for a
   * society, as its rules provide). Null: none on record (migration 0011).
   */
  electronic_comms_agreed_on: string | null;
  electronic_comms_revoked_on: string | null;
}

/** The other joint holders of an entry's shares, in order; the entry's own name is the first-named (CA 2006 s113(5)). */
export interface MemberJointHolderTable {
  member_id: string;
  position: number;
  given_names: string;
  family_name: string;
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
  member_joint_holder: MemberJointHolderTable;
  member_tally: MemberTallyTable;
  sequence: SequenceTable;
}

/** Columns added by migrations 0006 and 0011: a row built by hand (a bulk load, an import) may leave them out. */
type AddedLater = 'holder_kind' | 'organisation_kind' | 'organisation_number' | 'representative_name' | 'electronic_comms_agreed_on' | 'electronic_comms_revoked_on';
export type MemberRowDb = Omit<Selectable<MemberTable>, AddedLater> & Partial<Pick<Selectable<MemberTable>, AddedLater>>;
