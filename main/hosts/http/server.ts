import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Result } from '../../../shared/result';
import { randomToken } from '../../core/db/ids';
import { logError } from '../../core/log';
import {
  CONTENT_SECURITY_POLICY,
  MAX_BODY_BYTES,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  mimeFor,
  staticRelativePath,
  tokenMatches,
} from './guards';

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
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error (reference ${ref}).`);
      else res.destroy();
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
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname.startsWith('/api/')) return handleApi(req, res, url, token, options);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
  }
  return serveStatic(res, url.pathname, options.staticDir, req.method === 'HEAD');
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
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, { error: 'The request body is not valid JSON.' });
  }
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  const result = await options.dispatch(method, input);
  return sendJson(res, 200, result);
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

async function serveStatic(res: ServerResponse, pathname: string, root: string, headOnly: boolean) {
  const rel = staticRelativePath(pathname);
  if (rel === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  let content: Buffer;
  try {
    content = await readFile(join(root, rel));
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
  }
  const type = mimeFor(rel);
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(content.length),
    'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  res.end(headOnly ? undefined : content);
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
