import { verifyAuditChain } from '../../../core/audit/verify';
import { checkIntegrityInWorker } from '../../../core/db/integrity';
import type { CommandRun } from '../command';
import { existingFile, openAppDatabaseReadOnly } from '../database';

/**
 * `verify --db FILE`: the file's integrity, then the audit chain recomputed from the first
 * event. Read-only throughout, so it is safe on the live file while the app runs and on a
 * copy handed over for inspection.
 */
export const verify: CommandRun = async (flags, io) => {
  const path = existingFile(flags['db']!, 'db');
  const raw = openAppDatabaseReadOnly(path);
  try {
    // The same check, on its own read-only connection, that the app and restore use.
    const integrity = await checkIntegrityInWorker(path);
    if (!integrity.ok) {
      io.out(`damaged: ${path} failed its integrity check (${integrity.messages[0]}).`);
      io.out(`Restore your latest backup with: npm run cli -- restore --db "${path}" --from BACKUP`);
      return 1;
    }
    const chain = await verifyAuditChain(raw);
    if (!chain.ok) {
      io.out(`broken: ${chain.problem} (${chain.events} events before it verified)`);
      return 1;
    }
    io.out(`ok: ${chain.events} events, head ${chain.headHash}`);
    return 0;
  } finally {
    raw.close();
  }
};
