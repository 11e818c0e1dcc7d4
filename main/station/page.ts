import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * The voting page's files (build/station: index.html and assets/), read once when the station
 * starts. Only the paths found then are ever served, matched exactly against the request's raw
 * path: no request path is resolved against the disk, so no spelling of `..` can reach another
 * file. Dotfiles and symbolic links are left out. The page is small (a few hundred KB), so
 * holding it in memory also spares the disk 300 phones' worth of reads.
 */
export interface PageFile {
  body: Buffer;
  type: string;
  /** Built assets are named by their content, so they never change under the same name. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

const MAX_FILES = 500;
const MAX_BYTES = 50 * 1024 * 1024;

/** The page's files by URL path ('/' is index.html); empty when the page was not built. */
export function loadPage(dir: string): Map<string, PageFile> {
  const files = new Map<string, PageFile>();
  let bytes = 0;
  const walk = (folder: string, urlPrefix: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return; // not built (or not readable): the caller serves a page saying so
    }
    for (const name of entries.sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      const stat = lstatSync(path);
      const url = `${urlPrefix}/${encodeURIComponent(name)}`;
      if (stat.isDirectory() && depth < 4) walk(path, url, depth + 1);
      if (!stat.isFile() || files.size >= MAX_FILES || bytes + stat.size > MAX_BYTES) continue;
      bytes += stat.size;
      files.set(url, { body: readFileSync(path), type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream', immutable: urlPrefix.startsWith('/assets') });
    }
  };
  walk(dir, '', 0);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}

/** The path of a raw request target ('/a/b?x#y' -> '/a/b'), undecoded. */
export function rawPathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
