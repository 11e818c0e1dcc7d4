import type { FilingOutcome } from '../../../shared/contract/filings';
import type { FilingForm } from '../../../shared/rules/companies-house';

export type FilingSubjectType = 'officer' | 'psc' | 'psc_statement';

/** One notice a change requires at Companies House (migration 0005). */
export interface FilingDutyTable {
  id: string;
  organisation_id: string;
  form: FilingForm;
  subject_type: FilingSubjectType;
  subject_id: string;
  appointment_id: string | null;
  /** Which details changed, for a change of details (names of particulars, never their values). */
  detail: string | null;
  /** The day of the change, or for a PSC the day the company had confirmation of it. */
  event_on: string;
  due_on: string;
  source: string;
  outcome: FilingOutcome | null;
  outcome_on: string | null;
  reference: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface FilingTables {
  filing_duty: FilingDutyTable;
}
