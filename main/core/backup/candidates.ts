import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomToken } from '../db/ids';
import { AppError } from '../errors';
import { removeDatabaseFiles } from './restore';

/**
 * Files checked for restore and waiting for the secretary to confirm. A restore is two steps:
 * check (the file is copied beside the live one and inspected, and the secretary sees what it
 * holds), then confirm. The checked copy is what gets restored, and only if its bytes are still
 * the ones that were checked.
 */
export interface CheckedCandidate {
  id: string;
  fileName: string;
  path: string;
  sha256: string;
  checkedAt: number;
}

const KEEP_MS = 60 * 60 * 1000;

export class CandidateStore {
  readonly #livePath: string;
  readonly #waiting = new Map<string, CheckedCandidate>();

  constructor(livePath: string) {
    this.#livePath = livePath;
  }

  /** Copies a file beside the live database (owner-only), under a name of its own. */
  stage(sourcePath: string): { id: string; path: string } {
    this.#sweep();
    const id = randomToken();
    const path = join(dirname(this.#livePath), `.${basename(this.#livePath)}.restore-${id}`);
    copyFileSync(sourcePath, path);
    // The copy takes the source's mode (a backup on a USB stick may be readable by everyone);
    // what will become the live file is kept to its owner.
    chmodSync(path, 0o600);
    return { id, path };
  }

  keep(c: Omit<CheckedCandidate, 'sha256' | 'checkedAt'>): void {
    this.#waiting.set(c.id, { ...c, sha256: digest(c.path), checkedAt: Date.now() });
  }

  /** The checked copy, if its bytes are unchanged since the check; it leaves the store. */
  take(id: string): CheckedCandidate {
    const c = this.#waiting.get(id);
    if (!c) throw new AppError('NOT_FOUND', 'That checked backup is no longer waiting (checks are kept for an hour); check the backup again.');
    this.#waiting.delete(id);
    let now: string;
    try {
      now = digest(c.path);
    } catch {
      throw new AppError('NOT_FOUND', 'The checked copy of that backup has gone; check the backup again.');
    }
    if (now !== c.sha256) {
      removeDatabaseFiles(c.path);
      throw new AppError('CONFLICT', 'The checked copy of that backup changed after it was checked, so it was not restored; check the backup again.');
    }
    return c;
  }

  discard(id: string): void {
    const c = this.#waiting.get(id);
    if (c) removeDatabaseFiles(c.path);
    this.#waiting.delete(id);
  }

  discardAll(): void {
    for (const id of [...this.#waiting.keys()]) this.discard(id);
  }

  #sweep(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, c] of this.#waiting) if (c.checkedAt < cutoff) this.discard(id);
  }
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function discardStaged(path: string): void {
  rmSync(path, { force: true });
  removeDatabaseFiles(path);
}
