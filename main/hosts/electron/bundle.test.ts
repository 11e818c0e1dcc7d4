import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDirectory } from '../../core/db/lockfile';

/**
 * Electron cannot run on our build machines, so this runs the real bundle (as
 * tools/build-electron.mjs makes it) in plain Node with a stand-in for the 'electron' module.
 * The stand-in records what main.cjs asks of Electron and then plays the renderer's part:
 * requests over app://, IPC calls, navigations. It proves the wiring of the pure functions,
 * that the bundle's import.meta shim and better-sqlite3 work, and that the core is closed
 * (its lock released) on quit. The real Electron run is e2e/electron-smoke.spec.ts.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const STAND_IN = String.raw`
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const seen = { calls: [], windows: [], loads: [], opened: [], errors: [] };
const handlers = {};
const app = new EventEmitter();
app.enableSandbox = () => seen.calls.push('enableSandbox');
app.requestSingleInstanceLock = () => true;
app.whenReady = () => { seen.calls.push('whenReady'); return Promise.resolve(); };
app.isPackaged = true;
app.getPath = (name) => { seen.calls.push('getPath:' + name); return process.cwd(); };
app.exit = (code) => { report(); process.exit(code); };
app.quit = () => {
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  app.emit('will-quit', event);
  if (!event.prevented) { report(); process.exit(0); }
};
const session = { defaultSession: {
  setPermissionRequestHandler: (h) => { handlers.request = h; },
  setPermissionCheckHandler: (h) => { handlers.check = h; },
  setDevicePermissionHandler: (h) => { handlers.device = h; },
} };
const MAIN_FRAME = { url: 'app://mutual-governance/#/', processId: 1, routingId: 1, parent: null };
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    seen.windows.push(options);
    this.webContents = { mainFrame: MAIN_FRAME, printToPDF: (o) => { seen.pdfOptions = o; return Promise.resolve(Buffer.from('%PDF-1.7 stand-in')); } };
    setImmediate(() => play(this).catch((e) => { seen.errors.push(String(e)); app.quit(); }));
  }
  isDestroyed() { return false; }
  loadURL(url) { seen.loads.push(url); return Promise.resolve(); }
}
const electron = {
  app, session, BrowserWindow,
  protocol: { registerSchemesAsPrivileged: (s) => { seen.calls.push('registerSchemes'); seen.schemes = s; }, handle: (scheme, h) => { handlers.scheme = scheme; handlers.protocol = h; } },
  ipcMain: { handle: (channel, h) => { (handlers.ipc ??= {})[channel] = h; } },
  dialog: {
    showErrorBox: (title, message) => { seen.errorBox = { title, message }; },
    showSaveDialog: (win, options) => { seen.saveDialog = { parent: win instanceof BrowserWindow, options }; return Promise.resolve({ canceled: false, filePath: require('node:path').join(process.cwd(), 'Register') }); },
  },
  shell: { openExternal: (url) => { seen.opened.push(url); return Promise.resolve(); } },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };

async function fetchApp(url, method = 'GET') {
  const r = await handlers.protocol(new Request(url, { method }));
  return { status: r.status, type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), body: await r.text() };
}
function contents() {
  const c = new EventEmitter();
  c.setWindowOpenHandler = (h) => { c.openHandler = h; };
  return c;
}
function navigate(c, url) {
  const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
  c.emit('will-navigate', event);
  return event.prevented ? 'prevented' : 'allowed';
}
async function play(win) {
  seen.scheme = handlers.scheme;
  seen.channels = Object.keys(handlers.ipc).sort();
  seen.index = await fetchApp('app://mutual-governance/');
  seen.asset = await fetchApp('app://mutual-governance/assets/app.js');
  seen.traversal = await fetchApp('app://mutual-governance/..%2f..%2fsecret.txt');
  seen.missing = await fetchApp('app://mutual-governance/nope.js');
  seen.post = await fetchApp('app://mutual-governance/', 'POST');
  const invoke = handlers.ipc['mg:invoke'];
  const from = (frame) => ({ sender: win.webContents, senderFrame: frame });
  seen.trusted = await invoke(from(MAIN_FRAME), 'app.status', {});
  seen.untrusted = await invoke(from({ ...MAIN_FRAME, url: 'https://evil.example/' }), 'app.status', {});
  seen.subframe = await invoke(from({ ...MAIN_FRAME, routingId: 2, parent: MAIN_FRAME }), 'app.status', {});
  seen.noFrame = await invoke(from(null), 'app.status', {});
  const print = handlers.ipc['mg:print-pdf'];
  seen.printSubframe = await print(from({ ...MAIN_FRAME, routingId: 2, parent: MAIN_FRAME }), { title: 'Register of members' });
  seen.printed = await print(from(MAIN_FRAME), { title: 'Register of members' });
  let granted = 'unanswered';
  handlers.request(null, 'media', (answer) => { granted = answer; });
  seen.permissions = { request: granted, check: handlers.check(null, 'clipboard-read', 'app://mutual-governance', {}), device: handlers.device({}) };
  const c = contents();
  app.emit('web-contents-created', {}, c);
  seen.navigation = {
    inside: navigate(c, 'app://mutual-governance/#/members'),
    web: navigate(c, 'https://www.legislation.gov.uk/'),
    file: navigate(c, 'file:///etc/passwd'),
  };
  seen.windowOpen = { web: c.openHandler({ url: 'https://example.org/' }), app: c.openHandler({ url: 'app://mutual-governance/' }) };
  const webview = { prevented: false, preventDefault() { this.prevented = true; } };
  c.emit('will-attach-webview', webview, {}, { src: 'app://mutual-governance/' });
  seen.webviewPrevented = webview.prevented;
  app.quit();
}
function report() { console.log('STAND_IN_REPORT ' + JSON.stringify(seen)); }
`;

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs'), '--outdir', join(dir, 'electron')], { cwd: ROOT });
  bundle = join(dir, 'electron', 'main.cjs');
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Mutual Governance</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not for the renderer');
  writeFileSync(join(dir, 'stand-in.cjs'), STAND_IN);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): { status: number | null; seen: any; stderr: string } {
  const result = spawnSync(process.execPath, ['--require', join(dir, 'stand-in.cjs'), bundle, ...args], {
    cwd: dir,
    encoding: 'utf8',
    // better-sqlite3 is outside the bundle, as in the packaged app; here it comes from the repository.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), MUTUAL_GOVERNANCE_DB: '' },
    timeout: 30_000,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('STAND_IN_REPORT '));
  return { status: result.status, seen: line ? JSON.parse(line.slice('STAND_IN_REPORT '.length)) : null, stderr: result.stderr };
}

describe('the Electron main bundle, against a stand-in Electron', () => {
  let outcome: ReturnType<typeof run>;
  const db = () => join(dir, 'data', 'governance.sqlite');

  beforeAll(() => {
    outcome = run(['--db', db()]);
  }, 60_000);

  it('starts, plays the renderer’s part and quits cleanly', () => {
    expect(outcome.seen?.errors, outcome.stderr).toEqual([]);
    expect(outcome.status, outcome.stderr).toBe(0);
  });

  it('registers the privileged scheme and the sandbox before the app is ready', () => {
    const { calls, schemes } = outcome.seen;
    expect(calls.indexOf('registerSchemes')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('opens one secure window on app://', () => {
    const { windows, loads } = outcome.seen;
    expect(windows).toHaveLength(1);
    expect(windows[0].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(windows[0].webPreferences.preload).toBe(join(dir, 'electron', 'preload.cjs'));
    expect(loads).toEqual(['app://mutual-governance/']);
  });

  it('serves the renderer with the CSP and nothing outside it', () => {
    const { index, asset, traversal, missing, post } = outcome.seen;
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<title>Mutual Governance</title>');
    expect(index.csp).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(asset).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('not for the renderer');
    expect(traversal.csp).toBe(index.csp);
    expect(missing.status).toBe(404);
    expect(post.status).toBe(404);
  });

  it('answers the bridge from our window’s main frame only, with the real core', () => {
    const { channels, trusted, untrusted, subframe, noFrame } = outcome.seen;
    expect(channels).toEqual(['mg:invoke', 'mg:print-pdf']);
    expect(trusted).toMatchObject({ ok: true, value: { host: 'electron', appVersion: expect.any(String) } });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(subframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('saves a PDF where the save dialog says, printed by the sender, for our main frame only', () => {
    const { printed, printSubframe, saveDialog, pdfOptions } = outcome.seen;
    expect(printSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(printed).toEqual({ ok: true, value: { saved: true, path: join(dir, 'Register.pdf') } });
    expect(readFileSync(join(dir, 'Register.pdf'), 'utf8')).toBe('%PDF-1.7 stand-in');
    expect(saveDialog.parent).toBe(true);
    expect(saveDialog.options.defaultPath).toBe(join(dir, 'Register of members.pdf'));
    // Tagged, and bookmarked from the page's headings (a long report's sections in the PDF's outline).
    expect(pdfOptions).toMatchObject({ pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true, displayHeaderFooter: true });
  });

  it('refuses every permission', () => {
    expect(outcome.seen.permissions).toEqual({ request: false, check: false, device: false });
  });

  it('keeps navigation inside app://, sends safe links out and opens no windows or webviews', () => {
    const { navigation, windowOpen, opened, webviewPrevented } = outcome.seen;
    expect(navigation).toEqual({ inside: 'allowed', web: 'prevented', file: 'prevented' });
    expect(windowOpen).toEqual({ web: { action: 'deny' }, app: { action: 'deny' } });
    expect(opened).toEqual(['https://www.legislation.gov.uk/', 'https://example.org/']);
    expect(webviewPrevented).toBe(true);
  });

  it('created the database and released its lock on quit', () => {
    expect(existsSync(db())).toBe(true);
    const locks = lockDirectory(process.platform, process.getuid?.() ?? -1, tmpdir());
    // Other test files running beside this one take and release locks in the same folder: a lock
    // file gone between listing and reading was released, so it names nothing.
    const read = (f: string) => {
      try {
        return readFileSync(join(locks, f), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw e;
      }
    };
    const naming = existsSync(locks) ? readdirSync(locks).filter((f) => read(f).includes(JSON.stringify(realpathSync(db())))) : [];
    expect(naming).toEqual([]);
  });

  it('shows a plain error, not a stack, when the core cannot open', () => {
    const other = join(dir, 'other.sqlite');
    writeFileSync(other, 'this is not a database, it is a text file that happens to be long enough to matter');
    const failed = run(['--db', other]);
    expect(failed.status).toBe(1);
    expect(failed.seen.errorBox.title).toBe('Mutual Governance could not start');
    expect(failed.seen.errorBox.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
    expect(failed.seen.errorBox.message).toContain('other.sqlite');
    expect(failed.seen.windows).toEqual([]);
  });

  it('explains a --db without a file name', () => {
    const failed = run(['--db']);
    expect(failed.status).toBe(1);
    expect(failed.seen.errorBox.message).toMatch(/^--db needs a file name/);
  });
});
