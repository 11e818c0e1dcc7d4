import { writeFileSync } from 'node:fs';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
import { exportStore } from '../exports/register-export';
import { pdfFromBlocks } from '../meetings/print/blocks-pdf';
import { minutesBlocks, minutesTitle } from '../meetings/print/minutes-blocks';
import { buildMinutesPdf } from '../meetings/print/minutes-pdf';
import { AppError } from '../errors';
import { job } from '../handler';
import type { DraftMinutesModel, MinutesModel } from '../meetings/print/models';
import { meetingFacts } from './facts';
import { toBlocks } from './lexical';
import { sealEvent } from './verify';
import { requireMeeting, requireMinutes } from './view';

/**
 * The model the minutes PDF prints from (meetings/print/models.ts): the facts computed from the
 * meeting's records, the narrative as blocks, and for signed minutes the signature and the seal
 * (SHA-256 of the sealed record, the audit event that sealed it, and the time of sealing, which
 * is also the PDF's date, so the same seal always gives the same bytes).
 */
export async function minutesModel(db: ReadDb, organisationId: string, minutesId: string): Promise<{ model: MinutesModel | DraftMinutesModel; sealed: boolean; sha256: string | null; fileName: string }> {
  const row = await requireMinutes(db, organisationId, minutesId);
  const meeting = await requireMeeting(db, organisationId, row.meeting_id);
  const { items: _items, ...facts } = await meetingFacts(db, meeting);
  const base: DraftMinutesModel = { ...facts, body: toBlocks(row.body) };
  const fileName = `minutes-${meeting.held_on}-${meeting.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}${row.status === 'signed' ? '-signed' : '-draft'}.pdf`;
  if (row.status !== 'signed') return { model: base, sealed: false, sha256: null, fileName };
  const event = await sealEvent(db, row.id);
  if (!event) throw new AppError('CONFLICT', 'These minutes are signed but no audit event records their seal; run verify from the Audit log page.');
  const model: MinutesModel = {
    ...base,
    signature: { signedBy: row.signed_by!, signedOn: row.signed_on! },
    seal: { sha256: row.sealed_sha256!, auditSeq: event.seq, auditHash: event.hash, sealedAt: event.at },
  };
  return { model, sealed: true, sha256: row.sealed_sha256, fileName };
}

/** A draft (not yet signed) as PDF: the same blocks as the signed copy, headed "Draft", with no seal. */
async function draftPdf(model: DraftMinutesModel): Promise<Uint8Array> {
  const title = `Draft: ${minutesTitle(model)}, ${formatLegalDate(model.meeting.date)}`;
  return pdfFromBlocks(minutesBlocks(model, { draft: true }), {
    title,
    subject: `Draft minutes of ${model.meeting.organisationName}, not yet signed`,
    author: model.meeting.organisationName,
    footer: [`${model.meeting.organisationName} · ${title}`, 'Draft: not yet approved or signed, so not evidence of the proceedings (CA 2006 s249, s356).'],
  });
}

/**
 * minutes.pdf: signed minutes print with their seal (deterministic: the same seal gives the same
 * bytes, minutes-pdf.ts); unsigned ones as a draft. The file waits in the exports store for the
 * renderer to read (exports.readFile).
 */
export const minutesPdfJob = job<{ id: string }, { fileId: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string | null }>(async (input, ctx) => {
  // The organisation is read once, before the job: a switch later cannot change whose minutes it prints.
  const { org } = await ctx.register();
  await requireMinutes(ctx.db, org.id, input.id);
  return ctx.startJob({ label: 'Producing the minutes as PDF' }, async (j) => {
    j.progress(0, 2, 'Reading the minutes');
    const { model, sealed, sha256, fileName } = await minutesModel(ctx.db, org.id, input.id);
    await j.checkpoint();
    j.progress(1, 2, 'Writing the PDF');
    const bytes = sealed ? await buildMinutesPdf(model as MinutesModel) : await draftPdf(model);
    const file = exportStore(ctx).create(fileName, 'application/pdf');
    try {
      writeFileSync(file.path, bytes);
    } catch (e) {
      file.discard();
      throw e;
    }
    const meta = file.commit();
    j.progress(2, 2, 'Done');
    return { fileId: file.id, fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, sha256 };
  });
});
