import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronAvailability, findElectronBinary } from './hosts/electron/availability';
import { parseHostArgs } from './hosts/http/args';
import { serve } from './serve';

/**
 * `npm start`: the desktop window where Electron can run; otherwise one line saying why, and
 * the same app served to a browser from the loopback host. Never fails silently.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function start(argv: readonly string[]): Promise<void> {
  const parsed = parseHostArgs(argv);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exitCode = 1;
    return;
  }
  const availability = electronAvailability({ platform: process.platform, env: process.env, resolveBinary: findElectronBinary });
  if (!availability.ok) {
    console.log(`Electron cannot run here: ${availability.reason}. Serving the app to your browser instead.`);
    await serve(argv);
    return;
  }
  const built = spawnSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('Building the desktop app failed (see above). Serving the app to your browser instead.');
    await serve(argv);
    return;
  }
  const args = [join(ROOT, 'build', 'electron', 'main.cjs'), ...(parsed.args.db ? ['--db', parsed.args.db] : [])];
  const child = spawn(availability.binary, args, { cwd: ROOT, stdio: 'inherit' });
  child.once('error', async (e) => {
    console.log(`Electron could not start (${e.message}). Serving the app to your browser instead.`);
    await serve(argv);
  });
  child.once('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

void start(process.argv.slice(2));
