// The standalone ballot verifier (issue 8, docs/ballot-protocol.md §12): reads a verification file,
// recomputes every proof, the weighted tally, the partial decryptions and the result with libsodium,
// and says "verified" with the result, or exactly what does not match. It imports only the crypto
// library (through shared/ballot's libsodium backend) and shared/ballot's file format and checks,
// never the app's core, so a scrutineer can read all of it.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { verifyFile, type VerificationFile } from '../../shared/ballot/verification-file';
import { sodiumGroup } from '../../shared/ballot/group-sodium';

export interface Outcome {
  code: 0 | 1 | 2;
  lines: string[];
}

/**
 * Checks every ballot's proofs on `threads` worker threads (both cores on the secretary's laptop).
 * Returns the earliest failing ballot in file order with its problem, or null.
 */
async function checkProofsInWorkers(
  file: VerificationFile,
  threads: number,
  progress?: (done: number, total: number) => void,
): Promise<{ index: number; problem: string } | null> {
  const election = { setup: file.election, setupHash: '', trustees: file.trustees, publicKey: file.publicKey, rollHash: file.rollHash, totalWeight: file.totalWeight, fingerprint: file.fingerprint };
  const size = Math.ceil(file.ballots.length / threads);
  const script = new URL('./worker.ts', import.meta.url).href;
  let done = 0;
  const found = await Promise.all(
    Array.from({ length: threads }, (_, t) =>
      new Promise<{ index: number; message: string } | null>((resolve, reject) => {
        // A worker does not inherit tsx's loader (see main/core/meetings/pack-worker-entry.mjs): register it there.
        const w = new Worker(`import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`, {
          eval: true,
          workerData: { election, ballots: file.ballots.slice(t * size, (t + 1) * size).map((b) => b.ballot), offset: t * size },
        });
        w.on('message', (m: { done: number; problem?: { index: number; message: string } | null; finished?: boolean }) => {
          done += m.done;
          progress?.(done, file.ballots.length);
          if (m.finished) {
            resolve(m.problem ?? null);
            void w.terminate();
          }
        });
        w.once('error', reject);
      }),
    ),
  );
  const first = found.filter((f) => f !== null).sort((a, b) => a.index - b.index)[0];
  return first ? { index: first.index, problem: `Ballot ${first.index + 1} (tracker ${file.ballots[first.index]!.tracker}): ${first.message}` } : null;
}

/** Checks a parsed file; `tracker` (optional) is a voter's receipt to look for in the list. */
export async function verifyParsed(
  file: VerificationFile,
  opts: { tracker?: string; progress?: (done: number, total: number) => void; threads?: number } = {},
): Promise<Outcome> {
  const G = await sodiumGroup();
  const threads = opts.threads ?? (file.ballots?.length >= 200 ? availableParallelism() : 1);
  let verdict;
  if (threads > 1) {
    // Everything but the ballot proofs first (cheap, and it checks the fingerprint and key the workers
    // use); then the proofs on the workers. The first problem in the single-thread order is reported.
    verdict = verifyFile(G, file, { skipBallotProofs: true });
    if (verdict.ok || verdict.stage !== 'election') {
      const found = await checkProofsInWorkers(file, threads, opts.progress);
      if (found && (verdict.ok || verdict.stage === 'after-ballots' || found.index < (verdict.ballot ?? Infinity))) {
        verdict = { ok: false as const, problem: found.problem };
      }
    }
  } else {
    verdict = verifyFile(G, file, { onBallot: opts.progress });
  }
  if (!verdict.ok) return { code: 1, lines: [`NOT VERIFIED: ${verdict.problem}`] };
  const lines = [`verified: ${verdict.ballots} ballots, election ${file.election.id} (${file.election.title}), fingerprint ${file.fingerprint}`];
  for (const [q, question] of file.election.questions.entries()) {
    lines.push(`${question.text}`);
    for (const [c, choice] of question.choices.entries()) lines.push(`  ${choice.label}: ${verdict.result[q]![c]}`);
  }
  if (opts.tracker !== undefined) {
    const t = opts.tracker.replace(/[\s-]/g, '').toLowerCase();
    const found = file.ballots.some((b) => b.tracker === t);
    lines.push(found ? `Your tracker ${t} is in the ballot box.` : `Your tracker ${t} is NOT in the ballot box.`);
    if (!found) return { code: 1, lines };
  }
  return { code: 0, lines };
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const ti = args.indexOf('--tracker');
  const tracker = ti >= 0 ? args.splice(ti, 2)[1] : undefined;
  const path = args[0];
  if (!path || args.length !== 1) {
    process.stderr.write('Usage: npm run verify-ballot -- FILE [--tracker TRACKER]\n');
    return 2;
  }
  let file: VerificationFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as VerificationFile;
  } catch (e) {
    process.stderr.write(`Cannot read ${path}: ${(e as Error).message}\n`);
    return 2;
  }
  const started = Date.now();
  const outcome = await verifyParsed(file, {
    ...(tracker !== undefined ? { tracker } : {}),
    progress: (done, total) => {
      if (process.stderr.isTTY && (done % 100 === 0 || done === total)) process.stderr.write(`\rChecking ballots: ${done} of ${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  process.stdout.write(outcome.lines.join('\n') + '\n');
  return outcome.code;
}
