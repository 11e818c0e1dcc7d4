/**
 * The report's charts as the DOCX receives them: each on-screen SVG drawn onto an offscreen
 * canvas and read back as a PNG (base64). The SVG is serialised and loaded as an image from a
 * blob: address, which the app's Content-Security-Policy allows for images (img-src 'self' data:
 * blob:, main/hosts/shared/csp.ts); an SVG with no foreignObject does not taint the canvas.
 * The legend, which the charting library draws in HTML beside the SVG, is drawn under the picture.
 */

/** The reports.export limit on one picture (base64 characters). */
export const MAX_PNG_BASE64 = 400_000;

export interface ChartPicture {
  id: string;
  png: string;
}

/** Every chart under `root` (figures marked data-report-chart), at most `max`, as PNGs; a chart that cannot be drawn is left out (the DOCX then has its table and text). */
export async function chartPictures(root: ParentNode, max = 12): Promise<ChartPicture[]> {
  const out: ChartPicture[] = [];
  for (const figure of Array.from(root.querySelectorAll<HTMLElement>('[data-report-chart]')).slice(0, max)) {
    const id = figure.dataset.reportChart!;
    // The chart's own SVG, not the legend's small icons (also recharts-surface).
    const svg = figure.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!svg) continue;
    const legend = Array.from(figure.querySelectorAll<HTMLElement>('.recharts-legend-item')).map((item) => ({
      text: item.textContent?.trim() ?? '',
      colour: item.querySelector('path, rect')?.getAttribute('fill') ?? '#16202a',
    }));
    try {
      let png = await drawPng(svg, legend, 2);
      if (png.length > MAX_PNG_BASE64) png = await drawPng(svg, legend, 1);
      if (png.length <= MAX_PNG_BASE64) out.push({ id, png });
    } catch {
      // Left out: the DOCX still carries the chart's table and its text alternative.
    }
  }
  return out;
}

async function drawPng(svg: SVGSVGElement, legend: { text: string; colour: string }[], scale: number): Promise<string> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || svg.getBoundingClientRect().height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // The page's font does not travel with the SVG: name one every system has (a presentation attribute, not a style).
  clone.setAttribute('font-family', 'Arial, Helvetica, sans-serif');
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // The charting library leaves room for its legend at the foot of the SVG: the legend is drawn there.
    const legendHeight = 0;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round((height + legendHeight) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No canvas');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height + legendHeight);
    ctx.drawImage(image, 0, 0, width, height);
    let x = Math.max(16, width / 2 - 150);
    ctx.font = '13px Arial, Helvetica, sans-serif';
    ctx.textBaseline = 'middle';
    for (const item of legend) {
      ctx.fillStyle = item.colour;
      ctx.fillRect(x, height - 26, 12, 12);
      ctx.fillStyle = '#16202a';
      ctx.fillText(item.text, x + 18, height - 20);
      x += 18 + ctx.measureText(item.text).width + 24;
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('No picture');
    return toBase64(new Uint8Array(await blob.arrayBuffer()));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
