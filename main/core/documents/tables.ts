/** Files kept inside the database file (papers; contract documents later), by content. */
export interface DocumentTable {
  id: string;
  organisation_id: string;
  sha256: string;
  size: number;
  media_type: string;
  bytes: Uint8Array;
  created_at: string;
}

export interface DocumentTables {
  document: DocumentTable;
}
