import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { recordHead, writeBackupHead } from '../../../core/audit/anchors';
import { headFingerprint } from '../../../../shared/domain/fingerprint';
import { takeBackup } from '../../../core/backup/backup';
import { CliError, type CommandRun } from '../command';
import { existingFile, formatBytes, openAppDatabaseReadOnly, recordedHead } from '../database';

/**
 * `backup --db FILE --out FILE`: an online copy with SQLite's backup API, so it may run while
 * the app has the file open. The copy is integrity-checked under a temporary name and only
 * then given its name, so a file at --out is always complete. The head it holds is written
 * beside it (`<out>.head.json`), so the live log can later be checked against it.
 */
export const backup: CommandRun = async (flags, io) => {
  const path = existingFile(flags['db']!, 'db');
  const out = resolve(flags['out']!);
  if (out === path) throw new CliError('--out must be a different file from --db.');
  if (existsSync(out)) throw new CliError(`${out} already exists; a backup never overwrites a file, so choose a new name.`);
  const raw = openAppDatabaseReadOnly(path);
  try {
    try {
      mkdirSync(dirname(out), { recursive: true });
    } catch (e) {
      throw new CliError(`The folder ${dirname(out)} cannot be created (${(e as { code?: string }).code ?? 'error'}).`);
    }
    const result = await takeBackup(raw, out);
    // The head printed is the copy's own, so it identifies exactly what the backup holds.
    const copy = new Database(result.path, { readonly: true, fileMustExist: true });
    const head = (() => {
      try {
        return recordedHead(copy);
      } finally {
        copy.close();
      }
    })();
    // Kept beside the copy and in the live file's heads log: verify compares the log with both.
    const record = { seq: head.events, hash: head.headHash, at: new Date().toISOString(), what: 'backup' };
    const organisation = (() => {
      try {
        return (raw.prepare('select name from organisation order by id limit 1').pluck().get() as string | undefined) ?? null;
      } catch {
        return null;
      }
    })();
    writeBackupHead(result.path, { ...record, organisation });
    recordHead(path, record);
    io.out(`Backed up to ${result.path} (${formatBytes(result.sizeBytes)}).`);
    io.out(`Audit log: ${head.events} events, head ${headFingerprint(head.events, head.headHash)} (${head.headHash})`);
    return 0;
  } finally {
    raw.close();
  }
};
