import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

// better-sqlite3 binds an array argument as positional parameters, as Kysely's own driver relies on.
type Statement = BetterSqlite3.Statement<[readonly unknown[]], unknown>;

/**
 * Kysely's stock SQLite driver calls `prepare` for every query. Preparing costs as much as
 * running a simple lookup, so this driver keeps prepared statements by SQL text. Kysely
 * emits identical SQL for identical query shapes (values travel as parameters), so a few
 * hundred entries cover every query the app makes.
 */
export class CachedSqliteDialect extends SqliteDialect {
  readonly #db: BetterSqlite3.Database;
  constructor(db: BetterSqlite3.Database) {
    super({ database: db });
    this.#db = db;
  }
  override createDriver(): Driver {
    return new CachedSqliteDriver(this.#db);
  }
}

const MAX_CACHED = 500;

class CachedSqliteDriver implements Driver {
  readonly #connection: CachedSqliteConnection;
  readonly #mutex = new ConnectionMutex();

  constructor(db: BetterSqlite3.Database) {
    this.#connection = new CachedSqliteConnection(db);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }
  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    // IMMEDIATE takes the write lock at the start, so a transaction never fails half-way
    // because another connection (a job, a backup tool) wrote in between.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }
  async destroy(): Promise<void> {
    this.#connection.close();
  }
}

class CachedSqliteConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, Statement>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  #prepare(sql: string): Statement {
    let stmt = this.#cache.get(sql);
    if (stmt === undefined) {
      if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
      stmt = this.#db.prepare<[readonly unknown[]]>(sql);
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    const stmt = this.#prepare(sql);
    if (stmt.reader) {
      return Promise.resolve({ rows: stmt.all(parameters) as R[] });
    }
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { sql, parameters, query } = compiledQuery;
    if (!SelectQueryNode.is(query)) throw new Error('Only SELECT queries can be streamed.');
    // Not cached: an iterating statement cannot be reused until the iteration ends.
    const stmt = this.#db.prepare<[readonly unknown[]]>(sql);
    for (const row of stmt.iterate(parameters)) {
      yield { rows: [row as R] };
    }
  }

  close(): void {
    this.#cache.clear();
    if (this.#db.open) this.#db.close();
  }
}

class ConnectionMutex {
  #promise: Promise<void> | undefined;
  #resolve: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }
  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}
