// Sealing a ballot on the voting device (docs/ballot-protocol.md §4, §6): the voter's 0/1 marks are
// encrypted with the election key and proved in range, with @noble/curves (pure JS, no WebAssembly,
// so it runs in any browser and on a phone). Shared by the Web Worker and the main-thread fallback.
import { encryptBallot, prepare, trackerOf, type BallotJson } from '../../../../../shared/ballot/ballot';
import type { ElectionPublic } from '../../../../../shared/ballot/election';
import { nobleGroup } from '../../../../../shared/ballot/group';

const prepareOnDevice = (election: ElectionPublic) => prepare(nobleGroup, election);
let cached: ReturnType<typeof prepareOnDevice> | null = null;

/** Encrypts the marks; the election key is prepared once per election (its table takes ~10 ms). */
export function sealBallot(election: ElectionPublic, marks: number[][]): { ballot: BallotJson; tracker: string } {
  if (!cached || cached.election.fingerprint !== election.fingerprint) cached = prepareOnDevice(election);
  const ballot = encryptBallot(cached, marks);
  return { ballot, tracker: trackerOf(ballot) };
}

export interface SealRequest {
  election: ElectionPublic;
  marks: number[][];
}

export type SealResponse = { ok: true; ballot: BallotJson; tracker: string } | { ok: false; message: string };
