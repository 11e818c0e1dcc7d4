import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../errors';
import { checkIntegrityInWorker } from '../db/integrity';

export interface BackupResult {
  path: string;
  name: string;
  sizeBytes: number;
}

/** 'mutual-governance-20261128-100203.sqlite' for a live file 'mutual-governance.sqlite'. */
export function backupFileName(dbPath: string, at: Date, tag = 'backup'): string {
  const stem = basename(dbPath).replace(/\.(sqlite3?|db)$/i, '');
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stem}-${tag}-${stamp}.sqlite`;
}

/**
 * Online backup with SQLite's backup API (the app stays usable while pages are copied), into
 * a temporary file that is integrity-checked and only then renamed into place, so a backup
 * file that exists is always a complete, sound copy.
 */
export async function takeBackup(
  raw: BetterSqlite3.Database,
  destPath: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  const tmp = join(dirname(destPath), `.${basename(destPath)}.tmp-${process.pid}`);
  try {
    // A backup is the whole register (members' personal data): owner-only folder and file.
    // The copy is made into a file created 0600, as SQLite would create it 0644; the chmod
    // covers a platform where the backup API replaces the file rather than writing into it.
    mkdirSync(dirname(destPath), { recursive: true, mode: 0o700 });
    closeSync(openSync(tmp, 'w', 0o600));
    const { totalPages } = await raw.backup(tmp, {
      progress({ totalPages: total, remainingPages }) {
        onProgress?.(total - remainingPages, total);
        return 256;
      },
    });
    onProgress?.(totalPages, totalPages);
    // The copy inherits WAL mode from the live file. A backup must open on its own (read-only,
    // from a USB stick or an e-mail attachment) with no -wal or -shm file beside it, so it is
    // switched to a rollback journal, which also removes the sidecar files this created.
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = await checkIntegrityInWorker(tmp);
    if (!check.ok) {
      throw new AppError('INTERNAL', `The backup copy failed its integrity check (${check.messages[0]}); no backup was kept.`);
    }
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (process.platform !== 'win32') chmodSync(tmp, 0o600);
    renameSync(tmp, destPath);
    syncDir(dirname(destPath));
    return { path: destPath, name: basename(destPath), sizeBytes: statSync(destPath).size };
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
      throw new AppError('INTERNAL', `There is not enough disk space for a backup in ${dirname(destPath)}.`);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN') {
      throw new AppError('FORBIDDEN', `The backup cannot be written to ${dirname(destPath)} (permission denied).`);
    }
    throw e;
  }
}

/** Makes a rename durable: on POSIX the directory entry must be flushed too. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
