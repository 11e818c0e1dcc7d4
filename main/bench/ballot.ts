import { EMPTY_TRACKER } from '../core/ballots/slots';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ballotProblem,
  boxHashOf,
  combine,
  decryptionProblem,
  FILE_FORMAT,
  FILE_VERSION,
  openTrusteeSecret,
  partialDecrypt,
  prepare,
  trackerOf,
  verifyFile,
  weightedTally,
  type BallotJson,
  type CiphertextJson,
  type DecryptionJson,
  type ElectionPublic,
  type SealedKey,
  type VerificationFile,
} from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';
import type { Ballot } from '../../shared/contract/ballots';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { ukDateOf } from '../../shared/rules/legal-date';
import { Core } from '../core/core';
import { exportsDirFor } from '../core/exports/file-store';
import { verifyParsed } from '../verify-ballot/run';
import { bulkLoadMembers } from './bulk-load';
import { figure, nowMs, percentile, type Figure } from './stats';

/**
 * `npm run bench -- ballot [--voters N] [--json FILE] [--keep]` (issue 8 "Scale and speed"): a
 * ballot of N voters (default 35,000) with three resolutions and a 5-seat election of 12
 * candidates, through the real core on a real file, beside the same cryptographic work done
 * directly with the library in the same run:
 *
 * - cast: every voter votes with a voting code through `core.dispatch('ballots.cast')` (shape and
 *   proof checks with libsodium, the roll, the copy check, the box, the audit event, one
 *   transaction with synchronous=FULL); raw: `ballotProblem` with libsodium on every 20th ballot,
 *   alternating which goes first. The ballots are made beforehand, on worker threads with
 *   libsodium (the device uses noble; the format and proofs are the same), so encryption is not
 *   in the cast figure: the core receives the parsed ballot as the host hands it over.
 * - close: the `ballots.close` job (the box checked against the roll, sealed, summed page by
 *   page); raw: the box read with one statement, every tracker recomputed, the box hash and the
 *   weighted tally.
 * - decrypt: both trustees through `ballots.decrypt` (argon2id at full strength to open each key,
 *   the partial decryption with its proof, its check, the combination and the result); raw: the
 *   same library calls.
 * - export: the `ballots.exportVerification` job; raw: the same file written from one statement
 *   (and compared byte for byte).
 * - verify: the standalone verifier's code (main/verify-ballot/run.ts, its worker threads) on the
 *   exported file, from reading it; raw: the file parsed, the ballot proofs checked on as many
 *   worker threads with the library, and `verifyFile` for the rest.
 */
const SPECIAL = 'That the articles of association be amended as set out in the notice.';

interface Args {
  json?: string;
  voters: number;
  keep: boolean;
}

