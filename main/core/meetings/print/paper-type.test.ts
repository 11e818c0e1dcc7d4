import { beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makeJpeg, makePdf, makePng, makeXlsx } from './fixtures.test-helpers';
import { checkPaper, claimedKind, detectPaperKind, formatMegabytes, MAX_PAPER_BYTES } from './paper-type';

let pdf: Uint8Array;
let docx: Uint8Array;
let xlsx: Uint8Array;
const png = makePng(4, 3);
const jpeg = makeJpeg();

beforeAll(async () => {
  pdf = await makePdf('Budget 2027/28');
  docx = await makeDocx('Chief executive’s report');
  xlsx = await makeXlsx();
});

describe('detectPaperKind', () => {
  it('reads each accepted type from its bytes', () => {
    expect(detectPaperKind(pdf)).toBe('pdf');
    expect(detectPaperKind(docx)).toBe('docx');
    expect(detectPaperKind(xlsx)).toBe('xlsx');
    expect(detectPaperKind(png)).toBe('png');
    expect(detectPaperKind(jpeg)).toBe('jpeg');
  });

  it('names types it does not accept, so the message can say what the file is', () => {
    expect(detectPaperKind(new TextEncoder().encode('GIF89a\x01\x00\x01\x00'))).toBe('gif');
    expect(detectPaperKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(detectPaperKind(new TextEncoder().encode('Dear board, please find attached'))).toBe('unknown');
  });

  it('finds a PDF header after a few bytes of scanner junk', () => {
    const junk = new Uint8Array([0x0d, 0x0a, 0x20, ...pdf]);
    expect(detectPaperKind(junk)).toBe('pdf');
  });

  it('tells a ZIP that is neither Word nor Excel from both', async () => {
    // A Word file with its document part renamed is a plain ZIP package as far as we can tell.
    const renamed = docx.slice();
    const text = Buffer.from(renamed.buffer);
    let at = text.indexOf('word/document.xml');
    while (at >= 0) {
      text.write('word/documenX.xml', at, 'latin1');
      at = text.indexOf('word/document.xml', at + 1);
    }
    expect(detectPaperKind(renamed)).toBe('zip');
  });

  it('still reads entry names from a Word file cut short (no central directory)', () => {
    const cut = docx.slice(0, Math.floor(docx.length * 0.8));
    expect(detectPaperKind(cut)).toBe('docx');
  });
});

describe('checkPaper', () => {
  it('accepts each paper type under its own extension', () => {
    expect(checkPaper('Budget.pdf', pdf)).toEqual({ ok: true, kind: 'pdf' });
    expect(checkPaper('CEO report.DOCX', docx)).toEqual({ ok: true, kind: 'docx' });
    expect(checkPaper('Budget.xlsx', xlsx)).toEqual({ ok: true, kind: 'xlsx' });
    expect(checkPaper('Site plan.png', png)).toEqual({ ok: true, kind: 'png' });
    expect(checkPaper('Photo.jpg', jpeg)).toEqual({ ok: true, kind: 'jpeg' });
    expect(checkPaper('Photo.jpeg', jpeg)).toEqual({ ok: true, kind: 'jpeg' });
  });

  it('refuses a Word document renamed .pdf, saying what it really is', () => {
    expect(checkPaper('budget.pdf', docx)).toEqual({
      ok: false,
      message: '“budget.pdf” is not a PDF: its contents are a Word document.',
      detected: 'docx',
    });
  });

  it('refuses a Word document renamed .xlsx although both are ZIP packages', () => {
    const result = checkPaper('budget.xlsx', docx);
    expect(result).toMatchObject({ ok: false, message: '“budget.xlsx” is not an Excel workbook: its contents are a Word document.' });
  });

  it('refuses a workbook renamed .docx and a PNG renamed .jpg', () => {
    expect(checkPaper('report.docx', xlsx)).toMatchObject({ ok: false, message: '“report.docx” is not a Word document: its contents are an Excel workbook.' });
    expect(checkPaper('photo.jpg', png)).toMatchObject({ ok: false, message: '“photo.jpg” is not a JPEG image: its contents are a PNG image.' });
  });

  it('checks against the claimed kind where the caller gives one', () => {
    expect(checkPaper('upload', pdf, 'pdf')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkPaper('upload', pdf, 'docx')).toMatchObject({ ok: false, message: '“upload” is not a Word document: its contents are a PDF.' });
  });

  it('refuses an empty file', () => {
    expect(checkPaper('minutes.pdf', new Uint8Array())).toEqual({ ok: false, message: '“minutes.pdf” is empty, so it cannot be a paper.', detected: null });
  });

  it('refuses a file over 50 MB with its size', () => {
    const big = new Uint8Array(Math.round(61.2 * 1024 * 1024));
    big.set(pdf.subarray(0, 8));
    expect(checkPaper('scan.pdf', big)).toEqual({ ok: false, message: '“scan.pdf” is 61.2 MB; papers can be at most 50 MB.', detected: null });
  });

  it('accepts exactly 50 MB and never calls a file just over it "50.0 MB"', () => {
    const limit = new Uint8Array(MAX_PAPER_BYTES);
    limit.set(pdf.subarray(0, 8));
    expect(checkPaper('scan.pdf', limit)).toEqual({ ok: true, kind: 'pdf' });
    expect(formatMegabytes(MAX_PAPER_BYTES + 1)).toBe('50.1 MB');
    expect(MAX_PAPER_BYTES).toBe(52_428_800);
  });

  it('refuses types the app does not take, naming the ones it does', () => {
    expect(checkPaper('notes.txt', new TextEncoder().encode('notes'))).toMatchObject({
      ok: false,
      message: '“notes.txt” is not a type of paper the app accepts (PDF, Word (.docx), Excel (.xlsx), PNG or JPEG); its contents are not a type the app recognises.',
    });
    expect(checkPaper('minutes.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatchObject({
      ok: false,
      detected: 'ole',
    });
  });

  it('reads the claimed kind from the extension, case-insensitively', () => {
    expect(claimedKind('A.PDF')).toBe('pdf');
    expect(claimedKind('archive.tar.gz')).toBeNull();
    expect(claimedKind('README')).toBeNull();
  });
});
