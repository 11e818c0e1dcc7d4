import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

const compiledByAdapter = new WeakMap<object, Map<string, string>>();

/**
 * Updates many rows of `member`, each with its own values, in statements of up to
 * `perStatement` rows: `update member set c = v.column2, ... from (values (?, ?, ...), ...) as v
 * where member.id = v.column1`. Standard SQL (SQLite 3.33+ and PostgreSQL name the columns of
 * a VALUES list column1, column2, ...), compiled by Kysely once per shape and reused.
 * Each row is [id, ...values in `columns` order].
 */
export async function updateMembersById(db: Kysely<DB>, columns: readonly string[], rows: readonly unknown[][], perStatement = 200): Promise<void> {
  const width = columns.length + 1;
  for (let i = 0; i < rows.length; i += perStatement) {
    const n = Math.min(perStatement, rows.length - i);
    const params: unknown[] = new Array(n * width);
    let k = 0;
    for (let r = i; r < i + n; r++) {
      const row = rows[r]!;
      for (let c = 0; c < width; c++) params[k++] = row[c] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(updateSql(db, columns, n), params));
  }
}

function updateSql(db: Kysely<DB>, columns: readonly string[], rows: number): string {
  const adapter = db.getExecutor().adapter;
  let cache = compiledByAdapter.get(adapter);
  if (!cache) {
    cache = new Map();
    compiledByAdapter.set(adapter, cache);
  }
  const key = `${columns.join(',')}\u0000${rows}`;
  let text = cache.get(key);
  if (text === undefined) {
    const tuple = sql`(${sql.join(Array.from({ length: columns.length + 1 }, () => null))})`;
    const values = sql`(values ${sql.join(Array.from({ length: rows }, () => tuple))})`.as('v');
    const set = Object.fromEntries(columns.map((c, i) => [c, sql.ref(`v.column${i + 2}`)]));
    text = db
      .updateTable('member')
      .set(set as never)
      .from(values as never)
      .where(sql.ref('member.id'), '=', sql.ref('v.column1'))
      .compile().sql;
    if (cache.size > 50) cache.clear();
    cache.set(key, text);
  }
  return text;
}
