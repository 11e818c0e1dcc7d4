import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../../shared/contract/data';
import { moveHeadsLogAside, recordHead, writeBackupHead } from '../audit/anchors';
import { backupFileName } from '../backup/backup';
import { inspectCandidate } from '../backup/candidate';
import { removeDatabaseFiles, stageCandidate, swapIntoPlace } from '../backup/restore';
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
    mkdirSync(ctx.store.backupsDir, { recursive: true });
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

  'data.restore': job(async (input, ctx) => {
    let candidate: string;
    let label: string;
    let cleanup = () => {};
    if (input.source.kind === 'backup') {
      candidate = join(ctx.store.backupsDir, input.source.name);
      label = input.source.name;
      if (!listBackups(ctx.store.backupsDir).some((b) => b.name === label)) {
        throw new AppError('NOT_FOUND', `There is no backup called ${label} in ${ctx.store.backupsDir}.`);
      }
    } else {
      const upload = ctx.uploads.take(input.source.uploadId, 'restore');
      candidate = upload.path;
      label = upload.fileName;
      cleanup = () => rmSync(upload.path, { force: true });
    }
    return ctx.startJob({ label: `Restoring ${label}`, exclusive: true }, async (j) => {
      try {
        return await restoreFrom(ctx, candidate, label, j);
      } finally {
        cleanup();
      }
    });
  }),
});

async function restoreFrom(ctx: CommandContext, candidate: string, label: string, j: JobHandle) {
  j.progress(0, 3, 'Checking the file');
  const staging = stageCandidate(ctx.store.dbPath, candidate);
  const report = await inspectCandidate(staging, () => j.checkpoint());
  if (!report.ok) {
    removeDatabaseFiles(staging);
    throw new AppError('VALIDATION', `${label} was not restored. ${report.reason} Your current records are unchanged.`);
  }
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
      summary: `Database restored from ${label}; the previous file was kept as ${asidePath}`,
      before: null,
      after: { restoredFrom: label, keptAside: asidePath },
    });
  });
  j.progress(3, 3, 'Restored');
  return { restoredFrom: label, keptAside: asidePath, organisationName: report.organisationName, auditEvents: report.auditEvents + 1 };
}
