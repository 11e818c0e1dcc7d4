import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Position } from './pdf-layout';

/**
 * PDF bookmarks (the document outline, ISO 32000-1 s12.3.3). pdf-lib has no API for them, so the
 * outline dictionaries are built by hand: an /Outlines root whose items are linked by
 * /Parent, /Prev, /Next, /First and /Last, each with a /Title and a /Dest on its page.
 */
export interface OutlineEntry {
  title: string;
  at: Position;
  children?: OutlineEntry[];
  /** Shown closed in the reader's bookmark panel (its children hidden until opened). */
  closed?: boolean;
}

export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();

  /** Writes one level of siblings under `parent`; returns their refs and how many items are visible. */
  const writeLevel = (items: OutlineEntry[], parent: PDFRef): { refs: PDFRef[]; visible: number } => {
    const refs = items.map(() => context.nextRef());
    let visible = items.length;
    items.forEach((item, i) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      // [page /XYZ left top zoom]: to the heading itself, keeping the reader's zoom (null).
      const dest = PDFArray.withContext(context);
      dest.push(item.at.page.ref);
      dest.push(PDFName.of('XYZ'));
      dest.push(PDFNumber.of(0));
      dest.push(PDFNumber.of(Math.round(item.at.y + 24)));
      dest.push(PDFNull);
      dict.set(PDFName.of('Dest'), dest);
      if (item.children && item.children.length > 0) {
        const child = writeLevel(item.children, refs[i]!);
        dict.set(PDFName.of('First'), child.refs[0]!);
        dict.set(PDFName.of('Last'), child.refs.at(-1)!);
        // A positive /Count means open with that many visible descendants; negative means closed.
        dict.set(PDFName.of('Count'), PDFNumber.of(item.closed ? -child.visible : child.visible));
        if (!item.closed) visible += child.visible;
      }
      context.assign(refs[i]!, dict);
    });
    return { refs, visible };
  };

  const top = writeLevel(entries, rootRef);
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.refs[0]!);
  root.set(PDFName.of('Last'), top.refs.at(-1)!);
  root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmarks panel showing, so a director finds item 6 without scrolling.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
