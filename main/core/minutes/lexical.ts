import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { AppError } from '../errors';
import type { Block, ListBlock, ListItem, TextRun } from '../meetings/print/models';

/**
 * The minutes' narrative is Lexical's serialised editor state (JSON), never HTML: what the
 * secretary typed is stored as structure, so no markup from a page can reach the file, a printed
 * copy or the sealed record. The renderer's editor registers exactly these nodes (import this
 * list), and the core parses every saved body with a headless editor built from the same list,
 * so a state the editor could not have produced is refused.
 */
export const MINUTES_NODES: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode];

/** Node types a minutes body may contain: the built-in ones and those of MINUTES_NODES. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'table']);
const INLINE_TYPES = new Set(['text', 'linebreak', 'tab']);
const CHILDREN: Record<string, ReadonlySet<string>> = {
  root: BLOCK_TYPES,
  paragraph: INLINE_TYPES,
  heading: INLINE_TYPES,
  quote: INLINE_TYPES,
  list: new Set(['listitem']),
  listitem: new Set([...INLINE_TYPES, 'list', 'paragraph']),
  table: new Set(['tablerow']),
  tablerow: new Set(['tablecell']),
  tablecell: new Set(['paragraph', 'heading', 'quote', 'list']),
};
const ELEMENT_WORDS: Record<string, string> = {
  root: 'the document',
  paragraph: 'a paragraph',
  heading: 'a heading',
  quote: 'a quotation',
  list: 'a list',
  listitem: 'a list item',
  table: 'a table',
  tablerow: 'a table row',
  tablecell: 'a table cell',
};

/** Lexical's text format bits (TextNode): bold 1, italic 2. */
const BOLD = 1;
const ITALIC = 2;

interface JsonNode {
  type: string;
  children?: JsonNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  headerState?: number;
}

function refuse(message: string): never {
  throw AppError.field('body', message);
}

/** Checks the shape beyond what Lexical checks itself (it accepts a text node whose text is a number). */
function checkNode(node: unknown, parent: string, path: string): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) refuse(`The minutes are not in the editor’s format: ${path} is not a node.`);
  const n = node as Record<string, unknown>;
  const type = n.type;
  if (typeof type !== 'string') refuse(`The minutes are not in the editor’s format: ${path} has no type.`);
  const allowed = CHILDREN[parent]!;
  if (!allowed.has(type)) {
    if (!(type in CHILDREN) && !INLINE_TYPES.has(type)) refuse(`The minutes contain a kind of content the editor does not use (“${type.slice(0, 40)}”); only headings, paragraphs, quotations, lists and tables are kept.`);
    refuse(`The minutes are not in the editor’s format: ${ELEMENT_WORDS[parent]} cannot contain “${type}”.`);
  }
  if (type === 'text' && typeof n.text !== 'string') refuse(`The minutes are not in the editor’s format: ${path} has text that is not a string.`);
  if (type === 'text' && n.format !== undefined && typeof n.format !== 'number') refuse(`The minutes are not in the editor’s format: ${path} has an unreadable format.`);
  if (type in CHILDREN) {
    if (!Array.isArray(n.children)) refuse(`The minutes are not in the editor’s format: ${ELEMENT_WORDS[type]} at ${path} has no children.`);
    (n.children as unknown[]).forEach((c, i) => checkNode(c, type, `${path}.${i + 1}`));
  }
}

let editor: ReturnType<typeof createHeadlessEditor> | null = null;
function headless() {
  editor ??= createHeadlessEditor({
    namespace: 'minutes',
    nodes: [...MINUTES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  return editor;
}

/**
 * Parses a minutes body as the editor would: refuses HTML, anything that is not JSON, node types
 * outside MINUTES_NODES and the built-in ones, and any state the headless editor cannot load.
 * Returns the state as Lexical serialises it again (unknown properties dropped), which is what is
 * stored.
 */
export function parseMinutesBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('<')) refuse('The minutes must be saved from the minutes editor as structured text; HTML is not accepted.');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    refuse('The minutes are not in the editor’s format (they are not JSON). Save them from the minutes editor.');
  }
  const root = (json as { root?: unknown } | null)?.root;
  if (json === null || typeof json !== 'object' || root === null || typeof root !== 'object' || (root as { type?: unknown }).type !== 'root') {
    refuse('The minutes are not in the editor’s format: there is no document root. Save them from the minutes editor.');
  }
  const rootChildren = (root as { children?: unknown }).children;
  if (!Array.isArray(rootChildren)) refuse('The minutes are not in the editor’s format: the document has no content list. Save them from the minutes editor.');
  rootChildren.forEach((c, i) => checkNode(c, 'root', `block ${i + 1}`));
  try {
    const state = headless().parseEditorState(trimmed);
    return JSON.stringify(state.toJSON());
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 160) : 'unknown';
    refuse(`The minutes are not a state the editor can open (${why}).`);
  }
}

