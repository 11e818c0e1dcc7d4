// The self-contained verification file and its full re-check (docs/ballot-protocol.md §12). The
// standalone verifier (main/verify-ballot) is a thin command around verifyFile(); the core uses
// buildFile() for "Export for verification".
import type { Group } from './group';
import { alphasOf, ballotProblem, prepare, trackerOf, type BallotJson, type CiphertextJson } from './ballot';
import {
  electionPublicKey,
  fingerprintOf,
  isThreshold,
  setupHashOf,
  setupProblem,
  trusteeProblem,
  type ElectionPublic,
  type ElectionSetup,
  type TrusteePublic,
} from './election';
import { toHex } from './encoding';
import { shapeProblem, verificationFileSchema } from './schema';
import { boxHashOf, combine, decryptionProblem, tallyToJson, weightedTally, type DecryptionJson } from './tally';

export const FILE_FORMAT = 'mutual-governance/ballot-verification';
export const FILE_VERSION = 1;

export interface VerificationFile {
  format: typeof FILE_FORMAT;
  version: number;
  election: ElectionSetup;
  trustees: TrusteePublic[];
  publicKey: string;
  rollHash: string;
  totalWeight: number;
  fingerprint: string;
  counts: { roll: number; votedElectronically: number };
  /** Sorted by tracker (§10). */
  ballots: { tracker: string; weight: number; ballot: BallotJson }[];
  sealedBoxHash: string;
  tally: CiphertextJson[][];
  decryptions: DecryptionJson[];
  result: number[][];
}

export function buildFile(
  election: ElectionPublic,
  rollCount: number,
  ballots: { tracker: string; weight: number; ballot: BallotJson }[],
  sealedBoxHash: string,
  tally: CiphertextJson[][],
  decryptions: DecryptionJson[],
  result: number[][],
): VerificationFile {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    election: election.setup,
    trustees: election.trustees,
    publicKey: election.publicKey,
    rollHash: election.rollHash,
    totalWeight: election.totalWeight,
    fingerprint: election.fingerprint,
    counts: { roll: rollCount, votedElectronically: ballots.length },
    ballots,
    sealedBoxHash,
    tally,
    decryptions,
    result,
  };
}

/**
 * `stage` says where the first problem was found (§12 order); `ballot` is the 0-based place of the
 * ballot for problems found in the ballot list, so a caller checking proofs elsewhere can keep the order.
 */
export type Verdict =
  | { ok: true; result: number[][]; ballots: number }
  | { ok: false; problem: string; stage: 'election' | 'ballots' | 'after-ballots'; ballot?: number };

export interface VerifyOptions {
  /** Called after each ballot's proofs are checked (progress for a long file). */
  onBallot?: (done: number, total: number) => void;
  /** Skip per-ballot proofs (when a caller checked them already, e.g. in worker threads). */
  skipBallotProofs?: boolean;
}

let stage: 'election' | 'ballots' | 'after-ballots' = 'election';
let current: number | undefined;
const fail = (problem: string): Verdict => ({ ok: false, problem, stage, ...(current !== undefined ? { ballot: current } : {}) });

/**
 * Recomputes everything in the file, in the order of §12, and names the first thing that does not
 * match. Reordering, removing, adding or changing a ballot is caught: by the order check, the
 * trackers, the box hash, the tally the decryption proofs were made on, or the result.
 */
