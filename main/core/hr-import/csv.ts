import Papa from 'papaparse';
import { headingNames } from '../import-upload';

/** One data row of the file, with the line it starts on (the heading row is line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
  /** Set when the parser could not read the row cleanly (an unclosed quotation mark). */
  problem?: string;
}

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
}

export interface ParseOptions {
  /** Called between pieces so a long parse gives the event loop back. */
  checkpoint?: () => Promise<void>;
  onProgress?: (doneChars: number, totalChars: number) => void;
  /** Characters per piece handed to papaparse at once (tests use small pieces). */
  pieceChars?: number;
}

const PIECE_CHARS = 256 * 1024;

/**
 * Reads an HR system's CSV export with papaparse, a piece at a time so no slice of work holds
 * the event loop: the text is cut at line ends that are outside quoted values (an even number
 * of quotation marks before the cut), and each piece is parsed on its own with the delimiter
 * and line ending found in the first. Rows keep the file line they start on, which is what a
 * secretary sees when the file is opened in a spreadsheet or text editor. Blank lines are skipped.
 */
export async function parseCsv(input: string, options: ParseOptions = {}): Promise<ParsedCsv> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const newline = detectNewline(text);
  const pieceChars = options.pieceChars ?? PIECE_CHARS;
  let delimiter: string | undefined;
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  let line = 1;
  let start = 0;
  while (start < text.length) {
    const end = pieceEnd(text, start, pieceChars, newline);
    const piece = text.slice(start, end);
    const result = Papa.parse<string[]>(piece, { delimiter: delimiter ?? '', newline, skipEmptyLines: false, header: false });
    delimiter ??= result.meta.delimiter || ',';
    const problems = new Map<number, string>();
    for (const e of result.errors) {
      if (e.type === 'Quotes' && e.row !== undefined && !problems.has(e.row)) {
        problems.set(e.row, 'A quotation mark in this row is not closed, so the values after it could not be read; check the quotes in the row.');
      }
    }
    const mayHaveQuotedBreaks = piece.includes('"');
    const breakChar = newline === '\r' ? '\r' : '\n';
    const data = result.data;
    for (let i = 0; i < data.length; i++) {
      const fields = data[i]!;
      const rowLine = line;
      if (mayHaveQuotedBreaks) {
        for (const f of fields) if (f.includes(breakChar)) line += countOf(f, breakChar);
      }
      line += 1;
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (headers === null) {
        headers = headingNames(fields);
        continue;
      }
      const problem = problems.get(i);
      rows.push(problem ? { line: rowLine, fields, problem } : { line: rowLine, fields });
    }
    start = end + newline.length;
    options.onProgress?.(Math.min(start, text.length), text.length);
    if (options.checkpoint) await options.checkpoint();
  }
  return { headers: headers ?? [], rows };
}

/** The file's line ending, from the first one found: Windows, Unix or old Mac. */
function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Where the piece starting at `start` ends: the first line end at or after `start + size`
 * with an even number of quotation marks between `start` and it (so not inside a value).
 * Returns the index of the line end, or the text's length.
 */
function pieceEnd(text: string, start: number, size: number, newline: string): number {
  if (start + size >= text.length) return text.length;
  let quotes = 0;
  let scanned = start;
  let at = text.indexOf(newline, start + size);
  while (at !== -1) {
    for (let q = text.indexOf('"', scanned); q !== -1 && q < at; q = text.indexOf('"', q + 1)) quotes += 1;
    scanned = at;
    if (quotes % 2 === 0) return at;
    at = text.indexOf(newline, at + newline.length);
  }
  return text.length;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n += 1;
  return n;
}

/**
 * Text from the file's bytes: UTF-8 (with or without a byte-order mark) when the bytes are valid
 * UTF-8, otherwise Windows-1252, which is what spreadsheet programs on Windows save "CSV" as.
 * Decoded a megabyte at a time, with `checkpoint` between pieces.
 */
export async function decodeCsvBytes(bytes: Uint8Array, checkpoint: () => Promise<void> = async () => {}): Promise<string> {
  const PIECE = 1024 * 1024;
  const decode = async (decoder: InstanceType<typeof TextDecoder>): Promise<string> => {
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i += PIECE) {
      parts.push(decoder.decode(bytes.subarray(i, i + PIECE), { stream: i + PIECE < bytes.length }));
      await checkpoint();
    }
    return parts.join('');
  };
  try {
    return await decode(new TextDecoder('utf-8', { fatal: true }));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return decode(new TextDecoder('windows-1252'));
  }
}
