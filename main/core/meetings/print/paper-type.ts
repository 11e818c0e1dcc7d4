import type { PaperKind } from './models';
import { scanLocalNames, zipEntries } from './zip';

/**
 * A paper is stored in the database file, so before it is accepted we check that it really is
 * the type its name claims: a board pack built from a Word file called "budget.pdf" would fail in
 * front of the board, and a file that is not what it says is the first sign of something worse.
 * The type is read from the file's first bytes (its "magic number"), never from its name.
 */

/** The largest paper accepted: 50 MB (issue 7), counted in binary megabytes as file managers show them. */
export const MAX_PAPER_BYTES = 50 * 1024 * 1024;

/** What a file's contents are. The paper kinds, and others we name so the message can say what was found. */
export type DetectedKind = PaperKind | 'gif' | 'zip' | 'pptx' | 'opendocument' | 'ole' | 'unknown';

export type PaperCheck =
  | { ok: true; kind: PaperKind }
  | { ok: false; message: string; detected: DetectedKind | null };

/** The media type a kept file of each kind is served as. */
export const PAPER_MIME: Record<PaperKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** What each kind of contents is, in words for a refusal ("its contents are a ZIP archive"). */
export const DESCRIPTION: Record<DetectedKind, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  zip: 'a ZIP archive',
  pptx: 'a PowerPoint presentation',
  opendocument: 'an OpenDocument file',
  ole: 'an older Office file (.doc, .xls or .ppt) or a password-protected Office file',
  unknown: 'not a type the app recognises',
};

const EXTENSIONS: Record<string, PaperKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

const ACCEPTED = 'PDF, Word (.docx), Excel (.xlsx), PNG or JPEG';

/** The paper kind a file name claims by its extension, or null. */
export function claimedKind(fileName: string): PaperKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46, 0x38]; // GIF8 (GIF87a, GIF89a)
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, from their signature (and, for a ZIP package, the parts inside it). */
export function detectPaperKind(bytes: Uint8Array): DetectedKind {
  // PDF 2.0 (ISO 32000-2 s7.5.2) puts the header first, but readers accept it within the first
  // 1,024 bytes and some scanners write a few bytes ahead of it.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF.length <= head.length; i += 1) {
    if (head[i] === 0x25 && startsWith(head, PDF, i)) return 'pdf';
  }
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, GIF)) return 'gif';
  if (startsWith(bytes, OLE)) return 'ole';
  if (startsWith(bytes, ZIP)) {
    const names = new Set(zipEntries(bytes)?.map((e) => e.name) ?? scanLocalNames(bytes));
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
    if (names.has('mimetype')) return 'opendocument';
    return 'zip';
  }
  return 'unknown';
}

/** "61.2 MB", rounded up so a file just over the limit never reads as "50.0 MB". */
export function formatMegabytes(size: number): string {
  return `${(Math.ceil((size / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/**
 * Checks a paper before it is stored: not empty, at most 50 MB, of an accepted type, and of the
 * type its name (or the `claimed` kind, where the caller knows better) says.
 *
 * @example checkPaper('budget.pdf', bytes) // { ok: false, message: '“budget.pdf” is not a PDF: its contents are a Word document.' }
 */
export function checkPaper(fileName: string, bytes: Uint8Array, claimed: PaperKind | null = claimedKind(fileName)): PaperCheck {
  const name = `“${fileName}”`;
  if (bytes.length === 0) return { ok: false, message: `${name} is empty, so it cannot be a paper.`, detected: null };
  if (bytes.length > MAX_PAPER_BYTES) {
    return { ok: false, message: `${name} is ${formatMegabytes(bytes.length)}; papers can be at most 50 MB.`, detected: null };
  }
  const detected = detectPaperKind(bytes);
  const what = DESCRIPTION[detected];
  if (claimed === null) {
    return {
      ok: false,
      message: `${name} is not a type of paper the app accepts (${ACCEPTED}); its contents are ${what}.`,
      detected,
    };
  }
  if (detected !== claimed) {
    return { ok: false, message: `${name} is not ${DESCRIPTION[claimed]}: its contents are ${what}.`, detected };
  }
  return { ok: true, kind: detected };
}
