import { degrees, grayscale, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FontSet } from './fonts';
import type { TextRun } from './models';

/**
 * A small flowing-text writer over pdf-lib, which only draws text at a point: word wrapping of
 * bold and italic runs, page breaks, lists and tables that continue across pages with their
 * header repeated. Enough for notices, agendas and minutes; nothing here knows about meetings.
 */

/** A4 in points (ISO 216: 210 × 297 mm). */
export const A4: [number, number] = [595.28, 841.89];

export const INK = grayscale(0.1);
export const MUTED = grayscale(0.35);
const RULE = grayscale(0.6);
const HEADER_FILL = grayscale(0.9);

export interface Position {
  page: PDFPage;
  /** Distance from the bottom of the page, in points. */
  y: number;
}

interface Segment {
  text: string;
  font: PDFFont;
  width: number;
}

interface Line {
  segments: Segment[];
  width: number;
}

export interface ParagraphOptions {
  size?: number;
  /** Space between baselines as a multiple of the size. */
  leading?: number;
  indent?: number;
  align?: 'left' | 'centre' | 'right';
  colour?: Color;
  spaceAfter?: number;
  /** Bold for the whole paragraph, on top of the runs' own bold. */
  bold?: boolean;
  /** Points kept free at the right (for page numbers in an agenda). */
  reserve?: number;
}

export interface TableOptions {
  /** Relative widths of the columns; equal if left out. */
  widths?: number[];
  headerRow: boolean;
  size?: number;
  /** Right-align these columns (numbers). */
  alignRight?: number[];
}

/** Control characters other than the line break would print as missing glyphs. */
export function clean(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = ch.codePointAt(0)!;
    if (code === 10 || (code >= 32 && code !== 127)) out += ch;
  }
  return out;
}

