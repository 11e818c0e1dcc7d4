import { writeFileSync } from 'node:fs';
import { KIND_INFO, catalogue } from './catalogue';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { AppError } from '../errors';
import { exportStore } from '../exports/register-export';
import { defineHandlers, job, query } from '../handler';
import { organisationCount, resolveRequest } from './run';
import type { ExportedFile } from './export';
import { KEEP_BUILT_REPORTS, heldReports } from './held';
import { produceFile, produceReport, writeFile } from './run-job';
import { TRACE_SETS } from './trace/index';

/**
 * Governance reports (issue 11): the catalogue, building a report as a job (its result the
 * ReportDoc), the records behind a figure, and the report as DOCX, XLSX or one table as CSV:
 * the document the build made and the screen showed (held.ts), never a second build of it unless
 * it is no longer held and the records are unchanged since.
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
    // The document is kept under the build's id (held.ts), so its files are written from it as shown.
    let buildId: string | null = null;
    const started = ctx.startJob({ label, cancellable: true }, async (j) => {
      const doc = await produceReport(ctx, rc, resolved, j);
      if (buildId) heldReports(ctx.uploads).keep(rc.org.id, buildId, doc);
      return doc;
    });
    buildId = started.jobId;
    return started;
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
    if (input.format === 'csv' && !input.tableId) throw AppError.field('tableId', 'Choose the table to save as CSV: a CSV holds one table.');
    if (input.sectionId !== undefined && input.format !== 'docx') throw AppError.field('sectionId', 'Only a DOCX can hold one part of a report; leave the part out for an XLSX or a CSV.');
    const { shown } = input;
    const held = heldReports(ctx.uploads);
    if (shown.organisationId !== rc.org.id || held.heldForAnother(rc.org.id, shown.buildId)) {
      throw new AppError('CONFLICT', `This report was produced for another organisation in this file, not ${rc.org.name}; switch back to that organisation to download it.`);
    }
    const resolved = await resolveRequest(ctx.db, rc, input.request);
    const doc = held.get(rc.org.id, shown.buildId);
    if (doc && (JSON.stringify(doc.request) !== JSON.stringify(resolved.request) || !sameHead(doc.auditHead, shown.auditHead))) {
      throw new AppError('CONFLICT', 'The file asked for is not the report that was produced on screen; produce the report again and download it from its page.');
    }
    const output = {
      format: input.format,
      ...(input.tableId ? { tableId: input.tableId } : {}),
      ...(input.sectionId ? { sectionId: input.sectionId } : {}),
      ...(input.charts ? { charts: input.charts } : {}),
    };
    const label = `${KIND_INFO[input.request.kind].title} as at ${formatLegalDate(input.request.asAt)} (${input.format.toUpperCase()})`;
    return ctx.startJob({ label, cancellable: true }, async (j) => {
      let out: ExportedFile;
      let source: 'held' | 'rebuilt';
      if (doc) {
        // The document as built and shown: written as it is, whatever has been recorded since.
        out = await writeFile(doc, j, output);
        source = 'held';
      } else {
        // No longer held (the app restarted, or later builds replaced it): built again, and kept
        // only if its records are those the screen's figures were read from.
        const again = await produceFile(ctx, rc, resolved, j, output);
        if (!sameHead(again.doc.auditHead, shown.auditHead)) throw changedSince(shown.auditHead, again.doc.auditHead);
        held.keep(rc.org.id, shown.buildId, again.doc);
        out = again.file;
        source = 'rebuilt';
      }
      j.signal.throwIfAborted();
      const file = exportStore(ctx).create(safeName(out.fileName), out.mimeType);
      try {
        writeFileSync(file.path, out.bytes);
        const meta = file.commit();
        j.progress(1, 1, 'Saved');
        return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, source };
      } catch (e) {
        file.discard();
        throw e;
      }
    });
  }),
});

const sameHead = (a: { seq: number; hash: string }, b: { seq: number; hash: string }) => a.seq === b.seq && a.hash === b.hash;

/** Why a report no longer held cannot be written again: its records have changed since it was shown. */
function changedSince(shown: { seq: number }, now: { seq: number }): AppError {
  return new AppError(
    'CONFLICT',
    `The records have changed since this report was produced (it was read at audit event ${shown.seq}; the log is now at event ${now.seq}), and the report as shown is no longer held (the app has been restarted, or ${KEEP_BUILT_REPORTS} later reports have been produced since), so a file made now could hold figures other than those on screen. Choose “Produce again”, check the report, then download it.`,
  );
}
