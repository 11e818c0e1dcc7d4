import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from './core/core';
import { AppError } from './core/errors';
import { resolveDbPath } from './core/paths';
import { parseHostArgs } from './hosts/http/args';
import { startHttpHost, type HttpHost } from './hosts/http/server';

/**
 * `npm run serve`: the loopback host. Serves the production renderer build and the contract on
 * 127.0.0.1 and prints one line with the address to open.
 */
export const DEFAULT_PORT = 4780;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_BUILD = join(ROOT, 'build', 'renderer');

export async function serve(argv: readonly string[]): Promise<void> {
  const parsed = parseHostArgs(argv);
  if (!parsed.ok) return exitWith(parsed.message);
  if (!existsSync(join(RENDERER_BUILD, 'index.html'))) {
    return exitWith('The app has not been built yet: run `npm run build:renderer` (npm run serve does this for you).');
  }
  const dbPath = resolve(resolveDbPath(parsed.args.db, process.platform, process.env, homedir()));
  let core: Core;
  try {
    core = await Core.open({ dbPath, host: 'browser' });
  } catch (e) {
    return exitWith(e instanceof AppError ? e.message : `Could not open ${dbPath}: ${(e as Error).message}`);
  }
  let host: HttpHost;
  const wanted = parsed.args.port ?? DEFAULT_PORT;
  try {
    host = await startHttpHost({ dispatch: (m, i) => core.dispatch(m, i), staticDir: RENDERER_BUILD, port: wanted });
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE' && parsed.args.port === undefined) {
      host = await startHttpHost({ dispatch: (m, i) => core.dispatch(m, i), staticDir: RENDERER_BUILD, port: 0 });
      console.log(`Port ${wanted} is in use, so a free port was chosen.`);
    } else {
      await core.close();
      return exitWith(`Could not listen on 127.0.0.1:${wanted}: ${(e as Error).message}`);
    }
  }
  console.log(`Mutual Governance is running at ${host.url}  (database: ${dbPath})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function exitWith(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void serve(process.argv.slice(2));
}
