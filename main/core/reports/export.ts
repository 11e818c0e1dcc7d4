import type { ReportDoc } from '../../../shared/contract/reports';
import { partOf, reportFileName } from './export-common';
import { reportCsv, tableFor } from './export-csv';
import { reportDocx } from './export-docx';
import { reportXlsx } from './export-xlsx';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ExportOptions {
  tableId?: string | undefined;
  /** A DOCX of this top-level section only. */
  sectionId?: string | undefined;
  charts?: readonly { id: string; png: string }[] | undefined;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

/** The report as a file: DOCX (export-docx.ts), XLSX (export-xlsx.ts) or one table as CSV (export-csv.ts). */
export async function exportReport(doc: ReportDoc, format: 'docx' | 'xlsx' | 'csv', options: ExportOptions = {}): Promise<ExportedFile> {
  switch (format) {
    case 'docx': {
      if (options.sectionId === undefined) return { fileName: reportFileName(doc, 'docx'), mimeType: DOCX, bytes: await reportDocx(doc, options.charts) };
      const part = partOf(doc, options.sectionId);
      return { fileName: reportFileName(doc, 'docx', part.sections[0]!.title), mimeType: DOCX, bytes: await reportDocx(part, options.charts) };
    }
    case 'xlsx':
      return { fileName: reportFileName(doc, 'xlsx'), mimeType: XLSX, bytes: await reportXlsx(doc) };
    case 'csv': {
      const table = tableFor(doc, options.tableId ?? '');
      return { fileName: reportFileName(doc, 'csv', table.title), mimeType: CSV, bytes: reportCsv(table) };
    }
  }
}
