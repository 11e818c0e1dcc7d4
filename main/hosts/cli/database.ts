import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from '../../core/audit/chain';
import { APP_MARKER } from '../../core/db/migrator';
import { openDatabase } from '../../core/db/open';
import { CliError } from './command';

/** An absolute path to a file that must already exist; never creates one. */
export function existingFile(path: string, flag: string): string {
  const absolute = resolve(path);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new CliError(`There is no file at ${absolute} (given as --${flag}).`);
  }
  if (!isFile) throw new CliError(`${absolute} (given as --${flag}) is a folder, not a database file.`);
  return absolute;
}

/**
 * Opens an app database read-only: nothing is created, migrated or switched to WAL, so the
 * file is exactly as it was afterwards. Refuses files this app did not make.
 */
export function openAppDatabaseReadOnly(path: string): BetterSqlite3.Database {
  const raw = openDatabase(path, { readonly: true });
  try {
    const tables = new Set(raw.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[]);
    const ours =
      ['app_meta', 'schema_migration', 'audit_event', 'audit_payload', 'audit_head'].every((t) => tables.has(t)) &&
      raw.prepare("select value from app_meta where key = 'app'").pluck().get() === APP_MARKER;
    if (!ours) throw new CliError(`${path} is a SQLite database, but not one made by Mutual Governance.`);
    return raw;
  } catch (e) {
    raw.close();
    throw e;
  }
}

/** The audit head as the app last recorded it (no events: the genesis hash). */
export function recordedHead(raw: BetterSqlite3.Database): { events: number; headHash: string } {
  const head = raw.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string } | undefined;
  return head ? { events: head.seq, headHash: head.hash } : { events: 0, headHash: GENESIS_HASH };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
