import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { resolveStaticPath, staticHeaders } from '../shared/static-files';

/**
 * The Electron shell's security decisions, as pure functions so they can be unit-tested
 * without an Electron binary (DESIGN.md "Tests"). Numbers in comments refer to the items of
 * the Electron security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'mutual-governance';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/**
 * Checklist 18: a custom protocol instead of file://. `standard` gives it an origin and
 * relative URLs, `secure` makes it a secure context, `supportFetchAPI` lets the renderer
 * fetch its own assets. Nothing else (no CORS bypass, no service workers).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own origin, app://mutual-governance, with no port or credentials. */
export function isAppUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Checklist 15: shell.openExternal only ever receives https: web pages and mailto: links.
 * Other schemes (file:, smb:, javascript:, custom handlers) can run programs on the machine.
 */
export function shouldOpenExternally(url: string | null | undefined): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  return parsed.protocol === 'mailto:';
}

/**
 * Checklist 13: the window may only navigate within app://. A link to a web page or an
 * e-mail address goes to the user's browser or mail program instead; anything else is dropped.
 */
export function navigationAction(url: string): 'allow' | 'open-externally' | 'deny' {
  if (isAppUrl(url)) return 'allow';
  return shouldOpenExternally(url) ? 'open-externally' : 'deny';
}

/** Checklist 14: no new Electron windows, ever; safe links leave for the user's own programs. */
export function windowOpenAction(url: string): 'open-externally' | 'deny' {
  return shouldOpenExternally(url) ? 'open-externally' : 'deny';
}

/**
 * Maps an app:// request to a file inside `rootDir`, or null (main/hosts/shared/static-files.ts
 * decides, for both hosts). The raw request is read, not the parsed URL, because the URL
 * parser silently collapses `..` and would hide an attempt. `/` means index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(requestUrl);
  if (!match) return null; // e.g. leading spaces, which the URL parser forgives and we do not
  return resolveStaticPath(rootDir, match[1] ?? '');
}

/** Headers for every app:// response: the CSP travels on each one (checklist 7). */
export function responseHeaders(mimeType: string): Record<string, string> {
  return staticHeaders(mimeType, 'no-cache');
}

/**
 * The window and its web preferences. Most values are Electron's defaults already; they are
 * spelt out so a future default change, or a careless edit, shows up in the tests.
 */
export function windowOptions(preloadPath: string, build: { packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Mutual Governance',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false, // shown on ready-to-show, so no blank flash
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // checklist 3
      sandbox: true, // checklist 4
      nodeIntegration: false, // checklist 2
      nodeIntegrationInWorker: false, // checklist 2
      nodeIntegrationInSubFrames: false, // checklist 2
      webSecurity: true, // checklist 6
      allowRunningInsecureContent: false, // checklist 8
      experimentalFeatures: false, // checklist 9 (and no enableBlinkFeatures: checklist 10)
      webviewTag: false, // checklists 11 and 12
      navigateOnDragDrop: false, // checklist 13: a dropped file must not replace the app
      safeDialogs: true,
      // Off: on Windows and Linux Chromium would download its dictionaries from Google,
      // and the app is offline-first and keeps members' personal data to itself.
      spellcheck: false,
      // No DevTools in an installed app: they would let anyone at the keyboard call the bridge
      // directly and read every register, bypassing the screens. Developers keep them.
      devTools: !build.packaged,
    },
  };
}
