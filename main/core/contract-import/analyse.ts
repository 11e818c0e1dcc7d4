import { CONTRACT_IMPORT_MAX_BYTES, type ContractImportAnalysis } from '../../../shared/contract/contract-import';
import type { ReadDb } from '../context';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { firstRows, readUpload } from '../import-upload';
import { rememberedContractMapping, suggestContractMapping } from './mapping';
import type { Progress } from './plan';
import { readSheet } from './read';
import type { ContractImportSession } from './sessions';

/**
 * Rows in one file: far more contracts than any mutual holds. Checking a row records it in a
 * transaction that is rolled back (about 2 ms a row), with changes paused meanwhile, so the
 * check of the largest file takes well under a minute.
 */
export const MAX_CONTRACT_IMPORT_ROWS = 20_000;

/**
 * Reads an uploaded contracts spreadsheet: its SHA-256 (recorded when the import is applied),
 * its rows (from the first worksheet with data, or the CSV), and the mapping to offer
 * (remembered for these headings, or suggested from them).
 */
export async function readContractFile(
  db: ReadDb,
  organisationId: string,
  file: { path: string; fileName: string },
  job: Progress,
): Promise<{ session: ContractImportSession; analysis: ContractImportAnalysis }> {
  const { bytes, sha256 } = await readUpload(
    file,
    {
      maxBytes: CONTRACT_IMPORT_MAX_BYTES,
      tooLarge: (mb) => `${file.fileName} is ${mb} MB, larger than a contracts spreadsheet should be (at most 50 MB). Check you chose the right file.`,
    },
    job,
  );
  job.progress(1, 3, 'Reading the rows');
  const sheet = await readSheet(bytes, file.fileName, job.checkpoint);
  const { headers, rows } = sheet;
  const where = sheet.sheetName ? ` (worksheet “${sheet.sheetName}”)` : '';
  if (headers.length === 0) throw new AppError('VALIDATION', `${file.fileName}${where} is empty: there is no heading row.`);
  if (headers.length === 1) {
    throw new AppError('VALIDATION', `Only one column was found in ${file.fileName}${where}. Save the spreadsheet as an Excel workbook (.xlsx) or as CSV (comma-separated values), with a heading row.`);
  }
  if (rows.length === 0) throw new AppError('VALIDATION', `${file.fileName}${where} has a heading row but no rows of contracts.`);
  if (rows.length > MAX_CONTRACT_IMPORT_ROWS) {
    throw new AppError('VALIDATION', `${file.fileName} has ${rows.length.toLocaleString('en-GB')} rows; import at most ${MAX_CONTRACT_IMPORT_ROWS.toLocaleString('en-GB')} contracts at a time.`);
  }
  job.progress(2, 3, 'Matching the columns');
  const remembered = await rememberedContractMapping(db, organisationId, headers);
  const mapping = remembered?.mapping ?? suggestContractMapping(headers);
  // Day/month/year unless the secretary chose otherwise for these columns: year-first dates (and
  // a workbook's date cells) are read whichever format is chosen, so only UK dates need it.
  const dateFormat = remembered?.dateFormat ?? 'dmy';
  const importId = randomToken();
  job.progress(3, 3, 'Read');
  return {
    session: { importId, organisationId, fileName: file.fileName, sha256, headers, rows, createdAt: Date.now() },
    analysis: {
      importId,
      fileName: file.fileName,
      format: sheet.format,
      sheetName: sheet.sheetName,
      rows: rows.length,
      headers,
      ...firstRows(headers, rows),
      mapping,
      remembered: remembered !== null,
      dateFormat,
    },
  };
}
