import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans, embedded (subset to the glyphs used) in every PDF we produce. The fourteen
 * standard PDF fonts only cover WinAnsi, so "Siân Ó Briain", "Dafydd ap Gruffydd" with a
 * circumflexed ŵ or ŷ, "Łukasz" or a "€" next to a "£" would not print; DejaVu covers Latin
 * Extended, Greek and Cyrillic and is free to embed (Bitstream Vera licence).
 */
export interface FontSet {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

const FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;

const cache = new Map<string, Uint8Array>();

/** The bytes of one DejaVu face, read once per process from the dejavu-fonts-ttf package. */
export function fontBytes(face: keyof typeof FILES): Uint8Array {
  const file = FILES[face];
  let bytes = cache.get(file);
  if (!bytes) {
    // Resolved like a module so it works from the sources, from the Electron bundle (whose
    // import.meta.url is the bundle's file) and from inside the asar, which Electron's fs reads.
    const path = createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
    bytes = new Uint8Array(readFileSync(path));
    cache.set(file, bytes);
  }
  return bytes;
}

/** Embeds the four faces into a document; each is subset on save to the glyphs actually drawn. */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  doc.registerFontkit(fontkit);
  const [regular, bold, italic, boldItalic] = await Promise.all(
    (['regular', 'bold', 'italic', 'boldItalic'] as const).map((face) => doc.embedFont(fontBytes(face), { subset: true })),
  );
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}
