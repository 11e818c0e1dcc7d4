import { timingSafeEqual } from 'node:crypto';

/**
 * The loopback host's checks, as pure functions. It serves one person on one machine, so
 * anything that does not look exactly like that person's browser on 127.0.0.1 is refused.
 */

/** DNS rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends its own Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on every POST; it must be our own page. Absent only on same-origin GETs. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(provided: string | undefined, expected: string): boolean {
  if (provided === undefined) return false;
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  const charset = params.find((p) => p.startsWith('charset='));
  return charset === undefined || charset === 'charset=utf-8';
}

export const MAX_BODY_BYTES = 1024 * 1024;
