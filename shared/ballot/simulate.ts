// A whole election in memory, through the same functions the app uses, in protocol order:
// trustees' keys (and, for k-of-n, dealing and checking shares), opening, casting, sealing, tally,
// partial decryptions, result, verification file. For tests, the benchmark and the sample ballot;
// the app itself drives these steps from its services with the keys sealed in between.
import type { Group } from './group';
import { ballotProblem, encryptBallot, prepare, trackerOf, type BallotJson } from './ballot';
import {
  combineShares,
  createTrusteeKey,
  dealShares,
  isThreshold,
  openElection,
  setupHashOf,
  type ElectionPublic,
  type ElectionSetup,
  type TrusteePublic,
} from './election';
import { boxHashOf, combine, partialDecrypt, sortBox, tallyToJson, weightedTally, type DecryptionJson } from './tally';
import { buildFile, type VerificationFile } from './verification-file';
import { openShare, sealShare } from './shares';

export interface SimulatedVoter {
  selections: number[][];
  weight: number;
}

export interface Simulation {
  election: ElectionPublic;
  /** Each trustee's final secret share xⱼ (n-of-n: xᵢ). */
  secrets: bigint[];
  file: VerificationFile;
  expected: number[][];
}

export function setUpTrustees<P>(G: Group<P>, setup: ElectionSetup): { trustees: TrusteePublic[]; secrets: bigint[] } {
  const n = setup.trustees.count;
  const made = Array.from({ length: n }, (_, i) => createTrusteeKey(G, setup, i + 1, `Trustee ${i + 1}`));
  const trustees = made.map((m) => m.public);
  if (!isThreshold(setup)) return { trustees, secrets: made.map((m) => m.secret.coefficients[0]!) };
  // Round 2: each dealer seals fᵢ(j) for every other trustee j; round 3: each trustee opens and checks theirs.
  const setupHash = setupHashOf(setup);
  const sealed = made.map((m, i) =>
    dealShares(m.secret, n).map((share, jIdx) =>
      jIdx === i ? null : sealShare(G, setupHash, { index: i + 1, transportSecret: m.secret.transportSecret!, transportKey: trustees[i]!.transportKey! }, { index: jIdx + 1, transportKey: trustees[jIdx]!.transportKey! }, share),
    ),
  );
  const secrets = made.map((m, jIdx) => {
    const me = { index: jIdx + 1, transportSecret: m.secret.transportSecret!, transportKey: trustees[jIdx]!.transportKey! };
    const received = made.map((dealer, i) =>
      i === jIdx ? dealShares(dealer.secret, n)[jIdx]! : openShare(G, setupHash, me, { ...trustees[i]!, transportKey: trustees[i]!.transportKey! }, sealed[i]![jIdx]!),
    );
    return combineShares(received);
  });
  return { trustees, secrets };
}

export function simulate<D, C>(
  device: Group<D>,
  core: Group<C>,
  setup: ElectionSetup,
  voters: SimulatedVoter[],
  opts: { rollCount?: number; totalWeight?: number; decryptingTrustees?: number[] } = {},
): Simulation {
  const { trustees, secrets } = setUpTrustees(core, setup);
  const totalWeight = opts.totalWeight ?? voters.reduce((n, v) => n + v.weight, 0);
  const election = openElection(core, setup, trustees, 'roll-hash-of-the-frozen-roll', totalWeight);
  const onDevice = prepare(device, election);
  const inCore = prepare(core, election);
  const entries: { tracker: string; weight: number; ballot: BallotJson }[] = [];
  for (const v of voters) {
    const ballot = encryptBallot(onDevice, v.selections);
    const problem = ballotProblem(inCore, ballot);
    if (problem) throw new Error(problem);
    entries.push({ tracker: trackerOf(ballot), weight: v.weight, ballot });
  }
  const box = sortBox(entries);
  const sealed = boxHashOf(election.fingerprint, box);
  const shape = setup.questions.map((q) => q.choices.length);
  const tally = weightedTally(core, shape, box);
  const who = opts.decryptingTrustees ?? trustees.map((t) => t.index);
  const decryptions: DecryptionJson[] = who.map((j) => partialDecrypt(core, election, sealed, j, secrets[j - 1]!, tally));
  const result = combine(core, election, tally, decryptions);
  const expected = shape.map((n, q) => Array.from({ length: n }, (_, c) => voters.reduce((s, v) => s + v.weight * v.selections[q]![c]!, 0)));
  const file = buildFile(election, opts.rollCount ?? voters.length, box, sealed, tallyToJson(core, tally), decryptions, result);
  return { election, secrets, file, expected };
}
