import type { Selectable } from 'kysely';

/** Ballots (migration 0013; docs/ballot-protocol.md). JSON columns hold the protocol's own JSON. */
export type BallotStatus = 'draft' | 'open' | 'closed' | 'decided' | 'cancelled';
export type BallotBase = 'votes_cast' | 'eligible_votes';
export type QuestionKind = 'resolution' | 'election' | 'consultation';
export type VoteChannel = 'kiosk' | 'code' | 'phone' | 'paper' | 'proxy';

export interface BallotTable {
  id: string;
  organisation_id: string;
  meeting_id: string | null;
  title: string;
  base: BallotBase;
  record_date: string;
  status: BallotStatus;
  trustee_count: number;
  threshold: number;
  casting_vote: number;
  setup_hash: string;
  public_key: string | null;
  fingerprint: string | null;
  roll_hash: string | null;
  roll_count: number | null;
  total_weight: number | null;
  opened_at: string | null;
  closed_at: string | null;
  sealed_box_hash: string | null;
  box_count: number | null;
  tally: string | null;
  result: string | null;
  lot_seed: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BallotQuestionTable {
  id: string;
  ballot_id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  resolution_kind: 'ordinary' | 'special' | null;
  resolution_id: string | null;
  min_choices: number;
  max_choices: number;
  created_at: string;
}

export interface BallotChoiceTable {
  id: string;
  question_id: string;
  position: number;
  label: string;
  statement: string | null;
  created_at: string;
}

export interface BallotTrusteeTable {
  id: string;
  ballot_id: string;
  position: number;
  name: string;
  role: string | null;
  public_part: string | null;
  sealed_secret: string | null;
  sealed_share: string | null;
  decryption: string | null;
  created_at: string;
  updated_at: string;
}

export interface BallotShareTable {
  id: string;
  ballot_id: string;
  dealer: number;
  recipient: number;
  sealed: string;
  created_at: string;
}

export interface BallotRollTable {
  id: string;
  ballot_id: string;
  member_id: string;
  member_number: number;
  name: string;
  class_name: string;
  weight: number;
  code_hash: string | null;
  voted_by: VoteChannel | null;
  paper_serial: string | null;
  created_at: string;
  updated_at: string;
}

/** One place in the box per roll entry, laid out at the opening (migration 0014; slots.ts). */
export interface BallotSlotTable {
  ballot_id: string;
  slot: number;
  /** 64 hex characters, or 64 dashes while the slot is empty. */
  tracker: string;
  /** The weight as 16 digits (fixed width, so the row keeps its size), zeros while empty. */
  weight: string;
}

export interface BallotSlotBallotTable {
  slot: number;
  /** The canonical encrypted ballot, or spaces of the same length while the slot is empty. */
  ballot: string;
}

export interface BallotProxyVoteTable {
  roll_id: string;
  ballot_id: string;
  proxy_appointment_id: string;
  tracker: string;
  ballot: string;
  created_at: string;
}

export interface BallotPaperBatchTable {
  id: string;
  ballot_id: string;
  label: string;
  first_teller: string | null;
  first_entry: string | null;
  second_teller: string | null;
  second_entry: string | null;
  created_at: string;
  updated_at: string;
}

export interface BallotTables {
  ballot: BallotTable;
  ballot_question: BallotQuestionTable;
  ballot_choice: BallotChoiceTable;
  ballot_trustee: BallotTrusteeTable;
  ballot_share: BallotShareTable;
  ballot_roll: BallotRollTable;
  ballot_slot: BallotSlotTable;
  ballot_slot_ballot: BallotSlotBallotTable;
  ballot_proxy_vote: BallotProxyVoteTable;
  ballot_paper_batch: BallotPaperBatchTable;
}

export type BallotRow = Selectable<BallotTable>;
export type BallotRollRow = Selectable<BallotRollTable>;
export type BallotTrusteeRow = Selectable<BallotTrusteeTable>;
