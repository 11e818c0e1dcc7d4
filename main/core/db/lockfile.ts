import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors';

/**
 * One program at a time per database file. SQLite would allow several connections, but two
 * app windows writing one register would each hold a stale view; a restore under a running
 * app would be worse. The lock names the process so a stale lock (after a crash) is taken over.
 */
export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

export function acquireLock(dbPath: string, what: string): () => void {
  const path = lockPathFor(dbPath);
  const holder = readHolder(path);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new AppError(
      'CONFLICT',
      `The database ${dbPath} is in use by ${holder.what} (process ${holder.pid}). Close it first.`,
    );
  }
  writeFileSync(path, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }), { mode: 0o600 });
  return () => {
    const now = readHolder(path);
    if (now?.pid === process.pid) rmSync(path, { force: true });
  };
}

function readHolder(path: string): { pid: number; what: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; what?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, what: String(parsed.what ?? 'another program') } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
