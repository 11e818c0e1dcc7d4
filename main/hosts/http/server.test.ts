import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result';
import { Core } from '../../core/core';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../../core/testing';
import { ORGANISATION_HEADER } from '../shared/organisation-guard';
import { MAX_BODY_BYTES } from './guards';
import { startHttpHost, TOKEN_HEADER, type HttpHost } from './server';

let dir: string;
let host: HttpHost;

function makeSite(): string {
  dir = mkdtempSync(join(tmpdir(), 'mg-http-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  return site;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so Host and Origin can be set the way an attacker's page would set them. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback host', () => {
  let core: Core;

  beforeAll(async () => {
    const site = makeSite();
    core = await Core.open({ dbPath: join(dir, 'db.sqlite'), host: 'browser' });
    host = await startHttpHost({ dispatch: (m, i) => core.dispatch(m, i), staticDir: site, port: 0 });
  });

  afterAll(async () => {
    await host.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints an address that carries the session token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers a contract call with the Result envelope', async () => {
    const r = await api('app.status', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { host: 'browser', organisationName: null } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses an API call without the token, or with a wrong one, with 401', async () => {
    const none = await send({ method: 'POST', path: '/api/app.status', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await api('app.status', {}, { [TOKEN_HEADER]: 'f'.repeat(32) });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding) with 403, static files included', async () => {
    const rebound = await api('app.status', {}, { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    const page = await send({ path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses calls from another origin with 403 even with the right token', async () => {
    const r = await api('app.status', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const ours = await api('app.status', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(ours.status).toBe(200);
  });

  it('accepts only JSON bodies (415 otherwise) that parse (400 otherwise)', async () => {
    const form = await send({
      method: 'POST',
      path: '/api/app.status',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [TOKEN_HEADER]: host.token },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const broken = await send({
      method: 'POST',
      path: '/api/app.status',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{"unclosed": ',
    });
    expect(broken.status).toBe(400);
  });

  it('refuses bodies over the limit with 413 and saves nothing', async () => {
    const big = await send({
      method: 'POST',
      path: '/api/organisation.setUp',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(big.status).toBe(413);
    const status = JSON.parse((await api('app.status', {})).body);
    expect(status.value.organisationName).toBeNull();
  });

  it('answers only POST on the API', async () => {
    const r = await send({ path: '/api/app.status', headers: { [TOKEN_HEADER]: host.token } });
    expect(r.status).toBe(405);
  });

  it('serves the renderer build with the CSP and security headers, and nothing outside it', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const asset = await send({ path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/.env', '/%00']) {
      const r = await send({ path });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('not for the browser');
    }
  });

  it('answers 400, not 500, to a request target the URL parser cannot read', async () => {
    const r = await send({ path: '//[' });
    expect(r.status).toBe(400);
  });

  it('reports an unknown method as NOT_FOUND inside the envelope', async () => {
    const r = await api('members.drop', {});
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

/**
 * Requests the host must refuse itself, before the core sees anything: the core is replaced by
 * a dispatch that records what reaches it.
 */
describe('the loopback host refuses malformed API requests with a JSON 400', () => {
  const reached: { method: string; input: unknown }[] = [];

  beforeAll(async () => {
    const site = makeSite();
    host = await startHttpHost({
      dispatch: async (method, input) => {
        reached.push({ method, input });
        return ok(null);
      },
      staticDir: site,
      port: 0,
    });
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: string | Buffer) =>
    send({ method: 'POST', path, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body });

  it.each(['/api/%', '/api/app.%ZZstatus', '/api/%C3%28'])('when the method name %s cannot be decoded', async (path) => {
    const r = await post(path, '{}');
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({ error: expect.stringMatching(/method name/) });
    expect(reached).toEqual([]);
  });

  it('when the body is not valid UTF-8, rather than storing U+FFFD in its place', async () => {
    // {"name":"Caf\xe9"}: Latin-1 é, which is not UTF-8.
    const latin1 = Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const r = await post('/api/organisation.setUp', latin1);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toEqual({ error: expect.stringMatching(/UTF-8/) });
    expect(reached).toEqual([]);
  });

  it('still passes valid UTF-8 through unchanged', async () => {
    const r = await post('/api/app.status', JSON.stringify({ name: 'Café ✓' }));
    expect(r.status).toBe(200);
    expect(reached.at(-1)).toEqual({ method: 'app.status', input: { name: 'Café ✓' } });
  });
});

describe('two tabs of the loopback host and the organisation each shows', () => {
  let t: TestCore;

  beforeAll(async () => {
    const site = makeSite();
    t = await openTestCore({ now: () => new Date('2026-06-01T10:00:00Z') });
    host = await startHttpHost({ dispatch: (m, i) => t.core.dispatch(m, i), staticDir: site, port: 0 });
  });

  afterAll(async () => {
    await host.close();
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a call made for the organisation another tab switched away from, before it reaches the records', async () => {
    const a = (await setUpOrganisation(t.core)) as { id: string };
    const b = expectOk(await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name: 'Riverside Care Services', registrationNumber: '07654321' } }))) as { id: string };
    const tabA = { [ORGANISATION_HEADER]: a.id };
    expect(JSON.parse((await api('organisation.get', {}, tabA)).body)).toMatchObject({ ok: true, value: { id: a.id } });
    // Tab 2 switches the file to B.
    expect(JSON.parse((await api('group.switch', { organisationId: b.id }, { [ORGANISATION_HEADER]: a.id })).body)).toMatchObject({ ok: true });
    const refused = await api('organisation.setMinutesTarget', { days: 30 }, tabA);
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', reason: 'organisation_switched', message: 'Another window switched this file to Riverside Care Services. Reload to see Riverside Care Services’s records.' },
    });
    expect(expectOk(await t.core.dispatch('organisation.minutesTarget', {}))).toMatchObject({ isDefault: true });
    // Tab 1 reads the status (always answered), learns of B, and its calls for B go through.
    expect(JSON.parse((await api('app.status', {}, tabA)).body)).toMatchObject({ ok: true, value: { organisationId: b.id } });
    expect(JSON.parse((await api('organisation.get', {}, { [ORGANISATION_HEADER]: b.id })).body)).toMatchObject({ ok: true, value: { id: b.id } });
  });
});
