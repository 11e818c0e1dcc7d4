import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { FrameFacts } from './ipc';
import { FOOTER_TEMPLATE, handlePrintToPdf, parsePrintRequest, pdfFileName, pdfOptions, saveDialogOptions, withPdfExtension, type PrintDeps } from './print';

const MAIN = { processId: 4, routingId: 1 };
const ours: FrameFacts = { url: 'app://mutual-governance/#/print/register', ...MAIN, isTop: true };
const DOCS = join('/home', 'sec', 'Documents');

/** Electron's dialog, printer and disk, played by recorders. */
function deps(overrides: Partial<PrintDeps> = {}) {
  const seen: { dialogs: SaveDialogOptions[]; prints: PrintToPDFOptions[]; writes: { path: string; bytes: number }[] } = {
    dialogs: [],
    prints: [],
    writes: [],
  };
  const d: PrintDeps = {
    choosePath: async (options) => {
      seen.dialogs.push(options);
      return join(DOCS, 'Register of members.pdf');
    },
    print: async (options) => {
      seen.prints.push(options);
      return new TextEncoder().encode('%PDF-1.7 ...');
    },
    write: async (path, data) => {
      seen.writes.push({ path, bytes: data.length });
    },
    documentsDir: DOCS,
    ...overrides,
  };
  return { d, seen };
}

describe('pdfOptions', () => {
  it('prints A4 with backgrounds, tagged for screen readers, with page numbers in the footer', () => {
    const options = pdfOptions();
    expect(options).toMatchObject({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true, displayHeaderFooter: true });
    expect(options.footerTemplate).toBe(FOOTER_TEMPLATE);
    expect(FOOTER_TEMPLATE).toMatch(/<span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    // An empty header, or Chromium prints the date and the title above every page.
    expect(options.headerTemplate).toBe('<span></span>');
  });

  it('gives the PDF bookmarks from the page’s headings', () => {
    expect(pdfOptions().generateDocumentOutline).toBe(true);
  });

  it('lets a view’s own @page rule choose landscape or portrait', () => {
    expect(pdfOptions().preferCSSPageSize).toBe(true);
    expect(pdfOptions().landscape).toBeUndefined();
  });
});

describe('pdfFileName', () => {
  it.each([
    ['Register of members', 'Register of members.pdf'],
    ['Register of members: inspection copy', 'Register of members inspection copy.pdf'],
    ['Subject access — Aisha Khan (2026-11-30)', 'Subject access — Aisha Khan (2026-11-30).pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['a\\b/c*d?e"f<g>h|i', 'a b c d e f g h i.pdf'],
    ['line\nbreak\ttab', 'line break tab.pdf'],
    ['Minutes.pdf', 'Minutes.pdf'],
    ['trailing dots...', 'trailing dots.pdf'],
    ['   ', 'Mutual Governance.pdf'],
    ['', 'Mutual Governance.pdf'],
    ['CON', 'CON document.pdf'],
    ['lpt1', 'lpt1 document.pdf'],
  ])('names %j as %j', (title, name) => {
    expect(pdfFileName(title)).toBe(name);
  });

  it('keeps a long title to a length every file system accepts', () => {
    const name = pdfFileName('Register '.repeat(100));
    expect(name.length).toBeLessThanOrEqual(124);
    expect(name).toMatch(/^Register .*[^ ]\.pdf$/);
  });
});

describe('saveDialogOptions and withPdfExtension', () => {
  it('suggests the title as a PDF in Documents, and offers PDF files only', () => {
    expect(saveDialogOptions('Register of members', DOCS)).toMatchObject({
      defaultPath: join(DOCS, 'Register of members.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('adds .pdf when the file chooser did not', () => {
    expect(withPdfExtension('/home/sec/register')).toBe('/home/sec/register.pdf');
    expect(withPdfExtension('/home/sec/register.PDF')).toBe('/home/sec/register.PDF');
  });
});

describe('parsePrintRequest', () => {
  it('takes a title, and refuses anything else', () => {
    expect(parsePrintRequest({ title: 'Register' })).toEqual({ ok: true, value: { title: 'Register' } });
    for (const bad of [undefined, null, 'Register', {}, { title: 3 }]) {
      expect(parsePrintRequest(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('handlePrintToPdf', () => {
  it('asks where to save, prints with the PDF options and writes the file there', async () => {
    const { d, seen } = deps();
    const result = await handlePrintToPdf(ours, MAIN, { title: 'Register of members' }, d);
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(DOCS, 'Register of members.pdf') } });
    expect(seen.dialogs).toHaveLength(1);
    expect(seen.dialogs[0]?.defaultPath).toBe(join(DOCS, 'Register of members.pdf'));
    expect(seen.prints).toEqual([pdfOptions()]);
    expect(seen.writes).toEqual([{ path: join(DOCS, 'Register of members.pdf'), bytes: 12 }]);
  });

  it('prints nothing and writes nothing when the secretary cancels', async () => {
    const { d, seen } = deps({ choosePath: async () => null });
    await expect(handlePrintToPdf(ours, MAIN, { title: 'Register' }, d)).resolves.toEqual({ ok: true, value: { saved: false } });
    expect(seen.prints).toEqual([]);
    expect(seen.writes).toEqual([]);
  });

  it('refuses a subframe or another page before any dialog opens', async () => {
    for (const sender of [{ ...ours, isTop: false, routingId: 2 }, { ...ours, url: 'https://evil.example/' }, null]) {
      const { d, seen } = deps();
      await expect(handlePrintToPdf(sender, MAIN, { title: 'Register' }, d)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(seen.dialogs).toEqual([]);
    }
  });

  it('says plainly when the folder cannot be written to, naming the file', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open ...'), { code: 'EACCES' });
    const { d } = deps({ write: async () => Promise.reject(denied) });
    const result = await handlePrintToPdf(ours, MAIN, { title: 'Register of members' }, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).toBe(
      `The PDF could not be saved to ${join(DOCS, 'Register of members.pdf')}: you may not save files in that folder. Choose another folder.`,
    );
  });

  it('says so when Chromium cannot print the page, without a stack', async () => {
    const { d, seen } = deps({ print: async () => Promise.reject(new Error('Printing failed\n    at x (y.js:1:1)')) });
    const result = await handlePrintToPdf(ours, MAIN, { title: 'Register' }, d);
    expect(!result.ok && result.error.message).toBe('The page could not be turned into a PDF (Printing failed). Try again, or use Print instead.');
    expect(seen.writes).toEqual([]);
  });
});
