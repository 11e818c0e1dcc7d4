import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { contract, isMethodName, type MethodName } from '../../shared/contract/index';
import type { Result } from '../../shared/result';
import type { Actor } from './audit/log';
import { backupFileName, takeBackup } from './backup/backup';
import type { Handlers, Host, ServiceContext } from './context';
import { Checkpointer } from './db/checkpoint';
import { acquireLock } from './db/lockfile';
import type { DB, OrganisationRow } from './db/schema';
import { damaged, openStore, type OpenedStore } from './db/store';
import { checkIntegrityInWorker } from './db/integrity';
import { dispatch } from './dispatcher';
import { AppError } from './errors';
import { JobRunner } from './jobs/runner';
import { UploadStore } from './jobs/uploads';
import { logInfo } from './log';
import { appHandlers } from './services/app';
import { auditHandlers } from './services/audit';
import { dataHandlers } from './services/data';
import { currentOrganisation, organisationHandlers } from './services/organisation';
import { classHandlers } from './services/classes';
import { memberHandlers } from './services/members';
import { shareHandlers } from './services/shares';
import { officersHandlers } from './services/officers';
import { pscHandlers } from './services/psc';
import { importsHandlers } from './services/imports';
import { exportsHandlers } from './services/exports';

export const APP_VERSION = '0.1.0';

/** Delay before the background start-up check begins (after the first screen has its data). */
const START_CHECK_AFTER_MS = 200;

export interface CoreOptions {
  dbPath: string;
  host: Host;
  /** Who is recorded on audit events; defaults to the operating-system user. */
  actor?: string;
  now?: () => Date;
  /** Where backups go; defaults to a `backups` folder beside the database. */
  backupsDir?: string;
}

const handlers: Handlers<MethodName> = {
  ...appHandlers,
  ...organisationHandlers,
  ...auditHandlers,
  ...dataHandlers,
  ...classHandlers,
  ...memberHandlers,
  ...shareHandlers,
  ...officersHandlers,
  ...pscHandlers,
  ...importsHandlers,
  ...exportsHandlers,
  'jobs.get': async (input, ctx) => ctx.jobs.get(input.id),
};

/**
 * The core: one open database, the services, the job runner. Hosts (Electron, the loopback
 * HTTP host, the CLI, tests) create one and pass every call through `dispatch`.
 */
export class Core implements ServiceContext {
  readonly dbPath: string;
  readonly backupsDir: string;
  readonly host: Host;
  readonly appVersion = APP_VERSION;
  readonly jobs: JobRunner;
  readonly uploads: UploadStore;
  readonly #actor: string;
  readonly #now: () => Date;
  #store: OpenedStore;
  #releaseLock: () => void;
  readonly #checkpointer: Checkpointer;
  #organisation: Promise<OrganisationRow | undefined> | null = null;
  #integrity: Promise<string | null>;
  #integrityProblem: string | null = null;
  #integrityDone = false;
  #closed = false;

