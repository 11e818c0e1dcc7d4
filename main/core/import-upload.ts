import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from './errors';

/**
 * The first step the HR import and the contracts import share: an uploaded file is read whole
 * and its SHA-256 taken (recorded when the import is applied), after its size is checked
 * against what a file of that kind could be. What the rows are, and how they are checked,
 * stay with each import.
 */

/** The job an import's read runs in: gives the event loop back between pieces, and reports progress. */
export interface UploadProgress {
  checkpoint(): Promise<void>;
  progress(done: number, total: number, message?: string): void;
}

const HASH_PIECE = 1024 * 1024;
const SAMPLE_ROWS = 5;

/**
 * The file's bytes and SHA-256, hashed a megabyte at a time with a checkpoint after each.
 * A file larger than `maxBytes` is refused with `tooLarge(megabytes)` before it is read.
 * Reports the first of the read's three steps ('Reading the file').
 */
export async function readUpload(
  file: { path: string; fileName: string },
  limit: { maxBytes: number; tooLarge: (megabytes: number) => string },
  job: UploadProgress,
): Promise<{ bytes: Buffer; sha256: string }> {
  const size = (await stat(file.path)).size;
  if (size > limit.maxBytes) throw new AppError('VALIDATION', limit.tooLarge(Math.round(size / 1024 / 1024)));
  job.progress(0, 3, 'Reading the file');
  const bytes = await readFile(file.path);
  const hash = createHash('sha256');
  for (let i = 0; i < bytes.length; i += HASH_PIECE) {
    hash.update(bytes.subarray(i, i + HASH_PIECE));
    await job.checkpoint();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** The first rows shown beside the mapping: each with a value for every heading, and the line or row it is on. */
export function firstRows(headers: string[], rows: { line: number; fields: string[] }[]): { sample: string[][]; sampleLines: number[] } {
  const first = rows.slice(0, SAMPLE_ROWS);
  return { sample: first.map((r) => headers.map((_, i) => r.fields[i] ?? '')), sampleLines: first.map((r) => r.line) };
}

/** Headings trimmed; an empty one is named by its position; repeats get a number so each is distinct. */
export function headingNames(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
