import { visibleText } from '../../../shared/rules/csv-safety';
import type { PrintPage, RegisterView } from '../../../shared/contract/exports';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { recordHead } from '../audit/anchors';
import { headFingerprint } from '../../../shared/domain/fingerprint';
import type { CommandContext, ReadDb, RegisterCtx } from '../context';
import type { Snapshot } from '../db/snapshot';
import type { JobHandle } from '../jobs/runner';
import { AppError } from '../errors';
import { formatPounds, registerColumns, viewDescription, type RegisterColumn, type RegisterRowSource } from './columns';
import { CsvTableWriter } from './csv-writer';
import { ExportFileStore, exportsDirFor } from './file-store';
import type { RegisterFacts } from '../../../shared/contract/members';
import { pendingImportPlans, registerFactsFrom } from '../members/register-facts';
import { anyNumberedClass, registerReader } from './register-reader';
import type { Cell, TableWriter } from './table-writer';
import { XlsxTableWriter } from './xlsx-writer';

export type ExportFormat = 'csv' | 'xlsx';
export interface RegisterExportInput {
  format: ExportFormat;
  view: RegisterView;
  status: 'current' | 'all';
}
export interface RegisterExportResult {
  fileId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  rows: number;
  view: RegisterView;
  format: ExportFormat;
}

/**
 * Entries read per page: small enough that a page and its writing fit in one job slice. The
 * first pages are smaller still, while the writers' code is not yet compiled hot.
 */
export const EXPORT_PAGE_ROWS: Record<ExportFormat, number> = { csv: 200, xlsx: 100 };
const pageSize = (format: ExportFormat, pagesDone: number) => Math.min(EXPORT_PAGE_ROWS[format], 25 * 2 ** pagesDone);

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function exportStore(ctx: { files: { dbPath: string }; now(): Date }): ExportFileStore {
  return new ExportFileStore(exportsDirFor(ctx.files.dbPath), () => ctx.now());
}

/** The audit head as it stands in `db`, for the copy to carry (audit/anchors.ts). */
export async function headOf(db: ReadDb): Promise<{ seq: number; hash: string; fingerprint: string }> {
  const head = (await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()) ?? { seq: 0, hash: '0'.repeat(64) };
  return { ...head, fingerprint: headFingerprint(head.seq, head.hash) };
}

export function exportFileName(view: RegisterView, status: 'current' | 'all', today: string, ext: string): string {
  return `register-of-members${view === 'inspection' ? '-inspection-copy' : ''}${status === 'current' ? '-current-members' : ''}-${today}.${ext}`;
}

/** The s123 statements as lines of a copy: each with the entry it goes with. */
export function statementLines(facts: RegisterFacts): string[] {
  return facts.singleMember.map((s) => `${s.statement} (${s.source}; with the entry of member ${s.memberNumber}, ${s.name}.)`);
}

/**
 * The lines above the table: what it is, whose, when it was last amended and whether further
 * alterations are to be made (CA 2006 s120), the register's s123 statements, when produced.
 */
function preamble(rc: RegisterCtx, view: RegisterView, status: 'current' | 'all', facts: RegisterFacts, total: number, fingerprint: string): string[] {
  const { title, description } = viewDescription(view, rc.form, status);
  const registration = rc.form.family === 'company' ? `company number ${rc.org.registration_number}` : `society number ${rc.org.registration_number}`;
  return [
    `${title}: ${rc.org.name} (${registration})`,
    facts.stateStatement,
    ...statementLines(facts),
    `Produced on ${formatLegalDate(rc.today)}; ${total.toLocaleString('en-GB')} ${total === 1 ? 'entry' : 'entries'}.`,
    `Audit log fingerprint ${fingerprint}: keep it to check later that the log has not been rewritten (Settings › Audit log › Verify).`,
    description,
  ];
}

function cells(columns: readonly RegisterColumn[], row: RegisterRowSource): Cell[] {
  return columns.map((c) => c.get(row));
}

/**
 * The register export job: reads the register a page at a time by member number from one
 * snapshot (so the file shows a single moment while edits carry on), writes each page to the
 * file and yields between pages, so a register of a million entries streams to
 * disk without holding the host. Ends with a 'register.exported' audit event (what was
 * exported and how many rows; no personal data).
 */
export async function runRegisterExport(ctx: CommandContext, snapshot: Snapshot, job: JobHandle, input: RegisterExportInput): Promise<RegisterExportResult> {
  try {
    return await exportFromSnapshot(ctx, snapshot.db, job, input);
  } finally {
    await snapshot.close();
  }
}

