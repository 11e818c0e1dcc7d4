import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../core';
import { expectOk } from '../testing';

/** Uploads bytes as a meeting paper through the chunked upload methods, as the window does; returns the upload's id. */
export async function uploadPaper(core: Core, fileName: string, bytes: Uint8Array): Promise<string> {
  const { uploadId, chunkBytes } = expectOk(await core.dispatch('uploads.begin', { purpose: 'paper', fileName, sizeBytes: bytes.length })) as { uploadId: string; chunkBytes: number };
  const buf = Buffer.from(bytes);
  for (let offset = 0, index = 0; offset < buf.length; offset += chunkBytes, index++) {
    expectOk(await core.dispatch('uploads.append', { uploadId, index, base64: buf.subarray(offset, offset + chunkBytes).toString('base64') }));
  }
  return uploadId;
}

/** A PDF of `pages` pages, each saying "<text> page N". */
export async function pdfOf(pages: number, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`${text} page ${i + 1}`, { x: 50, y: 700, font, size: 14 });
  return doc.save();
}
