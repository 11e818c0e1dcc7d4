import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { encryptBallot, prepare, type BallotJson, type ElectionPublic } from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';
import type { Ballot } from '../../shared/contract/ballots';
import type { StationStatus } from '../../shared/contract/station';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { ukDateOf } from '../../shared/rules/legal-date';
import { STATION_LIMITS } from '../../shared/station/api';
import { EMPTY_TRACKER } from '../core/ballots/slots';
import { Core } from '../core/core';
import { bulkLoadMembers } from './bulk-load';
import { figure, nowMs, percentile, type Figure } from './stats';

/**
 * `npm run bench -- station [--phones N] [--seconds S] [--json FILE] [--keep]` (issue 9 "Scale,
 * load and abuse"): the voting station on 127.0.0.1, through the real core on a real file, with
 * the ballot of the ballot benchmark (three resolutions and a 5-seat election of 12 candidates).
 *
 * - phones: N (default 300) simulated phones arrive at random over S seconds (default 60) and each
 *   fetches the page, /api/station and /api/ballot, casts a real encrypted ballot with its code
 *   (made beforehand with libsodium: encryption on a phone is the phone's time, not the station's)
 *   and checks its receipt. Each phone has its own keep-alive connection from its own loopback
 *   address (127.1.x.y), as phones on the meeting's Wi-Fi each have their own: the station limits
 *   requests per address, so phones sharing one address would throttle each other. Node's own
 *   HTTP client drives them, because autocannon cannot choose a connection's source address.
 * - flood: autocannon sends 10,000 requests from one address (127.0.0.1) spread over the phones'
 *   window; they are rate-limited (429) while the phones are served (flood_served_p99_ms: the p99
 *   of the phones' requests made while the flood ran).
 * - guesses: 5,000 made-up codes from 25 addresses; guessed_accepted must be 0.
 * - bodies over 64 KB (413) and clients that never finish their headers (cut off).
 * - afterwards: every accepted ballot in the box once and on the roll once, marked 'phone'.
 * raw: the same cast through core.dispatch with no HTTP, for extra voters before the phones.
 */
const SPECIAL = 'That the articles of association be amended as set out in the notice.';
const RAW_VOTERS = 40;

interface Args {
  json?: string;
  phones: number;
  seconds: number;
  keep: boolean;
}

interface Timed {
  kind: 'page' | 'about' | 'ballot' | 'cast' | 'receipt';
  startedAt: number;
  ms: number;
  status: number;
}

