/**
 * What the CSV and XLSX writers share: a few lines above the table (title, the date the
 * register was last amended), a header row, then rows written a page at a time so a register
 * of any size streams to disk without being held in memory.
 */
export type Cell = string | number | null;

export interface TableColumn {
  label: string;
  type: 'text' | 'date' | 'integer' | 'money';
  /** Width in characters (spreadsheets). */
  width: number;
}

export interface TableWriter {
  start(preamble: readonly string[], columns: readonly TableColumn[]): Promise<void>;
  addRows(rows: readonly (readonly Cell[])[]): Promise<void>;
  finish(): Promise<void>;
}
