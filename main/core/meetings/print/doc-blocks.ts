import type { ListBlock, TextRun } from './models';

/**
 * The blocks a printed document is made of. The notice and the minutes are written once as
 * blocks and rendered twice, to PDF (blocks-pdf.ts) and to Word (blocks-docx.ts), so the two
 * never say different things. The public rich-text `Block` of models.ts is a subset of these.
 */
export type DocBlock =
  | {
      type: 'heading';
      level: 1 | 2 | 3;
      runs: TextRun[];
      /** Also a PDF bookmark (level 1 at the top, level 2 under the level 1 before it). */
      bookmark?: boolean;
      align?: 'left' | 'centre';
    }
  | {
      type: 'paragraph';
      runs: TextRun[];
      align?: 'left' | 'centre' | 'right';
      /** Smaller, muted type: notes and statements of law. */
      small?: boolean;
      /** Indented, as the text of a resolution is. */
      indented?: boolean;
    }
  | ListBlock
  | {
      type: 'table';
      headerRow: boolean;
      rows: TextRun[][][];
      /** Relative column widths. */
      widths?: number[];
      alignRight?: number[];
    }
  | { type: 'pageBreak' }
  /** Starts a new page unless this many points are left, to keep what follows together (the signature block). Word decides for itself. */
  | { type: 'keepSpace'; points: number };

/** Plain text as one run. */
export const t = (text: string, style: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ text, ...style });

export const para = (...runs: Array<TextRun | string>): DocBlock => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? t(r) : r)),
});

export const heading = (level: 1 | 2 | 3, text: string, bookmark = false): DocBlock => ({
  type: 'heading',
  level,
  runs: [t(text)],
  bookmark,
});

/** A table cell of plain text. */
export const cell = (text: string | null | undefined, style: { bold?: boolean; italic?: boolean } = {}): TextRun[] => [t(text ?? '', style)];

/** Paragraphs from text with blank lines between them (resolution texts are typed that way). */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export const runsText = (runs: TextRun[]): string => runs.map((r) => r.text).join('');
