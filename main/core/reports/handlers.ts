import { writeFileSync } from 'node:fs';
import { KIND_INFO, catalogue } from './catalogue';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { AppError } from '../errors';
import { exportStore } from '../exports/register-export';
import { defineHandlers, job, query } from '../handler';
import { organisationCount, resolveRequest } from './run';
import { produceFile, produceReport } from './run-job';
import { TRACE_SETS } from './trace/index';

/**
 * Governance reports (issue 11): the catalogue, building a report as a job (its result the
 * ReportDoc), the records behind a figure, and the report as DOCX, XLSX or one table as CSV.
 */

/** A file name safe on every system. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

export const reportHandlers = defineHandlers('reports', {
  'reports.catalogue': query(async (_input, ctx) => {
    const rc = await ctx.register();
    return { reports: catalogue(rc.org, await organisationCount(ctx.db), rc.today) };
  }),

  'reports.build': job(async (input, ctx) => {
    const rc = await ctx.register();
    // Refused now, before a job starts: a date to come or before incorporation, a report the
    // legal form rules out, a period the wrong way round, a meeting that is not a general one.
    const resolved = await resolveRequest(ctx.db, rc, input);
    const label = `${KIND_INFO[input.kind].title} as at ${formatLegalDate(input.asAt)}`;
    return ctx.startJob({ label, cancellable: true }, (j) => produceReport(ctx, rc, resolved, j));
  }),

  'reports.trace': query(async (input, ctx) => {
    const rc = await ctx.register();
    const set = TRACE_SETS[input.trace.set];
    if (!set || !Object.prototype.hasOwnProperty.call(TRACE_SETS, input.trace.set)) {
      throw new AppError('NOT_FOUND', `The records behind this figure (“${input.trace.set}”) cannot be listed by this version of the app.`);
    }
    const page = { offset: input.offset ?? 0, limit: input.limit ?? 100 };
    const { total, rows } = await set.list(ctx.db, rc.org, input.trace.params, page);
    return { title: set.title(input.trace.params), total, rows };
  }),

  'reports.export': job(async (input, ctx) => {
    const rc = await ctx.register();
    const resolved = await resolveRequest(ctx.db, rc, input.request);
    if (input.format === 'csv' && !input.tableId) throw AppError.field('tableId', 'Choose the table to save as CSV: a CSV holds one table.');
    if (input.sectionId !== undefined && input.format !== 'docx') throw AppError.field('sectionId', 'Only a DOCX can hold one part of a report; leave the part out for an XLSX or a CSV.');
    const label = `${KIND_INFO[input.request.kind].title} as at ${formatLegalDate(input.request.asAt)} (${input.format.toUpperCase()})`;
    return ctx.startJob({ label, cancellable: true }, async (j) => {
      const out = await produceFile(ctx, rc, resolved, j, {
        format: input.format,
        ...(input.tableId ? { tableId: input.tableId } : {}),
        ...(input.sectionId ? { sectionId: input.sectionId } : {}),
        ...(input.charts ? { charts: input.charts } : {}),
      });
      j.signal.throwIfAborted();
      const file = exportStore(ctx).create(safeName(out.fileName), out.mimeType);
      try {
        writeFileSync(file.path, out.bytes);
        const meta = file.commit();
        j.progress(1, 1, 'Saved');
        return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes };
      } catch (e) {
        file.discard();
        throw e;
      }
    });
  }),
});
