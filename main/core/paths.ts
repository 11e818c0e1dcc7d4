import { join } from 'node:path';

/**
 * Where the database lives unless the user says otherwise: the per-user data folder of each
 * platform (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export const DB_FILE_NAME = 'mutual-governance.sqlite';
export const DB_ENV = 'MUTUAL_GOVERNANCE_DB';

export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'Mutual Governance');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Mutual Governance');
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'mutual-governance');
}

/** --db FILE wins, then MUTUAL_GOVERNANCE_DB, then the per-user data folder. */
export function resolveDbPath(
  flag: string | undefined,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (flag) return flag;
  const fromEnv = env[DB_ENV];
  if (fromEnv) return fromEnv;
  return join(defaultDataDir(platform, env, home), DB_FILE_NAME);
}
