import { createHmac, randomBytes } from 'node:crypto';
import { fastify, type FastifyReply, type FastifyRequest } from 'fastify';
import { fastifyRateLimit, normalizeIP } from '@fastify/rate-limit';
import {
  agreeRequestSchema,
  castRequestSchema,
  receiptRequestSchema,
  STATION_LIMITS,
  type StationAbout,
  type StationBallot,
  type StationErrorCode,
} from '../../shared/station/api';
import { normaliseCode } from '../core/ballots/cast';
import { logError } from '../core/log';
import { loadPage, rawPathOf } from './page';

/**
 * The voting station's server (issue 9): members' phones on the meeting room's network reach the
 * secretary's laptop here, and nowhere else. A separate server from the loopback host (which
 * serves the secretary's app on 127.0.0.1 only), built on Fastify with @fastify/rate-limit.
 *
 * What it exposes: the voting page (build/station/, its own bundle with no secretary screens; the
 * files found there at start, matched exactly, page.ts) and
 * the six voter calls of shared/station/api.ts, each of which goes through the core's own methods
 * (ballots.publicElection, ballots.cast with channel 'phone', writtenResolutions.agreeWithCode),
 * so every check and audit rule of the kiosk applies. Every other path or method answers 404
 * `not_found`; no contract method is reachable by name.
 *
 * What it protects against:
 * - Listening where it should not: it binds the one address the secretary chose (never every
 *   interface unless that was chosen explicitly), only while the ballot is open or the resolution
 *   circulating, and the core stops it when they end, when the app quits and before a restore.
 * - Guessing codes: at most STATION_LIMITS.badCodesPerClientPer15Min wrong codes per phone (IP
 *   address; an IPv6 /64 counts as one) and perCodePer15Min tries of any one code, then 429 with
 *   Retry-After. Codes have 80 bits, so throttled guessing has no practical chance; the throttling
 *   mostly keeps the log and the laptop quiet. The per-code key is an HMAC of the normalised code
 *   under a key made for this run, so not even memory holds the code or its stored hash.
 * - Floods and slow clients: perClientPerMinute requests per phone across all calls (checked
 *   before the body is read); bodies over 64 KB answer 413; headers must arrive within
 *   headersTimeoutMs and a whole request within requestTimeoutMs, idle sockets are closed.
 * - Other web pages the phone has open: only application/json is accepted (a cross-site form
 *   cannot send it without a CORS preflight, which is answered 404), and requests must be
 *   addressed to an IP address, not a host name, which defeats DNS rebinding.
 * - Eavesdropping on choices: a ballot is encrypted on the phone before it is sent, with proofs
 *   the core checks, so the Wi-Fi carries only ciphertexts.
 *
 * Its limits (plain HTTP on a trusted local network): the page itself travels unencrypted and
 * unsigned, so someone able to tamper with traffic on the meeting's network (a rogue access point,
 * ARP spoofing) could serve phones an altered page, which could leak or change a vote before
 * encryption, and could read a voting code as it is sent. The defence is the network: the
 * meeting's own Wi-Fi or a travel router with WPA2/WPA3, not a public hotspot. A voter can check
 * afterwards that their tracker is in the published box, which detects a dropped ballot but not
 * one altered before encryption. Throttling by IP address assumes phones have their own addresses
 * (true on a meeting's Wi-Fi; behind NAT many phones would share one limit).
 */

