import { sql, type Kysely } from 'kysely';

/**
 * Rows inserted, updated or deleted on this connection since it opened, triggers included
 * (SQLite's total_changes()). The mutation wrapper reads it around a handler to tell whether
 * the handler changed any record, so a change without an audit event cannot commit.
 * (PostgreSQL has no equivalent counter; a port will count through the write builders.)
 */
export async function totalChanges(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
