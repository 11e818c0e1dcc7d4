import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/index';
import type { DB, OrganisationRow } from './db/schema';
import type { JobRunner } from './jobs/runner';
import type { UploadStore } from './jobs/uploads';
import type { Actor } from './audit/log';

export type Host = 'electron' | 'browser' | 'cli';

/** What a service sees of the core. Services never know which host they run under. */
export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly raw: BetterSqlite3.Database;
  readonly dbPath: string;
  readonly backupsDir: string;
  readonly host: Host;
  readonly appVersion: string;
  readonly jobs: JobRunner;
  readonly uploads: UploadStore;
  now(): Date;
  /** The actor and instant recorded on audit events written now. */
  who(): Actor;
  /**
   * The organisation this file keeps, remembered between calls (it changes only through
   * organisation.setUp/update and a restore, after which the core forgets it).
   */
  organisation(db?: Kysely<DB>): Promise<OrganisationRow | undefined>;
  /** Resolves once the file has passed its start-up integrity check; throws if it failed. */
  ready(): Promise<void>;
  integrity(): { state: 'checking' | 'ok' | 'damaged'; problem: string | null };
  /**
   * Restore: close the live file, let `swap` replace it on disk (returning how to undo that),
   * and reopen it, migrating if needed. If reopening fails the swap is undone.
   */
  replaceDatabase(swap: () => () => void): Promise<void>;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: ServiceContext) => Promise<MethodOutput<M>>;
export type Handlers<Ms extends MethodName> = { [M in Ms]: Handler<M> };

/** Runs `fn` in one write transaction: the change and its audit events commit together. */
export function transact<T>(ctx: ServiceContext, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}
