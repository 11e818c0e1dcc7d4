import type { MethodOutput } from '../../../shared/contract/index';
import { request } from './client';

/**
 * Downloads an exported file: reads it from the core in chunks (files.read, at most 512 KB of
 * base64 each), joins them into a Blob and hands it to the browser's (or Electron's) download
 * with the file's own name. Works the same in the Electron window and the browser host.
 */
export async function downloadExport(fileId: string, onProgress?: (received: number, total: number) => void): Promise<{ fileName: string; sizeBytes: number }> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  let fileName = 'export';
  let mimeType = 'application/octet-stream';
  let sizeBytes = 0;
  while (offset !== null) {
    const chunk: MethodOutput<'exports.readFile'> = await request('exports.readFile', { fileId, offset });
    const bytes = fromBase64(chunk.base64);
    parts.push(bytes);
    fileName = chunk.fileName;
    mimeType = chunk.mimeType;
    sizeBytes = chunk.sizeBytes;
    offset = chunk.nextOffset;
    onProgress?.(offset ?? sizeBytes, sizeBytes);
  }
  saveBlob(new Blob(parts, { type: mimeType }), fileName);
  return { fileName, sizeBytes };
}

/** Offers a Blob as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the address is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
