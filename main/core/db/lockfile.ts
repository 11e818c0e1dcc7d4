import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { basename, dirname, join, resolve, win32 } from 'node:path';
import { AppError } from '../errors';

/**
 * One program at a time per database file. SQLite would allow several connections, but two
 * programs writing one register each keep their own view of the write-ahead log: confirmed
 * admissions were lost and member numbers given out twice. A restore under a running app
 * would be worse.
 *
 * The lock is taken on the file's identity (device and inode), not on the name it was opened
 * by, so a hard link, a symbolic link or another relative path to the same file is refused
 * too. A second lock on the file's real path covers the moment a restore renames a new file
 * into place (a new inode at the same name). Locks live in one private folder per user, the
 * same whichever program or terminal asks, and name the process that holds them, so a lock
 * left by a crash (its process gone, or the machine restarted since) is taken over.
 */

export interface LockOptions {
  /** Where lock files live; tests pass their own. Defaults to lockDirectory() for this user. */
  lockDir?: string;
  /**
   * Create the database file (owner-only) if it does not exist, so it has an identity to lock
   * on (default). A restore into an empty folder passes false and is locked by path alone.
   */
  create?: boolean;
}

interface Holder {
  pid: number;
  what: string;
  /** The file's real path, as the holder opened it. */
  path: string;
  since: string;
  boot: string;
  /** Set on identity locks: what `path` was when the lock was taken. */
  dev?: string;
  ino?: string;
}

/**
 * One folder per user that every session agrees on. Not os.tmpdir(): TMPDIR differs between
 * a desktop session and a terminal on some systems, and two lock folders would be no lock.
 * Windows' temporary folder is already per user.
 */
export function lockDirectory(platform: NodeJS.Platform, uid: number, tmp: string): string {
  if (platform === 'win32') return win32.join(tmp, 'mutual-governance', 'locks');
  return `/tmp/mutual-governance-${uid}/locks`;
}

/** How many times this process holds each lock file (the CLI restores through a core). */
const held = new Map<string, number>();

export function acquireLock(dbPath: string, what: string, options: LockOptions = {}): () => void {
  const path = resolve(dbPath);
  if (options.create ?? true) createIfMissing(path);
  const real = realPath(path);
  const identity = fileIdentity(real);
  const dir = options.lockDir ?? defaultLockDir();
  preparePrivateDir(dir, options.lockDir === undefined);

  const me: Holder = { pid: process.pid, what, path: real, since: new Date().toISOString(), boot: bootId() };
  const locks = [join(dir, `path-${sha256(real)}.lock`)];
  if (identity) locks.unshift(join(dir, `file-${identity.dev}-${identity.ino}.lock`));

  const taken: string[] = [];
  try {
    for (const lock of locks) {
      const isIdentity = lock !== locks.at(-1);
      take(lock, isIdentity && identity ? { ...me, ...identity } : me, path);
      taken.push(lock);
    }
  } catch (e) {
    taken.forEach(letGo);
    throw e;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    taken.forEach(letGo);
  };
}

function take(lock: string, me: Holder, asked: string): void {
  if ((held.get(lock) ?? 0) > 0) {
    held.set(lock, held.get(lock)! + 1);
    return;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusively(lock, JSON.stringify(me))) {
      held.set(lock, 1);
      return;
    }
    const holder = readHolder(lock);
    if (holder && holder.pid === process.pid) {
      // Ours, from a lock this process forgot (it was never released): reuse it.
      held.set(lock, 1);
      return;
    }
    if (holder && isLive(holder)) throw inUse(asked, holder);
    // Stale (its process is gone) or unreadable: remove it and try again.
    rmSync(lock, { force: true });
  }
  throw new AppError('CONFLICT', `The database ${asked} could not be locked for use (another program kept taking the lock). Try again.`);
}

function letGo(lock: string): void {
  const count = held.get(lock) ?? 0;
  if (count > 1) {
    held.set(lock, count - 1);
    return;
  }
  held.delete(lock);
  if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
}

function inUse(asked: string, holder: Holder): AppError {
  const elsewhere = holder.path !== realPath(asked) ? `, which opened it as ${holder.path}` : '';
  return new AppError(
    'CONFLICT',
    `The database ${asked} is already open in ${holder.what} (process ${holder.pid})${elsewhere}. ` +
      `Close it there, then try again. If that program has stopped responding, end process ${holder.pid} first.`,
  );
}

/**
 * The lock's whole content appears at once or not at all: written to a private file first,
 * then hard-linked into place, which fails if a lock is already there. So no reader ever sees
 * a half-written lock, and two programs starting together cannot both win.
 */
function createExclusively(lock: string, content: string): boolean {
  const draft = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, lock);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readHolder(lock: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.path !== 'string') return null;
    return {
      pid: parsed.pid,
      what: String(parsed.what ?? 'another program'),
      path: parsed.path,
      since: String(parsed.since ?? ''),
      boot: String(parsed.boot ?? ''),
      ...(parsed.dev !== undefined && parsed.ino !== undefined ? { dev: String(parsed.dev), ino: String(parsed.ino) } : {}),
    };
  } catch {
    return null;
  }
}

function isLive(holder: Holder): boolean {
  // A process number from before the machine restarted may now belong to anything.
  if (holder.boot !== '' && holder.boot !== bootId()) return false;
  if (!isAlive(holder.pid)) return false;
  // An identity lock whose file has since been deleted or replaced no longer guards it (and its
  // inode number may now belong to a new file).
  if (holder.dev !== undefined) {
    const now = fileIdentity(holder.path);
    if (!now || now.dev !== holder.dev || now.ino !== holder.ino) return false;
  }
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Created owner-only, like open.ts would; if that fails, opening the file will say why. */
function createIfMissing(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    // EEXIST, or a folder that does not exist or cannot be written: reported on opening.
  }
}

/** The file's real path (symbolic links resolved); for a file not there yet, its folder's. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Device and inode (Windows: volume serial and file index), as exact decimal strings. */
function fileIdentity(path: string): { dev: string; ino: string } | null {
  try {
    const s = statSync(path, { bigint: true });
    return { dev: s.dev.toString(), ino: s.ino.toString() };
  } catch {
    return null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

let boot: string | undefined;
/** Linux names each boot; elsewhere the boot time to the ten minutes (clock corrections drift it). */
function bootId(): string {
  if (boot !== undefined) return boot;
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    boot = '';
  }
  if (boot === '') boot = `t${Math.round((Date.now() - uptime() * 1000) / 600_000)}`;
  return boot;
}

function defaultLockDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  return lockDirectory(process.platform, uid, tmpdir());
}

/**
 * Makes the lock folder (and, for the default one, the per-user folder above it) and checks
 * it is a real folder of this user's that no one else can write to. A folder planted in /tmp by
 * someone else could otherwise be used to fake or remove our locks.
 */
function preparePrivateDir(dir: string, withParent: boolean): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  for (const d of withParent ? [dirname(dir), dir] : [dir]) {
    const s = lstatSync(d);
    const uid = typeof process.getuid === 'function' ? process.getuid() : s.uid;
    if (!s.isDirectory() || s.uid !== uid) {
      throw new AppError(
        'FORBIDDEN',
        `The lock folder ${d} is not a folder of your own, so Mutual Governance cannot tell whether the database is already open. Remove ${d} and try again.`,
      );
    }
    if ((s.mode & 0o077) !== 0) chmodSync(d, 0o700);
  }
}
