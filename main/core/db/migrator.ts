import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors';

export interface Migration {
  /** Sortable, unique and frozen once landed, e.g. '0001_foundation'. */
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export interface MigrationOutcome {
  applied: string[];
  /** Where the file was copied before migrating, when there was anything to protect. */
  backupPath: string | null;
}

/** The marker migration 0001 writes, by which the app recognises its own files. */
export const APP_MARKER = 'mutual-governance';

/**
 * Brings the file up to the newest schema. All pending migrations run in one transaction, so
 * a failure leaves schema and data exactly as they were. An existing file is backed up first.
 * Refuses a SQLite file that belongs to another program, and one written by a newer version.
 */
export async function migrateToLatest(
  raw: Database.Database,
  db: Kysely<any>,
  migrations: readonly Migration[],
  options: { backup?: () => Promise<string> } = {},
): Promise<MigrationOutcome> {
  assertOrdered(migrations);
  const hasLedger = refuseForeignFile(raw);
  const applied = hasLedger
    ? (raw.prepare('select name from schema_migration order by name').pluck().all() as string[])
    : [];
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError(
      'CONFLICT',
      `This file was written by a newer version of Mutual Governance (it has migration ${unknown[0]}). Update the app to open it.`,
    );
  }
  const done = new Set(applied);
  const pending = migrations.filter((m) => !done.has(m.name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  const backupPath = applied.length > 0 && options.backup ? await options.backup() : null;

  await db.transaction().execute(async (trx) => {
    await sql`create table if not exists schema_migration (name text primary key, applied_at text not null) strict`.execute(trx);
    for (const m of pending) {
      await m.up(trx);
      await trx.insertInto('schema_migration').values({ name: m.name, applied_at: new Date().toISOString() }).execute();
    }
    await sql.raw(`pragma user_version = ${migrations.length}`).execute(trx);
  });
  return { applied: pending.map((m) => m.name), backupPath };
}

/**
 * Refuses a file with tables but no migration ledger: another program's database. Returns
 * whether the ledger exists (false for a new, empty file). Reads only.
 */
export function refuseForeignFile(raw: Database.Database): boolean {
  const tables = raw
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
  const hasLedger = tables.includes('schema_migration');
  if (tables.length > 0 && !hasLedger) {
    throw new AppError(
      'VALIDATION',
      'This is a SQLite database made by another program, not Mutual Governance; it has been left untouched.',
    );
  }
  return hasLedger;
}

function assertOrdered(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i - 1]!.name >= migrations[i]!.name) {
      throw new Error(`Migrations out of order: ${migrations[i - 1]!.name} before ${migrations[i]!.name}`);
    }
  }
}
