import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { contract, isMethodName, type MethodName } from '../../shared/contract/index';
import { LEGAL_FORM_INFO, type LegalForm } from '../../shared/domain/legal-form';
import { ukDateOf } from '../../shared/rules/legal-date';
import type { Result } from '../../shared/result';
import { AuditWriter, type Actor } from './audit/log';
import { recordBaselineIfNeeded } from './audit/baseline';
import { recordMigrationEvents, recordMissingOrganisationsAssigned } from './audit/migration-events';
import { checkRegistersAgainstLog, verifyAll, type RegisterCheck } from './audit/verify-all';
import { checkRegistersInWorker, RegisterWorkerUnavailable } from './audit/register-check-thread';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { backupFileName, takeBackup } from './backup/backup';
import { forgetCastAlphas } from './ballots/alphas';
import { inspectCandidate } from './backup/candidate';
import { CandidateStore } from './backup/candidates';
import type { CommandContext, Host, JobStartContext, ReadContext, ReadDb, RegisterCtx, StoreOps, WriteContext } from './context';
import { totalChanges } from './db/changes';
import { Checkpointer } from './db/checkpoint';
import { CachedSqliteDialect } from './db/dialect';
import { acquireLock } from './db/lockfile';
import { openDatabase } from './db/open';
import { ReadOnlyPlugin } from './db/read-only';
import type { DB, OrganisationRow } from './db/schema';
import { openSnapshot } from './db/snapshot';
import { damaged, openStore, type OpenedStore } from './db/store';
import { checkIntegrityInWorker } from './db/integrity';
import { dispatch } from './dispatcher';
import { AppError } from './errors';
import { JobRunner, type JobHandle } from './jobs/runner';
import { UploadStore } from './jobs/uploads';
import { heldReports } from './reports/held';
import { logError, logInfo } from './log';
import { REGISTRY, type Registry } from './registry';
import { CURRENT_ORGANISATION_KEY, currentOrganisation } from './organisation/handlers';
import { StationManager, type StationOptions } from './station/manager';
import { Kysely as KyselyClass } from 'kysely';

export const APP_VERSION = '0.1.0';

/** Calls after which the voting station checks whether its ballot or resolution has ended. */
const STATION_ENDERS = new Set(['ballots.close', 'ballots.cancel', 'jobs.get', 'writtenResolutions.withdraw', 'writtenResolutions.recordAgreement', 'writtenResolutions.agreeWithCode']);

/** The migration from which the audit log vouches for record states. */
const STATES_MIGRATION = '0004_audit_record_states';

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
  /** The voting station's page and limits (tests and the benchmark tighten them). */
  station?: StationOptions;
  /**
   * Tests and benchmarks: the start-up register check's worker script (registerCheckWorkerScript()
   * by default). A missing one makes the core fall back to the host thread, as if the worker could
   * not start; null runs the check on the host thread, in slices, from the outset.
   */
  registerCheckScript?: string | null;
}

/**
 * The core: one open database, the areas' handlers, the job runner. Hosts (Electron, the
 * loopback HTTP host, the CLI, tests) create one and pass every call through `dispatch`.
 * Handlers never see this class: each gets the context its kind allows (context.ts).
 */
export class Core {
  readonly dbPath: string;
  readonly backupsDir: string;
  readonly host: Host;
  readonly appVersion = APP_VERSION;
  readonly jobs: JobRunner;
  readonly uploads: UploadStore;
  readonly candidates: CandidateStore;
  readonly registry: Registry = REGISTRY;
  /** The voting station for phones (issue 9): stopped when the core closes and before a restore. */
  readonly station: StationManager;
  readonly #actor: string;
  readonly #now: () => Date;
  #store: OpenedStore;
  #readDb: Kysely<DB>;
  /** The context queries get, for #readDb (readContext). */
  #readContext: ReadContext | undefined;
  #releaseLock: () => void;
  readonly #lockLabel: string;
  /** Bumped when the file is replaced, so a background check of the old file cannot report on the new one. */
  #generation = 0;
  readonly #checkpointer: Checkpointer;
  #organisation: Promise<OrganisationRow | undefined> | null = null;
  #integrity: Promise<string | null>;
  #integrityProblem: string | null = null;
  #integrityDone = false;
  #closed = false;
  /** The start-up comparison of the registers with the audit log (windows only; the CLI runs verify itself). */
  #registers: { state: 'checking' | 'ok' | 'mismatch' | 'off'; check: RegisterCheck | null } = { state: 'off', check: null };
  readonly #registerCheckScript: string | null | undefined;
  /** Ends the running register check (its worker) when the core closes. */
  #registerCheckStop: AbortController | null = null;
  /** The register check while it reads the file (settles once its worker has stopped). */
  #registerCheckReading: Promise<unknown> | null = null;
  /** Whole-file operations (backup, verify, export) in progress: a restore waits for them. */
  readonly #fileUsers = new Set<Promise<unknown>>();
  #replacing: Promise<void> | null = null;

