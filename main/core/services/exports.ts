import type { exportMethods } from '../../../shared/contract/exports';
import type { Handlers } from '../context';
import { closeInspection, listInspections, logInspection } from '../exports/inspections';
import { officersPrintPage } from '../exports/officers-print';
import { exportStore, registerPrintPage, runRegisterExport } from '../exports/register-export';
import { requireOrganisation } from './organisation';
import { openSnapshot } from '../db/snapshot';

type Methods = keyof typeof exportMethods;

/**
 * Exports of the register (CSV, XLSX, and the printable view saved as PDF), the register of
 * directors for printing, exported files read back in chunks, and the inspection log.
 */
export const exportsHandlers: Handlers<Methods> = {
  'register.export': async (input, ctx) => {
    await requireOrganisation(ctx.db);
    // The file states one "last amended" date, so it is read from one snapshot of the
    // register; the job yields between pages and the secretary's edits carry on meanwhile.
    // Taken before answering, so the file shows the register as it was when export was asked for.
    const snapshot = await openSnapshot(ctx.dbPath);
    let jobId: string;
    try {
      jobId = ctx.jobs.start({ kind: 'register.export', label: 'Exporting the register of members' }, (job) => runRegisterExport(ctx, snapshot, job, input));
    } catch (e) {
      await snapshot.close();
      throw e;
    }
    return { jobId };
  },

  'register.printPage': async (input, ctx) => registerPrintPage(ctx, input),

  'register.officersPrint': async (input, ctx) => officersPrintPage(ctx, input.statutory),

  'files.read': async (input, ctx) => exportStore(ctx).read(input.fileId, input.offset),

  'inspections.list': async (_input, ctx) => listInspections(ctx),

  'inspections.log': async (input, ctx) => logInspection(ctx, input),

  'inspections.close': async (input, ctx) => closeInspection(ctx, input),
};
