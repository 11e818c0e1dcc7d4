// Chromium for the end-to-end journeys (tools/test.mjs): found, or installed with apt-get
// where we may, or a reason why not that quotes apt's own error output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * apt-get, waiting up to five minutes for another package manager to finish (unattended
 * upgrades often hold the lock on a fresh machine) rather than failing at once. Its output is
 * kept, so a failure can be quoted in the summary, and shown when it ends.
 */
export function aptGet(args, env) {
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  return r;
}

/** apt's own words for why it failed: its E: (and W:) lines, or else its last lines. */
export function aptError(r) {
  if (r.error) return `apt-get could not start: ${r.error.message}`;
  const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const errors = lines.filter((l) => /^(E|W|Err):/.test(l));
  return (errors.length ? errors : lines.slice(-5)).join('\n') || `apt-get ended with code ${r.status} and said nothing`;
}

/**
 * Debian's Chromium, installed when we can (root on Debian). Returns null when there is one,
 * otherwise the reason there is none, with what to do.
 */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  if (candidates.some((c) => existsSync(c))) return null;
  const howTo =
    'Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) return `No Chromium for the end-to-end tests. ${howTo}`;
  console.log(
    "No Chromium found: installing Debian's (apt-get install -y chromium) for the end-to-end tests, " +
      'waiting up to 5 minutes if another package manager is busy.',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  let r = aptGet(install, env);
  if (r.status !== 0) {
    // Often only the package lists are stale (a fresh machine has none).
    const update = aptGet(['update'], env);
    r = update.status === 0 ? aptGet(install, env) : update;
  }
  if (r.status === 0 && existsSync('/usr/bin/chromium')) return null;
  const said = r.status === 0 ? 'apt-get reported success but /usr/bin/chromium is not there' : aptError(r);
  return `Installing Chromium failed. apt-get said:\n${said}\n${howTo}`;
}
