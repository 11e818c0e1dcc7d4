import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  isAppUrl,
  navigationAction,
  resolveAppPath,
  responseHeaders,
  shouldOpenExternally,
  windowOpenAction,
  windowOptions,
} from './security';
import { contentSecurityPolicy } from '../shared/csp';

const ROOT = resolve('/srv/app/build/renderer');
const at = (...parts: string[]) => join(ROOT, ...parts);

describe('isAppUrl', () => {
  it.each([
    'app://mutual-governance/',
    'app://mutual-governance',
    'app://mutual-governance/index.html#/members',
    'app://mutual-governance/assets/index-abc.js?v=1',
    'app://Mutual-Governance/',
    APP_START_URL,
  ])('accepts our origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/',
    'app://mutual-governance.evil.example/',
    'app://mutual-governance:8080/',
    'app://user@mutual-governance/',
    'app://user:pw@mutual-governance/',
    'https://mutual-governance/',
    'file:///srv/app/build/renderer/index.html',
    'http://127.0.0.1:5173/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'app:mutual-governance',
    '',
    'not a url',
  ])('refuses anything else: %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('shouldOpenExternally', () => {
  it.each(['https://www.legislation.gov.uk/ukpga/2006/46/section/307', 'mailto:secretary@example.org', 'MAILTO:a@b.c', 'HTTPS://example.org/'])(
    'opens %s in the user’s own program',
    (url) => {
      expect(shouldOpenExternally(url)).toBe(true);
    },
  );

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'app://mutual-governance/',
    'https://user:pw@example.org/',
    'https:',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(shouldOpenExternally(url)).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(shouldOpenExternally(undefined)).toBe(false);
  });
});

describe('navigationAction and windowOpenAction', () => {
  it('lets the window move only within app://', () => {
    expect(navigationAction('app://mutual-governance/index.html')).toBe('allow');
    expect(navigationAction('https://example.org/')).toBe('open-externally');
    expect(navigationAction('mailto:a@example.org')).toBe('open-externally');
    expect(navigationAction('http://example.org/')).toBe('deny');
    expect(navigationAction('file:///etc/passwd')).toBe('deny');
  });

  it('never opens a new Electron window, not even one of ours', () => {
    expect(windowOpenAction('app://mutual-governance/')).toBe('deny');
    expect(windowOpenAction('about:blank')).toBe('deny');
    expect(windowOpenAction('https://example.org/')).toBe('open-externally');
    expect(windowOpenAction('mailto:a@example.org')).toBe('open-externally');
    expect(windowOpenAction('file:///etc/passwd')).toBe('deny');
  });
});

describe('resolveAppPath', () => {
  it('maps the root to index.html', () => {
    expect(resolveAppPath(ROOT, 'app://mutual-governance/')).toBe(at('index.html'));
    expect(resolveAppPath(ROOT, 'app://mutual-governance')).toBe(at('index.html'));
    expect(resolveAppPath(ROOT, 'app://mutual-governance/?x=1#/members')).toBe(at('index.html'));
  });

  it('maps files and sub-folders, ignoring query and fragment', () => {
    expect(resolveAppPath(ROOT, 'app://mutual-governance/index.html')).toBe(at('index.html'));
    expect(resolveAppPath(ROOT, 'app://mutual-governance/assets/index-Bx1.js')).toBe(at('assets', 'index-Bx1.js'));
    expect(resolveAppPath(ROOT, 'app://mutual-governance/assets/font.woff2?v=3#x')).toBe(at('assets', 'font.woff2'));
    expect(resolveAppPath(ROOT, 'app://mutual-governance/assets/My%20Logo.svg')).toBe(at('assets', 'My Logo.svg'));
  });

  it('always answers inside the root', () => {
    const result = resolveAppPath(ROOT, 'app://mutual-governance/a/b/c.js');
    expect(result?.startsWith(ROOT + sep)).toBe(true);
  });

  it.each([
    ['plain ..', 'app://mutual-governance/../etc/passwd'],
    ['.. deeper', 'app://mutual-governance/assets/../../etc/passwd'],
    ['.. that stays inside', 'app://mutual-governance/assets/../index.html'],
    ['single dot', 'app://mutual-governance/./index.html'],
    ['encoded dots', 'app://mutual-governance/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', 'app://mutual-governance/%2E%2E/%2E%2E/etc/passwd'],
    ['half-encoded dots', 'app://mutual-governance/.%2e/etc/passwd'],
    ['encoded slash', 'app://mutual-governance/..%2f..%2fetc%2fpasswd'],
    ['encoded slash in a name', 'app://mutual-governance/assets%2F..%2F..%2Fsecret'],
    ['double-encoded dots', 'app://mutual-governance/%252e%252e/etc/passwd'],
    ['backslashes', 'app://mutual-governance/..\\..\\windows\\win.ini'],
    ['encoded backslashes', 'app://mutual-governance/..%5c..%5cwindows%5cwin.ini'],
    ['a backslash inside a name', 'app://mutual-governance/assets\\x.js'],
    ['null byte', 'app://mutual-governance/index.html%00.png'],
    ['drive letter', 'app://mutual-governance/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://mutual-governance/C%3A%5CWindows%5Cwin.ini'],
    ['absolute path via empty segment', 'app://mutual-governance//etc/passwd'],
    ['encoded absolute path', 'app://mutual-governance/%2Fetc%2Fpasswd'],
    ['dotfile', 'app://mutual-governance/.env'],
    ['trailing slash (a folder)', 'app://mutual-governance/assets/'],
    ['malformed encoding', 'app://mutual-governance/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a bare absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\Windows\\win.ini'],
    ['leading spaces', '  app://mutual-governance/index.html'],
    ['a tab hidden in dots', 'app://mutual-governance/.\t./etc/passwd'],
    ['nothing', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('copes with a relative root by resolving it first', () => {
    expect(resolveAppPath('build/renderer', 'app://mutual-governance/')).toBe(resolve('build/renderer', 'index.html'));
  });
});

describe('responseHeaders', () => {
  it('carries the CSP and nosniff on every app:// response, and no caching of stale builds', () => {
    const headers = responseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Cache-Control']).toBe('no-cache');
  });
});

describe('windowOptions', () => {
  const options = windowOptions('/app/build/electron/preload.cjs', { packaged: true });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experiments off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('makes no network request of its own (no spell-check dictionary download)', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('has no DevTools in an installed app, and keeps them for developers', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/x/preload.cjs', { packaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('uses the bundled preload and waits to show until painted', () => {
    expect(prefs.preload).toBe('/app/build/electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Mutual Governance');
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('is standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});