export async function benchBallot(args: Args): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-ballot-'));
  const dbPath = join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const loads: Record<string, number[]> = {};
  const markLoad = (phase: string) => (loads[phase] = loadavg().map((x) => Math.round(x * 100) / 100));
  const info: Record<string, number> = {};
  const figures: Figure[] = [];
  const about: Record<string, unknown> = {
    benchmark: 'ballot',
    voters: args.voters,
    questions: '3 resolutions (for/against/abstain) and a 5-seat election of 12 candidates: 21 ciphertexts per ballot',
    threads: availableParallelism(),
  };
  // The figures are written as they come (a long run stopped part-way still leaves them), and at the end.
  const save = (done: boolean) => {
    if (!args.json) return;
    writeFileSync(args.json, JSON.stringify({ complete: done, ...about, loadAverage: loads, figures, info }, null, 2));
    if (done) log(`Wrote ${args.json}`);
  };
  const report = (f: Figure) => {
    figures.push(f);
    save(false);
    console.log(`${f.name.padEnd(20)} ${String(f.value).padStart(10)} ${f.unit.padEnd(3)}  raw ${String(f.raw).padStart(10)} ${f.unit.padEnd(3)}  ratio ${f.ratio.toFixed(2)}`);
  };
  const note = (name: string, value: number, unit: string) => {
    info[name] = Math.round(value * 1000) / 1000;
    console.log(`${name.padEnd(20)} ${String(info[name]).padStart(10)} ${unit}`);
    save(false);
  };
  let core: Core | null = null;
  try {
    markLoad('start');
    log(`Setting up a register of ${args.voters.toLocaleString('en-GB')} members in ${dbPath} …`);
    core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
    const c = core;
    const ok = async <T = any>(m: string, i: unknown): Promise<T> => {
      const r = await c.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
      return r.value as T;
    };
    const job = async (m: string, i: unknown, onStall?: (ms: number) => void): Promise<unknown> => {
      // A timer that should fire every 5 ms measures how long the event loop was held (the window's responsiveness).
      let last = performance.now();
      const probe = setInterval(() => {
        const t = performance.now();
        onStall?.(t - last - 5);
        last = t;
      }, 5);
      try {
        const { jobId } = await ok<{ jobId: string }>(m, i);
        await c.jobs.idle();
        const s = c.jobs.get(jobId)!;
        if (s.state !== 'succeeded') throw new Error(`${m}: ${s.error?.message ?? s.state}`);
        return s.result;
      } finally {
        clearInterval(probe);
      }
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
    const cls = await ok<{ id: string }>('classes.create', {
      name: 'Employee',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
      shareTerms: null,
    });
    const org = await ok<{ id: string }>('organisation.get', {});
    bulkLoadMembers(c.raw, { organisationId: org.id, classId: cls.id, className: 'Employee', count: args.voters, seed: 1, actor: 'bench' });
    c.raw.pragma('wal_checkpoint(TRUNCATE)');

    const PASS = ['independent scrutineer bench passphrase', 'chair of the board bench passphrase'];
    let t = nowMs();
    let b = await ok<Ballot>('ballots.create', {
      title: 'Benchmark poll',
      recordDate: ukDateOf(c.now()),
      base: 'votes_cast',
      questions: [
        { kind: 'resolution', text: SPECIAL, resolutionKind: 'special' },
        { kind: 'resolution', text: 'That the annual report and accounts be received.', resolutionKind: 'ordinary' },
        { kind: 'resolution', text: 'That the auditors be reappointed.', resolutionKind: 'ordinary' },
        { kind: 'election', text: 'Election of five directors', seats: 5, candidates: Array.from({ length: 12 }, (_, i) => ({ name: `Candidate ${i + 1}` })) },
      ],
      trustees: [
        { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
        { name: 'Raj Chair', role: 'Chair' },
      ],
    });
    for (const tr of b.trustees) await ok('ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    note('trustee_keys_s', (nowMs() - t) / 1000, 's (set-up; argon2id at full strength)');
    t = nowMs();
    let openStall = 0;
    b = (await job('ballots.open', { id: b.id }, (ms) => (openStall = Math.max(openStall, ms)))) as Ballot;
    note('open_s', (nowMs() - t) / 1000, 's (set-up: roll frozen, and a slot laid out in the box for each voter)');
    note('open_max_stall_ms', openStall, 'ms (longest the event loop was held during the opening job)');
    const voters = b.roll!.count;
    about.voters = voters;
    t = nowMs();
    const { codes } = await ok<{ codes: { code: string }[] }>('ballots.issueCodes', { id: b.id });
    note('issue_codes_s', (nowMs() - t) / 1000, `s (set-up: ${codes.length.toLocaleString('en-GB')} codes)`);
    const { election } = await ok<{ election: ElectionPublic }>('ballots.publicElection', { id: b.id });

    // --- the voters' ballots, made before anything is timed --------------------------------
    markLoad('encrypt');
    t = nowMs();
    const threads = Math.max(1, availableParallelism());
    const made = await inWorkers(
      threads,
      (k) => ({ task: 'encrypt', election, count: Math.floor(voters / threads) + (k < voters % threads ? 1 : 0) }),
      (done) => process.stderr.write(`\rMaking ballots: ${done} of ${voters}`),
    );
    const ballots = made.flatMap((m) => m.ballots as string[]);
    process.stderr.write('\n');
    about.ballotsMadeWith = `libsodium on ${threads} worker threads before the casts (not timed); the core checks with libsodium`;
    note('encrypt_all_s', (nowMs() - t) / 1000, `s (set-up, not measured: libsodium on ${threads} threads)`);

    // --- casting -----------------------------------------------------------------------------
    markLoad('cast');
    const S = await sodiumGroup();
    const rawPrepared = prepare(S, election);
    const castMs: number[] = [];
    const sampledApp: number[] = [];
    const rawMs: number[] = [];
    const EVERY = 20;
    for (let i = 0; i < voters; i++) {
      const ballot = JSON.parse(ballots[i]!) as BallotJson;
      const input = { id: b.id, credential: { kind: 'code', code: codes[i]!.code }, ballot };
      const app = async () => {
        const s = nowMs();
        const r = await c.dispatch('ballots.cast', input);
        const ms = nowMs() - s;
        if (!r.ok) throw new Error(`cast ${i + 1}: ${r.error.message}`);
        castMs.push(ms);
        return ms;
      };
      if (i % EVERY !== 0) {
        await app();
      } else {
        const raw = () => {
          const s = nowMs();
          const problem = ballotProblem(rawPrepared, ballot);
          rawMs.push(nowMs() - s);
          if (problem) throw new Error(problem);
        };
        if ((i / EVERY) % 2 === 0) {
          sampledApp.push(await app());
          raw();
        } else {
          raw();
          sampledApp.push(await app());
        }
      }
      ballots[i] = '';
      if ((i + 1) % 500 === 0 || i + 1 === voters) process.stderr.write(`\rCasting: ${i + 1} of ${voters} (p99 so far ${percentile(castMs, 99).toFixed(1)} ms)`);
    }
    process.stderr.write('\n');
    about.rawCastSample = `ballotProblem with libsodium on every ${EVERY}th ballot (${rawMs.length}), alternating which goes first with the app's cast`;
    report(figure('cast_p50_ms', 'ms', percentile(castMs, 50), percentile(rawMs, 50)));
    report(figure('cast_p99_ms', 'ms', percentile(castMs, 99), percentile(rawMs, 99)));
    report(figure('cast_sampled_p99_ms', 'ms', percentile(sampledApp, 99), percentile(rawMs, 99)));
    note('cast_max_ms', Math.max(...castMs), 'ms');
    note('raw_check_p99_ms', percentile(rawMs, 99), 'ms');
    note('cast_total_s', castMs.reduce((a, x) => a + x, 0) / 1000, 's');

    // --- closing: seal and sum ------------------------------------------------------------------
    markLoad('close');
    c.raw.pragma('wal_checkpoint(TRUNCATE)');
    let stall = 0;
    t = nowMs();
    await job('ballots.close', { id: b.id }, (ms) => (stall = Math.max(stall, ms)));
    const closeS = (nowMs() - t) / 1000;
    t = nowMs();
    const shape = election.setup.questions.map((q) => q.choices.length);
    const rows = c.raw.prepare(`select s.tracker, cast(s.weight as integer) as weight, x.ballot from ballot_slot s join ballot_slot_ballot x on x.slot = s.slot where s.ballot_id = ? and s.tracker <> '${EMPTY_TRACKER}' order by s.tracker`).all(b.id) as { tracker: string; weight: number; ballot: string }[];
    const entries = rows.map((r) => {
      const ballot = JSON.parse(r.ballot) as BallotJson;
      if (trackerOf(ballot) !== r.tracker) throw new Error('a tracker does not match');
      return { tracker: r.tracker, weight: r.weight, ballot };
    });
    const rawSealed = boxHashOf(election.fingerprint, entries);
    const rawTally = weightedTally(S, shape, entries);
    const closeRawS = (nowMs() - t) / 1000;
    report(figure('close_s', 's', closeS, closeRawS));
    note('close_max_stall_ms', stall, 'ms (longest the event loop was held during the close job)');
    const closed = await ok<Ballot>('ballots.get', { id: b.id });
    if (closed.sealedBoxHash !== rawSealed) throw new Error('the sealed box hash differs from the raw one');
    rows.length = 0;
    entries.length = 0;

    // --- decryption by both trustees ----------------------------------------------------------------
    markLoad('decrypt');
    t = nowMs();
    const sealedKeys = c.raw.prepare('select sealed_secret from ballot_trustee where ballot_id = ? order by position').pluck().all(b.id) as string[];
    const rawDecryptions: DecryptionJson[] = [];
    for (const [i, sealed] of sealedKeys.entries()) {
      const x = (await openTrusteeSecret(PASS[i]!, JSON.parse(sealed) as SealedKey, { degree: 1, withTransport: false })).coefficients[0]!;
      const dec = partialDecrypt(S, election, rawSealed, i + 1, x, rawTally);
      const problem = decryptionProblem(S, election, rawSealed, rawTally, dec);
      if (problem) throw new Error(problem);
      rawDecryptions.push(dec);
    }
    const rawResult = combine(S, election, rawTally, rawDecryptions);
    const decryptRawS = (nowMs() - t) / 1000;
    t = nowMs();
    for (const [i] of sealedKeys.entries()) b = await ok<Ballot>('ballots.decrypt', { id: b.id, trustee: i + 1, passphrase: PASS[i] });
    const decryptS = (nowMs() - t) / 1000;
    report(figure('decrypt_s', 's', decryptS, decryptRawS));
    if (b.status !== 'decided') throw new Error(`the ballot is ${b.status} after both trustees decrypted`);
    if (JSON.stringify(b.result!.questions.map((q) => q.choices.map((ch) => ch.electronic))) !== JSON.stringify(rawResult)) throw new Error('the declared result differs from the raw one');
    log(`Result: ${b.result!.questions.map((q) => q.words).join(' | ')}`);

    // --- export for verification ----------------------------------------------------------------------
    markLoad('export');
    t = nowMs();
    const exported = (await job('ballots.exportVerification', { id: b.id })) as { fileId: string; sizeBytes: number };
    const exportS = (nowMs() - t) / 1000;
    const file = join(exportsDirFor(dbPath), exported.fileId);
    const rawFile = join(dir, 'raw-export.json');
    t = nowMs();
    rawExport(c, b.id, election, rawFile);
    const exportRawS = (nowMs() - t) / 1000;
    report(figure('export_s', 's', exportS, exportRawS));
    note('export_mb', statSync(file).size / 1e6, 'MB');
    if (digest(file) !== digest(rawFile)) throw new Error('the exported file differs from the raw one');
    rmSync(rawFile);
    await c.close();
    core = null;

    // --- the standalone verifier -----------------------------------------------------------------------
    markLoad('verify');
    t = nowMs();
    const outcome = await verifyParsed(JSON.parse(readFileSync(file, 'utf8')) as VerificationFile);
    const verifyS = (nowMs() - t) / 1000;
    if (outcome.code !== 0) throw new Error(`the verifier did not verify: ${outcome.lines[0]}`);
    markLoad('verify-raw');
    t = nowMs();
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as VerificationFile;
    const size = Math.ceil(parsed.ballots.length / threads);
    const checked = await inWorkers(threads, (k) => ({ task: 'check', election, ballots: parsed.ballots.slice(k * size, (k + 1) * size).map((x) => x.ballot) }));
    const problem = checked.map((m) => m.problem as string | null).find((p) => p) ?? null;
    const rest = verifyFile(S, parsed, { skipBallotProofs: true });
    const verifyRawS = (nowMs() - t) / 1000;
    if (problem || !rest.ok) throw new Error(`the raw verification failed: ${problem ?? (rest.ok ? '' : rest.problem)}`);
    report(figure('verify_s', 's', verifyS, verifyRawS));
    log(outcome.lines.join('\n'));
    markLoad('end');

    save(true);
    return figures;
  } finally {
    if (core) await core.close().catch(() => {});
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

/** Runs ballot-worker.ts on `threads` threads; resolves with each one's last message. */
function inWorkers(threads: number, data: (k: number) => unknown, progress?: (done: number) => void): Promise<Record<string, unknown>[]> {
  const script = new URL('./ballot-worker.ts', import.meta.url).href;
  let done = 0;
  return Promise.all(
    Array.from({ length: threads }, (_, k) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        // A worker does not inherit tsx's loader: register it there (as main/verify-ballot/run.ts does).
        const w = new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`, { eval: true, workerData: data(k) });
        w.on('message', (m: { done: number; finished?: boolean }) => {
          done += m.done;
          progress?.(done);
          if (m.finished) {
            resolve(m as unknown as Record<string, unknown>);
            void w.terminate();
          }
        });
        w.once('error', reject);
      }),
    ),
  );
}

/** The verification file written straight from the tables, in the format export.ts writes. */
function rawExport(c: Core, ballotId: string, election: ElectionPublic, path: string): void {
  const b = c.raw.prepare('select roll_count, box_count, sealed_box_hash, tally, result from ballot where id = ?').get(ballotId) as { roll_count: number; box_count: number; sealed_box_hash: string; tally: string; result: string };
  const decryptions = c.raw.prepare('select decryption from ballot_trustee where ballot_id = ? and decryption is not null order by position').pluck().all(ballotId) as string[];
  const head = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    election: election.setup,
    trustees: election.trustees,
    publicKey: election.publicKey,
    rollHash: election.rollHash,
    totalWeight: election.totalWeight,
    fingerprint: election.fingerprint,
    counts: { roll: b.roll_count, votedElectronically: b.box_count },
  };
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"ballots":[`);
    let n = 0;
    let chunk: string[] = [];
    for (const r of c.raw.prepare(`select s.tracker, cast(s.weight as integer) as weight, x.ballot from ballot_slot s join ballot_slot_ballot x on x.slot = s.slot where s.ballot_id = ? and s.tracker <> '${EMPTY_TRACKER}' order by s.tracker`).iterate(ballotId) as Iterable<{ tracker: string; weight: number; ballot: string }>) {
      chunk.push(`${n++ === 0 ? '' : ','}{"tracker":"${r.tracker}","weight":${r.weight},"ballot":${r.ballot}}`);
      if (chunk.length === 500) {
        writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    writeSync(fd, chunk.join(''));
    const result = JSON.parse(b.result) as { questions: { choices: { electronic: number }[] }[] };
    const tail = {
      sealedBoxHash: b.sealed_box_hash,
      tally: JSON.parse(b.tally) as CiphertextJson[][],
      decryptions: decryptions.map((d) => JSON.parse(d) as unknown),
      result: result.questions.map((q) => q.choices.map((ch) => ch.electronic)),
    };
    writeSync(fd, `],${JSON.stringify(tail).slice(1)}`);
  } finally {
    closeSync(fd);
  }
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
