import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format (PKWARE APPNOTE 6.3.10) to tell a Word file from an Excel file
 * and to read one entry back in tests: the entry names from the central directory, and one
 * entry's bytes. DOCX and XLSX are ZIP packages (ECMA-376 Part 2), told apart only by the parts
 * inside, which is why the magic bytes alone cannot say which one a file is.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a ZIP archive, from its central directory; null when there is no readable
 * central directory (a truncated or damaged file), in which case `scanLocalNames` still finds names.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 archives (over 4 GB or 65,535 entries) are never papers under 50 MB; give up on them.
  if (offset === 0xffffffff || offset >= bytes.length) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Entry names found by scanning for local file headers: the fallback for a damaged archive. */
export function scanLocalNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  for (let i = 0; i + 30 <= bytes.length; i += 1) {
    if (bytes[i] !== 0x50 || view.getUint32(i, true) !== LOCAL) continue;
    const nameLength = view.getUint16(i + 26, true);
    if (i + 30 + nameLength > bytes.length) break;
    names.push(new TextDecoder().decode(bytes.subarray(i + 30, i + 30 + nameLength)));
  }
  return names;
}

/** The uncompressed bytes of one entry (stored or deflated), or null if it is not there. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | null {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return new Uint8Array(inflateRawSync(data));
  return null;
}