export interface StationLimits {
  bodyBytes: number;
  perClientPerMinute: number;
  perCodePer15Min: number;
  badCodesPerClientPer15Min: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** How often Node checks the header and request timeouts (its default, 30 s, would let slow headers linger). */
  checkIntervalMs: number;
  /** A socket with no traffic for this long is closed. */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: StationLimits = {
  ...STATION_LIMITS,
  checkIntervalMs: 1_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 4_096,
};

const FIFTEEN_MINUTES = 15 * 60_000;
/** A code once normalised (core/ballots/cast.ts): 16 characters of Crockford base 32 (no I, L, O, U). */
const CROCKFORD_16 = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** A station answer: the value, or one of the station's error codes with an English message. */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: StationErrorCode; message: string };

/** What the station asks of the core (main/core/station/manager.ts provides it). */
export interface StationBackend {
  about(): Promise<StationAbout>;
  ballot(): Promise<Answer<StationBallot>>;
  cast(code: string, ballot: unknown): Promise<Answer<{ tracker: string }>>;
  receipt(tracker: string): Promise<Answer<{ found: boolean }>>;
  resolution(): Promise<Answer<unknown>>;
  agree(code: string): Promise<Answer<{ name: string; agreedAt: string; passed: boolean }>>;
}

/** Why a phone started being throttled: too many requests, too many tries of one code, too many wrong codes. */
export type ThrottleReason = 'requests' | 'code_tries' | 'wrong_codes';

/** What the station tells the core about refusals: never a code, never a choice. */
export interface StationEvents {
  /** Once when a phone (or a code) starts being throttled, not on every refused request. */
  throttleStarted(e: { reason: ThrottleReason; client: string; limit: number; windowSeconds: number }): void;
  /** Every refusal, for the counts the secretary sees. */
  refused(kind: 'throttled' | 'bad_code' | 'used_code', client: string): void;
}

export interface StationServerOptions {
  /** The one address to listen on ('0.0.0.0' or '::' only when every interface was chosen). */
  address: string;
  /** 0 picks a free port. */
  port: number;
  /** The voting page's build (index.html and assets/). */
  pageDir: string;
  backend: StationBackend;
  events: StationEvents;
  limits?: Partial<StationLimits>;
}

export interface StationServer {
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

const HTTP_STATUS: Record<StationErrorCode, number> = {
  bad_request: 400,
  code_format: 400,
  code_invalid: 403,
  code_used: 409,
  ballot_refused: 422,
  not_open: 409,
  throttled: 429,
  too_large: 413,
  not_found: 404,
  server: 500,
};

const JSON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

/** Thrown by the rate limiter's response builder; the error handler answers it. */
class Throttled extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests from this phone. Wait a moment and try again.');
  }
}

