import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type BallotJson, type ElectionPublic } from '../../shared/ballot';
import type { Ballot, RollEntry } from '../../shared/contract/ballots';
import type { StationStatus } from '../../shared/contract/station';
import { useLightKdfForTests } from '../core/ballots/kdf';
import { NOW } from '../core/decisions/fixtures.test-helpers';
import { admit, makeClass, person } from '../core/members/register.test-helpers';
import { refusalOf } from '../core/station/manager';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, tempDir, type TestCore } from '../core/testing';
import { addressedToUs, startStationServer } from './server';

/**
 * The voting station against the real core: a real ballot opened with two trustees, real
 * encrypted ballots, the real server on a real socket. Limits are the defaults except the header
 * timeout (1 s, checked every 250 ms) so the slow-headers test takes seconds, not half a minute.
 */

const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];
const FOR = [1, 0, 0];

let t: TestCore;
let ballot: Ballot;
let codes: { rollId: string; code: string }[];
let election: ElectionPublic;
const pageDir = tempDir('mg-station-page-');

beforeAll(async () => {
  useLightKdfForTests();
  mkdirSync(join(pageDir, 'assets'));
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html><title>Vote</title><script type="module" src="/assets/vote.js"></script>');
  writeFileSync(join(pageDir, 'assets', 'vote.js'), 'console.log("vote")');
  t = await openTestCore({ now: () => NOW, station: { pageDir, limits: { headersTimeoutMs: 1000, checkIntervalMs: 250 }, watchEveryMs: 100 } });
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Employee', null);
  for (let i = 1; i <= 8; i++) await admit(t.core, cls, person(`Voter${i}`, 'Smith'), { admittedOn: '2024-01-08' });
  const draft = expectOk(
    await t.core.dispatch('ballots.create', {
      title: 'AGM 2026 poll',
      recordDate: '2026-11-01',
      questions: [{ kind: 'resolution', text: 'That the new articles be adopted.', resolutionKind: 'special' }],
      trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
    }),
  ) as Ballot;
  for (const tr of draft.trustees) expectOk(await t.core.dispatch('ballots.makeTrusteeKey', { id: draft.id, trustee: tr.position, passphrase: PASS[tr.position - 1] }));
  ballot = await jobResult<Ballot>(t.core, 'ballots.open', { id: draft.id });
  codes = (expectOk(await t.core.dispatch('ballots.issueCodes', { id: ballot.id })) as { codes: { rollId: string; code: string }[] }).codes;
  election = (expectOk(await t.core.dispatch('ballots.publicElection', { id: ballot.id })) as { election: ElectionPublic }).election;
}, 60_000);

afterEach(async () => {
  await t.core.dispatch('station.stop', {});
});
afterAll(async () => {
  await t.cleanup();
});

