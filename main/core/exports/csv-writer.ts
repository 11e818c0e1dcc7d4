import { closeSync, openSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import { neutraliseCell } from '../../../shared/rules/csv-safety';
import type { TableColumn, TableWriter, Cell } from './table-writer';

/**
 * Writes a table as CSV (RFC 4180: CRLF line ends, quotes where needed) through papaparse.
 * Every cell, the preamble and the header included, passes through `neutraliseCell`, so a
 * name like "=HYPERLINK(...)" is shown as text and never run as a formula (CWE-1236). The
 * file starts with a UTF-8 byte-order mark so spreadsheet programs read accented names right.
 */
export class CsvTableWriter implements TableWriter {
  readonly #fd: number;
  #columns: TableColumn[] = [];

  constructor(path: string) {
    this.#fd = openSync(path, 'w', 0o600);
    writeSync(this.#fd, '\uFEFF');
  }

  async start(preamble: readonly string[], columns: readonly TableColumn[]): Promise<void> {
    this.#columns = [...columns];
    const lines: string[][] = preamble.map((line) => [line]);
    if (preamble.length > 0) lines.push([]);
    lines.push(columns.map((c) => c.label));
    this.#write(lines);
  }

  async addRows(rows: readonly (readonly Cell[])[]): Promise<void> {
    this.#write(rows.map((row) => row.map((value, i) => csvText(value, this.#columns[i]?.type ?? 'text'))));
  }

  async finish(): Promise<void> {
    closeSync(this.#fd);
  }

  #write(rows: string[][]): void {
    if (rows.length === 0) return;
    const text = Papa.unparse(
      rows.map((r) => r.map(neutraliseCell)),
      { newline: '\r\n', quotes: false },
    );
    writeSync(this.#fd, `${text}\r\n`);
  }
}

/** A cell as CSV text: dates stay ISO 'YYYY-MM-DD' (unambiguous), money is pounds with two decimals. */
export function csvText(value: Cell, type: TableColumn['type']): string {
  if (value === null || value === undefined) return '';
  if (type === 'money' && typeof value === 'number') return (value / 100).toFixed(2);
  return String(value);
}
