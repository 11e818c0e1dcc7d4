// Casting: encrypting a ballot with its proofs on the voting device, checking it in the core,
// and its tracker (docs/ballot-protocol.md §4, §6, §10).
import { Fn, randomNonZeroScalar, type Group } from './group';
import { canonicalJson, fromHex32, sha256Hex, toHex, u32, type Part } from './encoding';
import { proveInterval, smallMultiple, verifyInterval, type IntervalStatement, type ProofJson } from './proofs';
import { VERSION, type ElectionPublic } from './election';
import { ballotSchema, shapeProblem } from './schema';

export interface CiphertextJson {
  alpha: string;
  beta: string;
}

export interface ChoiceJson extends CiphertextJson {
  /** Interval proof that this choice is 0 or 1 (§6). */
  proof: ProofJson[];
}

export interface AnswerJson {
  choices: ChoiceJson[];
  /** Interval proof that the number of choices is within [min, max] (§6). */
  sumProof: ProofJson[];
}

export interface BallotJson {
  version: number;
  fingerprint: string;
  answers: AnswerJson[];
}

/** Index of the sum proof in its challenge, distinct from every choice index (§6). */
const SUM_INDEX = 0xffffffff;

/** The election as a backend sees it: Y decoded and prepared once for many ballots. */
export interface Prepared<P> {
  G: Group<P>;
  election: ElectionPublic;
  Y: P;
  YBytes: Uint8Array;
}

export function prepare<P>(G: Group<P>, election: ElectionPublic): Prepared<P> {
  const YBytes = fromHex32(election.publicKey, 'publicKey');
  return { G, election, Y: G.prepare(G.decode(YBytes)), YBytes };
}

function questionContext(p: Prepared<unknown>, q: number, cts: Uint8Array[]): Part[] {
  return [p.election.fingerprint, p.YBytes, u32(q), ...cts];
}

/**
 * Encrypts a voter's selections (per question, one 0 or 1 per choice) with fresh randomness and
 * proves each choice is 0 or 1 and the count is within the question's range. Runs on the voting device.
 */
export function encryptBallot<P>(p: Prepared<P>, selections: number[][]): BallotJson {
  const { G, Y, election } = p;
  const questions = election.setup.questions;
  if (selections.length !== questions.length) throw new Error(`Expected answers to ${questions.length} questions, got ${selections.length}.`);
  const answers = questions.map((question, q): AnswerJson => {
    const marks = selections[q]!;
    if (marks.length !== question.choices.length) throw new Error(`Question ${q + 1} has ${question.choices.length} choices, got ${marks.length}.`);
    if (marks.some((m) => m !== 0 && m !== 1)) throw new Error(`Question ${q + 1}: each choice is marked 0 or 1.`);
    const count = marks.reduce((a, b) => a + b, 0);
    if (count < question.min || count > question.max) throw new Error(`Question ${q + 1}: choose between ${question.min} and ${question.max}, ${count} chosen.`);
    const rs = marks.map(() => randomNonZeroScalar());
    const cts = marks.map((m, c) => {
      const alpha = G.mulBase(rs[c]!);
      // m·G from a table, not G.mulBase(m): mulBase(0) returns at once, so its timing would tell 0 from 1.
      const beta = G.add(G.mul(Y, rs[c]!), smallMultiple(G, m));
      return { alpha, beta, alphaBytes: G.encode(alpha), betaBytes: G.encode(beta) };
    });
    const context = questionContext(p, q, cts.flatMap((ct) => [ct.alphaBytes, ct.betaBytes]));
    const choices = cts.map((ct, c): ChoiceJson => {
      const st: IntervalStatement<P> = { label: 'choice', context, index: c, ...ct, lo: 0, hi: 1 };
      return { alpha: toHex(ct.alphaBytes), beta: toHex(ct.betaBytes), proof: proveInterval(G, Y, st, marks[c]!, rs[c]!) };
    });
    const sum = sumCiphertexts(G, cts);
    const sumSt: IntervalStatement<P> = { label: 'sum', context, index: SUM_INDEX, ...sum, lo: question.min, hi: question.max };
    const r = rs.reduce((a, b) => Fn.add(a, b), 0n);
    return { choices, sumProof: proveInterval(G, Y, sumSt, count, r) };
  });
  return { version: VERSION, fingerprint: election.fingerprint, answers };
}

function sumCiphertexts<P>(G: Group<P>, cts: { alpha: P; beta: P }[]) {
  const alpha = cts.reduce((a, ct) => G.add(a, ct.alpha), G.identity);
  const beta = cts.reduce((a, ct) => G.add(a, ct.beta), G.identity);
  return { alpha, beta, alphaBytes: G.encode(alpha), betaBytes: G.encode(beta) };
}

