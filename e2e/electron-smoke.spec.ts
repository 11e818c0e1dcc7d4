import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Bridge } from '../shared/bridge';
import { electronAvailability, findElectronBinary } from '../main/hosts/electron/availability';
import { pdfOptions } from '../main/hosts/electron/print';
import { contentSecurityPolicy } from '../main/hosts/shared/csp';

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
        return {
          bridge: typeof page.bridge?.invoke,
          printToPdf: typeof page.bridge?.printToPdf,
          require: typeof page.require,
          process: typeof page.process,
        };
      });
      expect(seen).toEqual({ bridge: 'function', printToPdf: 'function', require: 'undefined', process: 'undefined' });

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

/**
 * Electron's printToPDF and Playwright's page.pdf are the same Chromium call (Page.printToPDF),
 * so the options the desktop app prints with are checked here in real Chromium, which this
 * machine has: the footer template, with its inline style, still numbers the pages under the
 * app's Content Security Policy, the header stays empty, and the page is A4.
 */
test('the desktop app’s PDF options number the pages in the footer under the app’s CSP', async ({ page }) => {
  const paragraphs = Array.from({ length: 120 }, (_, i) => `<p>Entry ${i + 1} in the register of members.</p>`).join('');
  await page.route('http://mg.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': contentSecurityPolicy() },
      body: `<!doctype html><html lang="en-GB"><title>Register of members</title><h1>Register of members</h1>${paragraphs}`,
    }),
  );
  await page.goto('http://mg.test/');
  const o = pdfOptions();
  const pdf = await page.pdf({
    format: String(o.pageSize),
    printBackground: o.printBackground,
    displayHeaderFooter: o.displayHeaderFooter,
    headerTemplate: o.headerTemplate,
    footerTemplate: o.footerTemplate,
    preferCSSPageSize: o.preferCSSPageSize,
    tagged: o.generateTaggedPDF,
  });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  expect(doc.numPages).toBeGreaterThan(1);
  for (let n = 1; n <= doc.numPages; n += 1) {
    const pageN = await doc.getPage(n);
    const text = (await pageN.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    expect(text).toContain(`Page ${n} of ${doc.numPages}`);
    // No default header (the date and the title) above the content: the title is the page's
    // own heading, once, on page 1.
    expect(text.split('Register of members').length - 1).toBe(n === 1 ? 1 : 0);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/);
    // A4 in PostScript points (210 × 297 mm is 595.3 × 841.9; Chromium rounds to its own units).
    const [, , width = 0, height = 0] = pageN.view;
    expect(Math.abs(width - 595.3)).toBeLessThan(2);
    expect(Math.abs(height - 841.9)).toBeLessThan(2);
  }
  // Tagged: the PDF carries a structure tree for screen readers.
  expect((await doc.getMarkInfo())?.Marked).toBe(true);
});
