import type { Kysely, Transaction } from 'kysely';
import type { LegalForm, LegalFormInfo } from '../../shared/domain/legal-form';
import type { JobStatus } from '../../shared/contract/jobs';
import type { Actor, AuditEntry } from './audit/log';
import type { VerifyReport } from '../../shared/contract/audit';
import type { CandidateReport } from './backup/candidate';
import type { CandidateStore } from './backup/candidates';
import type { DB, OrganisationRow } from './db/schema';
import type { Snapshot } from './db/snapshot';
import type { JobHandle, JobSpec } from './jobs/runner';
import type { UploadStore } from './jobs/uploads';
import type { StationControl, StationView } from './station/types';

export type Host = 'electron' | 'browser' | 'cli';

/**
 * What a query may use of the database: every reading builder, none of the writing ones. At run
 * time the handle also refuses any statement that is not a SELECT (db/read-only.ts).
 */
export type ReadDb = Omit<
  Kysely<DB>,
  | 'insertInto'
  | 'replaceInto'
  | 'updateTable'
  | 'deleteFrom'
  | 'mergeInto'
  | 'transaction'
  | 'startTransaction'
  | 'connection'
  | 'schema'
  | 'destroy'
  | 'withPlugin'
  | 'withoutPlugins'
  | 'withSchema'
>;

/** What a mutation writes through: its own transaction. */
export type WriteDb = Transaction<DB>;

/** What every register operation needs to know about the organisation and the day. */
export interface RegisterCtx {
  org: OrganisationRow;
  form: LegalFormInfo;
  legalForm: LegalForm;
  /** Today's date in the UK, 'YYYY-MM-DD'. */
  today: string;
}

/** What every handler sees, whatever its kind. Services never know which host they run under. */
export interface BaseContext {
  readonly host: Host;
  readonly appVersion: string;
  now(): Date;
  /** Today's date in the UK ('YYYY-MM-DD'), whatever the computer's time zone. */
  today(): string;
  /** The current organisation (of those this file keeps: main/core/group), or undefined before set-up. */
  organisation(): Promise<OrganisationRow | undefined>;
  /** The organisation, its legal form and today; NOT_FOUND before set-up. */
  register(): Promise<RegisterCtx>;
  integrity(): { state: 'checking' | 'ok' | 'damaged'; problem: string | null };
  /** Whether the registers matched the audit log when the app opened (checked in the background). */
  registerCheck(): { state: 'checking' | 'ok' | 'mismatch' | 'off'; problems: string[]; more: number };
  /** Where the file and its backups are (for Settings and the files kept beside it; never for opening it). */
  readonly files: { readonly dbPath: string; readonly backupsDir: string };
}

export interface ReadContext extends BaseContext {
  readonly db: ReadDb;
  readonly jobs: { get(id: string): JobStatus; readonly exclusive: JobStatus | null; readonly running: readonly JobStatus[] };
  /** The voting station the core runs for phones (issue 9): what it is doing. */
  readonly station: StationView;
}

/**
 * A mutation's view: one transaction, and the audit log to record the change in. The
 * transaction commits only if the handler recorded an audit event for every change it made
 * (a mutation that changes nothing records nothing).
 */
export interface WriteContext extends BaseContext {
  readonly db: WriteDb;
  /** Who is recorded on the events, and when (one instant for the whole mutation). */
  readonly who: Actor;
  /** Records events in the chain (written when the handler finishes); returns their ids. */
  audit(entries: AuditEntry | readonly AuditEntry[]): string[];
  /** Writes the events recorded so far now (for an erasure that must point at its event). */
  flushAudit(): Promise<void>;
  /** Events recorded so far in this mutation. */
  readonly auditCount: number;
}

/**
 * Infrastructure a command or a job may use: whole-file operations, never the driver itself,
 * so the services stay portable to another database.
 */
export interface StoreOps {
  readonly dbPath: string;
  readonly backupsDir: string;
  /** An online copy of the whole file to `dest` (0600), with progress in pages. */
  backupTo(dest: string, onProgress?: (done: number, total: number) => void): Promise<{ path: string; name: string; sizeBytes: number }>;
  /** The file's integrity, the audit chain and the registers against the chain (see audit/verify.ts). */
  verify(job?: JobHandle, anchors?: readonly { seq: number; hash: string; source: string }[]): Promise<VerifyReport>;
  /** A read-only view of the file as it is now, on its own connection (long exports). */
  openSnapshot(): Promise<Snapshot>;
  /** Close the live file, let `swap` replace it on disk (returning how to undo that), reopen it. */
  replaceDatabase(swap: () => () => void): Promise<void>;
  /** Backups checked for restore and waiting for confirmation (backup/candidates.ts). */
  readonly candidates: CandidateStore;
  /** Checks a staged file as a restore candidate (backup/candidate.ts), reading it only. */
  inspectCandidate(path: string, checkpoint?: () => Promise<void>): Promise<CandidateReport>;
  /** A mutation on a connection of its own (a long import), so reads carry on meanwhile. */
  writeOnOwnConnection<T>(fn: (tx: WriteContext) => Promise<T>): Promise<T>;
  /** The audit head now (events and hash). */
  head(): Promise<{ seq: number; hash: string }>;
}

export interface CommandContext extends ReadContext {
  /** A command may also ask a long job to stop (jobs.cancel); a query only reads them. */
  readonly jobs: ReadContext['jobs'] & { cancel(id: string): JobStatus };
  /** A command may also start and stop the voting station. */
  readonly station: StationControl;
  readonly uploads: UploadStore;
  readonly store: StoreOps;
  /** A mutation inside a command or a job: one transaction, audit required as for any mutation. */
  write<T>(fn: (tx: WriteContext) => Promise<T>): Promise<T>;
  /**
   * Remembers a preference of the secretary's (a column mapping), which is not a record and
   * is not audited. Keys are namespaced by the caller ('import.mapping:…').
   */
  remember(key: string, value: string): Promise<void>;
  /**
   * Makes another organisation in the file the current one (group.switch): kept in app_meta, a
   * preference of the window and not a record, so not audited; every context after it sees it.
   */
  setCurrentOrganisation(organisationId: string): Promise<void>;
}

/** A method that starts a long job: the job's body gets the command context and a handle. */
export interface JobStartContext<R> extends CommandContext {
  /** Starts the job under this method's name; its result is checked against the contract. */
  startJob(spec: Omit<JobSpec, 'kind'>, body: (job: JobHandle) => Promise<R>): { jobId: string };
}
