// The cryptographic part of the ballot benchmark (issue 8 "Scale and speed"): per-ballot cost of
// encrypting + proving on the device and of checking in the core, for both libraries, and the full
// re-check of N ballots on one thread and on every core (worker_threads). Not yet registered in
// main/bench/index.ts; run it directly:
//   npx tsx main/bench/ballot-crypto.ts [--ballots N] [--samples S] [--json FILE]
// Figures from it are recorded in docs/ballot-protocol.md §13.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  addTallies,
  tallyFromJson,
  ballotProblem,
  boxHashOf,
  combine,
  encryptBallot,
  nobleGroup,
  openElection,
  partialDecrypt,
  prepare,
  randomScalar,
  setUpTrustees,
  sortBox,
  tallyToJson,
  trackerOf,
  verifyFile,
  weightedTally,
  buildFile,
  type BallotJson,
  type CiphertextJson,
  type ElectionPublic,
  type ElectionSetup,
  type Group,
} from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';
import { nowMs, percentile } from './stats';

/** Three resolutions (for/against/abstain) and a 5-seat election of 12 candidates: 21 ciphertexts. */
export function benchSetup(): ElectionSetup {
  const resolution = (i: number) => ({
    id: `r${i}`,
    kind: 'resolution' as const,
    text: `Resolution ${i}`,
    choices: ['For', 'Against', 'Abstain'].map((label, c) => ({ id: `r${i}c${c}`, label })),
    min: 1,
    max: 1,
  });
  return {
    id: 'bench',
    title: 'Benchmark ballot',
    questions: [
      resolution(1),
      resolution(2),
      resolution(3),
      { id: 'board', kind: 'election', text: 'Board (5 seats)', choices: Array.from({ length: 12 }, (_, c) => ({ id: `k${c}`, label: `Candidate ${c + 1}` })), min: 0, max: 5 },
    ],
    trustees: { count: 2, threshold: 2 },
  };
}

function randomSelections(setup: ElectionSetup): number[][] {
  const rnd = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
  return setup.questions.map((q) => {
    const marks = q.choices.map(() => 0);
    const k = q.min + rnd(q.max - q.min + 1);
    const picked = new Set<number>();
    while (picked.size < k) picked.add(rnd(q.choices.length));
    for (const c of picked) marks[c] = 1;
    return marks;
  });
}

function timeEach<T>(n: number, f: (i: number) => T): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = nowMs();
    f(i);
    out.push(nowMs() - t);
  }
  return out;
}

const fmt = (ms: number) => ms.toFixed(ms < 1 ? 3 : 1);

function opMicro<P>(G: Group<P>): { mul: number; base: number; add: number } {
  const p = G.mulBase(randomScalar());
  const q = G.mulBase(randomScalar());
  const ks = Array.from({ length: 200 }, randomScalar);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  timeEach(20, (i) => G.mul(p, ks[i]!));
  return {
    mul: mean(timeEach(200, (i) => G.mul(p, ks[i]!))),
    base: mean(timeEach(200, (i) => G.mulBase(ks[i]!))),
    add: mean(timeEach(2000, () => G.add(p, q))),
  };
}

/** The weighted tally summed on every core: each worker sums a slice, the partial sums are added (§8). */
async function tallyInWorkers(setup: ElectionSetup, entries: { weight: number; ballot: BallotJson }[], threads: number): Promise<CiphertextJson[][]> {
  const size = Math.ceil(entries.length / threads);
  const url = import.meta.url;
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) =>
      new Promise<CiphertextJson[][]>((resolve, reject) => {
        const w = new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, {
          eval: true,
          // Only the ciphertexts cross to the worker: copying the proofs too cost more than the sums.
          workerData: {
            task: 'ballot-tally',
            shape: setup.questions.map((q) => q.choices.length),
            entries: entries.slice(t * size, (t + 1) * size).map((e) => ({ weight: e.weight, ballot: { answers: e.ballot.answers.map((a) => ({ choices: a.choices.map((c) => ({ alpha: c.alpha, beta: c.beta })) })) } })),
          },
        });
        w.once('message', (m: CiphertextJson[][]) => {
          resolve(m);
          void w.terminate();
        });
        w.once('error', reject);
      }),
    ),
  );
  const S = await sodiumGroup();
  return tallyToJson(S, addTallies(S, parts.map((p) => tallyFromJson(S, p))));
}

