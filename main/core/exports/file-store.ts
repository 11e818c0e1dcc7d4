import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';

/**
 * Exported files wait in a private folder beside the database until the renderer reads them
 * in chunks (the same path serves the Electron window and the browser). They hold personal
 * data, so they are readable only by the user and are deleted an hour after they were made.
 */
export const EXPORT_TTL_MS = 60 * 60 * 1000;
/** 384 KiB of file is 512 KiB of base64: each answer stays well inside the host's limits. */
export const FILE_CHUNK_BYTES = 384 * 1024;

export interface ExportMeta {
  fileName: string;
  mimeType: string;
  createdAt: string;
  sizeBytes: number;
}

export interface FileChunk {
  base64: string;
  nextOffset: number | null;
  sizeBytes: number;
  fileName: string;
  mimeType: string;
}

const ID = /^[0-9a-f]{32}$/;

export function exportsDirFor(dbPath: string): string {
  return join(dirname(dbPath), '.exports');
}

export class ExportFileStore {
  readonly dir: string;
  readonly #now: () => Date;

  constructor(dir: string, now: () => Date) {
    this.dir = dir;
    this.#now = now;
  }

  /** A new file to write; call `commit` when it is complete, or `discard` if it failed. */
  create(fileName: string, mimeType: string): { id: string; path: string; commit(): ExportMeta; discard(): void } {
    this.sweep();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = randomToken();
    const partPath = join(this.dir, `${id}.part`);
    // Created now with owner-only permissions, so writers that open it later keep them.
    closeSync(openSync(partPath, 'w', 0o600));
    return {
      id,
      path: partPath,
      commit: () => {
        const meta: ExportMeta = { fileName, mimeType, createdAt: this.#now().toISOString(), sizeBytes: statSync(partPath).size };
        renameSync(partPath, this.#dataPath(id));
        writeFileSync(this.#metaPath(id), JSON.stringify(meta), { mode: 0o600 });
        return meta;
      },
      discard: () => rmSync(partPath, { force: true }),
    };
  }

  /** Up to FILE_CHUNK_BYTES of a file from `offset`, as base64. */
  read(id: string, offset: number): FileChunk {
    this.sweep();
    const meta = ID.test(id) ? this.#meta(id) : null;
    if (!meta) throw new AppError('NOT_FOUND', 'That export is no longer available (exports are kept for an hour). Export the register again.');
    if (offset > meta.sizeBytes) throw new AppError('VALIDATION', 'That part of the file does not exist.');
    const length = Math.min(FILE_CHUNK_BYTES, meta.sizeBytes - offset);
    const buffer = Buffer.alloc(length);
    const fd = openSync(this.#dataPath(id), 'r');
    try {
      let read = 0;
      while (read < length) {
        const n = readSync(fd, buffer, read, length - read, offset + read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      closeSync(fd);
    }
    const end = offset + length;
    return { base64: buffer.toString('base64'), nextOffset: end < meta.sizeBytes ? end : null, sizeBytes: meta.sizeBytes, fileName: meta.fileName, mimeType: meta.mimeType };
  }

  /** Deletes files older than an hour, and unfinished ones left by a run that stopped. */
  sweep(): void {
    if (!existsSync(this.dir)) return;
    const cutoff = this.#now().getTime() - EXPORT_TTL_MS;
    for (const name of readdirSync(this.dir)) {
      const m = /^([0-9a-f]{32})(\.part|\.json)?$/.exec(name);
      if (!m) continue;
      const id = m[1]!;
      if (m[2] === '.part') {
        // File-system time, not the core's clock: a file being written is never this old.
        if (statSync(join(this.dir, name)).mtimeMs < Date.now() - EXPORT_TTL_MS) rmSync(join(this.dir, name), { force: true });
        continue;
      }
      if (m[2] === '.json') {
        if (!existsSync(this.#dataPath(id))) rmSync(join(this.dir, name), { force: true });
        continue;
      }
      const meta = this.#meta(id);
      if (!meta || Date.parse(meta.createdAt) < cutoff) {
        rmSync(this.#dataPath(id), { force: true });
        rmSync(this.#metaPath(id), { force: true });
      }
    }
  }

  #dataPath(id: string): string {
    return join(this.dir, id);
  }
  #metaPath(id: string): string {
    return join(this.dir, `${id}.json`);
  }
  #meta(id: string): ExportMeta | null {
    try {
      return JSON.parse(readFileSync(this.#metaPath(id), 'utf8')) as ExportMeta;
    } catch {
      return null;
    }
  }
}