export function verifyFile<P>(G: Group<P>, file: VerificationFile, opts: VerifyOptions = {}): Verdict {
  stage = 'election';
  current = undefined;
  if (file?.format !== FILE_FORMAT) return fail(`This is not a ballot verification file (format ${String(file?.format)}).`);
  if (file.version !== FILE_VERSION) return fail(`This verifier reads version ${FILE_VERSION} files; this file is version ${String(file.version)}.`);
  const shape = shapeProblem(verificationFileSchema, file);
  if (shape) return fail(`The file is not in the verification format (${shape}).`);
  const setup = file.election;
  const sp = setupProblem(setup) ?? trusteeProblem(G, setup, file.trustees);
  if (sp) return fail(`Trustees: ${sp}`);
  const publicKey = toHex(G.encode(electionPublicKey(G, file.trustees)));
  if (publicKey !== file.publicKey) return fail('The election public key is not the combination of the trustees’ keys.');
  const election: ElectionPublic = {
    setup,
    setupHash: setupHashOf(setup),
    trustees: file.trustees,
    publicKey,
    rollHash: file.rollHash,
    totalWeight: file.totalWeight,
    fingerprint: '',
  };
  election.fingerprint = fingerprintOf(election);
  if (election.fingerprint !== file.fingerprint) return fail(`The election fingerprint does not match: the file says ${file.fingerprint}, recomputed ${election.fingerprint}.`);

  const p = prepare(G, election);
  const seenAlpha = new Set<string>();
  if (!Array.isArray(file.ballots)) return fail('The file has no list of ballots.');
  stage = 'ballots';
  for (const [i, entry] of file.ballots.entries()) {
    current = i;
    const at = `Ballot ${i + 1} (tracker ${String(entry?.tracker)})`;
    let tracker: string;
    try {
      tracker = trackerOf(entry.ballot);
    } catch {
      return fail(`${at}: the ballot is not in the ballot format (a field is missing or of the wrong kind).`);
    }
    if (tracker !== entry.tracker) return fail(`${at}: its tracker does not match its contents (recomputed ${tracker}); the ballot was changed.`);
    if (i > 0 && !(file.ballots[i - 1]!.tracker < entry.tracker)) {
      return fail(`${at}: the ballots are not in tracker order (or a tracker appears twice); a ballot was moved, added or duplicated.`);
    }
    if (!Number.isSafeInteger(entry.weight) || entry.weight < 1) return fail(`${at}: its weight ${String(entry.weight)} is not a positive whole number.`);
    if (!opts.skipBallotProofs) {
      const problem = ballotProblem(p, entry.ballot);
      if (problem) return fail(`${at}: ${problem}`);
    } else if (entry.ballot?.fingerprint !== election.fingerprint) {
      return fail(`${at}: The ballot was made for another election (its fingerprint differs).`);
    }
    if (opts.skipBallotProofs && ballotShapeProblem(entry.ballot, setup)) return fail(`${at}: ${ballotShapeProblem(entry.ballot, setup)}`);
    for (const a of alphasOf(entry.ballot)) {
      if (seenAlpha.has(a)) return fail(`${at}: it repeats a ciphertext of an earlier ballot (a copied ballot, §6).`);
      seenAlpha.add(a);
    }
    opts.onBallot?.(i + 1, file.ballots.length);
  }
  stage = 'after-ballots';
  current = undefined;
  if (file.counts?.votedElectronically !== file.ballots.length) {
    return fail(`The file counts ${String(file.counts?.votedElectronically)} electronic votes but holds ${file.ballots.length} ballots; a ballot was added or removed.`);
  }
  if (file.counts.roll < file.ballots.length) return fail(`More ballots (${file.ballots.length}) than voters on the roll (${file.counts.roll}).`);
  const weightSum = file.ballots.reduce((n, b) => n + b.weight, 0);
  if (weightSum > file.totalWeight) return fail(`The ballots carry ${weightSum} votes, more than the roll's ${file.totalWeight}.`);
  const boxHash = boxHashOf(election.fingerprint, file.ballots);
  if (boxHash !== file.sealedBoxHash) return fail(`The sealed box hash does not match the ballots: the file says ${file.sealedBoxHash}, recomputed ${boxHash}; a ballot was added, removed, changed or reweighted.`);

  const choiceCounts = setup.questions.map((q) => q.choices.length);
  let tally: ReturnType<typeof weightedTally<P>>;
  try {
    tally = weightedTally(G, choiceCounts, file.ballots);
  } catch (e) {
    return fail(`The ballots cannot be summed: ${(e as Error).message}.`);
  }
  const tallyJson = tallyToJson(G, tally);
  for (const [q, qs] of tallyJson.entries()) {
    for (const [c, t] of qs.entries()) {
      const f = file.tally?.[q]?.[c];
      if (f?.alpha !== t.alpha || f?.beta !== t.beta) return fail(`The encrypted tally of question ${q + 1}, choice ${c + 1} is not the weighted sum of the ballots.`);
    }
  }
  if (!Array.isArray(file.decryptions)) return fail('The file has no partial decryptions.');
  for (const d of file.decryptions) {
    const problem = decryptionProblem(G, election, boxHash, tally, d);
    if (problem) return fail(problem);
  }
  const need = isThreshold(setup) ? setup.trustees.threshold : setup.trustees.count;
  const distinct = new Set(file.decryptions.map((d) => d.trustee));
  if (distinct.size < need) return fail(`${need} trustees must decrypt; the file has partial decryptions from ${distinct.size}.`);
  let result: number[][];
  try {
    result = combine(G, election, tally, file.decryptions);
  } catch (e) {
    return fail((e as Error).message);
  }
  for (const [q, qs] of result.entries()) {
    for (const [c, m] of qs.entries()) {
      const stated = file.result?.[q]?.[c];
      if (stated !== m) {
        return fail(`The result for question ${q + 1} (${setup.questions[q]!.text}), choice ${c + 1} (${setup.questions[q]!.choices[c]!.label}) is stated as ${String(stated)} but decrypts to ${m}.`);
      }
    }
  }
  return { ok: true, result, ballots: file.ballots.length };
}

/** The shape a ballot must have for the tally (when its proofs are checked elsewhere, e.g. in workers). */
function ballotShapeProblem(b: BallotJson, setup: ElectionSetup): string | null {
  if (b.answers.length !== setup.questions.length) return `The ballot must answer ${setup.questions.length} questions.`;
  for (const [q, question] of setup.questions.entries()) {
    if (b.answers[q]!.choices.length !== question.choices.length) return `Question ${q + 1}: expected ${question.choices.length} encrypted choices.`;
  }
  return null;
}
