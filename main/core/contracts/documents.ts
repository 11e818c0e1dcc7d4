import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CONTRACT_DOCUMENT_KIND_LABEL, CONTRACT_DOCUMENT_MAX_BYTES } from '../../../shared/contract/contracts';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { exportStore } from '../exports/register-export';
import { command, type HandlerFor } from '../handler';
import { claimedKind, detectPaperKind } from '../meetings/print/index';
import { DESCRIPTION, PAPER_MIME, formatMegabytes } from '../meetings/print/paper-type';
import { requireContract } from './store';
import { contractDetail } from './view';

/**
 * A contract's documents (the contract, variations, letters, tenders) kept inside the database
 * file in `document` with the SHA-256 of their contents, as meeting papers are. The type is read
 * from the contents, never from the name: a file whose contents are not what its extension says
 * is refused, and so is one over 50 MB. Reading one back checks its SHA-256 again.
 */
const MIME = PAPER_MIME;


/** Why these bytes cannot be kept as a contract document called `fileName`, or the type they are. */
export function checkContractDocument(fileName: string, bytes: Uint8Array): { ok: true; kind: keyof typeof MIME } | { ok: false; message: string } {
  const name = `“${fileName}”`;
  if (bytes.length === 0) return { ok: false, message: `${name} is empty (0 bytes), so it cannot be kept as a document. Choose the file again.` };
  if (bytes.length > CONTRACT_DOCUMENT_MAX_BYTES) {
    return { ok: false, message: `${name} is ${formatMegabytes(bytes.length)}; a contract document can be at most 50 MB. Reduce it (for example, save the PDF at a lower image quality) and attach it again.` };
  }
  const claimed = claimedKind(fileName);
  const detected = detectPaperKind(bytes);
  if (claimed === null) {
    return { ok: false, message: `${name} is not a type of document the app keeps (PDF, Word .docx, Excel .xlsx, PNG or JPEG); its contents are ${DESCRIPTION[detected]}.` };
  }
  if (detected !== claimed) return { ok: false, message: `${name} is not ${DESCRIPTION[claimed]}: its contents are ${DESCRIPTION[detected]}. Save it in the right format, or name it for what it is.` };
  return { ok: true, kind: claimed };
}

export const attachDocument: HandlerFor<'contracts.attachDocument'> = command(async (input, ctx) => {
  const rc = await ctx.register();
  const c = await requireContract(ctx.db, rc.org.id, input.contractId, 'contractId');
  // Sent as uploads.begin({ purpose: 'paper' }): the same 50 MB limit is checked before a byte is sent.
  const upload = ctx.uploads.take(input.uploadId, 'paper');
  let bytes: Buffer;
  try {
    bytes = readFileSync(upload.path);
  } finally {
    rmSync(upload.path, { force: true });
  }
  const check = checkContractDocument(upload.fileName, bytes);
  if (!check.ok) throw AppError.field('uploadId', check.message);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mediaType = MIME[check.kind];
  await ctx.write(async (tx) => {
    const at = tx.who.at;
    let doc = await tx.db.selectFrom('document').select('id').where('organisation_id', '=', rc.org.id).where('sha256', '=', sha256).executeTakeFirst();
    const records = [{ type: 'contract', id: c.id }];
    if (!doc) {
      doc = { id: uuidv7() };
      await tx.db.insertInto('document').values({ id: doc.id, organisation_id: rc.org.id, sha256, size: bytes.length, media_type: mediaType, bytes, created_at: at }).execute();
      records.push({ type: 'document', id: doc.id });
    }
    const id = uuidv7();
    await tx.db.insertInto('contract_document').values({ id, contract_id: c.id, document_id: doc.id, title: input.title, file_name: upload.fileName, kind: input.kind, media_type: mediaType, created_at: at }).execute();
    tx.audit({
      action: 'contract.document_attached',
      entityType: 'contract',
      entityId: c.id,
      summary: `${CONTRACT_DOCUMENT_KIND_LABEL[input.kind]} “${input.title}” (${upload.fileName}, ${formatMegabytes(bytes.length)}, SHA-256 ${sha256.slice(0, 12)}…) attached to contract ${c.reference}`,
      before: null,
      after: { contractDocumentId: id, title: input.title, fileName: upload.fileName, kind: input.kind, mediaType, sha256, size: bytes.length },
      records,
    });
  });
  return contractDetail(ctx.db, rc, c.id);
});

export const readDocument: HandlerFor<'contracts.readDocument'> = command(async (input, ctx) => {
  const rc = await ctx.register();
  const c = await requireContract(ctx.db, rc.org.id, input.contractId, 'contractId');
  const row = await ctx.db
    .selectFrom('contract_document as cd')
    .innerJoin('document as d', 'd.id', 'cd.document_id')
    .select(['cd.file_name', 'cd.media_type', 'd.bytes', 'd.sha256'])
    .where('cd.id', '=', input.documentId)
    .where('cd.contract_id', '=', c.id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That document is not kept with this contract.');
  const bytes = Buffer.from(row.bytes);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('CONFLICT', `The stored copy of ${row.file_name} no longer matches the SHA-256 recorded when it was attached; the file may have been altered outside the app. Run Verify in Settings › Audit log.`);
  }
  const file = exportStore(ctx).create(row.file_name, row.media_type);
  try {
    writeFileSync(file.path, bytes);
    const meta = file.commit();
    return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes };
  } catch (e) {
    file.discard();
    throw e;
  }
});
