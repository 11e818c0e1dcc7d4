import { dirname, join } from 'node:path';
import { collectAnchors } from '../../../core/audit/anchors';
import { verifyAll } from '../../../core/audit/verify-all';
import { REGISTRY } from '../../../core/registry';
import { CliError, type CommandRun } from '../command';
import { existingFile, openAppDatabaseReadOnly } from '../database';

/**
 * `verify --db FILE [--fingerprint "#1234 · 3f9a c2e1 07bd"] [--backups DIR]`: the file's
 * integrity, the audit chain recomputed from the first event, the registers compared with the
 * chain, and the chain compared with every head kept outside the file (the backups' head files,
 * the heads log beside the database, and a fingerprint from a printed copy). Read-only
 * throughout, so it is safe on the live file while the app runs and on a copy handed over for
 * inspection.
 */
export const verify: CommandRun = async (flags, io) => {
  const path = existingFile(flags['db']!, 'db');
  const fingerprints = flags['fingerprint'] ? [flags['fingerprint']] : [];
  const anchors = collectAnchors(path, flags['backups'] ?? join(dirname(path), 'backups'), fingerprints);
  if (fingerprints.length > 0 && !anchors.some((a) => a.source.includes('you entered'))) {
    throw new CliError(`--fingerprint “${fingerprints[0]}” is not a fingerprint: type it as printed, e.g. "#1234 · 3f9a c2e1 07bd".`);
  }
  // Refuses a file this app did not make before anything else reads it.
  openAppDatabaseReadOnly(path).close();
  const report = await verifyAll({ dbPath: path, readers: REGISTRY.readers }, undefined, anchors);
  if (report.integrity === 'damaged') {
    io.out(`damaged: ${report.problem}`);
    io.out(`Restore your latest backup with: npm run cli -- restore --db "${path}" --from BACKUP`);
    return 1;
  }
  for (const a of report.anchors) io.out(`${a.matches ? 'matches' : 'MISMATCH'}: ${a.message}`);
  if (!report.ok) {
    io.out(`broken: ${report.problem}`);
    for (const p of report.records.problems.slice(1)) io.out(`  also: ${p}`);
    if (report.records.more > 0) io.out(`  and ${report.records.more} more records that do not match`);
    return 1;
  }
  io.out(`ok: ${report.events} event${report.events === 1 ? '' : 's'}, ${report.records.checked} record${report.records.checked === 1 ? '' : 's'} match${report.records.checked === 1 ? 'es' : ''} the log, head ${report.fingerprint} (${report.headHash})`);
  return 0;
};
