import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun as DocxTextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ListBlock, TextRun } from './models';
import type { DocBlock } from './doc-blocks';

/**
 * Blocks as a Word document through the docx library: real heading styles (so Word's navigation
 * pane and a screen reader see the structure), real lists and real tables, never text laid out
 * with spaces.
 */

const FONT = 'Arial';
const ORDERED = 'mg-ordered';

function runs(items: TextRun[], extra: { size?: number; bold?: boolean } = {}): DocxTextRun[] {
  const out: DocxTextRun[] = [];
  for (const run of items) {
    run.text.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
      out.push(new DocxTextRun({ text: line, bold: run.bold || extra.bold, italics: run.italic, size: extra.size, break: i > 0 ? 1 : undefined }));
    });
  }
  return out;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function renderDocxBlocks(blocks: DocBlock[]): FileChild[] {
  const out: FileChild[] = [];
  let listInstance = 0;
  const list = (block: ListBlock, level: number, instance: number) => {
    for (const item of block.items) {
      out.push(
        new Paragraph({
          children: runs(item.runs),
          ...(block.ordered ? { numbering: { reference: ORDERED, level, instance } } : { bullet: { level } }),
        }),
      );
      if (item.list) list(item.list, level + 1, item.list.ordered ? ++listInstance : instance);
    }
  };
  let pageBreakBefore = false;
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADINGS[block.level],
            alignment: block.align === 'centre' ? AlignmentType.CENTER : undefined,
            children: runs(block.runs),
            pageBreakBefore,
          }),
        );
        pageBreakBefore = false;
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            children: runs(block.runs, block.small ? { size: 18 } : {}),
            alignment: block.align === 'centre' ? AlignmentType.CENTER : block.align === 'right' ? AlignmentType.RIGHT : undefined,
            indent: block.indented ? { left: 480 } : undefined,
            spacing: { after: 120 },
            pageBreakBefore,
          }),
        );
        pageBreakBefore = false;
        break;
      case 'list':
        list(block, 0, ++listInstance);
        break;
      case 'table': {
        const widths = block.widths ?? block.rows[0]?.map(() => 1) ?? [];
        const total = widths.reduce((a, b) => a + b, 0) || 1;
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, r) =>
                new TableRow({
                  tableHeader: block.headerRow && r === 0,
                  children: row.map(
                    (cellRuns, c) =>
                      new TableCell({
                        width: { size: Math.round(((widths[c] ?? 1) / total) * 100), type: WidthType.PERCENTAGE },
                        children: [
                          new Paragraph({
                            children: runs(cellRuns, { bold: block.headerRow && r === 0 }),
                            alignment: block.alignRight?.includes(c) ? AlignmentType.RIGHT : undefined,
                          }),
                        ],
                      }),
                  ),
                }),
            ),
          }),
        );
        // Word runs two tables together without a paragraph between them.
        out.push(new Paragraph({ children: [] }));
        break;
      }
      case 'pageBreak':
        pageBreakBefore = true;
        break;
      case 'keepSpace':
        break;
    }
  }
  return out;
}

/** A whole Word file from blocks, with the footer lines and "Page n of N" at the foot of every page. */
export async function docxFromBlocks(blocks: DocBlock[], meta: { title: string; subject?: string; author?: string; footer: string[] }): Promise<Uint8Array> {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], texts: string[]) =>
    texts.map((text, level) => ({
      level,
      format,
      text,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    }));
  const doc = new Document({
    creator: meta.author ?? 'Mutual Governance',
    lastModifiedBy: 'Mutual Governance',
    title: meta.title,
    subject: meta.subject,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            ...levels(LevelFormat.DECIMAL, ['%1.']),
            ...levels(LevelFormat.LOWER_LETTER, ['', '(%2)']).slice(1),
            ...levels(LevelFormat.LOWER_ROMAN, ['', '', '(%3)']).slice(2),
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              ...meta.footer.map((line) => new Paragraph({ children: [new DocxTextRun({ text: line, size: 14 })] })),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new DocxTextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, bold: true })],
              }),
            ],
          }),
        },
        children: renderDocxBlocks(blocks),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
