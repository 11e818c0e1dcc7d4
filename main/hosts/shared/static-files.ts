import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { contentSecurityPolicy } from './csp';

/**
 * Serving the renderer build, the same for both hosts that show it: Electron's app:// protocol
 * and the loopback HTTP host. Each host hands over the raw request path (as sent, before any
 * URL parser has collapsed `..`) and turns the answer into its own kind of response.
 */

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Content type by extension; unknown files are served as opaque bytes (never sniffed). */
export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a raw request path ('/assets/app.js', query and fragment already removed) to a file
 * inside `rootDir`, or null. Every segment is decoded on its own and refused if it hides a
 * separator, a null byte, a drive letter, a second layer of encoding or a leading dot (which
 * covers `.`, `..`, `%2e%2e` and dotfiles): traversal in any spelling is refused rather than
 * normalised away. The result is then checked to lie inside `rootDir` anyway. The renderer
 * routes by hash, so the only fallback is `/` (or nothing) meaning index.html.
 */
export function resolveStaticPath(rootDir: string, rawPath: string): string | null {
  if (rawPath === '' || rawPath === '/') return resolve(rootDir, 'index.html');
  if (!rawPath.startsWith('/')) return null;

  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // '%' after decoding means double encoding: refused so nothing downstream decodes again.
    if (segment === '' || segment.startsWith('.') || /[/\\:%\0]/.test(segment)) return null;
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const target = resolve(root, ...segments);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return target;
}

/** The path part of a raw HTTP request target ('/a/b?x#y' -> '/a/b'), undecoded. */
export function rawPathOf(requestTarget: string): string {
  const end = requestTarget.search(/[?#]/);
  return end === -1 ? requestTarget : requestTarget.slice(0, end);
}

/**
 * Headers on every static response, whichever host serves it. The CSP travels on each one
 * (Electron security checklist 7), not only on HTML, so a file opened on its own is bound too.
 */
export function staticHeaders(contentType: string, cacheControl: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': cacheControl,
  };
}

export type StaticFile =
  | { found: true; path: string; contentType: string; body: Buffer }
  | { found: false };

/** Reads the file a raw request path names, or says it is not there (never why: no paths leak). */
export async function readStaticFile(rootDir: string, rawPath: string): Promise<StaticFile> {
  const path = resolveStaticPath(rootDir, rawPath);
  if (path === null) return { found: false };
  try {
    return { found: true, path, contentType: mimeTypeFor(path), body: await readFile(path) };
  } catch {
    return { found: false }; // missing, or a folder: not worth a stack in the log
  }
}
