import type { ReportDoc } from '../../../shared/contract/reports';
import type { CommandContext, RegisterCtx } from '../context';
import { AppError } from '../errors';
import type { JobHandle } from '../jobs/runner';
import { assembleDoc, runBuilder, type ResolvedRequest } from './run';
import { buildReportInWorker, reportWorkerScript } from './worker-thread';
import { existsSync } from 'node:fs';

/**
 * Where a report's builder runs. 'worker' (the default): on the report worker thread, which reads
 * the file itself (worker.ts), so the host's event loop only relays progress. 'thread': on the
 * host, over a snapshot, yielding at each checkpoint; used when the worker's script is not there
 * (it always is, from the sources and in the Electron bundle) and by tests that compare the two.
 * `builderModule`: tests only, see ReportWorkerData.
 */
export const REPORT_RUNNER: { mode: 'worker' | 'thread'; builderModule?: string } = { mode: 'worker' };

/**
 * Builds the report for a resolved request as a job's body: the file held (a snapshot) for the
 * whole build, so a restore waits for it; the builder run in the worker (or on the host); the
 * document put together with the audit head the records were read at.
 */
export async function produceReport(ctx: CommandContext, rc: RegisterCtx, resolved: ResolvedRequest, j: JobHandle): Promise<ReportDoc> {
  const hold = await ctx.store.openSnapshot();
  try {
    if (REPORT_RUNNER.mode === 'worker' && existsSync(reportWorkerScript())) {
      const { built, head, org } = await buildReportInWorker({
        dbPath: ctx.store.dbPath,
        organisationId: rc.org.id,
        resolved,
        today: rc.today,
        ...(REPORT_RUNNER.builderModule ? { builderModule: REPORT_RUNNER.builderModule } : {}),
        onProgress: (done, total, label) => j.progress(done, total, label),
        signal: j.signal,
      });
      return assembleDoc(built, resolved, org, ctx.now(), head);
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
    return assembleDoc(built, resolved, org, ctx.now(), head);
  } finally {
    await hold.close();
  }
}