  private constructor(options: CoreOptions, store: OpenedStore, releaseLock: () => void) {
    this.dbPath = store.path;
    this.backupsDir = options.backupsDir ?? join(dirname(store.path), 'backups');
    this.host = options.host;
    this.#actor = options.actor ?? defaultActor();
    this.#now = options.now ?? (() => new Date());
    this.jobs = new JobRunner(this.#now);
    this.uploads = new UploadStore(join(dirname(store.path), '.uploads'));
    this.#store = store;
    this.#releaseLock = releaseLock;
    this.#checkpointer = new Checkpointer(store.path);
    this.#checkpointer.start();
    this.#integrityDone = store.integrityChecked;
    this.#integrity = store.integrityChecked ? Promise.resolve(null) : this.#checkInBackground(store.path);
  }

  /**
   * The start-up quick_check on a worker thread: the window opens while it reads every page.
   * Started a moment later, so starting the thread is not on the way to the first page either.
   */
  #checkInBackground(path: string): Promise<string | null> {
    const started = new Promise<void>((resolve) => setTimeout(resolve, START_CHECK_AFTER_MS).unref());
    return started
      .then(() => (this.#closed ? { ok: true, messages: ['ok'] } : checkIntegrityInWorker(path, { quick: true })))
      .then(
      (report) => {
        this.#integrityDone = true;
        this.#integrityProblem = report.ok ? null : (report.messages[0] ?? 'quick_check failed');
        return this.#integrityProblem;
      },
      (e: Error) => {
        this.#integrityDone = true;
        this.#integrityProblem = `the check could not run: ${e.message}`;
        return this.#integrityProblem;
      },
    );
  }

  async ready(): Promise<void> {
    const problem = await this.#integrity;
    if (problem !== null) throw damaged(this.dbPath, problem);
  }

  integrity(): { state: 'checking' | 'ok' | 'damaged'; problem: string | null } {
    if (this.#integrityProblem !== null) return { state: 'damaged', problem: this.#integrityProblem };
    return { state: this.#integrityDone ? 'ok' : 'checking', problem: null };
  }

  static async open(options: CoreOptions): Promise<Core> {
    const dbPath = resolve(options.dbPath);
    mkdirSync(dirname(dbPath), { recursive: true });
    const releaseLock = acquireLock(dbPath, options.host === 'cli' ? 'the command line' : 'Mutual Governance');
    try {
      const backupsDir = options.backupsDir ?? join(dirname(dbPath), 'backups');
      // A window opens at once and checks in the background; the command line has no window to
      // keep responsive, so it checks first.
      const store = await openStore(dbPath, {
        backupBeforeMigrate: (raw) => backupBeforeMigrate(raw, dbPath, backupsDir),
        deferIntegrityCheck: options.host !== 'cli',
      });
      if (store.migration.backupPath) {
        logInfo(`Upgraded the database to schema ${store.migration.applied.at(-1)}; the file was backed up first to ${store.migration.backupPath}`);
      }
      return new Core(options, store, releaseLock);
    } catch (e) {
      releaseLock();
      throw e;
    }
  }

  get db(): Kysely<DB> {
    return this.#store.db;
  }
  get raw(): BetterSqlite3.Database {
    return this.#store.raw;
  }
  now(): Date {
    return this.#now();
  }
  who(): Actor {
    return { actor: this.#actor, at: this.#now().toISOString() };
  }

  async dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    const result = await dispatch(handlers, this, method, input);
    if (typeof method !== 'string') return result;
    if (method.startsWith('organisation.')) this.#organisation = null;
    // Keep the write-ahead log short (a long log slows every read and commit): after writes,
    // and while a job writes, checkpoint it off the host thread once it passes 4 MB.
    if (method === 'jobs.get' || (isMethodName(method) && contract[method].kind !== 'query')) this.#checkpointer.maybe();
    return result;
  }

  organisation(db: Kysely<DB> = this.db): Promise<OrganisationRow | undefined> {
    // Read through the caller's executor: inside a transaction the one connection is the
    // transaction's, and asking the pool would wait for it forever. Forgotten again if the
    // read fails, so a transient error is not remembered.
    this.#organisation ??= currentOrganisation(db).catch((e) => {
      this.#organisation = null;
      throw e;
    });
    return this.#organisation;
  }

  /** Copies the write-ahead log into the file now, on a worker thread (tests and benchmarks). */
  checkpoint() {
    return this.#checkpointer.maybe(true);
  }

  async replaceDatabase(swap: () => () => void): Promise<void> {
    // No background checkpoint may touch the file while it is moved aside and replaced.
    await this.#checkpointer.stop();
    try {
      await this.#replace(swap);
    } finally {
      this.#checkpointer.start();
    }
  }

  async #replace(swap: () => () => void): Promise<void> {
    this.#organisation = null;
    await this.#store.db.destroy();
    let undo: (() => void) | undefined;
    try {
      undo = swap();
      this.#store = await openStore(this.dbPath, {
        backupBeforeMigrate: (raw) => backupBeforeMigrate(raw, this.dbPath, this.backupsDir),
      });
      // The restored file was checked in full before it was swapped in.
      this.#integrity = Promise.resolve(null);
      this.#integrityProblem = null;
      this.#integrityDone = true;
      this.#organisation = null;
    } catch (e) {
      undo?.();
      this.#store = await openStore(this.dbPath);
      throw e instanceof AppError ? e : new AppError('INTERNAL', `The restored file could not be opened, so the previous one was put back. ${String((e as Error).message ?? e)}`);
    }
  }

  async close(): Promise<void> {
    // The background check, if still running, reads on its own connection and ends by itself.
    this.#closed = true;
    await this.jobs.idle();
    await this.#checkpointer.stop();
    this.uploads.discardAll();
    // SQLite's advice for long-lived connections: refresh the planner's statistics on close,
    // cheaply (it analyses only tables whose statistics are stale).
    try {
      this.#store.raw.pragma('optimize');
    } catch {
      /* a read-only or already-failing file: statistics can wait */
    }
    await this.#store.db.destroy();
    this.#releaseLock();
  }
}

async function backupBeforeMigrate(raw: BetterSqlite3.Database, dbPath: string, backupsDir: string): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  const dest = join(backupsDir, backupFileName(dbPath, new Date(), 'before-upgrade'));
  await takeBackup(raw, dest);
  return dest;
}

function defaultActor(): string {
  try {
    return userInfo().username || 'secretary';
  } catch {
    return 'secretary';
  }
}
