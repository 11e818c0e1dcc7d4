import type { ReadDb } from '../context';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ImportAnalysis } from '../../../shared/contract/hr-import';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { decodeCsvBytes, parseCsv } from './csv';
import { guessDateFormat } from './dates';
import { rememberedMapping, suggestMapping } from './mapping';
import type { Progress } from './plan';
import type { ImportSession } from './sessions';

/** An HR export of a large workforce is a few tens of megabytes; anything far larger is not one. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const HASH_PIECE = 1024 * 1024;
const SAMPLE_ROWS = 5;

/**
 * Reads an uploaded CSV: its SHA-256 (recorded when the import is applied), its text, its rows,
 * and the mapping to offer (remembered for these headings, or suggested from them).
 */
export async function readImportFile(
  db: ReadDb,
  organisationId: string,
  file: { path: string; fileName: string },
  job: Progress,
): Promise<{ session: ImportSession; analysis: ImportAnalysis }> {
  const size = (await stat(file.path)).size;
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('VALIDATION', `${file.fileName} is ${Math.round(size / 1024 / 1024)} MB, larger than an HR export should be (at most 200 MB). Check you chose the right file.`);
  }
  job.progress(0, 3, 'Reading the file');
  const bytes = await readFile(file.path);
  const hash = createHash('sha256');
  for (let i = 0; i < bytes.length; i += HASH_PIECE) {
    hash.update(bytes.subarray(i, i + HASH_PIECE));
    await job.checkpoint();
  }
  const sha256 = hash.digest('hex');
  const text = await decodeCsvBytes(bytes, job.checkpoint);
  job.progress(1, 3, 'Reading the rows');
  const { headers, rows } = await parseCsv(text, { checkpoint: job.checkpoint });
  if (headers.length === 0) throw new AppError('VALIDATION', `${file.fileName} is empty: there is no heading row.`);
  if (headers.length === 1) {
    throw new AppError(
      'VALIDATION',
      `Only one column was found in ${file.fileName}. Save the export from your HR system as CSV (comma-separated values), with a heading row.`,
    );
  }
  if (rows.length === 0) throw new AppError('VALIDATION', `${file.fileName} has a heading row but no rows of data.`);
  job.progress(2, 3, 'Matching the columns');

  const remembered = await rememberedMapping(db, organisationId, headers);
  const mapping = remembered?.mapping ?? suggestMapping(headers);
  const sample = rows.slice(0, SAMPLE_ROWS).map((r) => headers.map((_, i) => r.fields[i] ?? ''));
  let dateFormat = remembered?.dateFormat;
  if (!dateFormat) {
    const dateColumns = [mapping.employmentStart, mapping.employmentEnd, mapping.dateOfBirth].filter((c): c is string => c !== null).map((c) => headers.indexOf(c));
    const cells = rows.slice(0, 200).flatMap((r) => dateColumns.map((i) => r.fields[i] ?? ''));
    dateFormat = guessDateFormat(cells);
  }
  let defaultClassId = remembered?.defaultClassId ?? null;
  const employeeClasses = await db.selectFrom('membership_class').select(['id']).where('organisation_id', '=', organisationId).where('is_employee_class', '=', 1).execute();
  if (defaultClassId !== null && !employeeClasses.some((c) => c.id === defaultClassId)) defaultClassId = null;
  if (defaultClassId === null && employeeClasses.length === 1) defaultClassId = employeeClasses[0]!.id;

  const importId = randomToken();
  job.progress(3, 3, 'Read');
  return {
    session: { importId, organisationId, fileName: file.fileName, sha256, headers, rows, createdAt: Date.now() },
    analysis: { importId, fileName: file.fileName, rows: rows.length, headers, sample, sampleLines: rows.slice(0, SAMPLE_ROWS).map((r) => r.line), mapping, remembered: remembered !== null, dateFormat, defaultClassId },
  };
}
