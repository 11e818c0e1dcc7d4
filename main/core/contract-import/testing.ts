import ExcelJS from 'exceljs';
import type { ContractImportAnalysis, ContractImportApplyResult, ContractImportMapping, ContractImportPlan } from '../../../shared/contract/contract-import';
import type { Core } from '../core';
import { expectOk, runJob } from '../testing';

/**
 * Helpers for tests of the contracts import: a spreadsheet as a secretary keeps one (CSV or
 * XLSX), sent the way the renderer sends it (a chunked upload), and the analyse / plan / apply
 * jobs run to their end. Not imported by the app.
 */
export const CONTRACT_HEADER = ['Commissioner', 'ODS code', 'Contract ref', 'Title', 'CPV codes', 'Procurement route', 'Award date', 'Start date', 'End date', 'Extension options', 'Annual value', 'Total contract value', 'Contract manager'];

export interface ContractRowCells {
  commissioner?: string;
  ods?: string;
  ref: string;
  title?: string;
  cpv?: string;
  route?: string;
  award?: string;
  start?: string;
  end?: string;
  extensions?: string;
  annual?: string;
  total?: string;
  manager?: string;
}

export function contractCells(r: ContractRowCells): string[] {
  return [
    r.commissioner ?? 'Leeds City Council',
    r.ods ?? '',
    r.ref,
    r.title ?? `Community support ${r.ref}`,
    r.cpv ?? '85310000-5',
    r.route ?? 'Open procedure',
    r.award ?? '01/03/2025',
    r.start ?? '01/04/2025',
    r.end ?? '31/03/2028',
    r.extensions ?? '12+12',
    r.annual ?? '£250,000.00',
    r.total ?? '£1,250,000.00',
    r.manager ?? 'Amina Shah',
  ];
}

export function contractsCsv(rows: ContractRowCells[], header: string[] = CONTRACT_HEADER): string {
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  return `${[line(header), ...rows.map((r) => line(contractCells(r)))].join('\r\n')}\r\n`;
}

/**
 * The same rows as an Excel workbook, with what Excel stores: dates as date cells, money as
 * numbers with a pounds format, a blank cover sheet first (the import reads the first sheet with data).
 */
export async function contractsXlsx(rows: ContractRowCells[], opts: { coverSheet?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.coverSheet) wb.addWorksheet('Cover');
  const ws = wb.addWorksheet('Contracts register');
  ws.addRow(CONTRACT_HEADER);
  const asDate = (s: string) => {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
    return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : s;
  };
  const asMoney = (s: string) => {
    const m = /^£([\d,]+(?:\.\d+)?)$/.exec(s);
    return m ? Number(m[1]!.replaceAll(',', '')) : s;
  };
  for (const r of rows) {
    const c = contractCells(r);
    const row = ws.addRow([c[0], c[1], c[2], c[3], c[4], c[5], asDate(c[6]!), asDate(c[7]!), asDate(c[8]!), c[9], asMoney(c[10]!), asMoney(c[11]!), c[12]]);
    for (const i of [7, 8, 9]) row.getCell(i).numFmt = 'dd/mm/yyyy';
    for (const i of [11, 12]) row.getCell(i).numFmt = '"£"#,##0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function uploadBytes(core: Core, fileName: string, bytes: Buffer): Promise<string> {
  const { uploadId, chunkBytes } = expectOk(await core.dispatch('uploads.begin', { purpose: 'contracts_import', fileName, sizeBytes: bytes.length })) as { uploadId: string; chunkBytes: number };
  for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
    expectOk(await core.dispatch('uploads.append', { uploadId, index, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64') }));
  }
  return uploadId;
}

async function succeeded<T>(core: Core, method: string, input: unknown): Promise<T> {
  const status = await runJob(core, method, input);
  if (status.state !== 'succeeded') throw new Error(`${method} failed: ${status.error?.code} ${status.error?.message}`);
  return status.result as T;
}

export function analyse(core: Core, uploadId: string): Promise<ContractImportAnalysis> {
  return succeeded(core, 'contractImport.analyse', { uploadId });
}

export function plan(core: Core, input: { importId: string; mapping: ContractImportMapping; dateFormat?: 'dmy' | 'ymd' }): Promise<ContractImportPlan> {
  return succeeded(core, 'contractImport.plan', { dateFormat: 'dmy', ...input });
}

export function apply(core: Core, planId: string): Promise<ContractImportApplyResult> {
  return succeeded(core, 'contractImport.apply', { planId });
}

/** Upload, read and plan a file with the suggested (or remembered) mapping. */
export async function planFile(core: Core, fileName: string, bytes: Buffer | string): Promise<{ analysis: ContractImportAnalysis; plan: ContractImportPlan }> {
  const analysis = await analyse(core, await uploadBytes(core, fileName, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes));
  return { analysis, plan: await plan(core, { importId: analysis.importId, mapping: analysis.mapping, dateFormat: analysis.dateFormat }) };
}
