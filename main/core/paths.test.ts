import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_ENV, DB_FILE_NAME, defaultDataDir, resolveDbPath } from './paths';

const HOME = '/home/ann';

describe('defaultDataDir', () => {
  it('uses XDG_DATA_HOME on Linux when it is an absolute path', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/ann' }, HOME)).toBe('/data/ann/mutual-governance');
  });

  it('ignores a relative XDG_DATA_HOME on Linux, as the XDG spec requires', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'data' }, HOME)).toBe('/home/ann/.local/share/mutual-governance');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '~/data' }, HOME)).toBe('/home/ann/.local/share/mutual-governance');
  });

  it('falls back to ~/.local/share on Linux when XDG_DATA_HOME is unset or empty', () => {
    expect(defaultDataDir('linux', {}, HOME)).toBe('/home/ann/.local/share/mutual-governance');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '' }, HOME)).toBe('/home/ann/.local/share/mutual-governance');
  });

  it('treats other Unix systems like Linux', () => {
    expect(defaultDataDir('freebsd', {}, HOME)).toBe('/home/ann/.local/share/mutual-governance');
  });

  it('uses Application Support on macOS, whatever XDG says', () => {
    expect(defaultDataDir('darwin', { XDG_DATA_HOME: '/data/ann' }, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Mutual Governance');
  });

  it('uses %APPDATA% on Windows, or the roaming folder under the profile when it is unset', () => {
    // path.join here is the host's; on Windows itself the separators are all backslashes.
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      join('C:\\Users\\ann\\AppData\\Roaming', 'Mutual Governance'),
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ann')).toBe(join('C:\\Users\\ann', 'AppData', 'Roaming', 'Mutual Governance'));
  });
});

describe('resolveDbPath', () => {
  const env = { [DB_ENV]: '/srv/mutual/records.sqlite', XDG_DATA_HOME: '/data/ann' };

  it('prefers the --db flag over the environment and the default', () => {
    expect(resolveDbPath('/tmp/test.sqlite', 'linux', env, HOME)).toBe('/tmp/test.sqlite');
  });

  it('uses MUTUAL_GOVERNANCE_DB when there is no flag', () => {
    expect(DB_ENV).toBe('MUTUAL_GOVERNANCE_DB');
    expect(resolveDbPath(undefined, 'linux', env, HOME)).toBe('/srv/mutual/records.sqlite');
    expect(resolveDbPath('', 'linux', env, HOME)).toBe('/srv/mutual/records.sqlite');
  });

  it('falls back to the file in the per-user data folder', () => {
    expect(resolveDbPath(undefined, 'linux', { XDG_DATA_HOME: '/data/ann' }, HOME)).toBe(`/data/ann/mutual-governance/${DB_FILE_NAME}`);
    expect(resolveDbPath(undefined, 'darwin', { [DB_ENV]: '' }, '/Users/ann')).toBe(
      `/Users/ann/Library/Application Support/Mutual Governance/${DB_FILE_NAME}`,
    );
  });
});