export class Writer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly margin = { top: 56, bottom: 64, left: 56, right: 56 };

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
    readonly pageSize: [number, number] = A4,
  ) {}

  get left(): number {
    return this.margin.left;
  }

  get width(): number {
    return this.pageSize[0] - this.margin.left - this.margin.right;
  }

  get top(): number {
    return this.pageSize[1] - this.margin.top;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage(this.pageSize);
    this.pages.push(this.page);
    this.y = this.top;
    return this.page;
  }

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void {
    if (this.pages.length === 0 || this.y - height < this.margin.bottom) this.newPage();
  }

  position(): Position {
    if (this.pages.length === 0) this.newPage();
    return { page: this.page, y: this.y };
  }

  space(points: number): void {
    this.y -= points;
  }

  font(run: { bold?: boolean; italic?: boolean }): PDFFont {
    if (run.bold) return run.italic ? this.fonts.boldItalic : this.fonts.bold;
    return run.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** Breaks runs into lines no wider than `width`, breaking at spaces (and inside a word only when it alone is too wide). */
  layout(runs: TextRun[], size: number, width: number, bold = false): Line[] {
    const lines: Line[] = [];
    let line: Line = { segments: [], width: 0 };
    let pendingSpace: Segment | null = null;
    const push = (text: string, font: PDFFont, w: number) => {
      const last = line.segments.at(-1);
      if (last && last.font === font) {
        last.text += text;
        last.width += w;
      } else {
        line.segments.push({ text, font, width: w });
      }
      line.width += w;
    };
    const endLine = () => {
      lines.push(line);
      line = { segments: [], width: 0 };
      pendingSpace = null;
    };
    for (const run of runs) {
      const font = this.font({ bold: bold || run.bold, italic: run.italic });
      for (const token of clean(run.text).split(/(\n| +)/)) {
        if (token === '') continue;
        if (token === '\n') {
          endLine();
          continue;
        }
        if (token.startsWith(' ')) {
          // A space is only drawn if a word follows it on the same line.
          if (line.segments.length > 0) pendingSpace = { text: ' ', font, width: font.widthOfTextAtSize(' ', size) };
          continue;
        }
        let word = token;
        let w = font.widthOfTextAtSize(word, size);
        const spaceWidth: number = pendingSpace ? (pendingSpace as Segment).width : 0;
        if (line.width + spaceWidth + w > width && line.segments.length > 0) endLine();
        // A word wider than the whole line (a URL, a hash) is broken where it must be.
        while (w > width - line.width) {
          let cut = word.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width - line.width) cut -= 1;
          const head = word.slice(0, Math.max(cut, 1));
          push(head, font, font.widthOfTextAtSize(head, size));
          endLine();
          word = word.slice(head.length);
          w = font.widthOfTextAtSize(word, size);
        }
        if (word === '') continue;
        if (pendingSpace && line.segments.length > 0) {
          const space = pendingSpace as Segment;
          push(space.text, space.font, space.width);
        }
        pendingSpace = null;
        push(word, font, w);
      }
    }
    if (line.segments.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  drawLine(page: PDFPage, line: Line, x: number, baseline: number, size: number, colour: Color): void {
    let at = x;
    for (const segment of line.segments) {
      page.drawText(segment.text, { x: at, y: baseline, size, font: segment.font, color: colour });
      at += segment.width;
    }
  }

  /** A paragraph of runs, wrapped and broken across pages as needed. */
  paragraph(runs: TextRun[], options: ParagraphOptions = {}): void {
    const { size = 10.5, leading = 1.4, indent = 0, align = 'left', colour = INK, spaceAfter = 6, bold = false, reserve = 0 } = options;
    const width = this.width - indent - reserve;
    const lineHeight = size * leading;
    for (const line of this.layout(runs, size, width, bold)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const x = this.left + indent + (align === 'centre' ? (width - line.width) / 2 : align === 'right' ? width - line.width : 0);
      this.drawLine(this.page, line, x, this.y + size * 0.3, size, colour);
    }
    this.y -= spaceAfter;
  }

  /** A paragraph with a marker (bullet or number) hanging to its left, as in a list. */
  marked(marker: string, runs: TextRun[], indent: number, options: ParagraphOptions = {}): void {
    const size = options.size ?? 10.5;
    const gap = 18;
    const lineHeight = size * (options.leading ?? 1.4);
    this.ensure(lineHeight);
    // The marker is drawn first so that copied text (and a screen reader) meets "4.1" before the title.
    const font = this.fonts.regular;
    this.page.drawText(marker, {
      x: this.left + indent + gap - 5 - font.widthOfTextAtSize(marker, size),
      y: this.y - lineHeight + size * 0.3,
      size,
      font,
      color: options.colour ?? INK,
    });
    this.paragraph(runs, { ...options, indent: indent + gap, spaceAfter: options.spaceAfter ?? 3 });
  }

  heading(text: string, level: 1 | 2 | 3, options: { align?: 'left' | 'centre' } = {}): Position {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11.5;
    // Keep a heading with at least two lines of what follows it.
    this.ensure(size * 1.5 + 10 + 30);
    this.y -= level === 1 ? 4 : 8;
    const at = this.position();
    this.paragraph([{ text, bold: true }], { size, leading: 1.3, spaceAfter: level === 1 ? 8 : 4, align: options.align });
    return at;
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 6;
  }

  /** A table whose rows are broken across pages line by line if need be, with the header row repeated. */
  table(rows: TextRun[][][], options: TableOptions): void {
    if (rows.length === 0) return;
    const size = options.size ?? 9.5;
    const pad = 4;
    const lineHeight = size * 1.35;
    const columns = Math.max(...rows.map((r) => r.length));
    const weights = options.widths ?? Array.from({ length: columns }, () => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * this.width);
    const laid = rows.map((row, r) =>
      widths.map((w, c) => this.layout(row[c] ?? [], size, w - 2 * pad, options.headerRow && r === 0)),
    );
    const header = options.headerRow ? laid[0]! : null;
    const fullPage = this.top - this.margin.bottom - 2 * pad;

    const drawRow = (cells: Line[][], from: number[], count: number, fill: boolean) => {
      const height = count * lineHeight + 2 * pad;
      let x = this.left;
      cells.forEach((lines, c) => {
        const w = widths[c]!;
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: w,
          height,
          borderColor: RULE,
          borderWidth: 0.5,
          ...(fill ? { color: HEADER_FILL } : {}),
        });
        lines.slice(from[c]!, from[c]! + count).forEach((line, i) => {
          const baseline = this.y - pad - (i + 1) * lineHeight + size * 0.3;
          const right = options.alignRight?.includes(c) ?? false;
          this.drawLine(this.page, line, right ? x + w - pad - line.width : x + pad, baseline, size, INK);
        });
        x += w;
      });
      this.y -= height;
    };

    const startPage = (withHeader: boolean) => {
      this.newPage();
      if (withHeader && header) drawRow(header, header.map(() => 0), Math.max(...header.map((l) => l.length)), true);
    };

    laid.forEach((cells, r) => {
      const isHeader = header !== null && r === 0;
      const from = cells.map(() => 0);
      let remaining = Math.max(...cells.map((l) => l.length));
      // A row that fits on a fresh page is never split: it moves over whole.
      const height = remaining * lineHeight + 2 * pad;
      const headerHeight = header && !isHeader ? Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad : 0;
      if (this.pages.length === 0 || (this.y - height < this.margin.bottom && height <= fullPage - headerHeight)) {
        startPage(!isHeader && r > 0);
      } else if (isHeader && this.y - height - lineHeight - 2 * pad < this.margin.bottom) {
        startPage(false);
      }
      while (remaining > 0) {
        const fits = Math.floor((this.y - this.margin.bottom - 2 * pad) / lineHeight);
        if (fits < 1) {
          startPage(!isHeader);
          continue;
        }
        const count = Math.min(fits, remaining);
        drawRow(cells, from, count, isHeader);
        cells.forEach((_, c) => (from[c] = from[c]! + count));
        remaining -= count;
        if (remaining > 0) startPage(!isHeader);
      }
    });
    this.y -= 8;
  }
}

/**
 * Draws a line of text along the visual bottom of a page, whatever its /Rotate: papers copied
 * into a pack are often landscape pages stored as rotated portrait ones.
 */
export function drawAtFoot(
  page: PDFPage,
  text: string,
  options: { font: PDFFont; size: number; fromBottom: number; align: 'left' | 'right' | 'centre'; inset?: number; colour?: Color },
): void {
  const { font, size, fromBottom, align, inset = 36, colour = MUTED } = options;
  const box = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const sideways = rotation === 90 || rotation === 270;
  const visualWidth = sideways ? box.height : box.width;
  const textWidth = font.widthOfTextAtSize(text, size);
  const along = align === 'left' ? inset : align === 'right' ? visualWidth - inset - textWidth : (visualWidth - textWidth) / 2;
  const at =
    rotation === 0
      ? { x: box.x + along, y: box.y + fromBottom }
      : rotation === 90
        ? { x: box.x + box.width - fromBottom, y: box.y + along }
        : rotation === 180
          ? { x: box.x + box.width - along, y: box.y + box.height - fromBottom }
          : { x: box.x + fromBottom, y: box.y + box.height - along };
  page.drawText(text, { ...at, size, font, color: colour, rotate: degrees(rotation) });
}
