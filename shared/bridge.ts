import type { Result } from './result';

/** What "Save as PDF" answers: whether a file was written, and where. */
export interface PrintToPdfResult {
  saved: boolean;
  /** The file written, when saved. */
  path?: string;
}

/**
 * What the Electron preload exposes to the renderer as `window.bridge`. The browser host has
 * no bridge; the renderer's client then speaks HTTP to the loopback host instead, and prints
 * with window.print().
 */
export interface Bridge {
  /**
   * A contract call: the method's name and its input; the core's Result comes back. The third
   * argument is the organisation the window shows: a call for another than the file's current
   * organisation is refused (CONFLICT, reason 'organisation_switched').
   */
  invoke(method: string, input: unknown, organisationId?: string): Promise<Result<unknown>>;
  /**
   * Desktop only: prints the calling page to a PDF (A4, page numbers in the footer, tagged for
   * screen readers) and saves it where the user chooses; `title` suggests the file name.
   * Resolves `{ saved: false }` if the user cancels; rejects with a plain message on failure.
   */
  printToPdf?(options: { title: string }): Promise<PrintToPdfResult>;
}

/** IPC channels behind the bridge, one per member; each handler checks its sender. */
export const BRIDGE_CHANNEL = 'mg:invoke';
export const PRINT_PDF_CHANNEL = 'mg:print-pdf';
