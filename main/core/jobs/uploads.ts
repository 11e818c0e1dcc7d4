import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_IMPORT_MAX_BYTES } from '../../../shared/contract/contract-import';
import { PAPER_MAX_BYTES } from '../../../shared/contract/meetings';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/uploads';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';

export type UploadPurpose = 'restore' | 'import' | 'paper' | 'contracts_import';

interface Upload {
  id: string;
  purpose: UploadPurpose;
  fileName: string;
  sizeBytes: number;
  received: number;
  nextIndex: number;
  path: string;
  fd: number | null;
  startedAt: number;
}

const EXPIRE_MS = 60 * 60 * 1000;

function emptyFileMessage(purpose: UploadPurpose, fileName: string): string {
  if (purpose === 'paper') return `${fileName} is empty (0 bytes), so it cannot be a paper. Choose the file again.`;
  if (purpose === 'contracts_import') return `${fileName} is empty (0 bytes), so it holds no contracts. Save the spreadsheet again (as .xlsx or .csv), then choose the new file.`;
  return purpose === 'import'
    ? `${fileName} is empty (0 bytes). Export the staff list from your HR system again, then choose the new file.`
    : `${fileName} is empty (0 bytes), so it cannot be a backup. Choose the backup file again.`;
}

/**
 * The file's name as messages, job labels and the audit log show it: NFC, without control or
 * invisible formatting characters (a right-to-left override, U+202E, makes
 * "staff<U+202E>vsc.exe" display as "staffexe.csv"). The name is only shown, never a path.
 */
function displayableFileName(raw: string): string {
  const name = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu, '').trim();
  return name === '' ? 'The file' : name;
}

/**
 * Files the renderer sends (a backup to restore, a CSV to import) arrive in ordered base64
 * chunks through the contract, so each request stays small and the same path serves both the
 * Electron window and the browser.
 */
export class UploadStore {
  readonly #dir: string;
  readonly #uploads = new Map<string, Upload>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  begin(purpose: UploadPurpose, rawFileName: string, sizeBytes: number): { uploadId: string; chunkBytes: number } {
    this.#expire();
    const fileName = displayableFileName(rawFileName);
    // An empty file is neither a backup nor an HR export; refused before anything is created,
    // so nothing is left in the uploads folder.
    if (sizeBytes === 0) throw AppError.field('sizeBytes', emptyFileMessage(purpose, fileName));
    // Papers are kept inside the database file; a larger one is refused before a byte is sent.
    if (purpose === 'paper' && sizeBytes > PAPER_MAX_BYTES) {
      throw AppError.field('sizeBytes', `${fileName} is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; papers can be at most ${PAPER_MAX_BYTES / 1024 / 1024} MB. Reduce it (for example, save the PDF at a lower image quality) and attach it again.`);
    }
    if (purpose === 'contracts_import' && sizeBytes > CONTRACT_IMPORT_MAX_BYTES) {
      throw AppError.field('sizeBytes', `${fileName} is ${Math.round(sizeBytes / 1024 / 1024)} MB, larger than a contracts spreadsheet should be (at most ${CONTRACT_IMPORT_MAX_BYTES / 1024 / 1024} MB). Check you chose the right file.`);
    }
    // Uploads are backups or HR files: members' personal data, for the owner's eyes only.
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const id = randomToken();
    const path = join(this.#dir, `upload-${id}.part`);
    const fd = openSync(path, 'w', 0o600);
    this.#uploads.set(id, { id, purpose, fileName, sizeBytes, received: 0, nextIndex: 0, path, fd, startedAt: Date.now() });
    return { uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append(uploadId: string, index: number, base64: string): number {
    const u = this.#find(uploadId);
    if (index !== u.nextIndex || u.fd === null) {
      throw new AppError('CONFLICT', `The file arrived out of order (part ${index + 1}, expected ${u.nextIndex + 1}); send it again.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (u.received + bytes.length > u.sizeBytes) {
      this.discard(uploadId);
      throw new AppError('VALIDATION', 'The file is larger than announced; send it again.');
    }
    writeSync(u.fd, bytes);
    u.received += bytes.length;
    u.nextIndex += 1;
    if (u.received === u.sizeBytes) {
      closeSync(u.fd);
      u.fd = null;
    }
    return u.received;
  }

  /** Hands over a completed upload's file; the caller owns (and removes) it from then on. */
  take(uploadId: string, purpose: UploadPurpose): { path: string; fileName: string } {
    const u = this.#find(uploadId);
    if (u.purpose !== purpose) throw new AppError('VALIDATION', 'That file was sent for something else; send it again.');
    if (u.received !== u.sizeBytes || u.fd !== null) {
      throw new AppError('VALIDATION', `The file has not finished arriving (${u.received} of ${u.sizeBytes} bytes).`);
    }
    this.#uploads.delete(uploadId);
    return { path: u.path, fileName: u.fileName };
  }

  discard(uploadId: string): void {
    const u = this.#uploads.get(uploadId);
    if (!u) return;
    if (u.fd !== null) closeSync(u.fd);
    rmSync(u.path, { force: true });
    this.#uploads.delete(uploadId);
  }

  discardAll(): void {
    for (const id of [...this.#uploads.keys()]) this.discard(id);
  }

  #find(uploadId: string): Upload {
    const u = this.#uploads.get(uploadId);
    if (!u) throw new AppError('NOT_FOUND', 'That upload is not known or has expired; send the file again.');
    return u;
  }

  #expire(): void {
    const cutoff = Date.now() - EXPIRE_MS;
    for (const u of [...this.#uploads.values()]) if (u.startedAt < cutoff) this.discard(u.id);
  }
}
