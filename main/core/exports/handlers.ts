import { command, defineHandlers, job, mutation, query } from '../handler';
import { memberIndexPage } from './member-index';
import { requireOrganisation } from '../organisation/handlers';
import { officersPrintPage } from './officers-print';
import { exportStore, registerPrintPage, runRegisterExport } from './register-export';

/**
 * Exports of the register (CSV, XLSX, and the printable view saved as PDF), the index of
 * members' names (CA 2006 s115), the register of directors for printing, and exported files
 * read back in chunks.
 */
export const exportsHandlers = defineHandlers('exports', {
  'exports.register': job(async (input, ctx) => {
    await requireOrganisation(ctx.db);
    // The file states one "last amended" date, so it is read from one snapshot of the
    // register; the job yields between pages and the secretary's edits carry on meanwhile.
    // Taken before answering, so the file shows the register as it was when export was asked for.
    const snapshot = await ctx.store.openSnapshot();
    try {
      return ctx.startJob({ label: 'Exporting the register of members' }, (j) => runRegisterExport(ctx, snapshot, j, input));
    } catch (e) {
      await snapshot.close();
      throw e;
    }
  }),

  'exports.registerPage': command(async (input, ctx) => registerPrintPage(ctx, input)),

  'exports.memberIndexPage': mutation(async (input, tx) => memberIndexPage(tx, input)),

  'exports.officersPage': mutation(async (input, tx) => officersPrintPage(tx, input.statutory)),

  'exports.readFile': query(async (input, ctx) => exportStore(ctx).read(input.fileId, input.offset)),
});
