import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { decodeCsvBytes, parseCsv, type CsvRow } from '../hr-import/csv';
import { headingNames } from '../import-upload';

/**
 * Reads a contracts spreadsheet's rows, whether it was saved as a workbook (.xlsx, read with
 * exceljs) or as CSV (read with papaparse, as the HR import reads its files). The format is
 * told from the file's first bytes, not its name: a workbook is a ZIP archive. Every row keeps
 * the number the spreadsheet shows beside it (the heading row is row 1 when it is the first).
 */
export interface SheetRows {
  format: 'csv' | 'xlsx';
  sheetName: string | null;
  headers: string[];
  rows: CsvRow[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readSheet(bytes: Uint8Array, fileName: string, checkpoint: () => Promise<void> = async () => {}): Promise<SheetRows> {
  if (startsWith(bytes, OLE)) {
    throw new AppError('VALIDATION', `${fileName} is an old Excel workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV, then choose the new file.`);
  }
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, fileName);
  const text = await decodeCsvBytes(bytes, checkpoint);
  if (text.includes('\u0000')) {
    throw new AppError('VALIDATION', `${fileName} is not a spreadsheet the app can read: save it as an Excel workbook (.xlsx) or as CSV (comma-separated values).`);
  }
  const { headers, rows } = await parseCsv(text, { checkpoint });
  return { format: 'csv', sheetName: null, headers, rows };
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', `${fileName} could not be read as an Excel workbook (it may be damaged, or a different kind of file). Open it in Excel and save it again as .xlsx or CSV.`);
  }
  // The first worksheet that holds anything: workbooks often start with an empty or cover sheet.
  const sheet = wb.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0) ?? wb.worksheets[0];
  if (!sheet) return { format: 'xlsx', sheetName: null, headers: [], rows: [] };
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    const count = Math.max(row.cellCount, headers?.length ?? 0);
    for (let c = 1; c <= count; c++) values.push(cellText(row.getCell(c).value));
    if (values.every((v) => v.trim() === '')) return;
    if (headers === null) {
      headers = headingNames(values);
      return;
    }
    rows.push({ line: row.number, fields: values.slice(0, Math.max(headers.length, 1)) });
  });
  return { format: 'xlsx', sheetName: sheet.name, headers: headers ?? [], rows };
}

/**
 * A cell's value as the text the secretary sees: a date cell as its date (ISO: exceljs gives
 * dates as midnight UTC), a number without float noise (1250000.1 not 1250000.0999999),
 * a formula's last result, rich text joined, a hyperlink's text.
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: string }).error);
  }
  return String(v);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Six decimals is past any currency's precision and removes binary noise; trailing zeros go.
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}
