import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from './fixtures.test-helpers';
import { embedFonts } from './fonts';
import { clean, Writer } from './pdf-layout';

async function writer(): Promise<{ doc: PDFDocument; w: Writer }> {
  const doc = await PDFDocument.create();
  const w = new Writer(doc, await embedFonts(doc));
  w.newPage();
  return { doc, w };
}

describe('Writer', () => {
  it('drops control characters (they would print as missing glyphs) but keeps line breaks', () => {
    expect(clean('Siân\u0000 Ó\tBriain\r\nline two\u007f')).toBe('Siân Ó Briain\nline two');
  });

  it('wraps at spaces and never lets a line run past the margin', async () => {
    const { w } = await writer();
    const lines = w.layout([{ text: 'The quick brown fox jumps over the lazy dog. '.repeat(10) }], 10.5, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
    expect(lines.every((l) => !l.segments.at(-1)!.text.endsWith(' '))).toBe(true);
  });

  it('breaks a word too long for the line (a hash, a URL) rather than overflowing', async () => {
    const { w } = await writer();
    const hash = 'a3'.repeat(32);
    const lines = w.layout([{ text: `SHA-256: ${hash}` }], 10, 120);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(lines.map((l) => l.segments.map((s) => s.text).join('')).join('')).toBe(`SHA-256:${hash}`);
  });

  it('keeps bold and italic runs in their own fonts on one line', async () => {
    const { w } = await writer();
    const [line] = w.layout([{ text: 'Siân Ó Briain', bold: true }, { text: ', Chair ' }, { text: '(by electronic means)', italic: true }], 10, 400);
    expect(line!.segments.map((s) => s.text)).toEqual(['Siân Ó Briain', ', Chair ', '(by electronic means)']);
    expect(new Set(line!.segments.map((s) => s.font)).size).toBe(3);
  });

  it('splits a table row taller than a page across pages and repeats the header', async () => {
    const { doc, w } = await writer();
    const long = 'A very long cell of minutes that goes on and on. '.repeat(200);
    w.table([[[{ text: 'Heading A' }], [{ text: 'Heading B' }]], [[{ text: long }], [{ text: 'short' }]]], { headerRow: true });
    const read = await readPdf(await doc.save());
    expect(read.pages).toBeGreaterThan(1);
    for (const page of read.text) expect(page.startsWith('Heading A Heading B')).toBe(true);
  });
});
