import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where it is installed (our build machines), else Playwright's own browser
 * if one was downloaded (undefined lets Playwright find it).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
