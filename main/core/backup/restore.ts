import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { syncDir, backupFileName } from './backup';

/**
 * File moves for a restore. The candidate is first copied beside the live file (so the user's
 * own copy is never touched and the final rename stays on one file system), then swapped in;
 * the live file is kept aside, never deleted, and put back if anything fails.
 */
export function stagingPathFor(livePath: string): string {
  return join(dirname(livePath), `.${basename(livePath)}.restore-staging`);
}

export function stageCandidate(livePath: string, candidatePath: string): string {
  const staging = stagingPathFor(livePath);
  removeDatabaseFiles(staging);
  copyFileSync(candidatePath, staging);
  return staging;
}

const SIDECARS = ['-wal', '-shm', '-journal'];

export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SIDECARS]) rmSync(path + suffix, { force: true });
}

/** Moves the live file (and any sidecar files) aside and the staged candidate in. Returns undo. */
export function swapIntoPlace(livePath: string, stagingPath: string, at: Date): { asidePath: string; undo: () => void } {
  const asidePath = unusedAsidePath(livePath, at);
  const moved: string[] = [];
  if (existsSync(livePath)) {
    for (const suffix of ['', ...SIDECARS]) {
      if (existsSync(livePath + suffix)) {
        renameSync(livePath + suffix, asidePath + suffix);
        moved.push(suffix);
      }
    }
  }
  renameSync(stagingPath, livePath);
  // Checking the candidate read-only may have left (empty) -wal and -shm files beside the copy.
  for (const suffix of SIDECARS) rmSync(stagingPath + suffix, { force: true });
  syncDir(dirname(livePath));
  const undo = () => {
    removeDatabaseFiles(livePath);
    for (const suffix of moved) renameSync(asidePath + suffix, livePath + suffix);
    syncDir(dirname(livePath));
  };
  return { asidePath, undo };
}

/** Names carry the second only, so a second restore within it must not overwrite the first's file. */
function unusedAsidePath(livePath: string, at: Date): string {
  const first = join(dirname(livePath), backupFileName(livePath, at, 'before-restore'));
  let path = first;
  for (let n = 2; existsSync(path); n++) path = first.replace(/\.sqlite$/, `-${n}.sqlite`);
  return path;
}
