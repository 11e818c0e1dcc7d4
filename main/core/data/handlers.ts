import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../../shared/contract/data';
import { moveHeadsLogAside, readBackupHead, recordHead, writeBackupHead } from '../audit/anchors';
import { headFingerprint } from '../../../shared/domain/fingerprint';
import { backupFileName } from '../backup/backup';
import { ballotLosses, liveBallots } from '../backup/ballot-losses';
import { discardStaged } from '../backup/candidates';
import { swapIntoPlace } from '../backup/restore';
import { migrations } from '../../../migrations/index';
import type { CommandContext } from '../context';
import { SCHEMA_VERSION } from '../db/store';
import { AppError } from '../errors';
import { defineHandlers, job, query } from '../handler';
import type { JobHandle } from '../jobs/runner';

export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.sqlite') && !n.startsWith('.'))
    .map((name) => {
      const st = statSync(join(dir, name));
      return { name, sizeBytes: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export const dataHandlers = defineHandlers('data', {
  'data.info': query(async (_input, ctx) => {
    const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return {
      path: ctx.files.dbPath,
      sizeBytes: fileSize(ctx.files.dbPath) + fileSize(`${ctx.files.dbPath}-wal`),
      backupsDir: ctx.files.backupsDir,
      backups: listBackups(ctx.files.backupsDir),
      auditEvents: head?.seq ?? 0,
      headHash: head?.hash ?? '0'.repeat(64),
      schemaVersion: SCHEMA_VERSION,
      appVersion: ctx.appVersion,
    };
  }),

  'data.backup': job(async (_input, ctx) => {
    mkdirSync(ctx.store.backupsDir, { recursive: true, mode: 0o700 });
    const dest = join(ctx.store.backupsDir, backupFileName(ctx.store.dbPath, ctx.now()));
    return ctx.startJob({ label: 'Backing up' }, async (j) => {
      const head = await ctx.store.head();
      const result = await ctx.store.backupTo(dest, (d, t) => j.progress(d, t, `Copying: ${d} of ${t} pages`));
      // The backup's head, kept beside it and in the heads log: verify compares the live log
      // with both, so deleting events from the end of the live file shows up (audit/anchors.ts).
      const org = await ctx.organisation();
      const record = { seq: head.seq, hash: head.hash, at: ctx.now().toISOString(), what: 'backup' };
      writeBackupHead(result.path, { ...record, organisation: org?.name ?? null });
      recordHead(ctx.store.dbPath, record);
      return { name: result.path.split(/[\\/]/).pop()!, sizeBytes: result.sizeBytes, events: head.seq, headHash: head.hash };
    });
  }),

  'data.checkBackup': job(async (input, ctx) => {
    let source: string;
    let fileName: string;
    let cleanup = () => {};
    let takenAt: string | null = null;
    if (input.source.kind === 'backup') {
      source = join(ctx.store.backupsDir, input.source.name);
      fileName = input.source.name;
      if (!listBackups(ctx.store.backupsDir).some((b) => b.name === fileName)) {
        throw new AppError('NOT_FOUND', `There is no backup called ${fileName} in ${ctx.store.backupsDir}.`);
      }
      takenAt = readBackupHead(source)?.at ?? null;
    } else {
      const upload = ctx.uploads.take(input.source.uploadId, 'restore');
      source = upload.path;
      fileName = upload.fileName;
      cleanup = () => rmSync(upload.path, { force: true });
    }
    return ctx.startJob({ label: `Checking ${fileName}` }, async (j) => {
      let staged: { id: string; path: string } | undefined;
      try {
        j.progress(0, 1, 'Checking the file');
        staged = ctx.store.candidates.stage(source);
        const report = await ctx.store.inspectCandidate(staged.path, () => j.checkpoint());
        if (!report.ok) {
          throw new AppError('VALIDATION', `${fileName} cannot be restored. ${report.reason} Your current records are unchanged.`);
        }
        ctx.store.candidates.keep({ id: staged.id, fileName, path: staged.path });
        j.progress(1, 1, 'Checked');
        return {
          candidateId: staged.id,
          fileName,
          organisationName: report.organisationName,
          currentMembers: report.members,
          auditEvents: report.auditEvents,
          fingerprint: headFingerprint(report.auditEvents, report.headHash),
          lastChangedAt: report.lastChangedAt,
          takenAt,
          needsUpgrade: report.migrations < migrations.length,
          ballotWarnings: ballotLosses(await liveBallots(ctx.db), report.ballots),
        };
      } catch (e) {
        if (staged) discardStaged(staged.path);
        throw e;
      } finally {
        cleanup();
      }
    });
  }),

  'data.restore': job(async (input, ctx) => {
    const candidate = ctx.store.candidates.take(input.candidateId);
    return ctx.startJob({ label: `Restoring ${candidate.fileName}`, exclusive: true }, async (j) => {
      try {
        return await restoreFrom(ctx, candidate.path, candidate.fileName, j);
      } finally {
        discardStaged(candidate.path);
      }
    });
  }),
});

/** Swaps a checked copy into place (the live file is kept aside) and records the restore in the restored file's log. */
async function restoreFrom(ctx: CommandContext, staging: string, label: string, j: JobHandle) {
  j.progress(0, 3, 'Checking the file again');
  // Checked when the secretary asked; checked again now, as a restore must never trust a file
  // it has not just read (the check is read-only and refuses anything it does not expect).
  const report = await ctx.store.inspectCandidate(staging, () => j.checkpoint());
  if (!report.ok) throw new AppError('VALIDATION', `${label} was not restored. ${report.reason} Your current records are unchanged.`);
  // What the restore undoes in the ballots, read from the live file before it is set aside, so the
  // restored file's own log says which votes it no longer holds (the check showed the same words).
  const ballotWarnings = ballotLosses(await liveBallots(ctx.db), report.ballots);
  j.progress(1, 3, 'Replacing the database');
  let asidePath = '';
  await ctx.store.replaceDatabase(() => {
    const swapped = swapIntoPlace(ctx.store.dbPath, staging, ctx.now());
    asidePath = swapped.asidePath;
    return swapped.undo;
  });
  moveHeadsLogAside(ctx.store.dbPath, asidePath);
  j.progress(2, 3, 'Recording the restore');
  await ctx.write(async (tx) => {
    tx.audit({
      action: 'data.restored',
      entityType: 'database',
      entityId: null,
      summary: `Database restored from ${label}; the previous file was kept as ${asidePath}${ballotWarnings.length ? `; it set back ${ballotWarnings.length} ballot${ballotWarnings.length === 1 ? '' : 's'}, as the details say` : ''}`,
      before: null,
      after: { restoredFrom: label, keptAside: asidePath, ...(ballotWarnings.length ? { ballotWarnings } : {}) },
      // The whole file was replaced: an event of the file, shown to every organisation.
      organisationId: null,
    });
  });
  j.progress(3, 3, 'Restored');
  return { restoredFrom: label, keptAside: asidePath, organisationName: report.organisationName, auditEvents: report.auditEvents + 1, ballotWarnings };
}
