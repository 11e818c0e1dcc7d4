import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { mimeTypeFor, rawPathOf, readStaticFile, resolveStaticPath, staticHeaders } from './static-files';

const ROOT = resolve('/srv/app/build/renderer');
const at = (...parts: string[]) => join(ROOT, ...parts);

describe('resolveStaticPath', () => {
  it('maps nothing and / to index.html', () => {
    expect(resolveStaticPath(ROOT, '')).toBe(at('index.html'));
    expect(resolveStaticPath(ROOT, '/')).toBe(at('index.html'));
  });

  it('maps files and sub-folders, decoding each segment once', () => {
    expect(resolveStaticPath(ROOT, '/index.html')).toBe(at('index.html'));
    expect(resolveStaticPath(ROOT, '/assets/index-Bx1.js')).toBe(at('assets', 'index-Bx1.js'));
    expect(resolveStaticPath(ROOT, '/assets/My%20Logo.svg')).toBe(at('assets', 'My Logo.svg'));
    expect(resolveStaticPath(ROOT, '/a/b/c.js')?.startsWith(ROOT + sep)).toBe(true);
  });

  it.each([
    ['plain ..', '/../etc/passwd'],
    ['.. deeper', '/assets/../../etc/passwd'],
    ['.. that stays inside', '/assets/../index.html'],
    ['single dot', '/./index.html'],
    ['encoded dots', '/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', '/%2E%2E/%2E%2E/etc/passwd'],
    ['half-encoded dots', '/.%2e/etc/passwd'],
    ['encoded slash', '/..%2f..%2fetc%2fpasswd'],
    ['encoded slash in a name', '/assets%2F..%2F..%2Fsecret'],
    ['double-encoded dots', '/%252e%252e/etc/passwd'],
    ['backslashes', '/..\\..\\windows\\win.ini'],
    ['encoded backslashes', '/..%5c..%5cwindows%5cwin.ini'],
    ['null byte', '/index.html%00.png'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['encoded drive letter', '/C%3A%5CWindows%5Cwin.ini'],
    ['absolute path via empty segment', '//etc/passwd'],
    ['dotfile', '/.env'],
    ['a folder', '/assets/'],
    ['malformed encoding', '/%E0%A4%A'],
    ['no leading slash', 'index.html'],
  ])('refuses %s', (_name, path) => {
    expect(resolveStaticPath(ROOT, path)).toBeNull();
  });
});

describe('rawPathOf', () => {
  it('drops the query and fragment and decodes nothing', () => {
    expect(rawPathOf('/assets/a.js?v=1#x')).toBe('/assets/a.js');
    expect(rawPathOf('/%2e%2e/secret#frag')).toBe('/%2e%2e/secret');
    expect(rawPathOf('/')).toBe('/');
  });
});

describe('staticHeaders', () => {
  it('puts the CSP, nosniff and no framing on every response', () => {
    const headers = staticHeaders('text/javascript; charset=utf-8', 'no-store');
    expect(headers).toMatchObject({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
    });
  });
});

describe('readStaticFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mg-static-'));
    mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'site', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file with its content type, and index.html for /', async () => {
    await expect(readStaticFile(join(dir, 'site'), '/assets/app.js')).resolves.toMatchObject({
      found: true,
      contentType: 'text/javascript; charset=utf-8',
    });
    const index = await readStaticFile(join(dir, 'site'), '/');
    expect(index.found && index.body.toString()).toBe('<!doctype html>');
  });

  it('finds nothing outside the build, nor a missing file, nor a folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/nope.js', '/assets']) {
      await expect(readStaticFile(join(dir, 'site'), path), path).resolves.toEqual({ found: false });
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/logo.png', 'image/png'],
    ['assets/photo.JPEG', 'image/jpeg'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['assets/sqlite.wasm', 'application/wasm'],
  ])('%s is %s', (path, type) => {
    expect(mimeTypeFor(path)).toBe(type);
  });

  it('serves unknown or extension-less files as opaque bytes', () => {
    expect(mimeTypeFor('LICENSE')).toBe('application/octet-stream');
    expect(mimeTypeFor('data.bin')).toBe('application/octet-stream');
  });
});

