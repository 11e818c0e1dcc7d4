import { PDFDocument } from 'pdf-lib';
import type { DocBlock } from './doc-blocks';
import { runsText } from './doc-blocks';
import { embedFonts } from './fonts';
import type { ListBlock } from './models';
import { addOutline, type OutlineEntry } from './outline';
import { drawAtFoot, MUTED, Writer } from './pdf-layout';

const BULLETS = ['•', '◦', '▪'];

/** "1.", "(a)", "(i)": the numbering lawyers use for nested lists. */
function ordinal(n: number, depth: number): string {
  if (depth % 3 === 0) return `${n}.`;
  if (depth % 3 === 1) return `(${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;
  const romans: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let out = '';
  for (const [value, numeral] of romans) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return `(${out})`;
}

function renderList(writer: Writer, list: ListBlock, depth: number): void {
  list.items.forEach((item, i) => {
    const marker = list.ordered ? ordinal(i + 1, depth) : BULLETS[depth % BULLETS.length]!;
    writer.marked(marker, item.runs, depth * 20, { spaceAfter: 2 });
    if (item.list) renderList(writer, item.list, depth + 1);
  });
  if (depth === 0) writer.space(4);
}

/** Draws blocks with the writer; returns the bookmarks of the headings that asked for one. */
export function renderPdfBlocks(writer: Writer, blocks: DocBlock[]): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const at = writer.heading(runsText(block.runs), block.level, { align: block.align });
        if (block.bookmark) {
          const entry: OutlineEntry = { title: runsText(block.runs), at };
          const parent = outline.at(-1);
          if (block.level > 1 && parent) (parent.children ??= []).push(entry);
          else outline.push(entry);
        }
        break;
      }
      case 'paragraph':
        writer.paragraph(block.runs, {
          align: block.align,
          indent: block.indented ? 24 : 0,
          ...(block.small ? { size: 9, colour: MUTED } : {}),
        });
        break;
      case 'list':
        renderList(writer, block, 0);
        break;
      case 'table':
        writer.table(block.rows, { headerRow: block.headerRow, widths: block.widths, alignRight: block.alignRight });
        break;
      case 'pageBreak':
        writer.newPage();
        break;
      case 'keepSpace':
        writer.ensure(block.points);
        break;
    }
  }
  return outline;
}

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  keywords?: string[];
  /** Lines printed at the foot of every page, on the left (the last is nearest the edge); "Page n of N" goes on the right. */
  footer: string[];
  /** Fixed creation and modification dates make the same input give the same bytes; left out, pdf-lib's clock is not used either and the dates are absent. */
  date?: Date;
}

/** A whole PDF from blocks: A4, DejaVu, bookmarks from the headings that ask for one, a footer on every page. */
export async function pdfFromBlocks(blocks: DocBlock[], meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  if (meta.keywords) doc.setKeywords(meta.keywords);
  doc.setProducer('Mutual Governance');
  doc.setCreator('Mutual Governance');
  doc.setLanguage('en-GB');
  if (meta.date) {
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
  }
  const writer = new Writer(doc, fonts);
  // Room at the foot for the footer lines.
  writer.margin.bottom = Math.max(writer.margin.bottom, 30 + meta.footer.length * 9);
  writer.newPage();
  const outline = renderPdfBlocks(writer, blocks);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const number = `Page ${i + 1} of ${pages.length}`;
    const numberWidth = fonts.bold.widthOfTextAtSize(number, 7.5);
    meta.footer.forEach((line, l) => {
      const bottom = l === meta.footer.length - 1;
      // A long line is set smaller rather than run into the page number or off the page.
      const room = writer.width - (bottom ? numberWidth + 12 : 0);
      const size = Math.min(7, (7 * room) / fonts.regular.widthOfTextAtSize(line, 7));
      drawAtFoot(page, line, { font: fonts.regular, size, fromBottom: 20 + (meta.footer.length - 1 - l) * 9, align: 'left', inset: writer.margin.left });
    });
    drawAtFoot(page, number, { font: fonts.bold, size: 7.5, fromBottom: 20, align: 'right', inset: writer.margin.right });
  });
  addOutline(doc, outline);
  return doc.save();
}
