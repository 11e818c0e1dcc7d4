import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readZipEntry } from './zip';

/** Real small files of each paper type, made in the test, and ways to read our output back. */

/** A PDF of `pages` pages, each saying "<title>, page n". */
export async function makePdf(title: string, pages = 1, options: { rotate?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i += 1) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText(`${title}, page ${i}`, { x: 72, y: 760, size: 14, font });
    for (let line = 0; line < 30; line += 1) {
      page.drawText('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', { x: 72, y: 720 - line * 20, size: 10, font });
    }
  }
  return doc.save();
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG (ISO/IEC 15948) of the given size, a grey gradient. */
export function makePng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) raw.fill(Math.round((255 * x) / width), y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3);
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A 1 × 1 JPEG (JFIF, progressive): the smallest well-formed one. */
export function makeJpeg(): Uint8Array {
  return new Uint8Array(
    Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    ),
  );
}

export async function makeDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function makeXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Budget');
  sheet.addRow(['Line', 'Amount (£)']);
  sheet.addRow(['Staff', 1_250_000]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface PdfReadBack {
  pages: number;
  /** Each page's text, runs of white space made single spaces. */
  text: string[];
  outline: Array<{ title: string; page: number; children: Array<{ title: string; page: number; children: unknown[] }> }>;
  info: Record<string, unknown>;
}

/** Reads a PDF back the way a reader would (pdf.js): pages, text, bookmarks and metadata. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise;
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    // In reading order (top to bottom, left to right), not drawing order: page numbers in the
    // agenda, for one, are drawn after the papers are in.
    const items = content.items
      .filter((item) => 'str' in item)
      .map((item) => ({ str: item.str, x: item.transform[4] as number, y: Math.round(item.transform[5] as number), width: item.width }))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    // Runs drawn edge to edge (a bold name then ", Chair") are one piece of text; others get a space.
    let line = '';
    items.forEach((item, i) => {
      const before = items[i - 1];
      const touching = before && before.y === item.y && Math.abs(before.x + before.width - item.x) < 0.5;
      line += (i === 0 || touching ? '' : ' ') + item.str;
    });
    text.push(line.replace(/\s+/g, ' ').trim());
  }
  type Node = { title: string; dest: unknown; items: Node[] };
  const resolve = async (nodes: Node[] | null): Promise<PdfReadBack['outline']> =>
    Promise.all(
      (nodes ?? []).map(async (node) => {
        const dest = Array.isArray(node.dest) ? node.dest : [];
        const page = dest[0] ? (await doc.getPageIndex(dest[0] as never)) + 1 : 0;
        return { title: node.title, page, children: (await resolve(node.items)) as never };
      }),
    );
  const outline = await resolve((await doc.getOutline()) as Node[] | null);
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { pages: text.length, text, outline, info };
}

/** The text of a Word file's body (word/document.xml), paragraphs on their own lines. */
export function docxText(bytes: Uint8Array): string {
  const xml = new TextDecoder().decode(readZipEntry(bytes, 'word/document.xml') ?? new Uint8Array());
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/**
 * Keeps a produced document for a person to look at: with PRINT_SAMPLES_DIR set, e.g.
 * `PRINT_SAMPLES_DIR=/tmp/print npx vitest run main/core/meetings/print`, each test's output is
 * written there. Otherwise does nothing.
 */
export function keep(name: string, bytes: Uint8Array): Uint8Array {
  const dir = process.env.PRINT_SAMPLES_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return bytes;
}
