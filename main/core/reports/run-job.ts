import { existsSync } from 'node:fs';
import type { ReportDoc } from '../../../shared/contract/reports';
import type { CommandContext, RegisterCtx } from '../context';
import { AppError } from '../errors';
import type { JobHandle } from '../jobs/runner';
import { exportReport, type ExportedFile } from './export';
import { assembleDoc, runBuilder, type ResolvedRequest } from './run';
import type { ReportOutput, ReportWorkerData } from './worker';
import { buildReportInWorker, reportWorkerScript, writeReportInWorker, type FromWorker } from './worker-thread';

/**
 * Where a report's builder runs. 'worker' (the default): on the report worker thread, which reads
 * the file itself (worker.ts), so the host's event loop only relays progress. 'thread': on the
 * host, over a snapshot, yielding at each checkpoint; used when the worker's script is not there
 * (it always is, from the sources and in the Electron bundle) and by tests that compare the two.
 * `builderModule`: tests only, see ReportWorkerData. `builds`: how many builds have started in this
 * process (tests count them: writing a held report starts none).
 */
export const REPORT_RUNNER: { mode: 'worker' | 'thread'; builderModule?: string; builds: number } = { mode: 'worker', builds: 0 };

const useWorker = () => REPORT_RUNNER.mode === 'worker' && existsSync(reportWorkerScript());

/**
 * Runs the builder for a resolved request with the file held (a snapshot) throughout, so a
 * restore waits for it: in the worker, or on the host over the snapshot, checking for a cancel
 * at each checkpoint. `output` asks the worker for the file as well.
 */
async function run(ctx: CommandContext, rc: RegisterCtx, resolved: ResolvedRequest, j: JobHandle, output?: ReportWorkerData['output']): Promise<FromWorker> {
  REPORT_RUNNER.builds++;
  const hold = await ctx.store.openSnapshot();
  try {
    if (useWorker()) {
      return await buildReportInWorker({
        dbPath: ctx.store.dbPath,
        organisationId: rc.org.id,
        resolved,
        today: rc.today,
        ...(REPORT_RUNNER.builderModule ? { builderModule: REPORT_RUNNER.builderModule } : {}),
        ...(output ? { output } : {}),
        onProgress: (done, total, label) => j.progress(done, total, label),
        signal: j.signal,
      });
    }
    const head = (await hold.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()) ?? { seq: 0, hash: '0'.repeat(64) };
    const org = await hold.db.selectFrom('organisation').selectAll().where('id', '=', rc.org.id).executeTakeFirst();
    if (!org) throw new AppError('NOT_FOUND', 'The organisation is no longer in this file.');
    const built = await runBuilder({
      db: hold.db,
      org,
      resolved,
      today: rc.today,
      progress: (done, total, label) => j.progress(done, total, label),
      checkpoint: async () => {
        await j.checkpoint();
        j.signal.throwIfAborted();
      },
    });
    return { built, head, org };
  } finally {
    await hold.close();
  }
}

/** The report for a resolved request (reports.build's job): the document with the audit head its records were read at. */
export async function produceReport(ctx: CommandContext, rc: RegisterCtx, resolved: ResolvedRequest, j: JobHandle): Promise<ReportDoc> {
  const { built, head, org } = await run(ctx, rc, resolved, j);
  return assembleDoc(built, resolved, org, ctx.now(), head);
}

/** The report as a file (reports.export's job), built again: built and written in the worker, or on the host without one; with the document it is of. */
export async function produceFile(
  ctx: CommandContext,
  rc: RegisterCtx,
  resolved: ResolvedRequest,
  j: JobHandle,
  output: ReportOutput,
): Promise<{ doc: ReportDoc; file: ExportedFile }> {
  const producedAt = ctx.now();
  const got = await run(ctx, rc, resolved, j, { ...output, producedAt: producedAt.toISOString() });
  const doc = assembleDoc(got.built, resolved, got.org, producedAt, got.head);
  if (got.file) return { doc, file: got.file };
  await j.checkpoint();
  j.signal.throwIfAborted();
  return { doc, file: await exportReport(doc, output.format, { tableId: output.tableId, sectionId: output.sectionId, charts: output.charts }) };
}

/** A document already built (the one shown) as a file, as it is: written in the worker, or on the host without one. Nothing is built. */
export async function writeFile(doc: ReportDoc, j: JobHandle, output: ReportOutput): Promise<ExportedFile> {
  j.progress(0, 1, 'Writing the file');
  if (useWorker()) return writeReportInWorker({ doc, output }, { signal: j.signal });
  await j.checkpoint();
  j.signal.throwIfAborted();
  return exportReport(doc, output.format, { tableId: output.tableId, sectionId: output.sectionId, charts: output.charts });
}
