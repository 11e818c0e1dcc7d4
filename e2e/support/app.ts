import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import axe from 'axe-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AppUnderTest {
  /** The address printed by `npm run serve`, with its session token. */
  url: string;
  dbPath: string;
  dir: string;
  /** Runs `npm run cli -- ...args` against the real CLI; returns exit code and output. */
  cli(...args: string[]): { status: number | null; stdout: string; stderr: string };
}

/** `npm run serve` on a file, through e2e/support/serve.ts (the same start, with the light KDF for trustees' keys). */
function startServe(dbPath: string): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts', '--db', dbPath, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolvePromise({ url: m[1]!, proc });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its address:\n${out}`)));
  });
}

/**
 * Serves an existing database file with a host of its own, as a second start of the app would
 * (for journeys about what the app finds when it opens a file). Stop it before the test ends.
 */
export async function serveFile(dbPath: string): Promise<{ url: string; stop(): Promise<void> }> {
  const { url, proc } = await startServe(dbPath);
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** Each test gets its own database file and its own loopback host, started the way users start it. */
export const test = base.extend<{ app: AppUnderTest; cspErrors: string[] }>({
  // Playwright fixtures must destructure their first argument, even when they need nothing from it.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-e2e-'));
    const dbPath = join(dir, 'mutual.sqlite');
    const { url, proc } = await startServe(dbPath);
    await use({
      url,
      dbPath,
      dir,
      cli: (...args: string[]) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/hosts/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      },
    });
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  },
  // Any Content-Security-Policy violation or uncaught error on the page fails the test.
  cspErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'no CSP violations or page errors').toEqual([]);
  },
});

export { expect };

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) on the page as it is now. Injected through the
 * DevTools protocol, which the page's CSP does not govern, so the CSP stays as strict as shipped;
 * once per document (the app's screens are one document until a reload), since evaluating its
 * 0.5 MB again cost 0.4-1.3 s a check, as much as the check itself.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: typeof axe }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}
