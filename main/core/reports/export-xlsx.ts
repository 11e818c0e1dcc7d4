import ExcelJS from 'exceljs';
import type { ReportDoc, ReportTable } from '../../../shared/contract/reports';
import { visibleText } from '../../../shared/rules/csv-safety';
import { aboutLines, numericOf, tablesOf, type NumericValue } from './export-common';

/**
 * A report as a workbook (exceljs): an 'About' sheet first (the organisation, the date, when it
 * was produced and the audit head), then one sheet per table, named from its title. A value that
 * is a number is stored as a number (so the board can add it up), formatted as the report shows
 * it (money in pounds from the pence the builders keep, percentages as such); its shown text
 * otherwise (export-common.ts numericOf).
 */

const MAX_SHEET_NAME = 31;

/**
 * Sheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, not starting or ending
 * with an apostrophe, unique without regard to case (a number added where two tables share one).
 */
export function sheetNames(titles: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return titles.map((title) => {
    const base = visibleText(title).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Table';
    let name = base.slice(0, MAX_SHEET_NAME).trim();
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** The spreadsheet's format for a number, so it looks as the report shows it. */
function numFmt(n: NumericValue): string {
  const places = n.decimals > 0 ? `.${'0'.repeat(n.decimals)}` : '';
  if (n.kind === 'money') return '"£"#,##0.00;-"£"#,##0.00';
  if (n.kind === 'percent') return `0${places}%`;
  return `#,##0${places}`;
}

function setCell(cell: ExcelJS.Cell, v: { display: string; value?: number | null | undefined } | undefined): void {
  const n = numericOf(v);
  if (n) {
    cell.value = n.number;
    cell.numFmt = numFmt(n);
  } else {
    cell.value = v ? visibleText(v.display) : '';
  }
}

function addValues(ws: ExcelJS.Worksheet, columns: ReportTable['columns'], row: ReportTable['rows'][number]): ExcelJS.Row {
  const r = ws.addRow([]);
  columns.forEach((c, i) => setCell(r.getCell(i + 1), row[c.key]));
  return r;
}

function addTable(wb: ExcelJS.Workbook, name: string, table: ReportTable): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([visibleText(table.title)]).font = { bold: true, size: 12 };
  const header = ws.addRow(table.columns.map((c) => visibleText(c.label)));
  header.font = { bold: true };
  for (const r of table.rows) addValues(ws, table.columns, r);
  if (table.total) addValues(ws, table.columns, table.total).font = { bold: true };
  if (table.rows.length === 0 && table.empty) ws.addRow([visibleText(table.empty)]);
  if (table.note) ws.addRow([visibleText(table.note)]).font = { italic: true };
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const widest = Math.max(c.label.length, ...table.rows.map((r) => r[c.key]?.display.length ?? 0));
    col.width = Math.min(60, Math.max(10, widest + 2));
    if (c.numeric) col.alignment = { horizontal: 'right' };
  });
}

export async function reportXlsx(doc: ReportDoc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mutual Governance';
  wb.title = `${doc.title}, ${doc.organisation.name}`;
  wb.created = new Date(doc.producedAt);
  const about = wb.addWorksheet('About');
  about.addRow([visibleText(doc.title)]).font = { bold: true, size: 14 };
  for (const l of aboutLines(doc)) about.addRow([l.label, visibleText(l.value)]);
  if (doc.missing.length > 0) {
    about.addRow([]);
    about.addRow(['Not filled from the records']).font = { bold: true };
    for (const m of doc.missing) about.addRow([m.section, visibleText(m.what)]);
  }
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 90;
  const tables = tablesOf(doc);
  const names = sheetNames(
    tables.map((t) => t.title),
    ['About'],
  );
  tables.forEach((t, i) => addTable(wb, names[i]!, t));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