  private constructor(options: CoreOptions, store: OpenedStore, releaseLock: () => void) {
    this.dbPath = store.path;
    this.backupsDir = options.backupsDir ?? join(dirname(store.path), 'backups');
    this.host = options.host;
    this.#actor = options.actor ?? defaultActor();
    this.#now = options.now ?? (() => new Date());
    this.jobs = new JobRunner(this.#now);
    this.uploads = new UploadStore(join(dirname(store.path), '.uploads'));
    this.candidates = new CandidateStore(store.path);
    this.station = new StationManager(
      { dispatch: (m, i) => this.dispatch(m, i), readContext: () => this.readContext(), mutate: (label, fn, as) => this.mutate(label, fn, as), who: () => this.who() },
      options.station,
    );
    this.#store = store;
    this.#readDb = store.db.withPlugin(new ReadOnlyPlugin());
    this.#releaseLock = releaseLock;
    this.#lockLabel = lockLabel(options.host);
    this.#checkpointer = new Checkpointer(store.path);
    this.#checkpointer.start();
    this.#integrityDone = store.integrityChecked;
    this.#integrity = store.integrityChecked ? Promise.resolve(null) : this.#checkInBackground(store.path);
    this.#registerCheckScript = options.registerCheckScript;
    if (options.host !== 'cli') this.#startRegisterCheck();
  }

  /**
   * After the integrity check, compares the registers with the audit log in the background (on
   * a snapshot of its own, on a worker thread), so a record changed in the file with a database
   * tool is reported when the app opens, naming it. Abandoned (its worker ended) when the core
   * closes or a restore begins to replace the file; it holds the file meanwhile (#usingFile), so
   * the restore replaces it only once the worker has stopped, and an answer about a file since
   * replaced (the generation) is dropped.
   */
  #startRegisterCheck(): void {
    const generation = this.#generation;
    this.#registerCheckStop?.abort(new Error('stopped'));
    const stop = new AbortController();
    this.#registerCheckStop = stop;
    const stopped = () => this.#closed || generation !== this.#generation || stop.signal.aborted;
    this.#registers = { state: 'checking', check: null };
    const notRun = new Error('stopped');
    void this.#integrity
      .then((problem) => {
        if (problem !== null || stopped()) throw notRun;
        const reading = this.#usingFile(() => this.#checkRegisters(stop.signal, stopped));
        this.#registerCheckReading = reading.catch(() => {});
        return reading;
      })
      .then(
        (check) => {
          if (generation !== this.#generation) return;
          this.#registers = { state: check.problems.length > 0 ? 'mismatch' : 'ok', check };
          if (check.problems.length > 0) logInfo(`The registers do not match the audit log: ${check.problems.slice(0, 3).join('; ')}`);
        },
        (e: unknown) => {
          if (e !== notRun && !stopped()) logError('the start-up comparison of the registers with the audit log', e);
          if (generation === this.#generation) this.#registers = { state: 'off', check: null };
        },
      );
  }

  /**
   * The check itself: on a worker thread, so the window's event loop never waits on it (at 50,000
   * contracts single pieces of it took up to half a second); on the host thread, in slices of
   * about 15 ms, if the worker cannot start (its script missing from a build, say).
   */
  async #checkRegisters(signal: AbortSignal, stopped: () => boolean): Promise<RegisterCheck> {
    const target = { dbPath: this.dbPath, backupsDir: this.backupsDir };
    if (this.#registerCheckScript !== null) {
      try {
        return await checkRegistersInWorker({ ...target, ...(this.#registerCheckScript ? { script: this.#registerCheckScript } : {}), signal, unref: true });
      } catch (e) {
        if (!(e instanceof RegisterWorkerUnavailable) || stopped()) throw e;
        logError('starting the register check on a worker thread (it runs on the host thread instead, in slices)', e);
      }
    }
    let sliceStart = performance.now();
    const checkpoint = async () => {
      if (stopped()) throw new Error('stopped');
      if (performance.now() - sliceStart >= 15) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    };
    return checkRegistersAgainstLog({ ...target, readers: this.registry.readers }, checkpoint);
  }

  /** The start-up comparison of the registers with the log, for the home screen. */
  registerCheck(): { state: 'checking' | 'ok' | 'mismatch' | 'off'; problems: string[]; more: number } {
    const c = this.#registers;
    return { state: c.state, problems: c.check?.problems.slice(0, 20) ?? [], more: (c.check?.more ?? 0) + Math.max(0, (c.check?.problems.length ?? 0) - 20) };
  }

  /**
   * The start-up quick_check on a worker thread: the window opens while it reads every page.
   * Started a moment later, so starting the thread is not on the way to the first page either.
   */
  #checkInBackground(path: string): Promise<string | null> {
    const generation = this.#generation;
    const started = new Promise<void>((resolve) => setTimeout(resolve, START_CHECK_AFTER_MS).unref());
    return started
      .then(() => (this.#closed ? { ok: true, messages: ['ok'] } : checkIntegrityInWorker(path, { quick: true })))
      .then(
        (report) => {
          if (generation !== this.#generation) return null;
          this.#integrityDone = true;
          this.#integrityProblem = report.ok ? null : (report.messages[0] ?? 'quick_check failed');
          return this.#integrityProblem;
        },
        (e: Error) => {
          if (generation !== this.#generation) return null;
          this.#integrityDone = true;
          this.#integrityProblem = `the check could not run: ${e.message}`;
          return this.#integrityProblem;
        },
      );
  }

  /** Resolves once the file has passed its start-up integrity check; throws if it failed. */
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
    const releaseLock = acquireLock(dbPath, lockLabel(options.host));
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
      keepPrivate(dbPath, backupsDir);
      const core = new Core(options, store, releaseLock);
      await core.#recordBaseline();
      return core;
    } catch (e) {
      releaseLock();
      throw e;
    }
  }

  /**
   * Files upgraded from before record states were vouched for get one baseline event
   * (audit/baseline.ts), in the start-up that migrated them (which checked the file first).
   */
  async #recordBaseline(): Promise<void> {
    if (this.#store.migration.applied.includes(STATES_MIGRATION)) {
      await recordBaselineIfNeeded(this.#store.db, this.registry.readers, (fn) => this.#mutate('audit baseline', this.#store.db, fn));
    }
    // Records a migration converted are vouched for by an event of their own (audit/migration-events.ts).
    await recordMigrationEvents(this.#store.db, this.#store.migration.applied, (fn) => this.#mutate('records converted by an upgrade', this.#store.db, fn));
    // An upgrade to 0022 that stopped before its event was recorded (see the function). Best
    // effort: a damaged file must still open for reading (its changes are refused until it is
    // restored), and Verify names the missing event meanwhile; the next start tries again.
    try {
      await recordMissingOrganisationsAssigned(this.#store.db, (fn) => this.#mutate('organisations assigned by an upgrade', this.#store.db, fn));
    } catch (e) {
      logError('recording the organisations assigned by the 0022 upgrade at start-up', e);
    }
  }

  now(): Date {
    return this.#now();
  }
  who(): Actor {
    return { actor: this.#actor, at: this.#now().toISOString() };
  }

  /** The live Kysely handle, for tests and benchmarks only (handlers get contexts). */
  get db(): Kysely<DB> {
    return this.#store.db;
  }
  /** The driver, for tests and benchmarks only. */
  get raw(): BetterSqlite3.Database {
    return this.#store.raw;
  }

  async dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    const result = await dispatch(this.registry, this, method, input);
    if (typeof method !== 'string') return result;
    if (method.startsWith('organisation.') || method.startsWith('group.')) this.#organisation = null;
    // A change that may end what the station serves: it looks at once rather than at its next tick.
    if (STATION_ENDERS.has(method)) this.station.checkSoon();
    // Keep the write-ahead log short (a long log slows every read and commit): after writes,
    // and while a job writes, checkpoint it off the host thread once it passes 4 MB.
    if (method === 'jobs.get' || (isMethodName(method) && contract[method].kind !== 'query')) this.#checkpointer.maybe();
    return result;
  }

  /** Copies the write-ahead log into the file now, on a worker thread (tests and benchmarks). */
  checkpoint() {
    return this.#checkpointer.maybe(true);
  }

  // ---- contexts --------------------------------------------------------------------------

  #organisationVia(db: ReadDb): Promise<OrganisationRow | undefined> {
    // Read through the caller's executor: inside a transaction the one connection is the
    // transaction's, and asking the pool would wait for it forever. Forgotten again if the
    // read fails, so a transient error is not remembered.
    this.#organisation ??= currentOrganisation(db).catch((e: unknown) => {
        this.#organisation = null;
        throw e;
      });
    return this.#organisation;
  }

  #base(db: ReadDb, seen?: (org: OrganisationRow | undefined) => void) {
    const today = () => ukDateOf(this.#now());
    const organisation = async () => {
      const org = await this.#organisationVia(db);
      seen?.(org);
      return org;
    };
    return {
      host: this.host,
      appVersion: this.appVersion,
      now: () => this.#now(),
      today,
      organisation,
      register: async (): Promise<RegisterCtx> => {
        const org = await organisation();
        if (!org) throw new AppError('NOT_FOUND', 'Set up the organisation first.');
        const legalForm = org.legal_form as LegalForm;
        return { org, legalForm, form: LEGAL_FORM_INFO[legalForm], today: today() };
      },
      integrity: () => this.integrity(),
      registerCheck: () => this.registerCheck(),
      files: { dbPath: this.dbPath, backupsDir: this.backupsDir },
    };
  }

  /** What a query sees. */
  readContext(): ReadContext {
    // Built once per read handle (replacing the file makes a new one), not per query: it holds
    // only the handle and functions that ask the core when called, nothing of any one call, and
    // building its closures cost more than a simple query's own reads.
    if (this.#readContext?.db !== this.#readDb) {
      this.#readContext = Object.freeze({ ...this.#base(this.#readDb), db: this.#readDb, jobs: this.jobs, station: this.station });
    }
    return this.#readContext;
  }

  /**
   * Runs `fn` as a mutation on `db`: one IMMEDIATE transaction, an audit writer, and the rule
   * that a change to any record commits only with an audit event. The events are written (with
   * the states they vouch for) after `fn` has made every change.
   */
  async #mutate<T>(label: string, db: Kysely<DB>, fn: (tx: WriteContext) => Promise<T>, as?: Actor): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const who = as ?? this.who();
      // Events whose records cannot say (exports, imports, removals) belong to the organisation the
      // mutation acts for: the one its handler resolved (ctx.organisation() or ctx.register(),
      // through the core's cache), else the current one read in this transaction. Not re-read when
      // the handler resolved one: a switch writes app_meta outside any mutation and forgets the
      // cache after, so the two can briefly differ, and the event must go with the records changed.
      let acted: string | undefined;
      const writer = new AuditWriter(trx, who, this.registry.readers, async () => acted ?? (await currentOrganisation(trx))?.id ?? null);
      const start = await totalChanges(trx);
      const tx: WriteContext = {
        ...this.#base(trx, (org) => {
          if (org) acted = org.id;
        }),
        db: trx,
        who,
        audit: (entries) => writer.append(entries),
        flushAudit: () => writer.flush(),
        get auditCount() {
          return writer.count;
        },
      };
      const output = await fn(tx);
      await writer.flush();
      const recordChanges = (await totalChanges(trx)) - start - writer.ownChanges;
      if (recordChanges > 0 && writer.count === 0) {
        throw new Error(`${label} changed ${recordChanges} row(s) without recording an audit event, so nothing was saved.`);
      }
      return output;
    });
  }

  /** Runs `fn` as a mutation (see #mutate); `as` records another actor (tests, the CLI). */
  mutate<T>(label: string, fn: (tx: WriteContext) => Promise<T>, as?: Actor): Promise<T> {
    return this.#mutate(label, this.#store.db, fn, as);
  }

  commandContext(): CommandContext {
    return {
      ...this.readContext(),
      jobs: this.jobs,
      station: this.station,
      uploads: this.uploads,
      store: this.#storeOps(),
      write: (fn) => this.#mutate('a change made by a command', this.#store.db, fn),
      remember: async (key, value) => {
        const org = await this.#organisationVia(this.#readDb);
        if (!org) throw new AppError('NOT_FOUND', 'Set up the organisation first.');
        await this.#store.db
          .insertInto('app_setting')
          .values({ organisation_id: org.id, key, value, updated_at: this.#now().toISOString() })
          .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value, updated_at: this.#now().toISOString() }))
          .execute();
      },
      setCurrentOrganisation: async (organisationId) => {
        // Written on the live connection outside any mutation, like `remember`: which organisation
        // the window shows is a preference, not a record, so it is neither audited nor vouched for.
        this.#organisation = null;
        try {
          await this.#store.db
            .insertInto('app_meta')
            .values({ key: CURRENT_ORGANISATION_KEY, value: organisationId })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: organisationId }))
            .execute();
        } finally {
          this.#organisation = null;
        }
      },
    };
  }

  jobStartContext<R>(method: MethodName): JobStartContext<R> {
    const resultSchema = contract[method].jobResult;
    return {
      ...this.commandContext(),
      startJob: (spec, body) => {
        const jobId = this.jobs.start({ ...spec, kind: method }, async (job: JobHandle) => {
          const result = await body(job);
          if (!resultSchema) return result;
          const checked = resultSchema.safeParse(result);
          if (!checked.success) throw new Error(`The result of ${method} did not match its contract: ${JSON.stringify(checked.error.issues).slice(0, 1000)}`);
          return checked.data;
        });
        return { jobId };
      },
    };
  }

  #storeOps(): StoreOps {
    return {
      dbPath: this.dbPath,
      backupsDir: this.backupsDir,
      backupTo: (dest, onProgress) => this.#usingFile(() => takeBackup(this.#store.raw, dest, onProgress)),
      verify: (job, anchors) => this.#usingFile(() => verifyAll({ dbPath: this.dbPath, readers: this.registry.readers }, job, anchors)),
      openSnapshot: async () => {
        const snapshot = await this.#usingFile(() => openSnapshot(this.dbPath));
        // The snapshot holds the file until closed: a restore waits for it.
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        this.#fileUsers.add(held);
        return {
          db: snapshot.db,
          close: async () => {
            try {
              await snapshot.close();
            } finally {
              this.#fileUsers.delete(held);
              release();
            }
          },
        };
      },
      replaceDatabase: (swap) => this.#replaceDatabase(swap),
      candidates: this.candidates,
      inspectCandidate: (path, checkpoint) => inspectCandidate(path, this.registry.readers, checkpoint),
      writeOnOwnConnection: async (fn) => {
        const db = new KyselyClass<DB>({ dialect: new CachedSqliteDialect(openDatabase(this.dbPath)) });
        try {
          return await this.#mutate('the import', db, fn);
        } finally {
          await db.destroy();
        }
      },
      head: async () => {
        const head = await this.#readDb.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
        return head ?? { seq: 0, hash: '0'.repeat(64) };
      },
    };
  }

  /**
   * Whole-file work (a backup, a verify, a snapshot for an export) registers here while it
   * runs. A restore refuses to start while any is running, and none may start while a restore
   * is replacing the file, so none ever has its connection closed under it.
   */
  async #usingFile<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#replacing) throw new AppError('LOCKED', 'A restore is replacing the database; try again when it finishes.');
    const p = fn();
    const tracked = p.then(
      () => undefined,
      () => undefined,
    );
    this.#fileUsers.add(tracked);
    try {
      return await p;
    } finally {
      this.#fileUsers.delete(tracked);
    }
  }

  async #replaceDatabase(swap: () => () => void): Promise<void> {
    if (this.#replacing) throw new AppError('LOCKED', 'Another restore is already replacing the database.');
    let done!: () => void;
    this.#replacing = new Promise<void>((r) => (done = r));
    let checkEnded = false;
    let replaced = false;
    try {
      // Phones must not vote into a file about to be replaced: the station stops first (and says why in the old file's log).
      await this.station.shutdown('a backup was restored over the database');
      // The start-up register check reads the file about to be replaced: it is ended (its worker
      // terminated) rather than waited for, as its answer would be the old file's and at 50,000
      // contracts it takes half a minute. The new file gets a check of its own, and a file that
      // stays, or is put back, is checked again (below).
      checkEnded = this.#registers.state === 'checking';
      this.#registerCheckStop?.abort(new Error('stopped'));
      // From now on no backup, check or export may start; those already reading the file
      // finish first (the file is never closed under them).
      await Promise.all([...this.#fileUsers]);
      // No background checkpoint may touch the file while it is moved aside and replaced.
      await this.#checkpointer.stop();
      try {
        await this.#replace(swap);
        replaced = true;
      } finally {
        this.#checkpointer.start();
      }
    } finally {
      this.#replacing = null;
      done();
      // Once the file is free again (a check started while #replacing is set would be refused).
      if ((replaced || checkEnded) && !this.#closed && this.host !== 'cli') this.#startRegisterCheck();
    }
  }

  async #replace(swap: () => () => void): Promise<void> {
    this.#organisation = null;
    this.#generation += 1;
    // The α remembered to refuse copied ballots were the old file's (ballots/alphas.ts).
    forgetCastAlphas();
    // So were the reports built from it: an export after a restore builds from the file now in place.
    heldReports(this.uploads).clear();
    await this.#store.db.destroy();
    let undo: (() => void) | undefined;
    try {
      undo = swap();
      this.#store = await openStore(this.dbPath, {
        backupBeforeMigrate: (raw) => backupBeforeMigrate(raw, this.dbPath, this.backupsDir),
      });
      this.#readDb = this.#store.db.withPlugin(new ReadOnlyPlugin());
      // The file at this path is a new one (a new inode): lock it by its own identity too, so a
      // hard link made to it cannot open it twice, then let the old file's lock go.
      const renewed = acquireLock(this.dbPath, this.#lockLabel);
      this.#releaseLock();
      this.#releaseLock = renewed;
      await this.#recordBaseline();
      // The restored file was checked in full before it was swapped in.
      this.#integrity = Promise.resolve(null);
      this.#integrityProblem = null;
      this.#integrityDone = true;
      this.#organisation = null;
    } catch (e) {
      undo?.();
      this.#store = await openStore(this.dbPath);
      this.#readDb = this.#store.db.withPlugin(new ReadOnlyPlugin());
      throw e instanceof AppError ? e : new AppError('INTERNAL', `The restored file could not be opened, so the previous one was put back. ${String((e as Error).message ?? e)}`);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    // The register check, if still running, is ended (its worker terminated, or its next slice
    // refused) before the lock goes; the integrity check reads on its own connection and ends by itself.
    this.#registerCheckStop?.abort(new Error('stopped'));
    await this.#registerCheckReading;
    await this.station.shutdown('the app was closed');
    await this.jobs.idle();
    await this.#checkpointer.stop();
    this.uploads.discardAll();
    this.candidates.discardAll();
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
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
  const dest = join(backupsDir, backupFileName(dbPath, new Date(), 'before-upgrade'));
  await takeBackup(raw, dest);
  return dest;
}

/**
 * Files of ours made by an earlier version (or copied in) may be readable by every user of the
 * machine; once the file is known to be ours (it opened and migrated), it and its sidecars are
 * made private to their owner, as new ones are (UK GDPR art 32). Not on Windows, whose profile
 * folders are private instead.
 */
function keepPrivate(dbPath: string, backupsDir: string): void {
  if (process.platform === 'win32') return;
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    try {
      if (existsSync(path)) chmodSync(path, 0o600);
    } catch {
      /* not ours to change (another owner): leave it, the lock and checks still apply */
    }
  }
  try {
    if (existsSync(backupsDir)) chmodSync(backupsDir, 0o700);
  } catch {
    /* as above */
  }
}

function lockLabel(host: Host): string {
  return host === 'cli' ? 'the command line' : 'Mutual Governance';
}

function defaultActor(): string {
  try {
    return userInfo().username || 'secretary';
  } catch {
    return 'secretary';
  }
}
