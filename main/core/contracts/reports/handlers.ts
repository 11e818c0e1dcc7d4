import { writeFileSync } from 'node:fs';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { RegisterCtx } from '../../context';
import { AppError } from '../../errors';
import { assertNotBeforeIncorporation } from '../../organisation/guards';
import { exportStore, headOf } from '../../exports/register-export';
import { defineHandlers, job, query } from '../../handler';
import type { JobHandle } from '../../jobs/runner';
import { evidencePackDocx, evidencePackPdf } from './evidence-pack';
import { portfolioOn } from './portfolio';
import { portfolioPdf, portfolioXlsx } from './portfolio-report';
import { s33Report } from './s33-check';

/**
 * What the contract records tell a commissioner and the board (issue 10): the s33 check and its
 * evidence pack, the portfolio and its board report (the contractReports.* methods).
 */

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name safe on every system. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Writes the bytes to the exports folder for the renderer to read back (exports.readFile). */
function saveFile(ctx: { files: { dbPath: string }; now(): Date }, name: string, mimeType: string, bytes: Uint8Array, j: JobHandle) {
  const file = exportStore(ctx).create(safeName(name), mimeType);
  try {
    writeFileSync(file.path, bytes);
    const meta = file.commit();
    j.progress(3, 3);
    return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes };
  } catch (e) {
    file.discard();
    throw e;
  }
}


/**
 * The evidence is the records as they stood on a day, so the day must have passed (the registers
 * do not say who will be a member tomorrow) and fall within the organisation's life.
 */
function evidenceDate(rc: RegisterCtx, asAt: string): string {
  if (asAt > rc.today) {
    throw AppError.field('asAt', `The evidence can be as at today (${formatLegalDate(rc.today)}) or an earlier date, not ${formatLegalDate(asAt)}: the registers record who was a member and a director, not who will be.`);
  }
  assertNotBeforeIncorporation(rc, asAt, 'asAt', 'The date of the evidence');
  return asAt;
}

export const contractReportHandlers = defineHandlers('contractReports', {
  'contractReports.s33Check': query(async (input, ctx) => {
    const rc = await ctx.register();
    return (await s33Report(ctx.db, rc, input.contractId, evidenceDate(rc, input.asAt ?? rc.today))).result;
  }),

  'contractReports.evidencePack': job(async (input, ctx) => {
    const rc = await ctx.register();
    evidenceDate(rc, input.asAt);
    // Refused now, before a job starts, if the contract is not on record.
    const row = await ctx.db.selectFrom('contract').select(['reference']).where('id', '=', input.contractId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!row) throw AppError.field('contractId', 'That contract is not on record.');
    // One snapshot for the audit head and every figure, taken when the pack is asked for: the
    // pack names the event the records stood at, and edits made meanwhile cannot slip in.
    const snapshot = await ctx.store.openSnapshot();
    try {
      return ctx.startJob({ label: `s33 evidence pack for ${row.reference}, as at ${formatLegalDate(input.asAt)}` }, async (j) => {
        try {
          j.progress(0, 3, 'Reading the records as at the date');
          const head = await headOf(snapshot.db);
          const report = await s33Report(snapshot.db, rc, input.contractId, input.asAt);
          j.progress(1, 3, 'Writing the pack');
          await j.checkpoint();
          const model = { report, producedOn: rc.today, head };
          const bytes = input.format === 'pdf' ? await evidencePackPdf(model) : await evidencePackDocx(model);
          j.progress(2, 3, 'Saving');
          return saveFile(ctx, `s33 evidence ${report.contract.reference} ${input.asAt}.${input.format}`, input.format === 'pdf' ? PDF : DOCX, bytes, j);
        } finally {
          await snapshot.close();
        }
      });
    } catch (e) {
      await snapshot.close();
      throw e;
    }
  }),

  'contractReports.portfolio': query(async (input, ctx) => {
    const rc = await ctx.register();
    return portfolioOn(ctx.db, rc.org.id, input.asAt ?? rc.today);
  }),

  'contractReports.portfolioReport': job(async (input, ctx) => {
    const rc = await ctx.register();
    const snapshot = await ctx.store.openSnapshot();
    try {
      return ctx.startJob({ label: `Contract portfolio as at ${formatLegalDate(input.asAt)} (${input.format.toUpperCase()})` }, async (j) => {
        try {
          j.progress(0, 3, 'Adding up the contracts');
          const head = await headOf(snapshot.db);
          const portfolio = await portfolioOn(snapshot.db, rc.org.id, input.asAt);
          j.progress(1, 3, 'Writing the report');
          await j.checkpoint();
          const model = { organisationName: rc.org.name, portfolio, producedOn: rc.today, head };
          const bytes = input.format === 'pdf' ? await portfolioPdf(model) : await portfolioXlsx(model);
          j.progress(2, 3, 'Saving');
          return saveFile(ctx, `Contract portfolio ${input.asAt}.${input.format}`, input.format === 'pdf' ? PDF : XLSX, bytes, j);
        } finally {
          await snapshot.close();
        }
      });
    } catch (e) {
      await snapshot.close();
      throw e;
    }
  }),
});
