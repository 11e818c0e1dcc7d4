import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md "Architecture": main/core is plain Node and never imports electron, so the same
 * core runs under the browser host, the CLI and tests. ESLint checks each file's own imports;
 * this follows the whole import graph, as esbuild resolves it, so an indirect import through
 * another project folder (any of main/hosts) is caught too. It also checks the
 * other side: the preload's bundle needs nothing but electron, because a sandboxed preload
 * can require nothing else.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function coreSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

async function importGraph(options: { stdin?: string; entry?: string; platform: 'node' | 'browser' }): Promise<{ inputs: string[]; externals: string[] }> {
  const result = await build({
    absWorkingDir: ROOT,
    ...(options.stdin !== undefined
      ? { stdin: { contents: options.stdin, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' as const } }
      : { entryPoints: [options.entry ?? ''] }),
    bundle: true,
    write: false,
    metafile: true,
    platform: options.platform,
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const metafile: Metafile = result.metafile;
  const inputs = Object.keys(metafile.inputs);
  const externals = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  return { inputs, externals: [...new Set(externals)].sort() };
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

describe('main/core never imports electron', () => {
  it('not from core.ts, nor from any other core module, directly or transitively', async () => {
    const entries = coreSources(join(ROOT, 'main', 'core')).map((p) => relative(ROOT, p).split('\\').join('/'));
    expect(entries).toContain('main/core/core.ts');
    const { inputs, externals } = await importGraph({
      stdin: entries.map((p) => `import './${p}';`).join('\n'),
      platform: 'node',
    });

    // The graph was really walked: the core and its driver are in it.
    expect(inputs).toContain('main/core/core.ts');
    expect(externals).toContain('better-sqlite3');

    expect(externals.filter(isElectron)).toEqual([]);
    expect(inputs.filter((p) => p.startsWith('main/hosts/'))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith('renderer/'))).toEqual([]);
  });
});

describe('main/hosts/preload imports nothing but electron', () => {
  it('so it can run in a sandboxed renderer', async () => {
    const { inputs, externals } = await importGraph({ entry: 'main/hosts/preload/index.ts', platform: 'browser' });
    expect(externals).toEqual(['electron']);
    expect(inputs.every((p) => p.startsWith('main/hosts/preload/') || p.startsWith('shared/'))).toBe(true);
  });
});
