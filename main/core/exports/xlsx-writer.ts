import { visibleText } from '../../../shared/rules/csv-safety';
import ExcelJS from 'exceljs';
import type { Cell, TableColumn, TableWriter } from './table-writer';

/**
 * Writes a table as an Excel workbook with exceljs's streaming writer: each row is committed
 * to the file as it is added, so memory stays flat however long the register is. The sheet
 * opens with a bold title, the lines under it (the date the register was last amended), then
 * the header row, frozen so it stays in view while scrolling. Text cells are stored as text,
 * never as formulas, so a name starting with "=" is shown as typed.
 */
export class XlsxTableWriter implements TableWriter {
  readonly #workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #sheetName: string;
  #sheet: ExcelJS.Worksheet | null = null;
  #columns: TableColumn[] = [];

  constructor(path: string, sheetName: string, meta: { title: string; creator: string }) {
    this.#workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.#workbook.creator = meta.creator;
    this.#workbook.title = meta.title;
    this.#sheetName = sheetName.slice(0, 31);
  }

  async start(preamble: readonly string[], columns: readonly TableColumn[]): Promise<void> {
    this.#columns = [...columns];
    // Title and notes, a blank row, then the header: freeze everything above the first entry.
    const headerRow = preamble.length > 0 ? preamble.length + 2 : 1;
    const sheet = this.#workbook.addWorksheet(this.#sheetName, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    });
    sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
    preamble.forEach((line, i) => {
      const row = sheet.addRow([line]);
      row.font = i === 0 ? { bold: true, size: 14 } : { italic: true };
      row.commit();
    });
    if (preamble.length > 0) sheet.addRow([]).commit();
    const header = sheet.addRow(columns.map((c) => c.label));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F0F2' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF6B7682' } } };
      cell.alignment = { vertical: 'bottom', wrapText: true };
    });
    header.commit();
    this.#sheet = sheet;
  }

  async addRows(rows: readonly (readonly Cell[])[]): Promise<void> {
    const sheet = this.#sheet;
    if (!sheet) throw new Error('start() must come first');
    for (const values of rows) {
      const row = sheet.addRow(values.map((v, i) => xlsxValue(v, this.#columns[i]?.type ?? 'text')));
      this.#columns.forEach((c, i) => {
        if (c.type === 'date') row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        else if (c.type === 'money') row.getCell(i + 1).numFmt = '"£"#,##0.00';
        else if (c.type === 'integer') row.getCell(i + 1).numFmt = '0';
      });
      row.commit();
    }
  }

  async finish(): Promise<void> {
    this.#sheet?.commit();
    await this.#workbook.commit();
  }
}

/** Dates become real date cells (midnight UTC, which Excel reads as that day); money becomes pounds. */
function xlsxValue(value: Cell, type: TableColumn['type']): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (type === 'money' && typeof value === 'number') return value / 100;
  // An invisible control character saved before text was checked would make the XML invalid (NUL)
  // or the text read backwards (U+202E): write it as a visible U+FFFD.
  return typeof value === 'string' ? visibleText(value) : value;
}
