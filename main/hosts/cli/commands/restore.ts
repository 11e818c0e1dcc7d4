import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { moveHeadsLogAside } from '../../../core/audit/anchors';
import { inspectCandidate } from '../../../core/backup/candidate';
import { removeDatabaseFiles, stageCandidate, swapIntoPlace } from '../../../core/backup/restore';
import { Core } from '../../../core/core';
import { REGISTRY } from '../../../core/registry';
import { acquireLock } from '../../../core/db/lockfile';
import { CliError, type CommandRun } from '../command';
import { existingFile } from '../database';

/**
 * `restore --db FILE --from FILE`: the way back when the app cannot open its file. The
 * candidate is copied beside the live file and checked there (the same checks as restoring
 * in the app), the live file is moved aside rather than deleted, and the restore is recorded
 * in the restored file's own audit log.
 */
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
          summary: `Database restored from ${basename(from)} with the command line${hadLiveFile ? `; the previous file was kept as ${asidePath}` : ''}`,
          before: null,
          after: { restoredFrom: from, keptAside: hadLiveFile ? asidePath : null },
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
