import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * A query whose shape never changes, built and compiled by Kysely once and then run with new
 * values. Kysely builds a tree of frozen operation nodes and compiles it to SQL on every call:
 * about 15-25 µs a query, which for the meeting view (a dozen queries) was as much time as SQLite
 * spent answering them. The driver already caches the prepared statement by SQL text
 * (db/dialect.ts); this removes the building and compiling too.
 *
 * The builder receives placeholders in place of its arguments and must use each of them only as
 * a value in the query (`where('id', '=', id)`), never in JavaScript (`if (id)`, `id.length`): the
 * query is built once, so a branch on a value would be taken for every later call. Every
 * placeholder must reach the query's parameters; a builder that drops one fails loudly on its
 * first use. Queries whose shape depends on the values (`in` lists, optional filters) stay
 * ordinary Kysely queries.
 *
 * Written here rather than taken from a library: kysely-params, the one package that does this,
 * depends on Kysely 0.24 and would bring a second copy of Kysely.
 */

class Slot {
  constructor(readonly index: number) {}
}

type AnyDb = Pick<Kysely<any>, 'executeQuery'>;

export interface CompiledOnce<A extends unknown[], R> {
  /** Every row. */
  all(db: AnyDb, ...args: A): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: AnyDb, ...args: A): Promise<R | undefined>;
}

export function compiledOnce<D extends AnyDb, A extends unknown[], R>(build: (db: D, ...args: A) => Compilable<R>): CompiledOnce<A, R> {
  // The builder's own parameters after the database (written out, no defaults or rest).
  const arity = build.length - 1;
  let compiled: CompiledQuery<R> | undefined;
  const compile = (db: AnyDb): CompiledQuery<R> => {
    if (compiled) return compiled;
    const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
    const q = build(db as D, ...(slots as unknown as A)).compile();
    for (const s of slots) {
      if (!q.parameters.includes(s)) throw new Error(`compiledOnce: argument ${s.index + 1} is not a value in the query (${q.sql.slice(0, 80)}…)`);
    }
    compiled = q;
    return q;
  };
  const run = async (db: AnyDb, args: A): Promise<R[]> => {
    const q = compile(db);
    const parameters = q.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    const result = await db.executeQuery<R>({ query: q.query, queryId: q.queryId, sql: q.sql, parameters });
    return result.rows;
  };
  return {
    all: (db, ...args) => run(db, args),
    first: async (db, ...args) => (await run(db, args))[0],
  };
}
