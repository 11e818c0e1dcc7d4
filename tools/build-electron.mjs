// Bundles the Electron shell: main/hosts/electron/main.ts -> build/electron/main.cjs,
// main/hosts/preload/index.ts -> build/electron/preload.cjs, and the board pack's worker thread
// main/core/meetings/pack-worker.ts -> build/electron/pack-worker.cjs (main.cjs starts it from
// beside itself: main/core/meetings/pack-thread.ts).
// Usage: node tools/build-electron.mjs [--outdir DIR]   (DIR defaults to build/electron; the
// bundle test builds elsewhere so it never races a real build)
//
// Why bundles: a sandboxed preload may only require('electron'), so it must be one file; and
// one main file starts faster from the asar than hundreds of modules. better-sqlite3 stays
// outside the bundle because its native addon is rebuilt for Electron and unpacked from the asar.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 && process.argv[outdirFlag + 1] ? resolve(process.argv[outdirFlag + 1]) : join(root, 'build', 'electron');
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// The main process and its worker threads: plain Node, CommonJS.
const node = {
  ...common,
  platform: 'node',
  target: 'node20',
  external: ['electron', 'better-sqlite3'],
  // Code such as main/core/db/integrity.ts reads import.meta.url when it is not CommonJS.
  // In this CommonJS bundle, give it the bundle's real file URL instead of esbuild's empty
  // import.meta (which would also warn).
  define: { 'import.meta.url': '__mgImportMetaUrl' },
  // 'use strict' first, since a banner ahead of esbuild's own would demote that to a no-op.
  banner: { js: "'use strict';\nconst __mgImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...node, entryPoints: ['main/hosts/electron/main.ts'], outfile: join(outdir, 'main.cjs') }),
  // A worker thread cannot load TypeScript, and tsx is not shipped: the pack's worker is built
  // ahead. better-sqlite3 stays external here too, so it loads the same unpacked native addon.
  build({ ...node, entryPoints: ['main/core/meetings/pack-worker.ts'], outfile: join(outdir, 'pack-worker.cjs') }),
  // The close's sum workers (main/core/ballots/sum-thread.ts), for the same reason.
  build({ ...node, entryPoints: ['main/core/ballots/sum-worker.ts'], outfile: join(outdir, 'sum-worker.cjs') }),
  // The cast's proof-checking worker (main/core/ballots/check-pool.ts).
  build({ ...node, entryPoints: ['main/core/ballots/check-worker.ts'], outfile: join(outdir, 'check-worker.cjs') }),
  // The governance reports' builder thread (main/core/reports/worker-thread.ts).
  build({ ...node, entryPoints: ['main/core/reports/worker.ts'], outfile: join(outdir, 'report-worker.cjs') }),
  // The start-up register check's thread (main/core/audit/register-check-thread.ts).
  build({ ...node, entryPoints: ['main/core/audit/register-check-worker.ts'], outfile: join(outdir, 'register-check-worker.cjs') }),
  build({
    ...common,
    entryPoints: ['main/hosts/preload/index.ts'],
    outfile: join(outdir, 'preload.cjs'),
    // 'browser' so that an accidental Node import fails the build rather than the sandbox.
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
  }),
]);

const shown = relative(root, outdir).startsWith('..') ? outdir : relative(root, outdir);
console.log(`build-electron: ${shown}/main.cjs, pack-worker.cjs, sum-worker.cjs, check-worker.cjs, report-worker.cjs, register-check-worker.cjs and preload.cjs in ${Math.round(performance.now() - started)} ms`);