/** The stored body as JSON, for the converter (already parsed when saved). */
function rootOf(body: string): JsonNode {
  const json = JSON.parse(body) as { root: JsonNode };
  return json.root;
}

function runsOf(nodes: readonly JsonNode[] | undefined): TextRun[] {
  const runs: TextRun[] = [];
  const push = (text: string, bold: boolean, italic: boolean) => {
    const last = runs.at(-1);
    if (last && !!last.bold === bold && !!last.italic === italic) {
      last.text += text;
      return;
    }
    runs.push({ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  };
  for (const n of nodes ?? []) {
    if (n.type === 'text') {
      const f = typeof n.format === 'number' ? n.format : 0;
      push(n.text ?? '', (f & BOLD) !== 0, (f & ITALIC) !== 0);
    } else if (n.type === 'linebreak') push('\n', false, false);
    else if (n.type === 'tab') push('\t', false, false);
  }
  return runs;
}

function listOf(node: JsonNode): ListBlock {
  const items: ListItem[] = [];
  for (const li of node.children ?? []) {
    const nested = (li.children ?? []).find((c) => c.type === 'list');
    const inline = (li.children ?? []).filter((c) => c.type !== 'list');
    const flat = inline.flatMap((c) => (c.type === 'paragraph' ? (c.children ?? []) : [c]));
    if (nested && flat.length === 0 && items.length > 0) {
      // Lexical nests a list in an item of its own after the item it belongs to.
      items[items.length - 1]!.list = listOf(nested);
      continue;
    }
    items.push({ runs: runsOf(flat), ...(nested ? { list: listOf(nested) } : {}) });
  }
  return { type: 'list', ordered: node.listType === 'number', items };
}

function cellRuns(cell: JsonNode): TextRun[] {
  const runs: TextRun[] = [];
  (cell.children ?? []).forEach((block, i) => {
    if (i > 0) runs.push({ text: '\n' });
    if (block.type === 'list') for (const item of listOf(block).items) runs.push(...item.runs, { text: '\n' });
    else runs.push(...runsOf(block.children));
  });
  return runs;
}

function headingLevel(tag: string | undefined): 1 | 2 | 3 {
  return tag === 'h1' ? 1 : tag === 'h2' ? 2 : 3;
}

/** The minutes' narrative as the plain blocks the PDF and DOCX producers print (print/models.ts). */
export function toBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const node of rootOf(body).children ?? []) {
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', level: headingLevel(node.tag), runs: runsOf(node.children) });
        break;
      case 'quote':
        blocks.push({ type: 'paragraph', runs: runsOf(node.children).map((r) => ({ ...r, italic: true })) });
        break;
      case 'list':
        blocks.push(listOf(node));
        break;
      case 'table': {
        const rows = (node.children ?? []).map((row) => (row.children ?? []).map(cellRuns));
        const first = node.children?.[0]?.children ?? [];
        const headerRow = first.length > 0 && first.every((c) => ((c.headerState ?? 0) & 1) === 1);
        blocks.push({ type: 'table', headerRow, rows });
        break;
      }
      default:
        blocks.push({ type: 'paragraph', runs: runsOf(node.children) });
    }
  }
  return blocks;
}

/** The text of the narrative, one line per block (for messages and search). */
export function plainText(body: string): string {
  return toBlocks(body)
    .map((b) => (b.type === 'list' ? b.items.map((i) => i.runs.map((r) => r.text).join('')).join('\n') : b.type === 'table' ? b.rows.map((r) => r.map((c) => c.map((x) => x.text).join('')).join('\t')).join('\n') : b.runs.map((r) => r.text).join('')))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Building a state (the generated draft, a correction's text)

export type DraftBlock = { type: 'heading'; level: 2 | 3; text: string } | { type: 'paragraph'; runs: TextRun[] };

const textNode = (r: TextRun) => ({ detail: 0, format: (r.bold ? BOLD : 0) | (r.italic ? ITALIC : 0), mode: 'normal', style: '', text: r.text, type: 'text', version: 1 });

function inline(runs: readonly TextRun[]) {
  const out: unknown[] = [];
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push({ type: 'linebreak', version: 1 });
      if (part !== '') out.push(textNode({ ...r, text: part }));
    });
  }
  return out;
}

/** A Lexical state from simple blocks, checked by parsing it as any saved body is. */
export function buildState(blocks: readonly DraftBlock[]): string {
  const element = { direction: null, format: '', indent: 0, version: 1 };
  const children = blocks.map((b) =>
    b.type === 'heading'
      ? { ...element, type: 'heading', tag: `h${b.level}`, children: inline([{ text: b.text }]) }
      : { ...element, type: 'paragraph', textFormat: 0, textStyle: '', children: inline(b.runs) },
  );
  return parseMinutesBody(JSON.stringify({ root: { ...element, type: 'root', children } }));
}

/** Paragraphs from plain text: one per blank-line-separated paragraph, line breaks kept. */
export function stateFromText(text: string): string {
  const paras = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return buildState(paras.map((p) => ({ type: 'paragraph', runs: [{ text: p }] })));
}
