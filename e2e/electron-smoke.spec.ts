import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import type { Bridge } from '../shared/bridge';
import { electronAvailability, findElectronBinary } from '../main/hosts/electron/availability';

/**
 * Smoke test of the real Electron shell (DESIGN.md "Tests"): the bundled main process opens
 * a temporary database and a sandboxed window whose page sees the bridge and nothing of Node.
 * Electron's binary cannot be downloaded on our build machines, so there it is skipped, with
 * the reason. Needs `node tools/build-electron.mjs` and the renderer build first.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'build', 'electron', 'main.cjs');
const availability = electronAvailability({ platform: process.platform, env: process.env, resolveBinary: findElectronBinary });

type PageGlobals = { bridge?: Bridge; require?: unknown; process?: unknown };

test.describe('Electron shell', () => {
  test.skip(!availability.ok, `Electron cannot run here: ${availability.ok ? '' : availability.reason}`);

  test('opens a sandboxed window that sees the bridge and no Node', async () => {
    expect(existsSync(MAIN), 'build/electron/main.cjs is missing: run node tools/build-electron.mjs').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'mg-electron-'));
    const electronApp = await _electron.launch({
      executablePath: availability.ok ? availability.binary : undefined,
      args: [MAIN, '--db', join(dir, 'smoke.sqlite')],
      cwd: ROOT,
    });
    try {
      const appWindow = await electronApp.firstWindow();
      await expect(appWindow).toHaveTitle(/Mutual Governance/);
      expect(appWindow.url()).toMatch(/^app:\/\/mutual-governance\//);

      const seen = await appWindow.evaluate(() => {
        const page = window as unknown as PageGlobals;
        return { bridge: typeof page.bridge?.invoke, require: typeof page.require, process: typeof page.process };
      });
      expect(seen).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' });

      // The bridge reaches the real core through the sender-checked IPC handler.
      const status = await appWindow.evaluate(() => (window as unknown as PageGlobals).bridge?.invoke('app.status', {}));
      expect(status).toMatchObject({ ok: true, value: { host: 'electron' } });

      // window.open never makes a second Electron window.
      const opened = await appWindow.evaluate(() => window.open('about:blank') === null);
      expect(opened).toBe(true);
      expect(electronApp.windows()).toHaveLength(1);
    } finally {
      await electronApp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
