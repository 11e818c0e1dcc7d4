import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Result } from '../../../shared/result';
import { randomToken } from '../../core/db/ids';
import { logError } from '../../core/log';
import { dispatchForOrganisation, ORGANISATION_HEADER } from '../shared/organisation-guard';
import { rawPathOf, readStaticFile, staticHeaders } from '../shared/static-files';
import { MAX_BODY_BYTES, isAllowedHost, isAllowedOrigin, isJsonContentType, tokenMatches } from './guards';

export const TOKEN_HEADER = 'x-mg-token';

export interface HttpHostOptions {
  dispatch: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** The production renderer build (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface HttpHost {
  port: number;
  token: string;
  /** The address to open, carrying the session token. */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The loopback host: serves the renderer build and the contract over HTTP on 127.0.0.1 only.
 * Every API call needs the per-run token; Host and Origin must be ours; bodies are JSON and
 * at most MAX_BODY_BYTES.
 */
export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomToken();
  let port = options.port;
  const server: Server = createServer((req, res) => {
    handle(req, res, port, token, options).catch((e) => {
      const ref = logError('http host', e);
      const message = `Internal error (reference ${ref}).`;
      if (res.headersSent) res.destroy();
      else if (req.url?.startsWith('/api/')) sendJson(res, 500, { error: message });
      else send(res, 500, 'text/plain; charset=utf-8', message);
    });
  });
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, port: number, token: string, options: HttpHostOptions) {
  if (!isAllowedHost(req.headers.host, port)) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: this server only answers requests addressed to 127.0.0.1.');
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: requests from other sites are refused.');
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    // e.g. '//[': read as a host name, not a path. (An /api/ target always parses.)
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the address could not be read.');
  }
  if (url.pathname.startsWith('/api/')) return handleApi(req, res, url, token, options);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
  }
  // The raw path, not url.pathname: the URL parser collapses `..` and would hide an attempt.
  return serveStatic(res, rawPathOf(req.url ?? '/'), options.staticDir, req.method === 'HEAD');
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, token: string, options: HttpHostOptions) {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' });
  const provided = req.headers[TOKEN_HEADER];
  if (!tokenMatches(typeof provided === 'string' ? provided : undefined, token)) {
    return sendJson(res, 401, { error: 'This session needs the address printed when the app started (it carries a key).' });
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendJson(res, 415, { error: 'Only application/json is accepted.' });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return sendJson(res, 413, { error: `Requests are limited to ${MAX_BODY_BYTES} bytes.` }, true);
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return sendJson(res, 413, { error: `Requests are limited to ${MAX_BODY_BYTES} bytes.` }, true);
  const method = methodName(url.pathname);
  if (method === null) return sendJson(res, 400, { error: 'The request’s method name is not properly encoded.' });
  const text = utf8(body);
  if (text === null) return sendJson(res, 400, { error: 'The request body is not valid UTF-8 text.' });
  let input: unknown;
  try {
    input = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'The request body is not valid JSON.' });
  }
  // Refused if another tab switched the file to another organisation than the one this tab shows.
  const organisation = req.headers[ORGANISATION_HEADER];
  const result = await dispatchForOrganisation(options.dispatch, method, input, typeof organisation === 'string' && organisation !== '' ? organisation : undefined);
  return sendJson(res, 200, result);
}

/** The method named by '/api/<method>', or null when its percent-encoding is malformed. */
function methodName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

// fatal: a body that is not UTF-8 is refused, not stored with U+FFFD in place of what was meant.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8(body: Buffer): string | null {
  try {
    return strictUtf8.decode(body);
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(res: ServerResponse, rawPath: string, root: string, headOnly: boolean) {
  const file = await readStaticFile(root, rawPath);
  if (!file.found) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  // Vite names built assets by content hash, so they never change under the same name.
  const immutable = rawPath.startsWith('/assets/');
  res.writeHead(200, {
    ...staticHeaders(file.contentType, immutable ? 'public, max-age=31536000, immutable' : 'no-store'),
    'Content-Length': String(file.body.length),
  });
  res.end(headOnly ? undefined : file.body);
}

function send(res: ServerResponse, status: number, type: string, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown, close = false) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}