async function start(extra: Record<string, unknown> = {}): Promise<StationStatus> {
  return expectOk(await t.core.dispatch('station.start', { ballotId: ballot.id, address: '127.0.0.1', port: 0, ...extra })) as StationStatus;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP request on its own connection, with full control of the headers (Host included). */
function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<Reply> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port,
        method,
        path,
        agent: false,
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON: a page */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const vote = (selections: number[][]): BallotJson => encryptBallot(prepare(nobleGroup, election), selections);

async function roll(): Promise<RollEntry[]> {
  return (expectOk(await t.core.dispatch('ballots.roll', { id: ballot.id, limit: 100 })) as { entries: RollEntry[] }).entries;
}

function auditLog(): { action: string; text: string }[] {
  return (t.core.raw.prepare("select e.action, e.actor || ' ' || e.summary || ' ' || coalesce(p.body, '') as text from audit_event e left join audit_payload p on p.event_id = e.id order by e.seq").all() as { action: string; text: string }[]);
}

/** A code in the station's format that no ballot issued (80 random bits: never a real one). */
function guess(i: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let s = '';
  for (let k = 0; k < 16; k++) s += alphabet[(i * 7 + k * 13 + (i >> 3) * k) % 32];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

describe('voting station', () => {
  it('serves the voting page and the voter’s calls only: contract methods and other paths or methods answer 404 not_found', async () => {
    const s = await start();
    expect(s).toMatchObject({ running: true, address: '127.0.0.1', ballot: { id: ballot.id }, turnout: { count: 8 } });
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);

    const page = await call(s.port!, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Vote</title>');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';/);
    expect(page.headers['content-security-policy']).not.toMatch(/https?:|data:|blob:|unsafe/);
    expect((await call(s.port!, 'GET', '/assets/vote.js')).status).toBe(200);

    const about = await call(s.port!, 'GET', '/api/station');
    expect(about.json).toMatchObject({ organisation: 'Riverside Care Mutual', ballot: { title: 'AGM 2026 poll' }, resolution: null });
    const pub = await call(s.port!, 'GET', '/api/ballot');
    expect(pub.status).toBe(200);
    expect(pub.json.questions[0].text).toBe('That the new articles be adopted.');

    for (const [method, path] of [
      ['POST', '/api/members.admit'],
      ['GET', '/api/ballots.list'],
      ['POST', '/api/ballots.cast'],
      ['POST', '/api/ballots.issueCodes'],
      ['POST', '/api/station.stop'],
      ['GET', '/api/cast'],
      ['PUT', '/api/cast'],
      ['DELETE', '/api/ballot'],
      ['OPTIONS', '/api/cast'],
      ['GET', '/api/audit.list'],
      ['GET', '/assets/../../package.json'],
      ['GET', '/%2e%2e/package.json'],
      ['GET', '/renderer/index.html'],
    ] as const) {
      const r = await call(s.port!, method, path, method === 'POST' || method === 'PUT' ? {} : undefined);
      expect([method, path, r.status, r.json?.error?.code]).toEqual([method, path, 404, 'not_found']);
    }
    // Named by a host name rather than its address (DNS rebinding): refused.
    const rebound = await call(s.port!, 'GET', '/api/ballot', undefined, { host: `evil.example:${s.port}` });
    expect([rebound.status, rebound.json.error.code]).toEqual([400, 'bad_request']);
    // A cross-site form cannot post JSON without a preflight; text/plain is refused.
    const form = await call(s.port!, 'POST', '/api/cast', 'code=ABCD', { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('listens on the chosen address only: bound to 127.0.0.1, and another address of this machine (127.0.0.2) refuses the connection', async () => {
    const s = await start();
    expect((await call(s.port!, 'GET', '/api/station')).status).toBe(200);
    const other = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: s.port! });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      socket.setTimeout(2000, () => {
        socket.destroy();
        resolve('timed out');
      });
    });
    // On Linux 127.0.0.2 is this machine too; elsewhere it may not exist: either way, no station.
    expect(other).not.toBe('connected');
  });

  it('a phone casts a real encrypted ballot with its code and gets a tracker; the roll says “from a phone”; the receipt is found; the code used again answers 409 code_used', async () => {
    const s = await start();
    const mine = codes[0]!;
    const cast = await call(s.port!, 'POST', '/api/cast', { code: mine.code.toLowerCase(), ballot: vote([FOR]) });
    expect(cast.status).toBe(200);
    expect(cast.json.tracker).toMatch(/^[0-9a-f]{64}$/);
    expect((await roll()).find((e) => e.id === mine.rollId)!.votedBy).toBe('phone');
    expect((await call(s.port!, 'POST', '/api/receipt', { tracker: cast.json.tracker })).json).toEqual({ found: true });
    expect((await call(s.port!, 'POST', '/api/receipt', { tracker: 'f'.repeat(64) })).json).toEqual({ found: false });

    const again = await call(s.port!, 'POST', '/api/cast', { code: mine.code, ballot: vote([FOR]) });
    expect([again.status, again.json.error.code]).toEqual([409, 'code_used']);
    expect(again.json.error.message).toBe('This code has already been used.');
    const status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    expect(status.turnout).toEqual({ voted: 1, count: 8, fromPhones: 1 });
    expect(status.refusals.usedCodes).toBe(1);
    // The secretary's status never carries choices or trackers.
    expect(JSON.stringify(status)).not.toContain(cast.json.tracker);
  });

  it('guessed codes: after 20 wrong codes a phone gets 429 with Retry-After, none is accepted, one audit event names the phone and no code appears in the log', async () => {
    const before = auditLog().length;
    const s = await start();
    const tried: string[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const code = guess(i);
      tried.push(code);
      const r = await call(s.port!, 'POST', '/api/cast', { code, ballot: vote([FOR]) });
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.json.error.code).toBe('throttled');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      } else expect(r.json.error.code).toBe('code_invalid');
    }
    expect(statuses.filter((x) => x === 403)).toHaveLength(20);
    expect(statuses.slice(20).every((x) => x === 429)).toBe(true);
    // Throttled means throttled: even a real code from that phone waits.
    const real = codes[1]!;
    expect((await call(s.port!, 'POST', '/api/cast', { code: real.code, ballot: vote([FOR]) })).status).toBe(429);
    expect((await roll()).find((e) => e.id === real.rollId)!.votedBy).toBeNull();

    const status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    expect(status.refusals).toMatchObject({ badCodes: 20, throttled: 11 });
    expect(status.alerts).toHaveLength(1);
    expect(status.alerts[0]!.message).toMatch(/A phone at 127\.0\.0\.1 was refused for a while after 20 wrong codes in 15 minutes/);

    const log = auditLog().slice(before);
    const throttled = log.filter((e) => e.action === 'station.throttled');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.text).toContain('127.0.0.1');
    expect(throttled[0]!.text).toContain('wrong_codes');
    const everything = auditLog()
      .map((e) => e.text)
      .join('\n')
      .toUpperCase();
    for (const code of [...tried, real.code]) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('one code tried more than 5 times in 15 minutes answers 429, whatever the ballot sent', async () => {
    const s = await start();
    const code = codes[2]!.code;
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await call(s.port!, 'POST', '/api/cast', { code, ballot: { version: 1, nonsense: i } });
      answers.push(`${r.status} ${r.json.error.code}`);
    }
    expect(answers).toEqual([...Array(5).fill('422 ballot_refused'), '429 throttled', '429 throttled']);
    const throttled = auditLog().filter((e) => e.action === 'station.throttled' && e.text.includes('code_tries'));
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.text.toUpperCase()).not.toContain(code.replace(/-/g, ''));
  });

  it('a flood from one phone: 429 after 120 requests a minute, one audit event for the whole flood', async () => {
    const before = auditLog().length;
    const s = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await call(s.port!, 'GET', '/api/station')).status);
    expect(statuses.slice(0, 120).every((x) => x === 200)).toBe(true);
    expect(statuses.slice(120).every((x) => x === 429)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(auditLog().slice(before).filter((e) => e.action === 'station.throttled')).toHaveLength(1);
  });

  it('a body over 64 KB answers 413 too_large; a body that is not JSON 400 bad_request', async () => {
    const s = await start();
    const big = await call(s.port!, 'POST', '/api/cast', { code: codes[3]!.code, ballot: 'x'.repeat(70 * 1024) });
    expect([big.status, big.json.error.code]).toEqual([413, 'too_large']);
    const bad = await call(s.port!, 'POST', '/api/cast', '{"code": ');
    expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
    const extra = await call(s.port!, 'POST', '/api/cast', { code: codes[3]!.code, ballot: {}, method: 'members.admit' });
    expect([extra.status, extra.json.error.code]).toEqual([400, 'bad_request']);
  });

  it('slow headers are cut off: a client that never finishes its headers is disconnected after the header timeout', async () => {
    const s = await start();
    const started = Date.now();
    const outcome = await new Promise<{ closedAfterMs: number; response: string }>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: s.port! });
      let response = '';
      let drip: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(`GET /api/station HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`);
        // One header byte every 200 ms: alive, but never done.
        drip = setInterval(() => socket.write('X'), 200);
      });
      socket.on('data', (d) => (response += d.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ closedAfterMs: Date.now() - started, response });
      });
      socket.on('error', () => {});
    });
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(outcome.closedAfterMs).toBeLessThan(5000);
    expect(outcome.response).not.toContain('200 OK');
  });

  it('refuses to start for a ballot that is not open, on an address the laptop does not have, on every interface unless chosen, and twice', async () => {
    const draft = expectOk(
      await t.core.dispatch('ballots.create', { title: 'Later poll', recordDate: '2026-11-01', questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary' }], trustees: [{ name: 'A' }, { name: 'B' }] }),
    ) as Ballot;
    const refusal = async (input: Record<string, unknown>) => {
      const r = await t.core.dispatch('station.start', { ballotId: ballot.id, address: '127.0.0.1', ...input });
      if (r.ok) throw new Error('started');
      return r.error.message;
    };
    expect(await refusal({ ballotId: draft.id })).toBe('The voting station serves only a ballot that is open for voting; “Later poll” is not: it is still being set up: open it first (the roll is frozen when it opens).');
    expect(await refusal({ address: '203.0.113.9' })).toMatch(/^203\.0\.113\.9 is not an address of this laptop now/);
    expect(await refusal({ address: '0.0.0.0' })).toMatch(/must be chosen explicitly/);
    expect(await refusal({ ballotId: undefined })).toMatch(/^Choose the open ballot/);
    const s = await start();
    expect(await refusal({})).toBe(`The voting station is already running at ${s.url}; stop it before starting it again.`);
    expect((await t.core.dispatch('station.interfaces', {})) as { ok: true; value: { interfaces: { address: string; internal: boolean }[] } }).toMatchObject({
      ok: true,
      value: { interfaces: expect.arrayContaining([{ name: expect.any(String), address: '127.0.0.1', family: 'IPv4', internal: true }]) },
    });
  });

  it('stopping is recorded: the secretary stops it, the port no longer answers, and the log has both events as a record of how the vote was run', async () => {
    const before = auditLog().length;
    const s = await start();
    const stopped = expectOk(await t.core.dispatch('station.stop', {})) as StationStatus;
    expect(stopped).toMatchObject({ running: false, url: null, stoppedBecause: 'stopped by the secretary' });
    await expect(call(s.port!, 'GET', '/api/station')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const log = auditLog().slice(before);
    expect(log.map((e) => e.action)).toEqual(['station.started', 'station.stopped']);
    expect(log[0]!.text).toContain(`http://127.0.0.1:${s.port}/`);
  });

  it('stops before a restore replaces the database, and says so', async () => {
    const backup = await runJob(t.core, 'data.backup', {});
    expect(backup.state, backup.error?.message).toBe('succeeded');
    const s = await start();
    const checked = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name: (backup.result as { name: string }).name } });
    expect(checked.state, checked.error?.message).toBe('succeeded');
    const restored = await runJob(t.core, 'data.restore', { candidateId: (checked.result as { candidateId: string }).candidateId, confirm: true });
    expect(restored.state, restored.error?.message).toBe('succeeded');
    expect(expectOk(await t.core.dispatch('station.status', {}))).toMatchObject({ running: false, stoppedBecause: 'a backup was restored over the database' });
    await expect(call(s.port!, 'GET', '/api/station')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('stops itself when the ballot closes, says why, and no longer answers phones', async () => {
    const s = await start();
    await runJob(t.core, 'ballots.close', { id: ballot.id });
    let status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    for (let i = 0; i < 50 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    }
    expect(status).toMatchObject({ running: false, stoppedBecause: 'the ballot closed on 30 November 2026', stoppedFor: { ballotId: ballot.id, writtenResolutionId: null } });
    await expect(call(s.port!, 'GET', '/api/ballot')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const last = auditLog().filter((e) => e.action === 'station.stopped').at(-1)!;
    expect(last.text).toMatch(/^voting station Voting station stopped: the ballot closed/);
    // And it will not start again for a closed ballot.
    const again = await t.core.dispatch('station.start', { ballotId: ballot.id, address: '127.0.0.1' });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is not: voting closed on 30 November 2026/) } });
  });
});

