import Papa from 'papaparse';
import type { ReportDoc, ReportTable } from '../../../shared/contract/reports';
import { neutraliseCell } from '../../../shared/rules/csv-safety';
import { AppError } from '../errors';
import { isOrAre, titleInSentence } from './catalogue';
import { numericOf, tablesOf } from './export-common';

/**
 * One table of a report as CSV (papaparse; RFC 4180, CRLF): a header row of the column labels,
 * then the rows and the total. A count or money is written as a plain number; every other cell passes through
 * neutraliseCell, so a name such as "=HYPERLINK(…)" is text and never run as a formula (CWE-1236).
 * A UTF-8 byte-order mark first, so spreadsheet programs read accented names right.
 */

function cell(v: { display: string; value?: number | null | undefined } | undefined): string {
  if (!v) return '';
  // A count or money as a plain number (money in pounds with two decimals, as the register's CSV
  // has it; "-3" is a number, not a formula); anything else as shown, made safe.
  const n = numericOf(v);
  if (n?.kind === 'money') return n.number.toFixed(2);
  if (n?.kind === 'count') return n.number.toFixed(n.decimals);
  return neutraliseCell(v.display);
}

export function tableFor(doc: Pick<ReportDoc, 'sections' | 'request'>, tableId: string): ReportTable {
  const table = tablesOf(doc).find((t) => t.id === tableId);
  if (!table) throw AppError.field('tableId', `The ${titleInSentence(doc.request.kind)} ${isOrAre(doc.request.kind, 'has', 'have')} no table “${tableId}”. Choose one of its tables.`);
  return table;
}

export function reportCsv(table: ReportTable): Uint8Array {
  const rows = [
    table.columns.map((c) => neutraliseCell(c.label)),
    ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key]))),
    ...(table.total ? [table.columns.map((c) => cell(table.total![c.key]))] : []),
  ];
  return new TextEncoder().encode(`\uFEFF${Papa.unparse(rows, { newline: '\r\n', quotes: false })}\r\n`);
}
