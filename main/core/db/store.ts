import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../../migrations/index';
import { AppError } from '../errors';
import { CachedSqliteDialect } from './dialect';
import { migrateToLatest, refuseForeignFile, type MigrationOutcome } from './migrator';
import { openDatabase, quickCheck } from './open';
import type { DB } from './schema';

export interface OpenedStore {
  path: string;
  raw: BetterSqlite3.Database;
  db: Kysely<DB>;
  migration: MigrationOutcome;
  /** False when the start-up integrity check was left to the caller to run in the background. */
  integrityChecked: boolean;
}

/**
 * Opens (creating if needed) the app's file, checks it, and migrates it. Every connection the
 * core uses comes from here, so pragmas, checks and migrations are never skipped.
 */
export async function openStore(
  path: string,
  options: {
    backupBeforeMigrate?: (raw: BetterSqlite3.Database) => Promise<string>;
    /**
     * Skip the synchronous quick_check when the file needs no migration, so a large register
     * opens at once; the caller then checks it on a worker thread. (quick_check reads every
     * page: about 1.5 s for a million members.) Files about to be migrated are always checked first.
     */
    deferIntegrityCheck?: boolean;
  } = {},
): Promise<OpenedStore> {
  mkdirSync(dirname(path), { recursive: true });
  // WAL goes on only once the file is known to be new or ours: switching rewrites the header,
  // and another program's database must be left exactly as it was.
  const raw = openDatabase(path, { wal: false });
  try {
    const defer = (options.deferIntegrityCheck ?? false) && isUpToDate(raw);
    if (!defer) {
      const problems = quickCheck(raw);
      if (problems.length > 0) throw damaged(path, problems[0]!);
    }
    refuseForeignFile(raw);
    raw.pragma('journal_mode = WAL');
    const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
    const backup = options.backupBeforeMigrate;
    const migration = await migrateToLatest(raw, db, migrations, backup ? { backup: () => backup(raw) } : {});
    return { path, raw, db, migration, integrityChecked: !defer };
  } catch (e) {
    if (raw.open) raw.close();
    throw e;
  }
}

/** Number of migrations this build knows, which is the schema version it writes. */
export const SCHEMA_VERSION = migrations.length;
export const KNOWN_MIGRATIONS: ReadonlySet<string> = new Set(migrations.map((m) => m.name));

export function damaged(path: string, problem: string): AppError {
  return new AppError(
    'INTERNAL',
    `The database file ${path} is damaged (${problem}). Restore your latest backup with: npm run cli -- restore --db "${path}" --from BACKUP`,
  );
}

/** An existing file of ours with every migration applied (two cheap reads of the schema). */
function isUpToDate(raw: BetterSqlite3.Database): boolean {
  try {
    const hasLedger = raw.prepare("select 1 from sqlite_schema where type = 'table' and name = 'schema_migration'").get() !== undefined;
    if (!hasLedger) return false;
    const applied = Number(raw.prepare('select count(*) from schema_migration').pluck().get());
    return applied === migrations.length;
  } catch {
    return false;
  }
}
