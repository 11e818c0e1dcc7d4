import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ReportBlock, ReportDoc, ReportSection, ReportTable, ReportValue } from '../../../shared/contract/reports';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { visibleText } from '../../../shared/rules/csv-safety';
import { aboutLines, STATUS_WORDS } from './export-common';

/**
 * A report as a Word document (docx library) for boards that edit before publishing: a title
 * page stating the organisation, the date, when it was produced and the audit head; each section
 * a real heading (Heading 1 for a section, 2 for its subsections …), so Word's navigation pane
 * and a screen reader see the structure; tables as real tables with a header row that repeats on
 * each page; charts as the pictures drawn on screen with the chart's text alternative as the
 * picture's description (or, without a picture, the text alternative itself); parts left to
 * write highlighted so they cannot be missed.
 */

const FONT = 'Arial';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
/** The widest a chart is drawn, in pixels at 96 to the inch (16 cm: A4 less its margins). */
const MAX_CHART_PX = 605;

function lines(text: string, style: { bold?: boolean; italics?: boolean; size?: number; highlight?: 'yellow' } = {}): TextRun[] {
  // A control character kept in an old record would make the XML invalid (and Word refuse the file).
  return visibleText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

const para = (text: string, style: Parameters<typeof lines>[1] = {}, extra: { indent?: boolean; after?: number } = {}) =>
  new Paragraph({ children: lines(text, style), spacing: { after: extra.after ?? 120 }, ...(extra.indent ? { indent: { left: 567 } } : {}) });

function tableOf(header: string[], rows: string[][], options: { numeric?: boolean[]; total?: string[] } = {}): FileChild[] {
  const cell = (text: string, c: number, bold: boolean, shaded: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: lines(text, { bold }), alignment: options.numeric?.[c] ? AlignmentType.RIGHT : AlignmentType.LEFT })],
      ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E7E7' } } : {}),
    });
  const all = [
    new TableRow({ tableHeader: true, children: header.map((h, c) => cell(h, c, true, true)) }),
    ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, c) => cell(v, c, false, false)) })),
    ...(options.total ? [new TableRow({ cantSplit: true, children: options.total.map((v, c) => cell(v, c, true, false)) })] : []),
  ];
  // Word runs two tables together without a paragraph between them.
  return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: all }), new Paragraph({ children: [] })];
}

const shown = (v: ReportValue | undefined) => v?.display ?? '';

function reportTable(block: ReportTable): FileChild[] {
  const out: FileChild[] = [para(block.title, { bold: true }, { after: 60 })];
  if (block.rows.length === 0) {
    out.push(para(block.empty ?? 'None.', { italics: true }));
  } else {
    out.push(
      ...tableOf(
        block.columns.map((c) => c.label),
        block.rows.map((r) => block.columns.map((c) => shown(r[c.key]))),
        { numeric: block.columns.map((c) => c.numeric === true), ...(block.total ? { total: block.columns.map((c) => shown(block.total![c.key])) } : {}) },
      ),
    );
  }
  if (block.note) out.push(para(block.note, { size: 18 }));
  return out;
}

