import { Kysely, sql } from 'kysely';
import { CachedSqliteDialect } from './dialect';
import { openDatabase } from './open';
import type { DB } from './schema';

export interface Snapshot {
  db: Kysely<DB>;
  close(): Promise<void>;
}

/**
 * A consistent, read-only view of the file as it is now, on a connection of its own: a read
 * transaction in WAL mode sees one state of the database however long it lasts, while the
 * app's own connection goes on writing. Long exports read from one of these, so a file
 * reflects a single moment without holding up the secretary's edits.
 */
export async function openSnapshot(dbPath: string): Promise<Snapshot> {
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(openDatabase(dbPath, { readonly: true })) });
  // Kysely's connection mutex keeps this one connection to us; a plain BEGIN and a first read
  // fix the snapshot until the COMMIT in close().
  await sql`begin`.execute(db);
  await sql`select count(*) from app_meta`.execute(db);
  return {
    db,
    close: async () => {
      try {
        await sql`commit`.execute(db);
      } finally {
        await db.destroy();
      }
    },
  };
}
