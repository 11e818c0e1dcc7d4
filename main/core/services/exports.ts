import type { exportMethods } from '../../../shared/contract/exports';
import type { Handlers } from '../context';
import { closeInspection, listInspections, logInspection } from '../exports/inspections';
import { officersPrintPage } from '../exports/officers-print';
import { exportStore, registerPrintPage, runRegisterExport } from '../exports/register-export';
import { requireOrganisation } from './organisation';

type Methods = keyof typeof exportMethods;

/**
 * Exports of the register (CSV, XLSX, and the printable view saved as PDF), the register of
 * directors for printing, exported files read back in chunks, and the inspection log.
 */
export const exportsHandlers: Handlers<Methods> = {
  'register.export': async (input, ctx) => {
    await requireOrganisation(ctx.db);
    // Exclusive: the file states one "last amended" date, so it must be one state of the
    // register. The job yields between pages, and changes wait (LOCKED) until it ends.
    const jobId = ctx.jobs.start({ kind: 'register.export', label: 'Exporting the register of members', exclusive: true }, (job) => runRegisterExport(ctx, job, input));
    return { jobId };
  },

  'register.printPage': async (input, ctx) => registerPrintPage(ctx, input),

  'register.officersPrint': async (input, ctx) => officersPrintPage(ctx, input.statutory),

  'files.read': async (input, ctx) => exportStore(ctx).read(input.fileId, input.offset),

  'inspections.list': async (_input, ctx) => listInspections(ctx),

  'inspections.log': async (input, ctx) => logInspection(ctx, input),

  'inspections.close': async (input, ctx) => closeInspection(ctx, input),
};
