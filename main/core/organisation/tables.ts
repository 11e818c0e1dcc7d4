import type { Selectable } from 'kysely';
import type { Jurisdiction } from '../../../shared/contract/organisation';
import type { LegalForm } from '../../../shared/domain/legal-form';
import type { VotingBasis } from '../../../shared/rules/governing-rules';
import type { ProfitBasis } from '../../../shared/rules/governing-clauses';

/** The organisation this file keeps and the rules of its governing document. */
export interface OrganisationTable {
  id: string;
  name: string;
  legal_form: LegalForm;
  registration_number: string;
  office_line1: string;
  office_line2: string | null;
  office_town: string;
  office_county: string | null;
  office_postcode: string;
  office_country: Jurisdiction;
  incorporated_on: string;
  financial_year_end: string;
  created_at: string;
  updated_at: string;
}

export interface GoverningRulesTable {
  organisation_id: string;
  gm_notice_clear_days: number;
  gm_quorum: number;
  board_quorum: number;
  /** Basis points: 7500 = 75%. */
  special_resolution_bp: number;
  written_resolution_lapse_days: number;
  voting_basis: VotingBasis;
  chair_casting_vote: number;
  proxies_allowed: number;
  proxy_deadline_hours: number;
  /** Migration 0007; null reads as the legal form's default. Directors with an interest in a matter are left out of the quorum for it (Model Articles art 14). */
  conflicted_excluded_from_quorum: number | null;
  /** Migration 0007; null reads as the default. The board may decide by written resolution (Model Articles art 8). */
  board_written_resolutions: number | null;
  /** Migration 0007; null reads as 90. Consent to short notice needs this percentage of voting rights (CA 2006 s307(6)). */
  short_notice_pct: number | null;
  /** Migration 0017; null: not recorded. The objects include delivering public services (Procurement Act 2023 s33(6)(a)). */
  objects_public_services: number | null;
  /** Migration 0017: the objects clause, its number and words. */
  objects_clause: string | null;
  /** Migration 0017: how profits are dealt with (s33(6)(b)). */
  profit_basis: ProfitBasis | null;
  profit_clause: string | null;
  /** Migration 0017: the clause securing the employees' management and control (s33(6)(c)). */
  employee_control_clause: string | null;
  updated_at: string;
}

export interface OrganisationTables {
  organisation: OrganisationTable;
  governing_rules: GoverningRulesTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type GoverningRulesRow = Selectable<GoverningRulesTable>;
