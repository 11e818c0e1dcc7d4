import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { moveHeadsLogAside } from '../../../core/audit/anchors';
import { inspectCandidate } from '../../../core/backup/candidate';
import { removeDatabaseFiles, stageCandidate, swapIntoPlace } from '../../../core/backup/restore';
import { Core } from '../../../core/core';
import { REGISTRY } from '../../../core/registry';
import { acquireLock } from '../../../core/db/lockfile';
import { CliError, type CommandRun } from '../command';
import { existingFile, openAppDatabaseReadOnly } from '../database';
import { ballotLosses, liveBallots, type BallotFacts } from '../../../core/backup/ballot-losses';
import { CachedSqliteDialect } from '../../../core/db/dialect';
import type { DB } from '../../../core/db/schema';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';

/**
 * `restore --db FILE --from FILE`: the way back when the app cannot open its file. The
 * candidate is copied beside the live file and checked there (the same checks as restoring
 * in the app), the live file is moved aside rather than deleted, and the restore is recorded
 * in the restored file's own audit log. A backup taken during a ballot is restored only with
 * --despite-ballots, after the votes it would set back have been named.
 */
/** What restoring over the live file would do to its ballots (backup/ballot-losses.ts), read-only. */
async function ballotWarnings(dbPath: string, inBackup: readonly BallotFacts[]): Promise<{ warnings: string[]; unread: string | null }> {
  let raw: BetterSqlite3.Database;
  try {
    raw = openAppDatabaseReadOnly(dbPath);
  } catch {
    return { warnings: [], unread: `The current file could not be read, so its ballots (if any) could not be compared with the backup's.` };
  }
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  try {
    if (!raw.prepare("select 1 from sqlite_schema where name = 'ballot'").get()) return { warnings: [], unread: null };
    return { warnings: ballotLosses(await liveBallots(db), inBackup), unread: null };
  } catch {
    return { warnings: [], unread: `The current file's ballots could not be read, so they could not be compared with the backup's.` };
  } finally {
    await db.destroy();
  }
}

export const restore: CommandRun = async (flags, io) => {
  const dbPath = resolve(flags['db']!);
  const from = existingFile(flags['from']!, 'from');
  if (from === dbPath) throw new CliError('--from must be a different file from --db.');
  if (existsSync(dbPath) && !statSync(dbPath).isFile()) throw new CliError(`${dbPath} (given as --db) is a folder, not a database file.`);
  // Restoring into a new place (the old disk died) is allowed: the folder is made if needed.
  mkdirSync(dirname(dbPath), { recursive: true });
  // Locked by path if there is no file yet: a restore into an empty folder must not find one.
  const releaseLock = acquireLock(dbPath, 'the command line', { create: false });
  try {
    const staging = stageCandidate(dbPath, from);
    const report = await inspectCandidate(staging, REGISTRY.readers);
    if (!report.ok) {
      removeDatabaseFiles(staging);
      throw new CliError(`${basename(from)} was not restored. ${report.reason} ${dbPath} is unchanged.`);
    }
    const hadLiveFile = existsSync(dbPath);
    // A backup taken during a ballot sets back its roll and box: say so before anything changes,
    // as the app's own restore does, and go on only when told to.
    const ballots = hadLiveFile ? await ballotWarnings(dbPath, report.ballots) : { warnings: [], unread: null };
    for (const w of ballots.warnings) io.out(w);
    if (ballots.unread) io.out(ballots.unread);
    if (ballots.warnings.length > 0 && flags['despite-ballots'] === undefined) {
      removeDatabaseFiles(staging);
      throw new CliError(`${basename(from)} was not restored, because of the ballot${ballots.warnings.length === 1 ? '' : 's'} above. To restore it all the same, run the command again with --despite-ballots. ${dbPath} is unchanged.`);
    }
    const { asidePath, undo } = swapIntoPlace(dbPath, staging, new Date());
    if (hadLiveFile) moveHeadsLogAside(dbPath, asidePath);
    let core: Core;
    try {
      // Opening through the core applies any migrations the backup predates (after a backup).
      core = await Core.open({ dbPath, host: 'cli' });
    } catch (e) {
      undo();
      throw e;
    }
    try {
      await core.mutate('restore', async (tx) => {
        tx.audit({
          action: 'data.restored',
          entityType: 'database',
          entityId: null,
          summary: `Database restored from ${basename(from)} with the command line${hadLiveFile ? `; the previous file was kept as ${asidePath}` : ''}${ballots.warnings.length ? `; it set back ${ballots.warnings.length} ballot${ballots.warnings.length === 1 ? '' : 's'}, as the details say` : ''}`,
          before: null,
          after: { restoredFrom: from, keptAside: hadLiveFile ? asidePath : null, ...(ballots.warnings.length ? { ballotWarnings: ballots.warnings } : {}) },
        });
      });
    } finally {
      await core.close();
    }
    io.out(`Restored ${dbPath} from ${from}${report.organisationName ? ` (${report.organisationName})` : ''}: ${report.auditEvents + 1} audit events.`);
    io.out(hadLiveFile ? `The previous file was kept as ${asidePath}` : 'There was no previous file to keep.');
    return 0;
  } finally {
    releaseLock();
  }
};
