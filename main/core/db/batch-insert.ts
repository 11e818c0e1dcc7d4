import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DB } from './schema';

const compiledByAdapter = new WeakMap<object, Map<string, string>>();

/**
 * Inserts rows with multi-row INSERT statements of up to `perStatement` rows each. Kysely builds
 * and compiles a query tree on every call, which for a few hundred rows costs more than SQLite's
 * own work; here the SQL for each shape (table, columns, number of rows) is compiled by Kysely
 * once per dialect and reused with fresh parameters, so bulk writes (audit batches, imports)
 * stay fast and the SQL stays Kysely's. Every row must carry the same keys as the first.
 *
 * @example await insertMany(trx, 'member_name_token', tokens);
 */
export async function insertMany<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[], perStatement = 200): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const width = columns.length;
  for (let i = 0; i < rows.length; i += perStatement) {
    const n = Math.min(perStatement, rows.length - i);
    const params: unknown[] = new Array(n * width);
    let k = 0;
    for (let r = i; r < i + n; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (let c = 0; c < width; c++) params[k++] = row[columns[c]!] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(insertSql(db, table, columns, n), params));
  }
}

function insertSql(db: Kysely<DB>, table: string, columns: readonly string[], rows: number): string {
  const adapter = db.getExecutor().adapter;
  let cache = compiledByAdapter.get(adapter);
  if (!cache) {
    cache = new Map();
    compiledByAdapter.set(adapter, cache);
  }
  const key = `${table}\u0000${columns.join(',')}\u0000${rows}`;
  let sql = cache.get(key);
  if (sql === undefined) {
    const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
    sql = db
      .insertInto(table as keyof DB)
      .values(Array.from({ length: rows }, () => placeholder) as never)
      .compile().sql;
    if (cache.size > 200) cache.clear();
    cache.set(key, sql);
  }
  return sql;
}
