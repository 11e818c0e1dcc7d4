import type { Selectable } from 'kysely';

/** How two organisations in the file relate (migration 0021). */
export interface OrganisationRelationTable {
  id: string;
  /** The parent (subsidiary) or the first party (sister). */
  organisation_id: string;
  related_organisation_id: string;
  kind: 'subsidiary' | 'sister';
  /** How the parent holds the subsidiary; null for a sister. */
  holding_basis: 'shares' | 'membership' | null;
  holding_words: string | null;
  shares_held: number | null;
  /** Basis points of the ordinary shares: 10000 = 100%. */
  shares_bp: number | null;
  /** Basis points of the votes. */
  votes_bp: number | null;
  membership_class: string | null;
  since_on: string;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface GroupTables {
  organisation_relation: OrganisationRelationTable;
}

export type OrganisationRelationRow = Selectable<OrganisationRelationTable>;
