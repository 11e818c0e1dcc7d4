import type { Selectable } from 'kysely';

/** Meetings and minutes (migration 0007). Times of day are 'HH:MM', moments 'YYYY-MM-DDTHH:MM' (UK wall clock). */
export type MeetingKind = 'board' | 'committee' | 'annual_general' | 'general' | 'class';
export type MeetingStatus = 'planned' | 'notice_given' | 'held' | 'minutes_approved' | 'cancelled';
export type AttendanceRole = 'director' | 'member' | 'proxy' | 'corporate_representative' | 'in_attendance';
export type AttendanceStatus = 'present' | 'present_electronically' | 'apologies' | 'absent';
export type ItemPurpose = 'decision' | 'discussion' | 'information';
export type StandardItem = 'apologies' | 'declarations' | 'previous_minutes' | 'matters_arising' | 'aob';
export type PaperKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';
export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'signed';

export interface CommitteeTable {
  id: string;
  organisation_id: string;
  name: string;
  terms: string | null;
  formed_on: string;
  dissolved_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommitteeMemberTable {
  id: string;
  committee_id: string;
  officer_id: string;
  joined_on: string;
  left_on: string | null;
  created_at: string;
}

export interface MeetingTable {
  id: string;
  organisation_id: string;
  kind: MeetingKind;
  title: string;
  committee_id: string | null;
  class_id: string | null;
  held_on: string;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  electronic_means: string | null;
  chair_officer_id: string | null;
  chair_name: string | null;
  status: MeetingStatus;
  cancelled_reason: string | null;
  notice_sent_at: string | null;
  notice_method: 'post' | 'electronic' | 'hand' | null;
  short_notice: number;
  first_meeting_id: string | null;
  society_resolution_kind: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemTable {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  presenter: string | null;
  purpose: ItemPurpose;
  minutes_allotted: number | null;
  standard: StandardItem | null;
  related_organisation: string | null;
  contract_ref: string | null;
  /** Tags from the shared organisations list and the contracts (migration 0016). */
  counterparty_id: string | null;
  contract_id: string | null;
  starts_at: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface PaperTable {
  id: string;
  agenda_item_id: string;
  document_id: string;
  title: string;
  file_name: string;
  kind: PaperKind;
  position: number;
  created_at: string;
}

export interface AttendanceTable {
  id: string;
  meeting_id: string;
  role: AttendanceRole;
  officer_id: string | null;
  member_id: string | null;
  name: string;
  capacity: string | null;
  status: AttendanceStatus;
  arrived_at: string | null;
  left_at: string | null;
  proxy_appointment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProxyAppointmentTable {
  id: string;
  meeting_id: string;
  member_id: string;
  /** The name the appointment gives; for a member holder, their name as the register had it. */
  proxy_name: string;
  /** The holder, when they are a member (migration 0010); null for anyone else. */
  proxy_member_id: string | null;
  received_at: string;
  instructions: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShortNoticeConsentTable {
  id: string;
  meeting_id: string;
  member_id: string;
  consented_on: string;
  created_at: string;
}

export interface MeetingDeclarationTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  officer_id: string;
  interest_id: string | null;
  nature: string;
  created_at: string;
}

export interface ResolutionTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  position: number;
  kind: 'ordinary' | 'special';
  society_kind: string | null;
  text: string;
  explanatory_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DecisionTable {
  id: string;
  organisation_id: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  resolution_id: string | null;
  written_resolution_id: string | null;
  kind: 'board' | 'ordinary' | 'special';
  text: string;
  proposer: string | null;
  seconder: string | null;
  method: 'board_vote' | 'show_of_hands' | 'poll' | 'written';
  votes_named: number;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  outcome: string;
  recorded_not_quorate: number;
  related_organisation: string | null;
  /** The organisation it concerns, from the shared list (migration 0016). */
  counterparty_id: string | null;
  decided_on: string;
  created_at: string;
  updated_at: string;
}

export interface DecisionVoteTable {
  id: string;
  decision_id: string;
  officer_id: string;
  vote: 'for' | 'against' | 'abstain' | 'recused';
  created_at: string;
}

export interface ActionItemTable {
  id: string;
  organisation_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  description: string;
  owner_officer_id: string | null;
  owner_name: string;
  due_on: string | null;
  status: 'open' | 'done' | 'dropped';
  closed_on: string | null;
  closed_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MinutesTable {
  id: string;
  meeting_id: string;
  status: MinutesStatus;
  /** The narrative as Lexical's serialised editor state (JSON), never HTML. */
  body: string;
  circulated_on: string | null;
  approved_on: string | null;
  approved_by_decision_id: string | null;
  approved_in_writing: number;
  signed_on: string | null;
  signed_by: string | null;
  sealed_sha256: string | null;
  /** The canonical JSON of everything sealed (minutes, meeting, items, attendance, decisions, paper hashes); its SHA-256 is sealed_sha256. */
  sealed_record: string | null;
  corrects_minutes_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MinutesCommentTable {
  id: string;
  minutes_id: string;
  author: string;
  body: string;
  created_at: string;
}

export interface WrittenResolutionTable {
  id: string;
  organisation_id: string;
  body: 'board' | 'members';
  kind: 'ordinary' | 'special' | null;
  text: string;
  circulated_on: string;
  /** The last day on which agreement counts (CA 2006 s297); null for the board. */
  lapses_after: string | null;
  status: 'circulating' | 'passed' | 'lapsed' | 'withdrawn';
  decided_on: string | null;
  /** The organisation the resolution concerns (migration 0010); its decision carries it to the register. */
  related_organisation: string | null;
  created_at: string;
  updated_at: string;
}

export interface WrittenResolutionSignatoryTable {
  id: string;
  written_resolution_id: string;
  officer_id: string | null;
  member_id: string | null;
  name: string;
  votes: number;
  agreed_on: string | null;
  /** SHA-256 of the member's one-time agreement code (migration 0015); the code is never kept. */
  code_hash: string | null;
  /** The instant agreement was signified with a code (ISO 8601); null where only the date received is known. */
  agreed_at: string | null;
  /** How agreement was signified; null on one recorded before migration 0015 (always the secretary's). */
  agreed_via: 'secretary' | 'kiosk' | 'phone' | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingTables {
  committee: CommitteeTable;
  committee_member: CommitteeMemberTable;
  meeting: MeetingTable;
  agenda_item: AgendaItemTable;
  paper: PaperTable;
  attendance: AttendanceTable;
  proxy_appointment: ProxyAppointmentTable;
  short_notice_consent: ShortNoticeConsentTable;
  meeting_declaration: MeetingDeclarationTable;
  resolution: ResolutionTable;
  decision: DecisionTable;
  decision_vote: DecisionVoteTable;
  action_item: ActionItemTable;
  minutes: MinutesTable;
  minutes_comment: MinutesCommentTable;
  written_resolution: WrittenResolutionTable;
  written_resolution_signatory: WrittenResolutionSignatoryTable;
}

export type MeetingRow = Selectable<MeetingTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type AttendanceRow = Selectable<AttendanceTable>;
export type DecisionRow = Selectable<DecisionTable>;
export type MinutesRow = Selectable<MinutesTable>;