/** A PNG's size in pixels, from its IHDR chunk; null if it is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

function block(b: ReportBlock, charts: ReadonlyMap<string, Uint8Array>): FileChild[] {
  switch (b.type) {
    case 'text':
      return [para(b.text, b.tone === 'law' ? { italics: true } : b.tone === 'note' ? { size: 18 } : {})];
    case 'figures':
      return tableOf(
        ['Figure', 'Value'],
        b.items.map((i) => [i.note ? `${i.label} (${i.note})` : i.label, i.value.display]),
        { numeric: [false, true] },
      );
    case 'table':
      return reportTable(b);
    case 'chart': {
      const png = charts.get(b.id);
      const size = png ? pngSize(png) : null;
      if (png && size) {
        const scale = Math.min(1, MAX_CHART_PX / size.width);
        return [
          para(b.title, { bold: true }, { after: 60 }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
                altText: { name: b.title, title: b.title, description: b.alt },
              }),
            ],
            spacing: { after: 120 },
          }),
        ];
      }
      // No picture: the chart in words (its table is in the document too).
      return [para(b.title, { bold: true }, { after: 60 }), para(b.alt)];
    }
    case 'statement':
      return [
        new Paragraph({ children: [...lines(b.title, { bold: true }), new TextRun({ text: ` (${STATUS_WORDS[b.status]})`, bold: true })], spacing: { after: 60 } }),
        para(b.text),
        ...(b.evidence.length > 0 ? [para('Evidence:', { italics: true }, { after: 40 }), ...b.evidence.map((e) => new Paragraph({ children: lines(e), bullet: { level: 0 } }))] : []),
        ...(b.citation ? [para(b.citation, { size: 18, italics: true })] : []),
      ];
    case 'toWrite':
      return [
        new Paragraph({
          children: [...lines(`[To write: ${b.title}]`, { bold: true, highlight: 'yellow' }), ...lines(` ${b.why}`, { highlight: 'yellow' })],
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'B58900', space: 6 } },
          spacing: { after: 120 },
        }),
      ];
    case 'quote':
      return [...(b.title ? [para(b.title, { bold: true }, { after: 60 })] : []), ...b.paragraphs.map((p) => para(p, {}, { indent: true }))];
    case 'form':
      return [
        para(b.title, { bold: true }, { after: 60 }),
        ...(b.intro ? [para(b.intro)] : []),
        ...b.fields.flatMap((f) => [
          para(f, {}, { after: 0 }),
          // A blank line to write on.
          new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, spacing: { before: 360, after: 240 } }),
        ]),
      ];
  }
}

function section(s: ReportSection, depth: number, charts: ReadonlyMap<string, Uint8Array>): FileChild[] {
  return [
    new Paragraph({ heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)], children: lines(s.title) }),
    ...s.blocks.flatMap((b) => block(b, charts)),
    ...(s.sections ?? []).flatMap((sub) => section(sub, depth + 1, charts)),
  ];
}

export async function reportDocx(doc: ReportDoc, charts: readonly { id: string; png: string }[] = []): Promise<Uint8Array> {
  const pictures = new Map(charts.map((c) => [c.id, new Uint8Array(Buffer.from(c.png, 'base64'))]));
  const about = aboutLines(doc);
  const titlePage: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: lines(doc.title), spacing: { before: 2400, after: 480 } }),
    ...about.map((l) => para(`${l.label}: ${l.value}`)),
    new Paragraph({ children: [], pageBreakBefore: true }),
  ];
  const missing: FileChild[] =
    doc.missing.length === 0
      ? []
      : [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: lines('What the records could not fill') }),
          para('These parts are left for the secretary to write or to check against records the app does not keep:'),
          ...doc.missing.map((m) => new Paragraph({ children: lines(`${sectionTitle(doc, m.section) ?? m.section}: ${m.what}`), bullet: { level: 0 } })),
        ];
  const when = doc.period.from ? `${formatLegalDate(doc.period.from)} to ${formatLegalDate(doc.period.to)}` : `as at ${formatLegalDate(doc.period.to)}`;
  const file = new Document({
    creator: 'Mutual Governance',
    lastModifiedBy: 'Mutual Governance',
    title: visibleText(`${doc.title}, ${doc.organisation.name}`),
    subject: when,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: lines(`${doc.organisation.name}: ${doc.title}, ${when}`, { size: 14 }) }),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children: [...titlePage, ...doc.sections.flatMap((s) => section(s, 0, pictures)), ...missing],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** A section's title by its id, anywhere in the document. */
export function sectionTitle(doc: Pick<ReportDoc, 'sections'>, id: string): string | null {
  const find = (list: ReportSection[]): string | null => {
    for (const s of list) {
      if (s.id === id) return s.title;
      const inner = find(s.sections ?? []);
      if (inner) return inner;
    }
    return null;
  };
  return find(doc.sections);
}
