import type { InspectionOutcome } from '../../../shared/contract/inspections';

export interface InspectionRequestTable {
  id: string;
  organisation_id: string;
  requester_name: string;
  requester_address: string;
  purpose: string;
  will_share: number;
  shared_with: string | null;
  received_on: string;
  due_on: string;
  outcome: InspectionOutcome;
  outcome_on: string | null;
  outcome_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionTables {
  inspection_request: InspectionRequestTable;
}