/** The page shown when build/station/ is missing (the secretary sees the same on the laptop). */
const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Voting page not built</title></head>
<body><h1>The voting page was not built</h1><p>This voting station is running, but its voting page is missing from this copy of the app. Tell the secretary: the page is built with <code>npm run build:renderer</code>.</p></body></html>
`;

/**
 * Starts the station server on one address. Resolves once it is listening; rejects with the
 * listen error (EADDRINUSE, EADDRNOTAVAIL, EACCES) for the caller to put in words.
 */
export async function startStationServer(options: StationServerOptions): Promise<StationServer> {
  const limits: StationLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { backend, events } = options;
  const app = fastify({
    logger: false,
    trustProxy: false,
    bodyLimit: limits.bodyBytes,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    forceCloseConnections: true,
    return503OnClosing: true,
    http: { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
  });
  // JSON only: Fastify also reads text/plain by default, which a cross-site form can send without a preflight.
  app.removeContentTypeParser('text/plain');
  app.server.maxConnections = limits.maxConnections;
  // Some Node versions take headersTimeout only from the property; set both.
  app.server.headersTimeout = limits.headersTimeoutMs;

  // The per-code key: an HMAC under a key of this run, so the code (or the hash the core keeps) is never held.
  const codeSecret = randomBytes(32);
  const codeKey = (code: string) => createHmac('sha256', codeSecret).update(normaliseCode(code)).digest('hex');
  const clientOf = (req: FastifyRequest) => normalizeIP(req.ip);

  // One throttle event per phone (or code) per window, however many requests it sends meanwhile.
  const throttledUntil = new Map<string, number>();
  const startThrottle = (key: string, reason: ThrottleReason, client: string, limit: number, windowMs: number) => {
    const now = Date.now();
    const until = throttledUntil.get(key);
    if (until !== undefined && until > now) return;
    if (throttledUntil.size > 10_000) for (const [k, u] of throttledUntil) if (u <= now) throttledUntil.delete(k);
    if (throttledUntil.size > 10_000) return; // a flood of distinct keys: counted, not logged one by one
    throttledUntil.set(key, now + windowMs);
    events.throttleStarted({ reason, client, limit, windowSeconds: Math.round(windowMs / 1000) });
  };

  await app.register(fastifyRateLimit, {
    global: true,
    max: limits.perClientPerMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    cache: 10_000,
    onExceeded: (req) => {
      const client = clientOf(req);
      events.refused('throttled', client);
      startThrottle(`requests|${client}`, 'requests', client, limits.perClientPerMinute, 60_000);
    },
    errorResponseBuilder: (_req, context) => new Throttled(Math.max(1, Math.ceil(((context as { ttl?: number }).ttl ?? 60_000) / 1000))),
  });
  const codeTries = app.createRateLimit({ max: limits.perCodePer15Min, timeWindow: FIFTEEN_MINUTES, keyGenerator: (req) => codeKey((req.body as { code: string }).code) });
  const wrongCodes = app.createRateLimit({ max: limits.badCodesPerClientPer15Min, timeWindow: FIFTEEN_MINUTES });

  // Requests must name the station by IP address and port: a host name means DNS rebinding.
  let listeningPort = options.port;
  app.addHook('onRequest', async (req, reply) => {
    if (!addressedToUs(req.headers.host, listeningPort)) return fail(reply, 'bad_request', 'This voting station answers only requests addressed to its IP address.');
  });

  // Every answer carries the security headers; static files carry the page's CSP instead.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.headers(JSON_HEADERS);
    return payload;
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof Throttled) return fail(reply, 'throttled', error.message, error.retryAfterSeconds);
    const status = error.statusCode ?? 500;
    if (status === 413) {
      reply.header('Connection', 'close');
      return fail(reply, 'too_large', `Requests are limited to ${limits.bodyBytes} bytes.`);
    }
    if (status === 415) return fail(reply, 'bad_request', 'Only application/json is accepted.', undefined, 415);
    if (status >= 400 && status < 500) return fail(reply, 'bad_request', 'The request could not be read.');
    const ref = logError('voting station', error);
    return fail(reply, 'server', `Something went wrong on the laptop (reference ${ref}).`);
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (_req, reply) => fail(reply, 'not_found', 'There is no such page or call on this voting station.'));

  // ---- the voter's calls -------------------------------------------------------------------

  app.get('/api/station', async () => backend.about());
  app.get('/api/ballot', async (_req, reply) => answer(reply, await backend.ballot()));
  app.get('/api/resolution', async (_req, reply) => answer(reply, await backend.resolution()));
  app.post('/api/receipt', async (req, reply) => {
    const body = receiptRequestSchema.safeParse(req.body);
    if (!body.success) return fail(reply, 'bad_request', 'A receipt is the 64-character tracker the phone showed after voting.');
    return answer(reply, await backend.receipt(body.data.tracker));
  });

  /** Cast and agree share the code checks: wrong codes per phone, tries per code, then the core. */
  const withCode = async <T>(req: FastifyRequest, reply: FastifyReply, code: string, call: () => Promise<Answer<T>>) => {
    const client = clientOf(req);
    const wrong = await wrongCodes(req, { increment: false });
    if (!wrong.isAllowed && wrong.remaining <= 0) {
      events.refused('throttled', client);
      startThrottle(`wrong|${client}`, 'wrong_codes', client, limits.badCodesPerClientPer15Min, FIFTEEN_MINUTES);
      return fail(reply, 'throttled', 'Too many wrong codes from this phone. Wait and try again, or ask the secretary.', Math.max(1, wrong.ttlInSeconds));
    }
    const badCode = async () => {
      events.refused('bad_code', client);
      await wrongCodes(req);
    };
    if (!CROCKFORD_16.test(normaliseCode(code))) {
      await badCode();
      return fail(reply, 'code_format', 'A voting code has 16 letters and numbers, in four groups of four, as printed on your letter.');
    }
    const tries = await codeTries(req);
    if (!tries.isAllowed && tries.isExceeded) {
      events.refused('throttled', client);
      startThrottle(`code|${tries.key}`, 'code_tries', client, limits.perCodePer15Min, FIFTEEN_MINUTES);
      return fail(reply, 'throttled', 'This code has been tried too many times. Wait and try again, or ask the secretary.', Math.max(1, tries.ttlInSeconds));
    }
    const result = await call();
    if (!result.ok && (result.code === 'code_invalid' || result.code === 'code_format')) await badCode();
    if (!result.ok && result.code === 'code_used') events.refused('used_code', client);
    return answer(reply, result);
  };

  app.post('/api/cast', async (req, reply) => {
    const body = castRequestSchema.safeParse(req.body);
    if (!body.success) return fail(reply, 'bad_request', 'A cast needs the voting code and the encrypted ballot.');
    return withCode(req, reply, body.data.code, () => backend.cast(body.data.code, body.data.ballot));
  });
  app.post('/api/agree', async (req, reply) => {
    const body = agreeRequestSchema.safeParse(req.body);
    if (!body.success) return fail(reply, 'bad_request', 'Agreement needs the code from your letter.');
    return withCode(req, reply, body.data.code, () => backend.agree(body.data.code));
  });

  // ---- the voting page ---------------------------------------------------------------------

  const page = loadPage(options.pageDir);
  const serveFile = async (req: FastifyRequest, reply: FastifyReply) => {
    const rawPath = rawPathOf(req.raw.url ?? '/');
    if (rawPath === '/' && !page.has('/')) return reply.code(200).headers(pageHeaders('text/html; charset=utf-8', 'no-store')).send(NOT_BUILT);
    const file = page.get(rawPath);
    if (!file) return fail(reply, 'not_found', 'There is no such page or call on this voting station.');
    return reply
      .code(200)
      .headers(pageHeaders(file.type, file.immutable ? 'public, max-age=31536000, immutable' : 'no-store'))
      .send(file.body);
  };
  app.get('/', serveFile);
  app.get('/*', serveFile);

  await app.listen({ host: options.address, port: options.port });
  const bound = app.server.address();
  listeningPort = typeof bound === 'object' && bound ? bound.port : options.port;
  return {
    address: typeof bound === 'object' && bound ? bound.address : options.address,
    port: listeningPort,
    close: async () => {
      await app.close();
    },
  };
}

function answer<T>(reply: FastifyReply, a: Answer<T>) {
  if (a.ok) return reply.code(200).headers(JSON_HEADERS).send(a.value);
  return fail(reply, a.code, a.message);
}

function fail(reply: FastifyReply, code: StationErrorCode, message: string, retryAfterSeconds?: number, status = HTTP_STATUS[code]) {
  if (retryAfterSeconds !== undefined) reply.header('Retry-After', String(retryAfterSeconds));
  return reply
    .code(status)
    .headers(JSON_HEADERS)
    .send({ error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds } });
}

/** The Host header names an IP address (v4, or v6 in brackets) and our port: never a host name. */
export function addressedToUs(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(?:(\d{1,3}(?:\.\d{1,3}){3})|\[([0-9a-fA-F:.]+(?:%[0-9A-Za-z._~-]+)?)\]):(\d{1,5})$/.exec(host);
  if (!m) return false;
  return Number(m[3]) === port;
}

/**
 * The voting page's Content Security Policy: its own files only, nothing external, nothing
 * inline, no eval, no data: or blob: sources (the page's build inlines nothing), no framing.
 */
export const STATION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** Headers on every file of the page: its CSP, no sniffing, no framing, no referrer. */
function pageHeaders(contentType: string, cacheControl: string): Record<string, string> {
  return { ...JSON_HEADERS, 'Content-Type': contentType, 'Content-Security-Policy': STATION_CSP, 'Cache-Control': cacheControl };
}
