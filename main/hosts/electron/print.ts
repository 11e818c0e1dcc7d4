import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import type { PrintToPdfResult } from '../../../shared/bridge';
import { fail, ok, type Result } from '../../../shared/result';
import { REFUSED_SENDER, isTrustedSender, type FrameFacts, type FrameId } from './ipc';

/**
 * "Save as PDF" for the printable views (PRINT_PDF_CHANNEL): Chromium prints the page itself
 * with webContents.printToPDF and the file goes where the secretary chooses in the save
 * dialog. window.print() stays for the browser host, which has no bridge. The decisions are
 * here, as pure functions; main.ts only hands them Electron's dialog, printer and disk.
 */

/**
 * The page number and count in the footer, on the right, in a small plain type. Chromium draws
 * the footer in its own template page inside the page margin, with the classes `pageNumber`
 * and `totalPages` filled in; the template needs its own font size (Chromium's is tiny).
 */
export const FOOTER_TEMPLATE =
  '<div style="box-sizing:border-box;width:100%;padding:0 12mm;font:8pt Arial,Helvetica,sans-serif;color:#333;text-align:right">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

/** displayHeaderFooter shows a date-and-title header unless given an empty one. */
export const HEADER_TEMPLATE = '<span></span>';

/**
 * A4, backgrounds kept (shaded table headers), page numbers in the footer, a tagged PDF
 * (headings, tables and reading order for screen readers; Electron marks it experimental) and
 * bookmarks from the page's headings (generateDocumentOutline), so a long report (the annual
 * governance report, the AGM pack) can be navigated by its parts in any PDF reader.
 * preferCSSPageSize lets a view's own @page rule choose landscape (the register) or portrait
 * (a subject access record) on A4 paper; A4 is the size when a view sets none.
 */
export function pdfOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    displayHeaderFooter: true,
    headerTemplate: HEADER_TEMPLATE,
    footerTemplate: FOOTER_TEMPLATE,
    preferCSSPageSize: true,
  };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_NAME = 120;

/**
 * A file name from the view's title that every platform accepts: no path separators, no
 * characters Windows forbids, no control characters, no trailing dots or spaces, not a
 * reserved device name, not too long; '.pdf' at the end.
 */
export function pdfFileName(title: string): string {
  let stem = [...title]
    .map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.pdf$/i, '')
    .slice(0, MAX_NAME)
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (stem === '') stem = 'Mutual Governance';
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem} document`;
  return `${stem}.pdf`;
}

/** The save dialog: suggested name in the user's Documents folder, PDF files only. */
export function saveDialogOptions(title: string, documentsDir: string): SaveDialogOptions {
  return {
    title: 'Save as PDF',
    buttonLabel: 'Save',
    defaultPath: join(documentsDir, pdfFileName(title)),
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Linux file choosers return the name as typed, without the filter's extension. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

/** The renderer's request: `{ title }`, a string of sensible length. */
export function parsePrintRequest(input: unknown): Result<{ title: string }> {
  const title = (input as { title?: unknown } | null)?.title;
  if (typeof input !== 'object' || input === null || typeof title !== 'string') {
    return fail('VALIDATION', 'Saving as PDF needs the title of the page.');
  }
  return ok({ title: title.slice(0, 500) });
}

export interface PrintDeps {
  /** dialog.showSaveDialog on the main window: the chosen path, or null if cancelled. */
  choosePath(options: SaveDialogOptions): Promise<string | null>;
  /** The sender's webContents.printToPDF. */
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  write(path: string, data: Uint8Array): Promise<void>;
  documentsDir: string;
}

/**
 * The whole of a "Save as PDF" request: sender checked first (as for every call), then the
 * dialog (nothing is printed if the secretary cancels), then print and write. Failures come
 * back as a Result with a plain message; the preload turns it into a rejected promise.
 */
export async function handlePrintToPdf(
  sender: FrameFacts | null,
  mainFrame: FrameId | null,
  input: unknown,
  deps: PrintDeps,
): Promise<Result<PrintToPdfResult>> {
  if (!isTrustedSender(sender, mainFrame)) return fail('FORBIDDEN', REFUSED_SENDER);
  const request = parsePrintRequest(input);
  if (!request.ok) return request;
  const chosen = await deps.choosePath(saveDialogOptions(request.value.title, deps.documentsDir));
  if (chosen === null || chosen === '') return ok({ saved: false });
  const path = withPdfExtension(chosen);
  let pdf: Uint8Array;
  try {
    pdf = await deps.print(pdfOptions());
  } catch (e) {
    return fail('INTERNAL', `The page could not be turned into a PDF (${errorText(e)}). Try again, or use Print instead.`);
  }
  try {
    await deps.write(path, pdf);
  } catch (e) {
    return fail('INTERNAL', `The PDF could not be saved to ${path}: ${writeProblem(e)}`);
  }
  return ok({ saved: true, path });
}

function writeProblem(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case 'EACCES':
    case 'EPERM':
      return 'you may not save files in that folder. Choose another folder.';
    case 'ENOSPC':
      return 'the disk is full. Free some space or choose another disk.';
    case 'EROFS':
      return 'that disk is read-only. Choose another folder.';
    case 'ENOENT':
      return 'that folder no longer exists. Choose another folder.';
    default:
      return `${errorText(e)}.`;
  }
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split('\n')[0] ?? '').replace(/[.\s]+$/, '') || 'unknown error';
}
