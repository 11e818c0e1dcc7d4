import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATION_ERRORS } from '../../../shared/station/api';
import { station } from './api';
import { failureMessage, isCodeFailure, STATION_ERROR_KEYS, StationFailure } from './errors';
import { createI18n } from './i18n';
import { say } from './message';

const en = createI18n('en');
const cy = createI18n('cy');

describe('what the voter is told about each of the station’s errors', () => {
  it('has a key for exactly the contract’s error codes', () => {
    expect(Object.keys(STATION_ERROR_KEYS).sort()).toEqual([...STATION_ERRORS].sort());
  });

  it.each([...STATION_ERRORS, 'network', 'unexpected'] as const)('says %s in English and in Welsh, differently', (code) => {
    const m = failureMessage({ code, retryAfterSeconds: 30 });
    const english = say(en.t, m);
    const welsh = say(cy.t, m);
    for (const words of [english, welsh]) {
      expect(words).not.toContain(m.key);
      expect(words).not.toMatch(/\{\{|\}\}/);
      expect(words.trim().length).toBeGreaterThan(10);
      expect(words).toMatch(/[.!]$/);
    }
    expect(welsh).not.toBe(english);
  });

  it('says a used code has been used, and nothing of how', () => {
    const m = failureMessage({ code: 'code_used' });
    expect(say(en.t, m)).toBe('This code has already been used.');
    expect(say(cy.t, m)).toBe('Mae’r cod hwn eisoes wedi’i ddefnyddio.');
  });

  it('tells a throttled phone how many seconds to wait, in the right number in each language', () => {
    expect(say(en.t, failureMessage({ code: 'throttled', retryAfterSeconds: 1 }))).toContain('Wait 1 second, then');
    expect(say(en.t, failureMessage({ code: 'throttled', retryAfterSeconds: 42.2 }))).toContain('Wait 43 seconds, then');
    expect(say(cy.t, failureMessage({ code: 'throttled', retryAfterSeconds: 1 }))).toContain('Arhoswch un eiliad');
    for (const n of [0.5, 2, 3, 6, 11, 900]) expect(say(cy.t, failureMessage({ code: 'throttled', retryAfterSeconds: n }))).toMatch(/Arhoswch (un|\d+) eiliad/);
    expect(say(en.t, failureMessage({ code: 'throttled' }))).toContain('Wait a minute');
    expect(say(cy.t, failureMessage({ code: 'throttled' }))).toContain('Arhoswch funud');
  });

  it('calls a written resolution’s code an agreement code when the station refuses it', () => {
    expect(say(en.t, failureMessage({ code: 'code_invalid' }, 'agreement'))).toBe('This agreement code was not recognised. Check it against your letter, or ask the secretary for help.');
    expect(say(cy.t, failureMessage({ code: 'code_format' }, 'agreement'))).toMatch(/cod cytuno/);
    expect(say(en.t, failureMessage({ code: 'code_used' }, 'agreement'))).toBe('This code has already been used.');
    expect(say(en.t, failureMessage({ code: 'code_invalid' }))).toMatch(/^This voting code/);
  });

  it('treats only the code errors as the code’s fault (the voter corrects the code, not the answers)', () => {
    expect(STATION_ERRORS.filter((c) => isCodeFailure(c))).toEqual(['code_format', 'code_invalid', 'code_used']);
  });
});

describe('the phone’s calls read the station’s answers', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })));

  it('turns an error body into its code, with the wait a 429 asks for', async () => {
    answer(429, { error: { code: 'throttled', message: 'Too many', retryAfterSeconds: 17 } });
    await expect(station.cast('ABCD', {})).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 17 });
    answer(409, { error: { code: 'code_used', message: 'used' } });
    await expect(station.agree('ABCD')).rejects.toMatchObject({ code: 'code_used' });
  });

  it('judges an answer without the station’s error body by its status, and Retry-After by its header', async () => {
    answer(429, 'slow down', { 'Retry-After': '9' });
    await expect(station.about()).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 9 });
    answer(502, '<html>');
    await expect(station.about()).rejects.toMatchObject({ code: 'server' });
  });

  it('refuses a success that is not the answer the call expects', async () => {
    answer(200, { tracker: 42 });
    await expect(station.cast('ABCD', {})).rejects.toMatchObject({ code: 'unexpected' });
    answer(200, { organisation: 'Care Co', ballot: null, resolution: { kind: 'ordinary', lapsesAfter: '2026-12-29' } });
    await expect(station.about()).resolves.toMatchObject({ organisation: 'Care Co' });
  });

  it('calls a phone that cannot reach the station offline, not the station broken', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const failure = await station.receipt('a'.repeat(64)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StationFailure);
    expect(failure).toMatchObject({ code: 'network' });
  });
});