async function exportFromSnapshot(ctx: CommandContext, db: ReadDb, job: JobHandle, input: RegisterExportInput): Promise<RegisterExportResult> {
  const rc = await ctx.register();
  const head = await headOf(db);
  const columns = registerColumns(input.view, rc.form, { numbered: await anyNumberedClass(db, rc.org.id) });
  const reader = registerReader(db, rc.org.id, input.status);
  const total = await reader.count();
  const facts = await registerFactsFrom(db, rc, pendingImportPlans(ctx));
  const fileName = exportFileName(input.view, input.status, rc.today, input.format);
  const file = exportStore(ctx).create(fileName, MIME[input.format]);
  const { title } = viewDescription(input.view, rc.form, input.status);
  const writer: TableWriter =
    input.format === 'csv'
      ? new CsvTableWriter(file.path)
      : new XlsxTableWriter(file.path, input.view === 'inspection' ? 'Inspection copy' : 'Register of members', { title: `${title}: ${rc.org.name}`, creator: 'Mutual Governance' });
  let done = 0;
  try {
    await writer.start(preamble(rc, input.view, input.status, facts, total, head.fingerprint), columns);
    job.progress(0, total, 'Writing the register');
    let after: number | undefined;
    for (let pages = 0; ; pages += 1) {
      const size = pageSize(input.format, pages);
      const page = await reader.page(after, size);
      if (page.length === 0) break;
      await writer.addRows(page.map((r) => cells(columns, r)));
      done += page.length;
      after = page[page.length - 1]!.member_number;
      job.progress(done, Math.max(total, done), 'Writing the register');
      await job.checkpoint();
      if (page.length < size) break;
    }
    await writer.finish();
  } catch (e) {
    await writer.finish().catch(() => {});
    file.discard();
    throw e;
  }
  const meta = file.commit();
  await ctx.write(async (tx) => {
    tx.audit({
      action: 'register.exported',
      entityType: 'register',
      entityId: null,
      summary: `Register of members exported: ${input.view === 'inspection' ? 'inspection copy' : 'full register'}, ${input.format.toUpperCase()}, ${done} ${done === 1 ? 'entry' : 'entries'}`,
      before: null,
      after: { view: input.view, format: input.format, status: input.status, rows: done, fingerprint: head.fingerprint },
    });
  });
  recordHead(ctx.files.dbPath, { seq: head.seq, hash: head.hash, at: ctx.now().toISOString(), what: 'export' });
  return { fileId: file.id, fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, rows: done, view: input.view, format: input.format };
}

/** A value as people read it on the printed page. */
export function printText(column: RegisterColumn, value: Cell): string {
  if (value === null || value === '') return '';
  if (column.type === 'date' && typeof value === 'string') return formatLegalDate(value);
  if (column.type === 'money' && typeof value === 'number') return formatPounds(value);
  if (column.type === 'integer' && typeof value === 'number') return column.key === 'memberNumber' ? String(value) : value.toLocaleString('en-GB');
  return visibleText(String(value));
}

/**
 * A page of the register for the printable view. The first page records that a copy was
 * prepared for printing (or saving as PDF) in the audit log, as the file exports do. A command,
 * so it can see the HR import plans waiting to be applied (pending alterations, CA 2006 s120);
 * its reads and its audit event share one transaction.
 */
export async function registerPrintPage(
  ctx: CommandContext,
  input: { view: RegisterView; status: 'current' | 'all'; afterNumber?: number | undefined; limit?: number | undefined },
): Promise<PrintPage> {
  // As for any mutation: nothing is recorded while an exclusive job (an import, a restore) holds the file.
  const busy = ctx.jobs.exclusive;
  if (busy) throw new AppError('LOCKED', `${busy.label} is in progress, so copies wait until it finishes. Nothing was recorded.`);
  const plans = pendingImportPlans(ctx);
  return ctx.write(async (tx) => {
    const rc = await tx.register();
    const columns = registerColumns(input.view, rc.form, { numbered: await anyNumberedClass(tx.db, rc.org.id) });
    const reader = registerReader(tx.db, rc.org.id, input.status);
    const limit = input.limit ?? 500;
    const [rows, total, facts, head] = [await reader.page(input.afterNumber, limit + 1), await reader.count(), await registerFactsFrom(tx.db, rc, plans), await headOf(tx.db)];
    const page = rows.slice(0, limit);
    const { title, description } = viewDescription(input.view, rc.form, input.status);
    if (input.afterNumber === undefined) {
      tx.audit({
        action: 'register.exported',
        entityType: 'register',
        entityId: null,
        summary: `Register of members prepared for printing: ${input.view === 'inspection' ? 'inspection copy' : 'full register'}, ${total} ${total === 1 ? 'entry' : 'entries'}`,
        before: null,
        after: { view: input.view, format: 'print', status: input.status, rows: total, fingerprint: head.fingerprint },
      });
      recordHead(tx.files.dbPath, { seq: head.seq, hash: head.hash, at: tx.who.at, what: 'print' });
    }
    return {
      organisationName: rc.org.name,
      title,
      description,
      lastAmended: facts.lastAmended,
      stateStatement: facts.stateStatement,
      statements: statementLines(facts),
      fingerprint: head.fingerprint,
      generatedAt: tx.now().toISOString(),
      columns: columns.map((c) => ({ key: c.key, label: c.label })),
      rows: page.map((r) => Object.fromEntries(columns.map((c) => [c.key, printText(c, c.get(r))]))),
      next: rows.length > limit ? page[page.length - 1]!.member_number : null,
      total,
    };
  });
}