/**
 * Which proofs of a ballot a check covers: all of them, or one of `of` shares (the core checks a
 * ballot's proofs on two threads at once: main/core/ballots/check-pool.ts). Proofs go to the
 * share with the fewest branches so far (a choice's proof has 2, a question's sum proof one per
 * allowed count), in the ballot's order, so every share is the same for a given election.
 */
export interface ProofShare {
  index: number;
  of: number;
}

/** For each proof in order (each question's choices, then its sum), the share that checks it. */
export function proofShares(election: ElectionPublic, of: number): number[] {
  const load = Array.from({ length: of }, () => 0);
  const out: number[] = [];
  const put = (branches: number) => {
    let k = 0;
    for (let i = 1; i < of; i++) if (load[i]! < load[k]!) k = i;
    load[k]! += branches;
    out.push(k);
  };
  for (const q of election.setup.questions) {
    for (let c = 0; c < q.choices.length; c++) put(2);
    put(q.max - q.min + 1);
  }
  return out;
}

/**
 * Checks a ballot against the election: shape, group elements, every proof (§6), or with `share`
 * only that share's proofs (the shape and elements are always checked whole). Returns a message
 * naming the first problem, or null. The core runs it once, when the ballot is cast; the verifier again.
 */
export function ballotProblem<P>(p: Prepared<P>, ballot: unknown, share?: ProofShare): string | null {
  const { G, Y, election } = p;
  const shape = shapeProblem(ballotSchema, ballot);
  if (shape) return `The ballot is not in the ballot format (${shape}).`;
  const b = ballot as BallotJson;
  if (b.version !== VERSION) return `The ballot is version ${String(b.version)}, expected ${VERSION}.`;
  if (b.fingerprint !== election.fingerprint) return 'The ballot was made for another election (its fingerprint differs).';
  const questions = election.setup.questions;
  if (!Array.isArray(b.answers) || b.answers.length !== questions.length) return `The ballot must answer ${questions.length} questions.`;
  const shares = share && share.of > 1 ? proofShares(election, share.of) : null;
  let proof = 0;
  const mine = () => shares === null || shares[proof++] === share!.index;
  for (const [q, question] of questions.entries()) {
    const answer = b.answers[q]!;
    if (!Array.isArray(answer?.choices) || answer.choices.length !== question.choices.length) return `Question ${q + 1}: expected ${question.choices.length} encrypted choices.`;
    let cts: { alpha: P; beta: P; alphaBytes: Uint8Array; betaBytes: Uint8Array }[];
    try {
      cts = answer.choices.map((ch, c) => {
        const alphaBytes = fromHex32(ch.alpha, `question ${q + 1} choice ${c + 1} alpha`);
        const betaBytes = fromHex32(ch.beta, `question ${q + 1} choice ${c + 1} beta`);
        return { alpha: G.decode(alphaBytes), beta: G.decode(betaBytes), alphaBytes, betaBytes };
      });
    } catch (e) {
      return `Question ${q + 1}: a ciphertext is not a group element (${(e as Error).message}).`;
    }
    const context = questionContext(p, q, cts.flatMap((ct) => [ct.alphaBytes, ct.betaBytes]));
    for (const [c, ct] of cts.entries()) {
      if (!mine()) continue;
      if (!verifyInterval(G, Y, { label: 'choice', context, index: c, ...ct, lo: 0, hi: 1 }, answer.choices[c]!.proof)) {
        return `Question ${q + 1}, choice ${c + 1}: the proof that it is 0 or 1 does not verify.`;
      }
    }
    if (!mine()) continue;
    const sum = sumCiphertexts(G, cts);
    if (!verifyInterval(G, Y, { label: 'sum', context, index: SUM_INDEX, ...sum, lo: question.min, hi: question.max }, answer.sumProof)) {
      return `Question ${q + 1}: the proof that between ${question.min} and ${question.max} choices are marked does not verify.`;
    }
  }
  return null;
}

/** The canonical form of a ballot (§10): only the fields the protocol defines, in canonical JSON. */
export function canonicalBallot(b: BallotJson): string {
  return canonicalJson({
    version: b.version,
    fingerprint: b.fingerprint,
    answers: b.answers.map((a) => ({
      choices: a.choices.map((c) => ({ alpha: c.alpha, beta: c.beta, proof: c.proof.map((x) => ({ c: x.c, s: x.s })) })),
      sumProof: a.sumProof.map((x) => ({ c: x.c, s: x.s })),
    })),
  });
}

/** The receipt: SHA-256 of the canonical ballot, lowercase hex (§10). */
export function trackerOf(b: BallotJson): string {
  return sha256Hex(canonicalBallot(b));
}

/** Every α of a ballot, for the duplicate check against ballot copying [CS11] (§6). */
export function alphasOf(b: BallotJson): string[] {
  return b.answers.flatMap((a) => a.choices.map((c) => c.alpha));
}
