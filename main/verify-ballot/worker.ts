// One of the verifier's worker threads: checks the proofs of a slice of the ballots (the bulk of the
// work, docs/ballot-protocol.md §13) and reports the first problem with the ballot's place in the file.
import { parentPort, workerData } from 'node:worker_threads';
import { ballotProblem, prepare, type BallotJson } from '../../shared/ballot/ballot';
import type { ElectionPublic } from '../../shared/ballot/election';
import { sodiumGroup } from '../../shared/ballot/group-sodium';

const { election, ballots, offset } = workerData as { election: ElectionPublic; ballots: BallotJson[]; offset: number };
const p = prepare(await sodiumGroup(), election);
let problem: { index: number; message: string } | null = null;
for (const [i, b] of ballots.entries()) {
  const message = ballotProblem(p, b);
  if (message) {
    problem = { index: offset + i, message };
    break;
  }
  if ((i + 1) % 50 === 0) parentPort!.postMessage({ done: 50 });
}
parentPort!.postMessage({ done: ballots.length % 50, problem, finished: true });
