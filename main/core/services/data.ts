import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { dataMethods, BackupFile } from '../../../shared/contract/data';
import { appendAudit } from '../audit/log';
import { backupFileName, takeBackup } from '../backup/backup';
import { inspectCandidate } from '../backup/candidate';
import { stageCandidate, swapIntoPlace, removeDatabaseFiles } from '../backup/restore';
import { transact, type Handlers, type ServiceContext } from '../context';
import { SCHEMA_VERSION } from '../db/store';
import { AppError } from '../errors';
import { auditHead } from './audit';

type Methods = keyof typeof dataMethods;

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

export const dataHandlers: Handlers<Methods> = {
  'data.info': async (_input, ctx) => {
    const head = await auditHead(ctx);
    return {
      path: ctx.dbPath,
      sizeBytes: fileSize(ctx.dbPath) + fileSize(`${ctx.dbPath}-wal`),
      backupsDir: ctx.backupsDir,
      backups: listBackups(ctx.backupsDir),
      auditEvents: head.events,
      headHash: head.headHash,
      schemaVersion: SCHEMA_VERSION,
      appVersion: ctx.appVersion,
    };
  },

  'data.backup': async (_input, ctx) => {
    mkdirSync(ctx.backupsDir, { recursive: true });
    const dest = join(ctx.backupsDir, backupFileName(ctx.dbPath, ctx.now()));
    const jobId = ctx.jobs.start({ kind: 'data.backup', label: 'Backing up' }, async (job) => {
      const result = await takeBackup(ctx.raw, dest, (d, t) => job.progress(d, t, `Copying: ${d} of ${t} pages`));
      return { ...result, ...(await auditHead(ctx)) };
    });
    return { jobId };
  },

  'data.restore': async (input, ctx) => {
    let candidate: string;
    let label: string;
    let cleanup = () => {};
    if (input.source.kind === 'backup') {
      candidate = join(ctx.backupsDir, input.source.name);
      label = input.source.name;
      if (!listBackups(ctx.backupsDir).some((b) => b.name === label)) {
        throw new AppError('NOT_FOUND', `There is no backup called ${label} in ${ctx.backupsDir}.`);
      }
    } else {
      const upload = ctx.uploads.take(input.source.uploadId, 'restore');
      candidate = upload.path;
      label = upload.fileName;
      cleanup = () => rmSync(upload.path, { force: true });
    }
    const jobId = ctx.jobs.start({ kind: 'data.restore', label: `Restoring ${label}`, exclusive: true }, async (job) => {
      try {
        return await restoreFrom(ctx, candidate, label, job);
      } finally {
        cleanup();
      }
    });
    return { jobId };
  },

  'uploads.begin': async (input, ctx) => ctx.uploads.begin(input.purpose, input.fileName, input.sizeBytes),

  'uploads.append': async (input, ctx) => ({ receivedBytes: ctx.uploads.append(input.uploadId, input.index, input.base64) }),
};

async function restoreFrom(
  ctx: ServiceContext,
  candidate: string,
  label: string,
  job: { checkpoint(): Promise<void>; progress(d: number, t: number, m?: string): void },
) {
  job.progress(0, 3, 'Checking the file');
  const staging = stageCandidate(ctx.dbPath, candidate);
  const report = await inspectCandidate(staging, () => job.checkpoint());
  if (!report.ok) {
    removeDatabaseFiles(staging);
    throw new AppError('VALIDATION', `${label} was not restored. ${report.reason} Your current records are unchanged.`);
  }
  job.progress(1, 3, 'Replacing the database');
  let asidePath = '';
  await ctx.replaceDatabase(() => {
    const swapped = swapIntoPlace(ctx.dbPath, staging, ctx.now());
    asidePath = swapped.asidePath;
    return swapped.undo;
  });
  job.progress(2, 3, 'Recording the restore');
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx.who(), [
      {
        action: 'data.restored',
        entityType: 'database',
        entityId: null,
        summary: `Database restored from ${label}; the previous file was kept as ${asidePath}`,
        before: null,
        after: { restoredFrom: label, keptAside: asidePath },
      },
    ]),
  );
  job.progress(3, 3, 'Restored');
  return { restoredFrom: label, keptAside: asidePath, organisationName: report.organisationName, auditEvents: report.auditEvents + 1 };
}
