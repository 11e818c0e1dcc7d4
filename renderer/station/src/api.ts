// The phone's calls to the voting station (shared/station/api.ts is the contract). Only types are
// imported from the contract: its schemas live beside the secretary's contract methods, which this
// bundle must not contain (bundle.test.ts), so answers are checked here by hand, just enough that
// the page never shows undefined or mistakes one answer for another.
import type { StationAbout, StationBallot } from '../../../shared/station/api';
import { isStationErrorCode, StationFailure } from './errors';

export interface StationResolution {
  text: string;
  kind: 'ordinary' | 'special' | null;
  circulatedOn: string;
  lapsesAfter: string | null;
}

export interface Agreement {
  name: string;
  agreedAt: string;
  passed: boolean;
}

/** Longer than the station's own request timeout (30 s), so the station answers first when it can. */
const TIMEOUT_MS = 35_000;

type Check<T> = (body: unknown) => body is T;

async function call<T>(path: string, check: Check<T>, body?: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
  } catch (e) {
    throw new StationFailure('network', undefined, e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) throw failureFrom(res, json);
  if (!check(json)) throw new StationFailure('unexpected', undefined, `${path} answered ${res.status} with an unexpected body`);
  return json;
}

function failureFrom(res: Response, json: unknown): StationFailure {
  const error = isObject(json) && isObject(json.error) ? json.error : null;
  const header = Number(res.headers.get('Retry-After'));
  const retry = error && typeof error.retryAfterSeconds === 'number' ? error.retryAfterSeconds : Number.isFinite(header) && header > 0 ? header : undefined;
  const detail = error && typeof error.message === 'string' ? error.message : `HTTP ${res.status}`;
  if (error && isStationErrorCode(error.code)) return new StationFailure(error.code, retry, detail);
  // An answer without the station's error body (a proxy, a captive portal): judged by its status.
  const byStatus = res.status === 429 ? 'throttled' : res.status === 413 ? 'too_large' : res.status === 404 ? 'not_found' : res.status >= 500 ? 'server' : 'unexpected';
  return new StationFailure(byStatus, retry, detail);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const isString = (x: unknown): x is string => typeof x === 'string';
const isNullableString = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isKind = (x: unknown): x is 'ordinary' | 'special' | null => x === null || x === 'ordinary' || x === 'special';

const isAbout: Check<StationAbout> = (b): b is StationAbout =>
  isObject(b) &&
  isString(b.organisation) &&
  (b.ballot === null || (isObject(b.ballot) && isString(b.ballot.title) && isString(b.ballot.fingerprint))) &&
  (b.resolution === null || (isObject(b.resolution) && isKind(b.resolution.kind) && isNullableString(b.resolution.lapsesAfter)));

const isBallot: Check<StationBallot> = (b): b is StationBallot =>
  isObject(b) &&
  isString(b.ballotId) &&
  isString(b.title) &&
  isObject(b.election) &&
  Array.isArray(b.questions) &&
  b.questions.every(
    (q) =>
      isObject(q) &&
      isString(q.id) &&
      typeof q.position === 'number' &&
      (q.kind === 'resolution' || q.kind === 'election' || q.kind === 'consultation') &&
      isString(q.text) &&
      typeof q.min === 'number' &&
      typeof q.max === 'number' &&
      Array.isArray(q.choices) &&
      q.choices.every((c) => isObject(c) && isString(c.id) && isString(c.label)),
  );

const isTracker: Check<{ tracker: string }> = (b): b is { tracker: string } => isObject(b) && isString(b.tracker);
const isFound: Check<{ found: boolean }> = (b): b is { found: boolean } => isObject(b) && typeof b.found === 'boolean';
const isResolution: Check<StationResolution> = (b): b is StationResolution =>
  isObject(b) && isString(b.text) && isKind(b.kind) && isString(b.circulatedOn) && isNullableString(b.lapsesAfter);
const isAgreement: Check<Agreement> = (b): b is Agreement => isObject(b) && isString(b.name) && isString(b.agreedAt) && typeof b.passed === 'boolean';

export const station = {
  about: () => call('/api/station', isAbout),
  ballot: () => call('/api/ballot', isBallot),
  cast: (code: string, ballot: unknown) => call('/api/cast', isTracker, { code, ballot }),
  receipt: (tracker: string) => call('/api/receipt', isFound, { tracker }),
  resolution: () => call('/api/resolution', isResolution),
  agree: (code: string) => call('/api/agree', isAgreement, { code }),
};
