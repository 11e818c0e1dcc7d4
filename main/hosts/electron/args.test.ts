import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDbPath, dbFlag } from './args';

const ELECTRON = ['/opt/Mutual Governance/mutual-governance'];

describe('dbFlag', () => {
  it('finds --db FILE and --db=FILE among Chromium switches', () => {
    expect(dbFlag([...ELECTRON, '--no-sandbox', '--db', '/tmp/a.sqlite'])).toEqual({ ok: true, value: '/tmp/a.sqlite' });
    expect(dbFlag([...ELECTRON, '--db=/tmp/b.sqlite', '--inspect=0'])).toEqual({ ok: true, value: '/tmp/b.sqlite' });
    expect(dbFlag(['electron', 'build/electron/main.cjs', '--db', 'rel.sqlite'])).toEqual({ ok: true, value: 'rel.sqlite' });
  });

  it('keeps file names with spaces and lets the last --db win', () => {
    expect(dbFlag([...ELECTRON, '--db', 'first.sqlite', '--db', 'My Mutual.sqlite'])).toEqual({ ok: true, value: 'My Mutual.sqlite' });
  });

  it('is undefined when no --db is given', () => {
    expect(dbFlag([...ELECTRON])).toEqual({ ok: true, value: undefined });
    expect(dbFlag([...ELECTRON, '--dbx', 'x'])).toEqual({ ok: true, value: undefined });
  });

  it('explains a --db without a file name', () => {
    for (const argv of [[...ELECTRON, '--db'], [...ELECTRON, '--db', '--no-sandbox'], [...ELECTRON, '--db='], [...ELECTRON, '--db', '']]) {
      const result = dbFlag(argv);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^--db needs a file name/);
    }
  });
});

describe('chooseDbPath', () => {
  const home = '/home/sec';

  it('prefers --db, then MUTUAL_GOVERNANCE_DB, then the per-user data folder', () => {
    const env = { MUTUAL_GOVERNANCE_DB: '/data/env.sqlite' };
    expect(chooseDbPath([...ELECTRON, '--db', '/data/flag.sqlite'], 'linux', env, home)).toEqual({ ok: true, path: '/data/flag.sqlite' });
    expect(chooseDbPath([...ELECTRON], 'linux', env, home)).toEqual({ ok: true, path: '/data/env.sqlite' });
    expect(chooseDbPath([...ELECTRON], 'linux', {}, home)).toEqual({
      ok: true,
      path: join(home, '.local', 'share', 'mutual-governance', 'mutual-governance.sqlite'),
    });
  });

  it('passes on a bad --db rather than guessing', () => {
    expect(chooseDbPath([...ELECTRON, '--db'], 'linux', { MUTUAL_GOVERNANCE_DB: '/data/env.sqlite' }, home).ok).toBe(false);
  });
});