/** Checks ballots' proofs on every core; returns the first problem, or null. */
async function checkInWorkers(election: ElectionPublic, ballots: BallotJson[], threads: number): Promise<string | null> {
  const size = Math.ceil(ballots.length / threads);
  const url = import.meta.url;
  const results = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const slice = ballots.slice(t * size, (t + 1) * size);
      return new Promise<string | null>((resolve, reject) => {
        // A worker does not inherit tsx's loader: register it in the worker, then load this file there.
        const w = new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`, {
          eval: true,
          workerData: { task: 'ballot-verify', election, ballots: slice },
        });
        w.once('message', (m: string | null) => {
          resolve(m);
          void w.terminate();
        });
        w.once('error', reject);
      });
    }),
  );
  return results.find((r) => r !== null) ?? null;
}

async function workerMain(): Promise<void> {
  if ((workerData as { task: string }).task === 'ballot-tally') {
    const { shape, entries } = workerData as { shape: number[]; entries: { weight: number; ballot: BallotJson }[] };
    const S = await sodiumGroup();
    return parentPort!.postMessage(tallyToJson(S, weightedTally(S, shape, entries)));
  }
  const { election, ballots } = workerData as { election: ElectionPublic; ballots: BallotJson[] };
  const p = prepare(await sodiumGroup(), election);
  for (const [i, b] of ballots.entries()) {
    const problem = ballotProblem(p, b);
    if (problem) return parentPort!.postMessage(`ballot ${i + 1} of this slice: ${problem}`);
  }
  parentPort!.postMessage(null);
}

export async function benchBallotCrypto(args: { ballots: number; samples: number; json?: string }): Promise<void> {
  const S = await sodiumGroup();
  const N = nobleGroup;
  const figures: { name: string; value: number; unit: string }[] = [];
  const put = (name: string, value: number, unit: string) => {
    figures.push({ name, value: Math.round(value * 1000) / 1000, unit });
    console.log(`${name.padEnd(44)} ${fmt(value)} ${unit}`);
  };

  const n = opMicro(N);
  const s = opMicro(S);
  put('noble_scalar_mult_ms', n.mul, 'ms');
  put('noble_base_mult_ms', n.base, 'ms');
  put('noble_point_add_ms', n.add, 'ms');
  put('sodium_scalar_mult_ms', s.mul, 'ms');
  put('sodium_base_mult_ms', s.base, 'ms');
  put('sodium_point_add_ms', s.add, 'ms');

  const setup = benchSetup();
  const { trustees, secrets } = setUpTrustees(S, setup);
  const election = openElection(S, setup, trustees, 'bench-roll', args.ballots + 10);
  const onNoble = prepare(N, election);
  const onSodium = prepare(S, election);
  const sample = Array.from({ length: args.samples }, () => randomSelections(setup));

  const encN: BallotJson[] = [];
  const tEncN = timeEach(args.samples, (i) => encN.push(encryptBallot(onNoble, sample[i]!)));
  put('encrypt_prove_noble_p50_ms', percentile(tEncN, 50), 'ms');
  put('encrypt_prove_noble_p99_ms', percentile(tEncN, 99), 'ms');
  const tEncS = timeEach(args.samples, (i) => encryptBallot(onSodium, sample[i]!));
  put('encrypt_prove_sodium_p50_ms', percentile(tEncS, 50), 'ms');
  put('encrypt_prove_sodium_p99_ms', percentile(tEncS, 99), 'ms');
  const tChkN = timeEach(args.samples, (i) => {
    if (ballotProblem(onNoble, encN[i]!)) throw new Error('a good ballot failed');
  });
  put('check_ballot_noble_p50_ms', percentile(tChkN, 50), 'ms');
  put('check_ballot_noble_p99_ms', percentile(tChkN, 99), 'ms');
  const tChkS = timeEach(args.samples, (i) => {
    if (ballotProblem(onSodium, encN[i]!)) throw new Error('a good ballot failed');
  });
  put('check_ballot_sodium_p50_ms', percentile(tChkS, 50), 'ms');
  put('check_ballot_sodium_p99_ms', percentile(tChkS, 99), 'ms');

  // A box of N ballots (made with libsodium for speed: the same format and proofs).
  console.log(`Making ${args.ballots} ballots…`);
  const entries = sortBox(
    Array.from({ length: args.ballots }, (_, i) => {
      const ballot = i < encN.length ? encN[i]! : encryptBallot(onSodium, randomSelections(setup));
      return { tracker: trackerOf(ballot), weight: 1, ballot };
    }),
  );
  let t = nowMs();
  const sealed = boxHashOf(election.fingerprint, entries);
  const tally = weightedTally(S, setup.questions.map((q) => q.choices.length), entries);
  const tallyMs = nowMs() - t;
  t = nowMs();
  const decryptions = secrets.map((x, i) => partialDecrypt(S, election, sealed, i + 1, x, tally));
  const result = combine(S, election, tally, decryptions);
  const decryptMs = nowMs() - t;
  put('seal_and_tally_per_ballot_ms', tallyMs / args.ballots, 'ms');
  const threads = Math.max(1, availableParallelism());
  // Starting the workers (a thread, tsx, libsodium's WebAssembly) is a fixed cost: measured on a tiny
  // box and kept apart, so the extrapolation to 35,000 ballots counts it once.
  t = nowMs();
  await tallyInWorkers(setup, entries.slice(0, threads), threads);
  const startupMs = nowMs() - t;
  t = nowMs();
  const parallelTally = await tallyInWorkers(setup, entries, threads);
  const parallelTallyMs = Math.max(0, nowMs() - t - startupMs);
  put('worker_start_ms', startupMs, 'ms');
  if (JSON.stringify(parallelTally) !== JSON.stringify(tallyToJson(S, tally))) throw new Error('the tally on worker threads differs');
  put(`tally_${threads}_threads_per_ballot_ms_after_start`, parallelTallyMs / args.ballots, 'ms');
  put('decrypt_with_proofs_and_combine_ms', decryptMs, 'ms');
  const file = buildFile(election, args.ballots + 10, entries, sealed, tallyToJson(S, tally), decryptions, result);

  t = nowMs();
  const one = verifyFile(S, file);
  const oneMs = nowMs() - t;
  if (!one.ok) throw new Error(one.problem);
  put('verify_file_one_thread_per_ballot_ms', oneMs / args.ballots, 'ms');

  t = nowMs();
  const problem = await checkInWorkers(election, entries.map((e) => e.ballot), threads);
  if (problem) throw new Error(problem);
  const rest = verifyFile(S, file, { skipBallotProofs: true });
  const allMs = nowMs() - t;
  if (!rest.ok) throw new Error(rest.problem);
  put(`verify_file_${threads}_threads_per_ballot_ms`, allMs / args.ballots, 'ms');
  put('verify_s_extrapolated_35000', ((allMs / args.ballots) * 35_000) / 1000, 's');
  put('close_s_extrapolated_35000', (startupMs + (parallelTallyMs / args.ballots) * 35_000 + decryptMs) / 1000, 's');
  if (args.json) writeFileSync(args.json, JSON.stringify({ benchmark: 'ballot-crypto', ballots: args.ballots, threads, figures }, null, 2) + '\n');
}

const task = (workerData as { task?: string } | null)?.task;
if (!isMainThread && (task === 'ballot-verify' || task === 'ballot-tally')) {
  await workerMain();
} else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const json = get('--json');
  await benchBallotCrypto({ ballots: Number(get('--ballots') ?? 400), samples: Number(get('--samples') ?? 40), ...(json ? { json } : {}) });
}
