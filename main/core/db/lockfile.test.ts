import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { acquireLock, lockDirectory } from './lockfile';

/**
 * The lock keeps one program at a time on one database file, whatever name the file is opened
 * by: a second program on the same file keeps its own view of the write-ahead log, so confirmed
 * admissions were lost and member numbers given out twice. The other program here is a real
 * child process, because a process may always reopen a file it holds itself.
 */
const LOCKFILE = fileURLToPath(new URL('./lockfile.ts', import.meta.url));
const windows = process.platform === 'win32';

let dir: string;
let locks: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-lock-'));
  locks = join(dir, 'locks');
  writeFileSync(
    join(dir, 'hold.ts'),
    `import { acquireLock } from ${JSON.stringify(LOCKFILE)};
const release = acquireLock(process.argv[2]!, 'Mutual Governance', { lockDir: process.argv[3]! });
console.log('locked');
process.stdin.resume();
process.stdin.on('end', () => { if (process.argv[4] !== 'no-release') release(); process.exit(0); });
`,
  );
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts another process that opens `path` and holds it until told to stop. */
function holdInAnotherProcess(path: string, release: 'release' | 'no-release' = 'release'): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'hold.ts'), path, locks, release], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes('locked')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the holding process ended (${code}): ${err}`)));
  });
}

function newFile(name: string): string {
  const sub = mkdtempSync(join(dir, 'db-'));
  return join(sub, name);
}

/** The lock files that name `path` as the file they hold. */
function locksNaming(path: string): string[] {
  return readdirSync(locks).filter((name) => readFileSync(join(locks, name), 'utf8').includes(JSON.stringify(realpathSync(path))));
}

function refusal(path: string): AppError {
  try {
    acquireLock(path, 'the command line', { lockDir: locks })();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${path} was not refused`);
}

describe('the single-instance lock on a database file', () => {
  it('refuses the same file opened through a hard link, naming the other process and what to do', async () => {
    const path = newFile('register.sqlite');
    const other = await holdInAnotherProcess(path);
    const link = join(mkdtempSync(join(dir, 'elsewhere-')), 'copy-that-is-not-a-copy.sqlite');
    linkSync(path, link);
    const error = refusal(link);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`process ${other.pid}`);
    expect(error.message).toContain('Mutual Governance');
    expect(error.message).toContain(realpathSync(path));
    expect(error.message).toMatch(/Close it there/);
    expect(error.message).toMatch(/, which opened it as /);
  }, 60_000);

  it.skipIf(windows)('refuses the same file opened through a symbolic link or another relative path', async () => {
    const path = newFile('register.sqlite');
    const other = await holdInAnotherProcess(path);
    const link = join(dir, `link-${Date.now()}.sqlite`);
    symlinkSync(path, link);
    expect(refusal(link).message).toContain(`process ${other.pid}`);
    expect(refusal(relative(process.cwd(), path)).message).toContain(`process ${other.pid}`);
    expect(refusal(path).message).toContain(`process ${other.pid}`);
  }, 60_000);

  it('creates the file (owner-only) so it has an identity to lock on', () => {
    const path = newFile('new.sqlite');
    const release = acquireLock(path, 'Mutual Governance', { lockDir: locks });
    try {
      expect(existsSync(path)).toBe(true);
      if (!windows) expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
      expect(locksNaming(path)).toHaveLength(2);
    } finally {
      release();
    }
  });

  it('takes over a stale lock left by a process that died without releasing it', async () => {
    const path = newFile('register.sqlite');
    const other = await holdInAnotherProcess(path, 'no-release');
    const exited = new Promise((done) => other.once('exit', done));
    other.kill('SIGKILL');
    await exited;
    const release = acquireLock(path, 'the command line', { lockDir: locks });
    release();
  }, 60_000);

  it('lets the file go when the holder releases it, and leaves no lock behind', async () => {
    const path = newFile('register.sqlite');
    const other = await holdInAnotherProcess(path);
    expect(refusal(path).code).toBe('CONFLICT');
    const exited = new Promise((done) => other.once('exit', done));
    other.stdin!.end();
    await exited;
    expect(locksNaming(path)).toEqual([]);
    const release = acquireLock(path, 'the command line', { lockDir: locks });
    expect(locksNaming(path)).toHaveLength(2); // by identity and by path
    release();
    expect(locksNaming(path)).toEqual([]);
  }, 60_000);

  it('lets one process reopen a file it already holds (the command line restores through the core)', () => {
    const path = newFile('register.sqlite');
    const outer = acquireLock(path, 'the command line', { lockDir: locks });
    const inner = acquireLock(path, 'the command line', { lockDir: locks });
    inner();
    outer();
  });

  it('can lock a file that does not exist yet without creating it (a restore into an empty folder)', () => {
    const path = newFile('restored.sqlite');
    const release = acquireLock(path, 'the command line', { lockDir: locks, create: false });
    expect(existsSync(path)).toBe(false);
    release();
  });
});

describe('lockDirectory', () => {
  it('is one folder per user that every session agrees on, not one that follows TMPDIR', () => {
    expect(lockDirectory('linux', 1000, 'C:/unused')).toBe('/tmp/mutual-governance-1000/locks');
    expect(lockDirectory('darwin', 501, '/var/folders/xy/T')).toBe('/tmp/mutual-governance-501/locks');
    expect(lockDirectory('win32', -1, 'C:\\Users\\a\\AppData\\Local\\Temp')).toMatch(/Temp[\\/]mutual-governance[\\/]locks$/);
  });

  it.skipIf(windows)('refuses a lock folder that is a symbolic link (planted by another user), rather than trusting it', () => {
    const real = join(dir, 'planted');
    mkdirSync(real);
    const planted = join(dir, 'planted-link');
    symlinkSync(real, planted);
    const path = newFile('register.sqlite');
    expect(() => acquireLock(path, 'Mutual Governance', { lockDir: planted })).toThrow(/lock folder/);
  });
});
