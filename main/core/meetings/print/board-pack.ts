import { createHash } from 'node:crypto';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { embedFonts, type FontSet } from './fonts';
import { dayDate, duration, itemNumber, KIND_LABEL, particulars, PURPOSE_LABEL } from './meeting-text';
import type { BoardPackModel, PackItem, PackPaper } from './models';
import { addOutline, type OutlineEntry } from './outline';
import { detectPaperKind } from './paper-type';
import { A4, drawAtFoot, INK, MUTED, Writer, type Position } from './pdf-layout';

/**
 * The board pack: one PDF with a cover, the agenda (with the page each paper starts on), then
 * every paper in agenda order, page-numbered throughout and bookmarked by item and paper, so a
 * director can read it on a tablet offline and everyone can say "page 37" in the meeting.
 */

export type ProgressListener = (done: number, total: number) => void;

interface NumberedItem {
  number: string;
  item: PackItem;
  depth: 0 | 1;
}

function numbered(items: PackItem[]): NumberedItem[] {
  return items.flatMap((item, i) => {
    const number = itemNumber(i);
    return [
      { number, item, depth: 0 as const },
      ...(item.children ?? []).map((child, j) => ({ number: itemNumber(j, number), item: child, depth: 1 as const })),
    ];
  });
}

export function packTitle(model: BoardPackModel): string {
  const noun = model.meeting.kind === 'board' || model.meeting.kind === 'committee' ? 'Board pack' : 'Meeting pack';
  return `${noun}: ${model.meeting.title}, ${dayDate(model.meeting.date)}`;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds the pack. `onProgress(done, total)` is called after each paper (and once with 0 at the
 * start), and the event loop is given a turn between papers so the app stays responsive.
 * `info.pages` is set to the pack's page count.
 */
export async function buildBoardPack(model: BoardPackModel, onProgress?: ProgressListener, info?: { pages?: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const title = packTitle(model);
  const { meeting } = model;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(`${KIND_LABEL[meeting.kind]} of ${meeting.organisationName}`);
  doc.setAuthor(meeting.organisationName);
  doc.setProducer('Mutual Governance');
  doc.setCreator('Mutual Governance');
  doc.setLanguage('en-GB');

  const items = numbered(model.items);
  const total = items.reduce((n, { item }) => n + item.papers.length, 0);
  onProgress?.(0, total);

  const writer = new Writer(doc, fonts);
  const cover = drawCover(writer, model);
  const agenda = drawAgenda(writer, items);

  const outlineItems: OutlineEntry[] = [];
  let done = 0;
  for (const [index, entry] of items.entries()) {
    const papers: OutlineEntry[] = [];
    for (const [p, paper] of entry.item.papers.entries()) {
      const firstIndex = doc.getPageCount();
      const first = await addPaper(doc, fonts, paper, entry.number);
      papers.push({ title: `Paper: ${paper.title}`, at: { page: first, y: first.getHeight() } });
      const placed = agenda.papers.get(`${index}/${p}`)!;
      agenda.fill.push({ ...placed, text: `page ${firstIndex + 1}` });
      done += 1;
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
    const bookmark: OutlineEntry = {
      title: `${entry.number}. ${entry.item.title}`,
      at: papers[0]?.at ?? agenda.items[index]!,
      children: papers,
    };
    const parent = outlineItems.at(-1);
    if (entry.depth === 1 && parent) (parent.children ??= []).push(bookmark);
    else outlineItems.push(bookmark);
  }

  // The agenda was laid out before the papers existed; its page numbers are written now.
  for (const { page, y, right, text } of agenda.fill) {
    page.drawText(text, { x: right - fonts.regular.widthOfTextAtSize(text, 9.5), y, size: 9.5, font: fonts.regular, color: INK });
  }

  const pages = doc.getPages();
  for (const [i, page] of pages.entries()) {
    drawAtFoot(page, title, { font: fonts.regular, size: 7.5, fromBottom: 20, align: 'left' });
    drawAtFoot(page, `Page ${i + 1} of ${pages.length}`, { font: fonts.bold, size: 7.5, fromBottom: 20, align: 'right' });
    if (i % 25 === 24) await yieldToEventLoop();
  }

  addOutline(doc, [
    { title: 'Cover', at: cover },
    { title: 'Agenda', at: agenda.at },
    ...outlineItems,
  ]);
  // The page count for the caller, so it need not parse the finished file again to learn it.
  if (info) info.pages = doc.getPageCount();
  // pdf-lib yields between batches of objects as it writes; each new content stream is deflated,
  // so small batches keep each turn of the event loop short.
  return doc.save({ objectsPerTick: 25 });
}

function drawCover(writer: Writer, model: BoardPackModel): Position {
  const { meeting } = model;
  writer.newPage();
  const at = writer.position();
  writer.space(150);
  writer.paragraph([{ text: meeting.organisationName }], { size: 15, colour: MUTED, spaceAfter: 10 });
  writer.paragraph([{ text: meeting.title, bold: true }], { size: 24, leading: 1.25, spaceAfter: 6 });
  writer.paragraph([{ text: KIND_LABEL[meeting.kind] }], { size: 13, colour: MUTED, spaceAfter: 28 });
  for (const [label, value] of particulars(meeting)) {
    writer.paragraph([{ text: `${label}: `, bold: true }, { text: value }], { size: 12, spaceAfter: 4 });
  }
  writer.space(36);
  writer.paragraph([{ text: model.meeting.kind === 'board' || model.meeting.kind === 'committee' ? 'Board pack' : 'Meeting pack', bold: true }], {
    size: 20,
    spaceAfter: 4,
  });
  if (model.issuedOn) writer.paragraph([{ text: `Issued on ${formatLegalDate(model.issuedOn)}` }], { size: 11, colour: MUTED });
  return at;
}

interface AgendaLayout {
  at: Position;
  /** Where each item's line is, for the bookmarks of items without papers. */
  items: Position[];
  /** Where each paper's page number goes, keyed "itemIndex/paperIndex". */
  papers: Map<string, { page: PDFPage; y: number; right: number }>;
  fill: Array<{ page: PDFPage; y: number; right: number; text: string }>;
}

function drawAgenda(writer: Writer, items: NumberedItem[]): AgendaLayout {
  writer.newPage();
  const at = writer.heading('Agenda', 1);
  const layout: AgendaLayout = { at, items: [], papers: new Map(), fill: [] };
  const right = writer.left + writer.width;
  const reserve = 56;
  items.forEach(({ number, item, depth }, index) => {
    const indent = depth * 24;
    const size = 10.5;
    writer.ensure(size * 1.4 * 3);
    writer.space(depth === 0 ? 6 : 2);
    layout.items.push(writer.position());
    // The number hangs in the margin of the item's title, so titles line up.
    writer.marked(number, [{ text: item.title, bold: depth === 0 }], indent, { size, reserve, spaceAfter: 1 });
    const details = [
      item.presenter ? `Presenter: ${item.presenter}` : null,
      PURPOSE_LABEL[item.purpose],
      item.minutesAllotted ? duration(item.minutesAllotted) : null,
      item.startsAt ? `from ${item.startsAt}` : null,
    ].filter((d): d is string => d !== null);
    writer.paragraph([{ text: details.join(' · ') }], { size: 9, colour: MUTED, indent: indent + 18, reserve, spaceAfter: 2 });
    item.papers.forEach((paper, p) => {
      const lineHeight = 9.5 * 1.4;
      writer.ensure(lineHeight);
      layout.papers.set(`${index}/${p}`, { page: writer.page, y: writer.y - lineHeight + 9.5 * 0.3, right });
      writer.paragraph([{ text: 'Paper: ', italic: true }, { text: paper.title }], { size: 9.5, indent: indent + 18, reserve, spaceAfter: 1 });
    });
  });
  return layout;
}

/** Adds one paper's pages; returns its first page. A paper that cannot be shown gets a page saying why, never an exception. */
async function addPaper(doc: PDFDocument, fonts: FontSet, paper: PackPaper, number: string): Promise<PDFPage> {
  // The bytes decide, not the recorded kind: a file that lies about its type is shown as what it is.
  const kind = detectPaperKind(paper.bytes);
  switch (kind) {
    case 'pdf': {
      let source: PDFDocument;
      try {
        // Loaded even if encrypted, to say so: pdf-lib cannot decrypt, and its EncryptedPDFError
        // is not an instanceof-able class (compiled to ES5), so the flag is the reliable test.
        source = await PDFDocument.load(paper.bytes, { updateMetadata: false, ignoreEncryption: true });
      } catch {
        return placeholder(doc, fonts, paper, number, 'This PDF is damaged and cannot be read, so it could not be copied into the board pack.');
      }
      if (source.isEncrypted) {
        return placeholder(doc, fonts, paper, number, 'This PDF is password-protected (encrypted), so it cannot be copied into the board pack.');
      }
      try {
        const pages = await doc.copyPages(source, source.getPageIndices());
        if (pages.length === 0) return placeholder(doc, fonts, paper, number, 'This PDF has no pages.');
        pages.forEach((page) => doc.addPage(page));
        return pages[0]!;
      } catch {
        return placeholder(doc, fonts, paper, number, 'This PDF is damaged and cannot be read, so it could not be copied into the board pack.');
      }
    }
    case 'png':
    case 'jpeg': {
      try {
        const image = kind === 'png' ? await doc.embedPng(paper.bytes) : await doc.embedJpg(paper.bytes);
        // A wide image (a chart, a plan) goes on a landscape page.
        const size: [number, number] = image.width > image.height ? [A4[1], A4[0]] : A4;
        const writer = new Writer(doc, fonts, size);
        writer.margin.top = 40;
        const page = writer.newPage();
        writer.paragraph([{ text: `Item ${number} · ${paper.title}`, bold: true }], { size: 11, spaceAfter: 8 });
        const boxWidth = writer.width;
        const boxHeight = writer.y - writer.margin.bottom;
        const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
        const w = image.width * scale;
        const h = image.height * scale;
        page.drawImage(image, { x: writer.left + (boxWidth - w) / 2, y: writer.y - h, width: w, height: h });
        return page;
      } catch {
        return placeholder(doc, fonts, paper, number, 'This image is damaged and cannot be shown.');
      }
    }
    case 'docx':
    case 'xlsx':
      // Word and Excel files cannot be drawn here: pdf-lib only assembles PDFs, and turning an
      // Office file into pages needs Word or LibreOffice, which the app does not ship. So the pack
      // names the file and its fingerprint, and the reader opens the original from the meeting.
      return divider(doc, fonts, paper, number, kind === 'docx' ? 'a Word document' : 'an Excel workbook');
    default:
      return placeholder(doc, fonts, paper, number, 'This file is not a type that can be shown in the board pack.');
  }
}

function paperHeader(writer: Writer, paper: PackPaper, number: string): PDFPage {
  const page = writer.newPage();
  writer.space(120);
  writer.paragraph([{ text: `Item ${number}` }], { size: 12, colour: MUTED, spaceAfter: 4 });
  writer.paragraph([{ text: paper.title, bold: true }], { size: 20, leading: 1.25, spaceAfter: 14 });
  return page;
}

function fingerprint(writer: Writer, paper: PackPaper): void {
  writer.paragraph([{ text: 'File: ', bold: true }, { text: paper.fileName }], { size: 10, spaceAfter: 4 });
  writer.paragraph([{ text: 'SHA-256: ', bold: true }, { text: sha256(paper.bytes) }], { size: 9, spaceAfter: 14 });
}

function divider(doc: PDFDocument, fonts: FontSet, paper: PackPaper, number: string, what: string): PDFPage {
  const writer = new Writer(doc, fonts);
  const page = paperHeader(writer, paper, number);
  writer.paragraph([{ text: `This paper is ${what}, which cannot be shown inside the board pack.` }], { size: 11, spaceAfter: 8 });
  fingerprint(writer, paper);
  writer.paragraph([{ text: 'Open it from the meeting in Mutual Governance.', bold: true }], { size: 11, spaceAfter: 4 });
  writer.paragraph([{ text: 'The SHA-256 above identifies the file: the copy you open should show the same value.' }], { size: 9, colour: MUTED });
  return page;
}

function placeholder(doc: PDFDocument, fonts: FontSet, paper: PackPaper, number: string, reason: string): PDFPage {
  const writer = new Writer(doc, fonts);
  const page = paperHeader(writer, paper, number);
  writer.paragraph([{ text: reason }], { size: 11, spaceAfter: 8 });
  fingerprint(writer, paper);
  writer.paragraph([{ text: 'Open the original from the meeting in Mutual Governance, or ask the secretary for a readable copy.' }], { size: 11 });
  return page;
}
