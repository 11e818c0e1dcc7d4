// A worker thread of the ballot benchmark (main/bench/ballot.ts), doing the work that is not the
// app's: making the voters' ballots before the casts are timed (libsodium: the same format and
// proofs as the device's noble, several times faster), and the raw library's re-check of the
// ballot proofs that the standalone verifier's own workers are compared with.
import { parentPort, workerData } from 'node:worker_threads';
import { ballotProblem, encryptBallot, prepare, type BallotJson, type ElectionPublic } from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';

type Task = { task: 'encrypt'; election: ElectionPublic; count: number } | { task: 'check'; election: ElectionPublic; ballots: BallotJson[] };

/** A voter's marks: for each question between its minimum and maximum choices, at random. */
export function randomSelections(questions: readonly { min: number; max: number; choices: readonly unknown[] }[]): number[][] {
  const rnd = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
  return questions.map((q) => {
    const marks = q.choices.map(() => 0);
    const k = q.min + rnd(q.max - q.min + 1);
    const picked = new Set<number>();
    while (picked.size < k) picked.add(rnd(q.choices.length));
    for (const c of picked) marks[c] = 1;
    return marks;
  });
}

if (parentPort && (workerData as Task | null)?.task) {
  const data = workerData as Task;
  const p = prepare(await sodiumGroup(), data.election);
  if (data.task === 'encrypt') {
    // Sent back as JSON text, as a device sends it: the core receives the parsed object.
    const out: string[] = [];
    for (let i = 0; i < data.count; i++) {
      out.push(JSON.stringify(encryptBallot(p, randomSelections(data.election.setup.questions))));
      if ((i + 1) % 100 === 0) parentPort.postMessage({ done: 100 });
    }
    parentPort.postMessage({ done: data.count % 100, ballots: out, finished: true });
  } else {
    let problem: string | null = null;
    for (const [i, b] of data.ballots.entries()) {
      const m = ballotProblem(p, b);
      if (m) {
        problem = `ballot ${i + 1} of this slice: ${m}`;
        break;
      }
    }
    parentPort.postMessage({ done: data.ballots.length, problem, finished: true });
  }
}
