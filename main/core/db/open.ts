import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../errors';

/**
 * Page cache per connection, in KiB. 256 MiB: a desktop can spare it, and a register of a
 * million members has several indexes of tens of MB each; pages are only held once read.
 */
export const CACHE_KIB = 262_144;

/**
 * Opens the app's SQLite file with the settings the records depend on:
 * WAL (readers never block the writer), synchronous=FULL (an accepted ballot or approved
 * minute survives power loss), foreign keys enforced, and trusted_schema off (a crafted file
 * cannot run functions from its schema). Automatic checkpoints are off: copying the log back
 * into the file can take a second after a large import, and a commit must never stall the
 * window for that; the core's checkpointer does it on a worker thread instead (and SQLite
 * still checkpoints when the last connection closes).
 */
export function openDatabase(path: string, options: { readonly?: boolean; wal?: boolean } = {}): Database.Database {
  const readonly = options.readonly ?? false;
  let db: Database.Database;
  try {
    if (!readonly) createPrivately(path);
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new AppError('NOT_FOUND', `Cannot open ${path}: ${describeSqliteError(e)}`);
  }
  try {
    // Reading the schema proves the file is SQLite before anything is written to it.
    db.prepare('select count(*) from sqlite_schema').get();
    if (!readonly && (options.wal ?? true)) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    db.pragma('busy_timeout = 2000');
    // SQLite's default page cache is 2 MB; a register of a million members has indexes of
    // hundreds of MB, and lookups that miss the cache go to the operating system every time.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma('temp_store = MEMORY');
    // Deleted content is overwritten with zeros, not left in free pages: a former member's
    // erased entry, and a proxy's held ballot once it joins the box at the close (whose row named
    // the appointer), must not be readable from the file afterwards (docs/ballot-protocol.md §10).
    db.pragma('secure_delete = ON');
    if (!readonly) db.pragma('wal_autocheckpoint = 0');
  } catch (e) {
    db.close();
    throw new AppError('VALIDATION', `${path} is not a Mutual Governance database: ${describeSqliteError(e)}`);
  }
  return db;
}

/**
 * The register holds members' personal data (UK GDPR art 32), so a new file is created
 * readable by its owner only: SQLite would create it 0644, readable by every user of the
 * machine. SQLite gives the -wal and -shm files the database file's own mode, so they follow.
 * An existing file is left as it is (it may be another program's, which we never alter).
 * Windows has no such modes; there the user's profile folder is private.
 */
function createPrivately(path: string): void {
  if (process.platform === 'win32' || path === '' || path === ':memory:') return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    // EEXIST: the file is already there. Anything else, SQLite reports in its own words below.
  }
}

export interface PragmaReadings {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  trustedSchema: number;
  busyTimeout: number;
}

export function readPragmas(db: Database.Database): PragmaReadings {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    trustedSchema: Number(db.pragma('trusted_schema', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}

/** `quick_check`: the start-up check (O(N), skips index cross-checks). Returns problems, [] if ok. */
export function quickCheck(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const messages = rows.map((r) => r.quick_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

export function describeSqliteError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'the file is not a database.';
    case 'SQLITE_CORRUPT':
      return 'the file is damaged.';
    case 'SQLITE_CANTOPEN':
      return 'the file or its folder cannot be opened (check it exists and you may write to it).';
    case 'SQLITE_READONLY':
      return 'the file is read-only.';
    case 'SQLITE_BUSY':
      return 'another program is using the file.';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
