import type { ReadDb } from '../context';
import type { ImportAnalysis } from '../../../shared/contract/hr-import';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { firstRows, readUpload } from '../import-upload';
import { decodeCsvBytes, parseCsv } from './csv';
import { guessDateFormat } from './dates';
import { rememberedMapping, suggestMapping } from './mapping';
import type { Progress } from './plan';
import type { ImportSession } from './sessions';

/** An HR export of a large workforce is a few tens of megabytes; anything far larger is not one. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

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
  const { bytes, sha256 } = await readUpload(
    file,
    { maxBytes: MAX_IMPORT_BYTES, tooLarge: (mb) => `${file.fileName} is ${mb} MB, larger than an HR export should be (at most 200 MB). Check you chose the right file.` },
    job,
  );
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
  const { sample, sampleLines } = firstRows(headers, rows);
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
    analysis: { importId, fileName: file.fileName, rows: rows.length, headers, sample, sampleLines, mapping, remembered: remembered !== null, dateFormat, defaultClassId },
  };
}
