/**
 * What the desktop host may offer for printable views: Electron's webContents.printToPDF behind
 * a save dialog. Typed here, optional, so the renderer works before and after the host has it,
 * and in a browser (the loopback host), which never has it.
 */
export interface PdfSaver {
  printToPdf?: (options: { title: string }) => Promise<{ saved: boolean; path?: string }>;
}

export type SaveOutcome = { kind: 'saved'; path: string | undefined } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

type HostWindow = { bridge?: unknown };

/** The host's PDF saver, if this window has one. */
export function pdfSaver(win: HostWindow = window as HostWindow): ((options: { title: string }) => Promise<{ saved: boolean; path?: string }>) | null {
  const bridge = win.bridge as PdfSaver | undefined;
  return typeof bridge?.printToPdf === 'function' ? bridge.printToPdf.bind(bridge) : null;
}

/** Saves the view as a PDF through the host; the title names the file the save dialog suggests. */
export async function saveAsPdf(title: string, win: HostWindow = window as HostWindow): Promise<SaveOutcome> {
  const save = pdfSaver(win);
  if (!save) return { kind: 'failed', message: 'This window cannot save a PDF itself; use Print and choose “Save as PDF”.' };
  try {
    const result = await save({ title });
    return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