describe('voting station server on its own', () => {
  it('puts the core’s refusals in the station’s terms: a used code says only that it was used', () => {
    const field = (path: string, message: string, reason?: string) => ({ code: 'VALIDATION' as const, message, fieldErrors: { [path]: message }, ...(reason ? { reason } : {}) });
    // By the reason the core gives (AppErrorBody.reason), not by its wording.
    expect(refusalOf(field('credential.code', 'This voting code has already been used.', 'code_used'), 'ballot')).toEqual({ code: 'code_used', message: 'This code has already been used.' });
    expect(refusalOf(field('code', 'Some other words.', 'code_used'), 'resolution').code).toBe('code_used');
    expect(refusalOf(field('credential.code', 'This voting code is not valid for this ballot. Check it against your ballot letter.', 'code_invalid'), 'ballot').code).toBe('code_invalid');
    expect(refusalOf(field('credential.code', 'A voting code has 16 letters and numbers, in four groups of four.', 'code_format'), 'ballot').code).toBe('code_format');
    expect(refusalOf(field('code', 'Enter the agreement code from your letter.', 'code_format'), 'resolution').code).toBe('code_format');
    // A refusal about a code with no reason reads as not valid, and never as used.
    expect(refusalOf(field('code', 'This code has already been used.'), 'resolution').code).toBe('code_invalid');
    expect(refusalOf(field('ballot', 'The ballot was refused: a proof does not verify.'), 'ballot')).toEqual({ code: 'ballot_refused', message: 'The ballot was refused: a proof does not verify.' });
    expect(refusalOf({ code: 'CONFLICT', message: 'Voting closed on 1 December 2026; no more votes can be cast.' }, 'ballot').code).toBe('not_open');
    expect(refusalOf({ code: 'INTERNAL', message: 'Internal error (reference abc123).' }, 'ballot')).toEqual({ code: 'server', message: 'Something went wrong on the laptop; try again or ask the secretary.' });
  });

  it('answers only requests addressed to its IP address and port, never to a host name (DNS rebinding)', () => {
    expect(addressedToUs('192.168.8.20:8181', 8181)).toBe(true);
    expect(addressedToUs('[fe80::1c2:3ff:fe4a:5b6c]:8181', 8181)).toBe(true);
    expect(addressedToUs('[::1]:8181', 8181)).toBe(true);
    expect(addressedToUs('192.168.8.20:8182', 8181)).toBe(false);
    expect(addressedToUs('192.168.8.20', 8181)).toBe(false);
    expect(addressedToUs('laptop.local:8181', 8181)).toBe(false);
    expect(addressedToUs('192.168.8.20.evil.example:8181', 8181)).toBe(false);
    expect(addressedToUs('localhost:8181', 8181)).toBe(false);
    expect(addressedToUs(undefined, 8181)).toBe(false);
  });

  it('without the voting page built, answers a plain page saying so (with the page’s CSP), and still 404 for anything else', async () => {
    const never = async () => ({ ok: false as const, code: 'not_open' as const, message: 'no' });
    const server = await startStationServer({
      address: '127.0.0.1',
      port: 0,
      pageDir: join(tempDir('mg-station-empty-'), 'missing'),
      backend: { about: async () => ({ organisation: 'X', ballot: null, resolution: null }), ballot: never, cast: never, receipt: never, resolution: never, agree: never },
      events: { refused: () => {}, throttleStarted: () => {} },
    });
    try {
      const page = await call(server.port, 'GET', '/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('The voting page was not built');
      expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      expect((await call(server.port, 'GET', '/assets/index.js')).json.error.code).toBe('not_found');
      expect((await call(server.port, 'GET', '/api/ballot')).json.error.code).toBe('not_open');
    } finally {
      await server.close();
    }
  });
});

describe('voting station and the core', () => {
  it('stops when the core closes (quitting the app)', async () => {
    useLightKdfForTests();
    const other = await openTestCore({ now: () => NOW, station: { pageDir } });
    try {
      await setUpOrganisation(other.core);
      const cls = await makeClass(other.core, 'Employee', null);
      await admit(other.core, cls, person('Solo', 'Voter'), { admittedOn: '2024-01-08' });
      const draft = expectOk(
        await other.core.dispatch('ballots.create', { title: 'Quick poll', recordDate: '2026-11-01', questions: [{ kind: 'resolution', text: 'That the minutes be approved.', resolutionKind: 'ordinary' }], trustees: [{ name: 'A' }, { name: 'B' }] }),
      ) as Ballot;
      for (const tr of draft.trustees) expectOk(await other.core.dispatch('ballots.makeTrusteeKey', { id: draft.id, trustee: tr.position, passphrase: PASS[tr.position - 1] }));
      await jobResult(other.core, 'ballots.open', { id: draft.id });
      const s = expectOk(await other.core.dispatch('station.start', { ballotId: draft.id, address: '127.0.0.1' })) as StationStatus;
      expect((await call(s.port!, 'GET', '/api/station')).status).toBe(200);
      await other.core.close();
      await expect(call(s.port!, 'GET', '/api/station')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await other.cleanup();
    }
  }, 60_000);
});
