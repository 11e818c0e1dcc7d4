import { rmSync } from 'node:fs';
import { PROCUREMENT_ROUTES, type ProcurementRoute } from '../../../shared/contract/contracts';
import { ROUTES } from '../../../shared/rules/procurement/routes';
import type { CommandContext, ReadContext, RegisterCtx } from '../context';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, job } from '../handler';
import { readContractFile } from './analyse';
import { applyContractPlan, cannotApplyMessage, CONFLICT_MESSAGE, recordRows, type RowProblems } from './apply';
import { checkContractMapping, CONTRACT_MAPPING_SETTING_KEY, mergeRememberedContractMapping } from './mapping';
import { planContractImport, type ContractCheck } from './plan';
import { contractImportSessions } from './sessions';
import { CONTRACT_WRITERS } from './writers';

/** Plans read the contracts while an apply (or the HR import) is writing; each waits for the other. */
function refuseWhileBusy(ctx: ReadContext): void {
  const busy = ctx.jobs.exclusive;
  if (busy) throw new AppError('LOCKED', `${busy.label} is in progress; check the file again when it finishes.`);
}

/** Each route's label in the app, and that label without its citation, read back from a file. */
function routeLabels(): Partial<Record<ProcurementRoute, readonly string[]>> {
  return Object.fromEntries(PROCUREMENT_ROUTES.map((r) => [r, [ROUTES[r].label, ROUTES[r].label.replace(/\s*\(.*\)\s*$/, '')]]));
}

class DryRunDone extends Error {}

/**
 * The rules of a whole contract, as contracts.create applies them, checked by recording every
 * row in a transaction that is then rolled back: each row in a savepoint, so one row's problem
 * does not hide the next one's. Nothing is kept, and the audit log is untouched.
 */
function dryRun(ctx: CommandContext, rc: RegisterCtx): ContractCheck {
  return async (rows, newCommissioners, j) => {
    let problems: RowProblems = new Map();
    try {
      await ctx.store.writeOnOwnConnection(async (tx) => {
        problems = (await recordRows(tx, rc, newCommissioners, rows, CONTRACT_WRITERS, j, 'check')).problems;
        throw new DryRunDone();
      });
    } catch (e) {
      if (!(e instanceof DryRunDone)) throw e;
    }
    return problems;
  };
}

export const contractImportHandlers = defineHandlers('contractImport', {
  'contractImport.analyse': job(async (input, ctx) => {
    const rc = await ctx.register();
    const upload = ctx.uploads.take(input.uploadId, 'contracts_import');
    return ctx.startJob({ label: `Reading ${upload.fileName}` }, async (j) => {
      try {
        const { session, analysis } = await readContractFile(ctx.db, rc.org.id, upload, j);
        contractImportSessions(ctx.uploads).addSession(session);
        return analysis;
      } finally {
        rmSync(upload.path, { force: true });
      }
    });
  }),

  'contractImport.plan': job(async (input, ctx) => {
    refuseWhileBusy(ctx);
    const session = contractImportSessions(ctx.uploads).session(input.importId);
    if (!session) throw new AppError('NOT_FOUND', 'That file is no longer open (files are kept for an hour); choose it again.');
    const rc = await ctx.register();
    if (session.organisationId !== rc.org.id) throw new AppError('NOT_FOUND', 'That file was read for another organisation; choose it again.');
    checkContractMapping(input.mapping, session.headers);
    // Remembered as soon as it is used, so a corrected file with the same columns comes back mapped.
    await ctx.remember(
      CONTRACT_MAPPING_SETTING_KEY,
      await mergeRememberedContractMapping(ctx.db, rc.org.id, session.headers, { mapping: input.mapping, dateFormat: input.dateFormat }, ctx.now().toISOString()),
    );
    const planId = randomToken();
    // Exclusive: the check records every row in a transaction it then rolls back, holding the
    // write lock meanwhile, so other changes are paused (and told so) rather than kept waiting.
    return ctx.startJob({ label: `Checking ${session.fileName}`, exclusive: true }, async (j) => {
      const plan = await planContractImport(
        ctx.db,
        {
          planId,
          organisationId: rc.org.id,
          fileName: session.fileName,
          fileSha256: session.sha256,
          headers: session.headers,
          rows: session.rows,
          mapping: input.mapping,
          dateFormat: input.dateFormat,
          routeLabels: routeLabels(),
        },
        j,
        dryRun(ctx, rc),
      );
      contractImportSessions(ctx.uploads).addPlan(plan);
      return plan.preview;
    });
  }),

  'contractImport.apply': job(async (input, ctx) => {
    const sessions = contractImportSessions(ctx.uploads);
    const plan = sessions.plan(input.planId);
    if (!plan) throw new AppError('NOT_FOUND', 'That plan is no longer available (plans are kept for an hour); check the file again.');
    const rc = await ctx.register();
    if (plan.organisationId !== rc.org.id) throw new AppError('NOT_FOUND', 'That plan was made for another organisation; check the file again.');
    if (!plan.preview.canApply) throw new AppError('VALIDATION', cannotApplyMessage(plan));
    const head = await ctx.store.head();
    if (head.seq !== plan.auditSeq) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    return ctx.startJob({ label: 'The contracts import', exclusive: true }, async (j) => {
      const result = await ctx.store.writeOnOwnConnection((tx) => applyContractPlan(tx, rc, plan, CONTRACT_WRITERS, j));
      sessions.dropPlan(plan.planId);
      return result;
    });
  }),
});