export async function benchStation(args: Args): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-station-'));
  const dbPath = join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const figures: Figure[] = [];
  const info: Record<string, number> = {};
  const loads: Record<string, number[]> = {};
  const markLoad = (phase: string) => (loads[phase] = loadavg().map((x) => Math.round(x * 100) / 100));
  const about: Record<string, unknown> = {
    benchmark: 'station',
    phones: args.phones,
    seconds: args.seconds,
    questions: '3 resolutions (for/against/abstain) and a 5-seat election of 12 candidates: 21 ciphertexts per ballot',
    limits: STATION_LIMITS,
  };
  const save = (done: boolean) => {
    if (args.json) writeFileSync(args.json, JSON.stringify({ complete: done, ...about, loadAverage: loads, figures, info }, null, 2));
  };
  const report = (f: Figure) => {
    figures.push(f);
    save(false);
    console.log(`${f.name.padEnd(22)} ${String(f.value).padStart(10)} ${f.unit.padEnd(5)}${f.raw ? `  raw ${String(f.raw).padStart(8)} ${f.unit}  ratio ${f.ratio.toFixed(2)}` : ''}`);
  };
  const note = (name: string, value: number, unit: string) => {
    info[name] = Math.round(value * 1000) / 1000;
    console.log(`${name.padEnd(22)} ${String(info[name]).padStart(10)} ${unit}`);
    save(false);
  };

  let core: Core | null = null;
  try {
    markLoad('start');
    const voters = args.phones + RAW_VOTERS;
    log(`Setting up ${voters} members and an open ballot in ${dbPath} …`);
    core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
    const c = core;
    const ok = async <T = any>(m: string, i: unknown): Promise<T> => {
      const r = await c.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as T;
    };
    await ok('organisation.setUp', {
      particulars: {
        name: 'Benchmark Community Care',
        legalForm: 'company_limited_by_guarantee',
        registrationNumber: '01234567',
        registeredOffice: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB', country: 'england' },
        incorporatedOn: '2015-04-01',
        financialYearEnd: '03-31',
      },
      rules: defaultRuleValues('company_limited_by_guarantee'),
    });
    const cls = await ok<{ id: string }>('classes.create', { name: 'Employee', votingRights: 'per_member', votesPerMember: 1, isEmployeeClass: true, eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 }, shareTerms: null });
    const org = await ok<{ id: string }>('organisation.get', {});
    bulkLoadMembers(c.raw, { organisationId: org.id, classId: cls.id, className: 'Employee', count: voters, seed: 1, actor: 'bench' });
    const PASS = ['independent scrutineer bench passphrase', 'chair of the board bench passphrase'];
    const draft = await ok<Ballot>('ballots.create', {
      title: 'Benchmark AGM poll',
      recordDate: ukDateOf(c.now()),
      base: 'votes_cast',
      questions: [
        { kind: 'resolution', text: SPECIAL, resolutionKind: 'special' },
        { kind: 'resolution', text: 'That the annual report and accounts be received.', resolutionKind: 'ordinary' },
        { kind: 'resolution', text: 'That the auditors be reappointed.', resolutionKind: 'ordinary' },
        { kind: 'election', text: 'Election of five directors', seats: 5, candidates: Array.from({ length: 12 }, (_, i) => ({ name: `Candidate ${i + 1}` })) },
      ],
      trustees: [{ name: 'Ann Scrutineer', role: 'Independent scrutineer' }, { name: 'Raj Chair', role: 'Chair' }],
    });
    for (const tr of draft.trustees) await ok('ballots.makeTrusteeKey', { id: draft.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    const { jobId } = await ok<{ jobId: string }>('ballots.open', { id: draft.id });
    await c.jobs.idle();
    if (c.jobs.get(jobId)?.state !== 'succeeded') throw new Error(`ballots.open: ${c.jobs.get(jobId)?.error?.message}`);
    const b = await ok<Ballot>('ballots.get', { id: draft.id });
    const { codes } = await ok<{ codes: { code: string }[] }>('ballots.issueCodes', { id: b.id });
    const { election } = await ok<{ election: ElectionPublic }>('ballots.publicElection', { id: b.id });

    markLoad('encrypt');
    const t = nowMs();
    const S = await sodiumGroup();
    const p = prepare(S, election);
    const ballots: BallotJson[] = [];
    for (let i = 0; i < voters; i++) {
      ballots.push(encryptBallot(p, randomSelections(election.setup.questions)));
      if ((i + 1) % 50 === 0) process.stderr.write(`\rMaking ballots: ${i + 1} of ${voters}`);
    }
    process.stderr.write('\n');
    note('encrypt_all_s', (nowMs() - t) / 1000, 's (set-up, not measured: libsodium on this thread, as a phone would beforehand)');

    // raw: the same cast with no HTTP and no station, for the voters who are not phones.
    markLoad('raw');
    const rawMs: number[] = [];
    for (let i = args.phones; i < voters; i++) {
      const s = nowMs();
      await ok('ballots.cast', { id: b.id, credential: { kind: 'code', code: codes[i]!.code }, ballot: ballots[i] });
      rawMs.push(nowMs() - s);
    }

    const station = await ok<StationStatus>('station.start', { ballotId: b.id, address: '127.0.0.1' });
    const port = station.port!;
    log(`Station at ${station.url}; ${args.phones} phones over ${args.seconds} s, a flood of 10,000 requests, 5,000 guessed codes …`);

    // --- the phones, with the flood beside them ----------------------------------------------
    markLoad('phones');
    const timed: Timed[] = [];
    let fivexx = 0;
    const accepted: string[] = [];
    const refusedCasts: string[] = [];
    const windowMs = args.seconds * 1000;
    const t0 = nowMs();
    let floodFrom = 0;
    let floodTo = 0;
    const floodRun = (async () => {
      // Starts a little after the first phones, and lasts most of their window.
      await sleep(Math.min(2000, windowMs / 10));
      floodFrom = nowMs();
      const r = await autocannon({ url: `http://127.0.0.1:${port}/api/ballot`, connections: 10, amount: 10_000, overallRate: Math.ceil(10_000 / (windowMs * 0.7 / 1000)), timeout: 20 });
      floodTo = nowMs();
      return r;
    })();
    const phoneRuns = Array.from({ length: args.phones }, async (_, i) => {
      await sleep(Math.random() * windowMs);
      const localAddress = `127.1.${Math.floor(i / 250)}.${(i % 250) + 2}`;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const go = async (kind: Timed['kind'], method: string, path: string, body?: unknown) => {
        const s = nowMs();
        const r = await send(port, method, path, body, { agent, localAddress });
        timed.push({ kind, startedAt: s, ms: nowMs() - s, status: r.status });
        if (r.status >= 500) fivexx += 1;
        return r;
      };
      try {
        await go('page', 'GET', '/');
        await go('about', 'GET', '/api/station');
        await go('ballot', 'GET', '/api/ballot');
        const cast = await go('cast', 'POST', '/api/cast', { code: codes[i]!.code, ballot: ballots[i] });
        if (cast.status !== 200) {
          refusedCasts.push(`${cast.status} ${cast.text.slice(0, 200)}`);
          return;
        }
        const tracker = (JSON.parse(cast.text) as { tracker: string }).tracker;
        accepted.push(tracker);
        await go('receipt', 'POST', '/api/receipt', { tracker });
      } finally {
        agent.destroy();
      }
    });
    const [flood] = await Promise.all([floodRun, ...phoneRuns]);
    note('phones_window_s', (nowMs() - t0) / 1000, `s (all ${args.phones} phones done)`);
    fivexx += flood['5xx'];

    // --- guesses, big bodies, slow headers (the phones have voted) ----------------------------
    markLoad('abuse');
    let guessedAccepted = 0;
    let guess429 = 0;
    let guess403 = 0;
    const GUESSERS = 25;
    await Promise.all(
      Array.from({ length: GUESSERS }, async (_, g) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (let k = 0; k < 5000 / GUESSERS; k++) {
            const r = await send(port, 'POST', '/api/cast', { code: madeUpCode(), ballot: ballots[0] }, { agent, localAddress: `127.2.0.${g + 2}` });
            if (r.status === 200) guessedAccepted += 1;
            else if (r.status === 429) guess429 += 1;
            else if (r.status === 403) guess403 += 1;
            if (r.status >= 500) fivexx += 1;
          }
        } finally {
          agent.destroy();
        }
      }),
    );
    let tooLarge = 0;
    const big = JSON.stringify({ code: 'ABCD-EFGH-JKMN-PQRS', ballot: 'x'.repeat(70 * 1024) });
    for (let k = 0; k < 50; k++) {
      const r = await send(port, 'POST', '/api/cast', big, { localAddress: `127.3.0.${(k % 50) + 2}` });
      if (r.status === 413) tooLarge += 1;
      if (r.status >= 500) fivexx += 1;
    }
    const slow = await Promise.all(Array.from({ length: 20 }, (_, k) => slowHeaders(port, `127.4.0.${k + 2}`)));

    // --- the box and the roll -----------------------------------------------------------------
    const status = await ok<StationStatus>('station.status', {});
    await ok('station.stop', {});
    const boxed = c.raw.prepare(`select tracker, count(*) n from ballot_slot where ballot_id = ? and tracker <> ? group by tracker`).all(b.id, EMPTY_TRACKER) as { tracker: string; n: number }[];
    const inBox = new Map(boxed.map((r) => [r.tracker, r.n]));
    const phonesOnRoll = Number(c.raw.prepare(`select count(*) from ballot_roll where ballot_id = ? and voted_by = 'phone'`).pluck().get(b.id));
    const missing = accepted.filter((tr) => inBox.get(tr) !== 1).length;
    const twice = boxed.filter((r) => r.n !== 1).length;

    const casts = timed.filter((x) => x.kind === 'cast' && x.status === 200).map((x) => x.ms);
    const duringFlood = timed.filter((x) => x.startedAt >= floodFrom && x.startedAt <= floodTo).map((x) => x.ms);
    markLoad('end');
    report(figure('cast_p50_ms', 'ms', percentile(casts, 50), percentile(rawMs, 50)));
    report(figure('cast_p99_ms', 'ms', percentile(casts, 99), percentile(rawMs, 99)));
    report(figure('phone_request_p99_ms', 'ms', percentile(timed.map((x) => x.ms), 99), 0));
    report(figure('flood_served_p99_ms', 'ms', duringFlood.length ? percentile(duringFlood, 99) : 0, 0));
    report(figure('errors_5xx', 'count', fivexx, 0));
    report(figure('guessed_accepted', 'count', guessedAccepted, 0));
    report(figure('phones_accepted', 'count', accepted.length, args.phones));
    report(figure('box_missing_or_twice', 'count', missing + twice, 0));
    note('raw_casts', rawMs.length, 'casts through core.dispatch without HTTP (the raw figures)');
    note('flood_requests', flood.requests.total, 'requests from one address');
    note('flood_429', flood.statusCodeStats['429']?.count ?? 0, 'of them answered 429');
    note('flood_200', flood.statusCodeStats['200']?.count ?? 0, 'of them served (the per-address limit)');
    note('flood_requests_during_phones', duringFlood.length, 'phone requests made while the flood ran');
    note('guesses_403', guess403, 'made-up codes refused as not valid (20 per address per 15 min)');
    note('guesses_429', guess429, 'made-up codes refused as throttled');
    note('oversize_413', tooLarge, 'of 50 bodies over 64 KB answered 413');
    note('slow_headers_cut', slow.filter((s) => s.cut).length, 'of 20 clients dripping headers were cut off');
    note('slow_headers_max_s', Math.max(...slow.map((s) => s.seconds)), `s until the last was cut (header timeout ${STATION_LIMITS.headersTimeoutMs / 1000} s, checked every second)`);
    note('phones_on_roll', phonesOnRoll, `voters marked 'phone' on the roll (the raw casts are 'code')`);
    note('station_refusals_throttled', status.refusals.throttled, 'requests answered 429, as the secretary sees them');
    note('station_alerts', status.alerts.length, 'alerts shown to the secretary');
    if (refusedCasts.length) log(`Refused casts (first 3): ${refusedCasts.slice(0, 3).join(' | ')}`);
    const audit = c.raw.prepare(`select action, count(*) n from audit_event where action like 'station.%' group by action`).all() as { action: string; n: number }[];
    about.stationAuditEvents = Object.fromEntries(audit.map((a) => [a.action, a.n]));
    about.phonesDrivenBy = "Node's http client, one keep-alive connection per phone from its own loopback address; flood by autocannon";
    save(true);
    if (args.json) log(`Wrote ${args.json}`);
    const problems = [
      guessedAccepted > 0 ? `${guessedAccepted} guessed codes were accepted` : null,
      fivexx > 0 ? `${fivexx} answers were 5xx` : null,
      accepted.length !== args.phones ? `${args.phones - accepted.length} phones' ballots were refused` : null,
      missing + twice > 0 ? `${missing} accepted ballots missing from the box, ${twice} in it twice` : null,
      phonesOnRoll !== accepted.length ? `the roll has ${phonesOnRoll} phone votes for ${accepted.length} accepted` : null,
    ].filter(Boolean);
    if (problems.length) {
      log(`PROBLEMS: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
    return figures;
  } finally {
    await core?.close();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A voter's marks: for each question between its minimum and maximum choices, at random. */
function randomSelections(questions: readonly { min: number; max: number; choices: readonly unknown[] }[]): number[][] {
  const rnd = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
  return questions.map((q) => {
    const marks = q.choices.map(() => 0);
    const k = q.min + rnd(q.max - q.min + 1);
    const picked = new Set<number>();
    while (picked.size < k) picked.add(rnd(q.choices.length));
    for (const i of picked) marks[i] = 1;
    return marks;
  });
}

/** 16 random characters of the codes' alphabet: 80 bits, so never a real code. */
function madeUpCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const s = [...bytes].map((x) => alphabet[x & 31]).join('');
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

function send(port: number, method: string, path: string, body: unknown, opts: { agent?: Agent; localAddress?: string }): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: opts.agent ?? false,
        localAddress: opts.localAddress,
        headers: payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('error', (e) => resolve({ status: 0, text: String(e) }));
    req.end(payload);
  });
}

/** A client that sends one header byte a second and never finishes: when is it cut off? */
function slowHeaders(port: number, localAddress: string): Promise<{ cut: boolean; seconds: number }> {
  const started = nowMs();
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let drip: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      resolve({ cut: false, seconds: (nowMs() - started) / 1000 });
    }, STATION_LIMITS.headersTimeoutMs + 10_000);
    socket.on('connect', () => {
      socket.write(`GET /api/station HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      drip = setInterval(() => socket.write('X'), 1000);
    });
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ cut: true, seconds: (nowMs() - started) / 1000 });
    });
    socket.on('error', () => {});
  });
}
