import { create } from 'qrcode';

/**
 * A QR code as one SVG path (a unit square per dark module) with its quiet zone, drawn by React as
 * an inline <svg>: no data: image and no HTML string, so nothing the page's CSP has to allow.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return { size: modules.size + quiet * 2, path };
}
