import { PDFDocument, rgb } from 'pdf-lib';
import type { DocBlock } from '../../meetings/print/doc-blocks';
import { renderPdfBlocks, type PdfMeta } from '../../meetings/print/blocks-pdf';
import { embedFonts } from '../../meetings/print/fonts';
import { addOutline, type OutlineEntry } from '../../meetings/print/outline';
import { clean, drawAtFoot, INK, MUTED, Writer } from '../../meetings/print/pdf-layout';

/**
 * A report PDF: the meetings area's document blocks (headings with bookmarks, paragraphs, tables
 * that continue across pages; meetings/print) with bar charts drawn between them. A chart is
 * drawn from the same figures as the table beside it, with each bar's label and value as real
 * text, so a screen reader and a search find them and the chart never says something the table
 * does not. Every heading that asks for a bookmark gets one at the top level of the outline (the
 * sections of a report are siblings).
 */

export interface BarChart {
  type: 'chart';
  /** Said above the chart, in bold. */
  title: string;
  bars: { label: string; value: number; text: string }[];
}

export type ReportPart = DocBlock | BarChart;

const BAR = rgb(0.0, 0.37, 0.45);
const TRACK = rgb(0.9, 0.93, 0.94);

function drawChart(writer: Writer, chart: BarChart): void {
  const size = 8.5;
  const row = 15;
  const labelWidth = writer.width * 0.38;
  const valueWidth = 78;
  const barSpace = writer.width - labelWidth - valueWidth - 12;
  const max = Math.max(0, ...chart.bars.map((b) => b.value));
  writer.ensure(22 + Math.min(chart.bars.length, 3) * row);
  writer.paragraph([{ text: chart.title, bold: true }], { size: 9.5, spaceAfter: 4 });
  for (const bar of chart.bars) {
    writer.ensure(row);
    const top = writer.y;
    const baseline = top - row + 4;
    const font = writer.fonts.regular;
    // A label too long for its column is shortened with an ellipsis; the table beside has it whole.
    let label = clean(bar.label).replace(/\n/g, ' ');
    while (label.length > 1 && font.widthOfTextAtSize(label, size) > labelWidth - 6) label = `${label.slice(0, -2)}…`;
    writer.page.drawText(label, { x: writer.left, y: baseline, size, font, color: INK });
    const x = writer.left + labelWidth;
    writer.page.drawRectangle({ x, y: top - row + 2.5, width: barSpace, height: row - 5, color: TRACK });
    const w = max > 0 ? (bar.value / max) * barSpace : 0;
    if (w > 0) writer.page.drawRectangle({ x, y: top - row + 2.5, width: Math.max(w, 0.75), height: row - 5, color: BAR });
    const text = clean(bar.text);
    writer.page.drawText(text, { x: writer.left + writer.width - font.widthOfTextAtSize(text, size), y: baseline, size, font, color: INK });
    writer.y -= row;
  }
  if (chart.bars.length === 0) writer.paragraph([{ text: 'Nothing to chart.' }], { size: 9, colour: MUTED });
  writer.space(10);
}

/** A whole report: A4, DejaVu, bookmarks, charts, the footer lines and "Page n of N" on every page. */
export async function reportPdf(parts: ReportPart[], meta: PdfMeta): Promise<Uint8Array> {
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
  writer.margin.bottom = Math.max(writer.margin.bottom, 30 + meta.footer.length * 9);
  writer.newPage();
  const outline: OutlineEntry[] = [];
  let run: DocBlock[] = [];
  // renderPdfBlocks nests a level-2 bookmark under the one before it; a report's sections are siblings.
  const flat = (entries: OutlineEntry[]): OutlineEntry[] => entries.flatMap(({ children, ...e }) => [e, ...flat(children ?? [])]);
  const flush = () => {
    if (run.length) outline.push(...flat(renderPdfBlocks(writer, run)));
    run = [];
  };
  for (const part of parts) {
    if (part.type === 'chart') {
      flush();
      drawChart(writer, part);
    } else {
      run.push(part);
    }
  }
  flush();
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const number = `Page ${i + 1} of ${pages.length}`;
    const numberWidth = fonts.bold.widthOfTextAtSize(number, 7.5);
    meta.footer.forEach((line, l) => {
      const bottom = l === meta.footer.length - 1;
      const room = writer.width - (bottom ? numberWidth + 12 : 0);
      const size = Math.min(7, (7 * room) / fonts.regular.widthOfTextAtSize(line, 7));
      drawAtFoot(page, line, { font: fonts.regular, size, fromBottom: 20 + (meta.footer.length - 1 - l) * 9, align: 'left', inset: writer.margin.left });
    });
    drawAtFoot(page, number, { font: fonts.bold, size: 7.5, fromBottom: 20, align: 'right', inset: writer.margin.right });
  });
  addOutline(doc, outline);
  return doc.save();
}
