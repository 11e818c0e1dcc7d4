import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINUTES_NODES, parseMinutesBody, stateFromText, toBlocks } from './lexical';

const el = { direction: null, format: '', indent: 0, version: 1 };
const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' });
const doc = (...children: unknown[]) => JSON.stringify({ root: { ...el, type: 'root', children } });

describe('the minutes body as Lexical state', () => {
  it('registers the nodes the renderer’s editor uses', () => {
    expect(MINUTES_NODES.map((n) => n.getType())).toEqual(['heading', 'quote', 'list', 'listitem', 'table', 'tablerow', 'tablecell']);
  });

  it('converts headings, bold and italic runs, line breaks, nested lists and tables into print blocks', () => {
    const body = parseMinutesBody(
      doc(
        { ...el, type: 'heading', tag: 'h2', children: [text('4. Finance')] },
        { ...el, type: 'paragraph', children: [text('The board '), text('approved', 1), text(' the '), text('budget', 3), { type: 'linebreak', version: 1 }, text('and thanked staff.')] },
        {
          ...el,
          type: 'list',
          listType: 'number',
          start: 1,
          tag: 'ol',
          children: [
            { ...el, type: 'listitem', value: 1, children: [text('Revenue')] },
            { ...el, type: 'listitem', value: 2, children: [{ ...el, type: 'list', listType: 'bullet', start: 1, tag: 'ul', children: [{ ...el, type: 'listitem', value: 1, children: [text('Grants')] }] }] },
          ],
        },
        {
          ...el,
          type: 'table',
          children: [
            { ...el, type: 'tablerow', children: [{ ...el, type: 'tablecell', headerState: 1, colSpan: 1, children: [{ ...el, type: 'paragraph', children: [text('Line')] }] }, { ...el, type: 'tablecell', headerState: 1, colSpan: 1, children: [{ ...el, type: 'paragraph', children: [text('£')] }] }] },
            { ...el, type: 'tablerow', children: [{ ...el, type: 'tablecell', headerState: 0, colSpan: 1, children: [{ ...el, type: 'paragraph', children: [text('Staff')] }] }, { ...el, type: 'tablecell', headerState: 0, colSpan: 1, children: [{ ...el, type: 'paragraph', children: [text('1,200')] }] }] },
          ],
        },
      ),
    );
    expect(toBlocks(body)).toEqual([
      { type: 'heading', level: 2, runs: [{ text: '4. Finance' }] },
      { type: 'paragraph', runs: [{ text: 'The board ' }, { text: 'approved', bold: true }, { text: ' the ' }, { text: 'budget', bold: true, italic: true }, { text: '\nand thanked staff.' }] },
      { type: 'list', ordered: true, items: [{ runs: [{ text: 'Revenue' }], list: { type: 'list', ordered: false, items: [{ runs: [{ text: 'Grants' }] }] } }] },
      { type: 'table', headerRow: true, rows: [[[{ text: 'Line' }], [{ text: '£' }]], [[{ text: 'Staff' }], [{ text: '1,200' }]]] },
    ]);
  });

  it('builds paragraphs from plain text, and drops properties the editor does not know', () => {
    expect(toBlocks(stateFromText('One.\n\nTwo\nlines.'))).toEqual([
      { type: 'paragraph', runs: [{ text: 'One.' }] },
      { type: 'paragraph', runs: [{ text: 'Two\nlines.' }] },
    ]);
    const saved = parseMinutesBody(doc({ ...el, type: 'paragraph', onclick: 'alert(1)', children: [text('x')] }));
    expect(saved).not.toContain('onclick');
  });
});

describe('the renderer’s editor', () => {
  it('registers the same nodes, in the same order (renderer/src/features/minutes/nodes.ts keeps a copy, as the renderer may not import the core)', () => {
    const source = readFileSync(join(__dirname, '../../../renderer/src/features/minutes/nodes.ts'), 'utf8');
    const list = /MINUTES_NODES[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
    expect(list.split(',').map((s) => s.trim()).filter(Boolean)).toEqual(MINUTES_NODES.map((n) => n.name));
  });
});
