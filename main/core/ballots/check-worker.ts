import { parentPort } from 'node:worker_threads';
import { ballotProblem, prepare, type ElectionPublic, type Prepared, type ProofShare } from '../../../shared/ballot';
import { sodiumGroup } from '../../../shared/ballot/group-sodium';

/**
 * The cast's second thread (check-pool.ts): checks one share of a ballot's proofs while the host
 * checks the other, so a cast on two cores waits for about half of the proof checking. It keeps
 * each election it has been sent, prepared, by fingerprint.
 *
 * Loaded as TypeScript through check-worker-entry.mjs (tsx) under Vitest and tsx, and as the
 * prebuilt check-worker.cjs beside main.cjs in the Electron bundle (tools/build-electron.mjs).
 */
export type CheckRequest = { id: number; election?: ElectionPublic; fingerprint: string; ballot: unknown; share: ProofShare };
export type CheckAnswer = { id: number; problem: string | null } | { id: number; error: string };

const elections = new Map<string, Prepared<Uint8Array>>();

parentPort!.on('message', (m: CheckRequest) => {
  void (async () => {
    try {
      const G = await sodiumGroup();
      if (m.election) {
        if (elections.size > 20) elections.clear();
        elections.set(m.fingerprint, prepare(G, m.election));
      }
      const p = elections.get(m.fingerprint);
      if (!p) return parentPort!.postMessage({ id: m.id, error: 'unknown election' } satisfies CheckAnswer);
      parentPort!.postMessage({ id: m.id, problem: ballotProblem(p, m.ballot, m.share) } satisfies CheckAnswer);
    } catch (e) {
      parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies CheckAnswer);
    }
  })();
});
parentPort!.postMessage({ ready: true });
