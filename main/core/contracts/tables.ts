import type { Generated, Selectable } from 'kysely';

/** Contract records, as stored (migration 0016). Dates 'YYYY-MM-DD', money integer pence. */
export interface ContractTable {
  id: string;
  organisation_id: string;
  counterparty_id: string;
  reference: string;
  reference_key: string;
  title: string;
  description: string | null;
  route: string;
  bid_due_on: string | null;
  award_on: string | null;
  start_on: string | null;
  end_on: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  annual_value_pence: number | null;
  whole_life_value_pence: number | null;
  manager_officer_id: string | null;
  manager_name: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractServiceTable {
  contract_id: string;
  cpv_code: string;
}

export interface ContractExtensionTable {
  id: string;
  contract_id: string;
  position: number;
  length_months: number;
  decision_by: string | null;
  notice_by: string | null;
  exercised_on: string | null;
  declined_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractBreakTable {
  id: string;
  contract_id: string;
  earliest_on: string | null;
  notice_days: number;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface ContractPriceReviewTable {
  id: string;
  contract_id: string;
  review_on: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export type KpiFrequency = 'monthly' | 'quarterly' | 'six_monthly' | 'annual';

export interface ContractKpiTable {
  id: string;
  contract_id: string;
  name: string;
  target: string | null;
  frequency: KpiFrequency;
  first_due_on: string;
  created_at: string;
  updated_at: string;
}

export interface ContractVariationTable {
  id: string;
  contract_id: string;
  made_on: string;
  description: string;
  value_change_pence: number;
  new_end_on: string | null;
  created_at: string;
  updated_at: string;
}

export type ContractDocumentKind = 'contract' | 'variation' | 'letter' | 'tender' | 'other';

export interface ContractDocumentTable {
  id: string;
  contract_id: string;
  document_id: string;
  title: string;
  file_name: string;
  kind: ContractDocumentKind;
  media_type: string;
  created_at: string;
}

export type ContractDecisionPurpose = 'bid' | 'sign' | 'vary' | 'extend' | 'end' | 'other';

export interface ContractDecisionTable {
  contract_id: string;
  decision_id: string;
  purpose: ContractDecisionPurpose;
  created_at: string;
}

export type ContractDutyKind = 'extension_decision' | 'extension_notice' | 'break_notice' | 'price_review' | 'kpi_report' | 'end';

/** A dated duty generated from the contract's dates, rebuilt whenever the contract changes. */
export interface ContractDutyTable {
  contract_id: string;
  key: string;
  organisation_id: string;
  kind: ContractDutyKind;
  due_on: string;
  title: string;
  /** 1 when contract_duty_done holds its key (migration 0018), kept in step by the core; 0 for an open duty. */
  done: Generated<0 | 1>;
  /**
   * The contract's reference and title and its commissioner's name, kept on the duty so the
   * timeline reads names from its covering index (migration 0023): written by the core with the
   * duty and passed on by triggers when the contract or commissioner changes; '' only until the
   * insert trigger fills a duty written without them.
   */
  contract_reference: Generated<string>;
  contract_title: Generated<string>;
  counterparty_name: Generated<string>;
}

/** A dated duty recorded as done (kept by its stable key, so it survives the duty being rebuilt). */
export interface ContractDutyDoneTable {
  contract_id: string;
  key: string;
  done_on: string;
  recorded_by: string;
  recorded_at: string;
  note: string | null;
}

export interface ContractTables {
  contract: ContractTable;
  contract_service: ContractServiceTable;
  contract_extension: ContractExtensionTable;
  contract_break: ContractBreakTable;
  contract_price_review: ContractPriceReviewTable;
  contract_kpi: ContractKpiTable;
  contract_variation: ContractVariationTable;
  contract_document: ContractDocumentTable;
  contract_decision: ContractDecisionTable;
  contract_duty: ContractDutyTable;
  contract_duty_done: ContractDutyDoneTable;
}

export type ContractRow = Selectable<ContractTable>;
export type ContractExtensionRow = Selectable<ContractExtensionTable>;
export type ContractBreakRow = Selectable<ContractBreakTable>;
export type ContractPriceReviewRow = Selectable<ContractPriceReviewTable>;
export type ContractKpiRow = Selectable<ContractKpiTable>;
export type ContractVariationRow = Selectable<ContractVariationTable>;
