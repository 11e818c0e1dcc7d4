import { resolveDbPath } from '../../core/paths';

/**
 * Which database the Electron app opens. The rule itself (--db, then MUTUAL_GOVERNANCE_DB,
 * then the per-user data folder) is the core's, shared with the CLI and the browser host, so
 * every host finds the same file; Electron's own userData folder is deliberately not used.
 * This file only finds `--db` among Electron's arguments, which also carry Chromium switches.
 */
export type DbChoice = { ok: true; path: string } | { ok: false; reason: string };

export function dbFlag(argv: readonly string[]): { ok: true; value: string | undefined } | { ok: false; reason: string } {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        return { ok: false, reason: '--db needs a file name, for example --db governance.sqlite' };
      }
      value = next; // the last --db wins, as with most command lines
      i++;
    } else if (arg.startsWith('--db=')) {
      value = arg.slice('--db='.length);
      if (value === '') return { ok: false, reason: '--db needs a file name, for example --db=governance.sqlite' };
    }
  }
  return { ok: true, value };
}

export function chooseDbPath(argv: readonly string[], platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): DbChoice {
  const flag = dbFlag(argv);
  if (!flag.ok) return flag;
  return { ok: true, path: resolveDbPath(flag.value, platform, env, home) };
}
