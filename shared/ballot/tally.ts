// The box, the weighted homomorphic tally, partial decryptions and the result
// (docs/ballot-protocol.md §7, §8, §9, §10).
import type { Group } from './group';
import { fromHex32, lengthPrefixed, toHex, u64 } from './encoding';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { proveDecryption, verifyDecryption, type ProofJson } from './proofs';
import { isThreshold, lagrangeAtZero, verificationKey, type ElectionPublic } from './election';
import type { BallotJson, CiphertextJson } from './ballot';

/** One entry of the box: no voter, no time, no sequence (§10). */
export interface BoxEntry {
  tracker: string;
  /** Votes this ballot carries (per member or per share, from the frozen roll), applied by the core (§8). */
  weight: number;
  ballot: BallotJson;
}

/** The box in its one order: by tracker (§10). */
export function sortBox<T extends { tracker: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.tracker < b.tracker ? -1 : a.tracker > b.tracker ? 1 : 0));
}

/** The sealed box hash over the sorted entries (§10). */
export function boxHashOf(fingerprint: string, entries: readonly { tracker: string; weight: number }[]): string {
  const parts: (Uint8Array | string)[] = ['mutual-governance/ballot/v1/box', fingerprint, u64(entries.length)];
  for (const e of entries) parts.push(e.tracker, u64(e.weight));
  return bytesToHex(sha256(lengthPrefixed(parts)));
}

export interface Ciphertext<P> {
  A: P;
  B: P;
}

/**
 * T_{q,c} = Σ weight_b · E_{b,q,c}, computed as Σ_w w·(Σ_{weight_b = w} E_{b,q,c}): additions per
 * ballot, one multiplication per distinct weight (§8). `shape` is the number of choices per question.
 */
export function weightedTally<P>(G: Group<P>, shape: number[], entries: readonly { weight: number; ballot: BallotJson }[]): Ciphertext<P>[][] {
  const byWeight = new Map<number, Ciphertext<P>[][]>();
  for (const e of entries) {
    if (!Number.isSafeInteger(e.weight) || e.weight < 1) throw new Error(`A ballot's weight must be a positive whole number, not ${e.weight}.`);
    let acc = byWeight.get(e.weight);
    if (!acc) {
      acc = shape.map((n) => Array.from({ length: n }, () => ({ A: G.identity, B: G.identity })));
      byWeight.set(e.weight, acc);
    }
    for (const [q, n] of shape.entries()) {
      for (let c = 0; c < n; c++) {
        const ct = e.ballot.answers[q]!.choices[c]!;
        const t = acc[q]![c]!;
        t.A = G.add(t.A, G.decodeOperand(fromHex32(ct.alpha, 'alpha')));
        t.B = G.add(t.B, G.decodeOperand(fromHex32(ct.beta, 'beta')));
      }
    }
  }
  const total = shape.map((n) => Array.from({ length: n }, () => ({ A: G.identity, B: G.identity })));
  for (const [w, acc] of byWeight) {
    for (const [q, n] of shape.entries()) {
      for (let c = 0; c < n; c++) {
        const t = total[q]![c]!;
        t.A = G.add(t.A, G.mul(acc[q]![c]!.A, BigInt(w)));
        t.B = G.add(t.B, G.mul(acc[q]![c]!.B, BigInt(w)));
      }
    }
  }
  return total;
}

/** The sum of tallies of disjoint parts of the box (the tally split over worker threads, §8). */
export function addTallies<P>(G: Group<P>, parts: Ciphertext<P>[][][]): Ciphertext<P>[][] {
  const [first, ...rest] = parts;
  if (!first) throw new Error('No tallies to add.');
  return first.map((qs, q) => qs.map((t, c) => rest.reduce((acc, part) => ({ A: G.add(acc.A, part[q]![c]!.A), B: G.add(acc.B, part[q]![c]!.B) }), t)));
}

export function tallyToJson<P>(G: Group<P>, tally: Ciphertext<P>[][]): CiphertextJson[][] {
  return tally.map((q) => q.map((t) => ({ alpha: toHex(G.encode(t.A)), beta: toHex(G.encode(t.B)) })));
}

export function tallyFromJson<P>(G: Group<P>, tally: CiphertextJson[][]): Ciphertext<P>[][] {
  return tally.map((q) => q.map((t) => ({ A: G.decode(fromHex32(t.alpha, 'tally alpha')), B: G.decode(fromHex32(t.beta, 'tally beta')) })));
}

export interface DecryptionFactorJson {
  d: string;
  proof: ProofJson;
}

/** Trustee j's partial decryption of the whole tally, with a proof per ciphertext (§7). */
export interface DecryptionJson {
  trustee: number;
  factors: DecryptionFactorJson[][];
}

export function partialDecrypt<P>(G: Group<P>, election: ElectionPublic, boxHash: string, trustee: number, x: bigint, tally: Ciphertext<P>[][]): DecryptionJson {
  const X = verificationKey(G, election.setup, election.trustees, trustee);
  if (!G.eq(G.mulBase(x), X)) throw new Error(`This key share does not belong to trustee ${trustee}.`);
  const factors = tally.map((qs, q) =>
    qs.map((t, c) => {
      const D = G.mul(t.A, x);
      const proof = proveDecryption(G, { fingerprint: election.fingerprint, boxHash, trustee, question: q, choice: c, X, A: t.A, B: t.B, D }, x);
      return { d: toHex(G.encode(D)), proof };
    }),
  );
  return { trustee, factors };
}

/** Returns a message naming the first factor that does not verify, or null. */
export function decryptionProblem<P>(G: Group<P>, election: ElectionPublic, boxHash: string, tally: Ciphertext<P>[][], dec: DecryptionJson): string | null {
  const j = dec.trustee;
  if (!Number.isInteger(j) || j < 1 || j > election.trustees.length) return `A partial decryption names trustee ${String(j)}, who does not exist.`;
  const name = election.trustees[j - 1]!.name;
  const X = verificationKey(G, election.setup, election.trustees, j);
  if (!Array.isArray(dec.factors) || dec.factors.length !== tally.length) return `Trustee ${j} (${name})'s partial decryption has the wrong number of questions.`;
  for (const [q, qs] of tally.entries()) {
    if (!Array.isArray(dec.factors[q]) || dec.factors[q]!.length !== qs.length) return `Trustee ${j} (${name})'s partial decryption of question ${q + 1} has the wrong number of choices.`;
    for (const [c, t] of qs.entries()) {
      const f = dec.factors[q]![c]!;
      let D: P;
      try {
        D = G.decode(fromHex32(f.d, 'factor'));
      } catch {
        return `Trustee ${j} (${name})'s factor for question ${q + 1}, choice ${c + 1} is not a group element.`;
      }
      if (!verifyDecryption(G, { fingerprint: election.fingerprint, boxHash, trustee: j, question: q, choice: c, X, A: t.A, B: t.B, D }, f.proof)) {
        return `Trustee ${j} (${name})'s proof of correct decryption for question ${q + 1}, choice ${c + 1} does not verify.`;
      }
    }
  }
  return null;
}

/**
 * Combines checked partial decryptions: m·G = B − Σ λⱼ·Dⱼ (§7), then the bounded discrete log (§9).
 * n-of-n needs every trustee; k-of-n any k (extra ones are ignored).
 */
export function combine<P>(G: Group<P>, election: ElectionPublic, tally: Ciphertext<P>[][], decryptions: DecryptionJson[]): number[][] {
  const { count, threshold } = election.setup.trustees;
  const distinct = [...new Map(decryptions.map((d) => [d.trustee, d])).values()].sort((a, b) => a.trustee - b.trustee);
  const need = isThreshold(election.setup) ? threshold : count;
  if (distinct.length < need) throw new Error(`${need} trustees must decrypt; ${distinct.length} did.`);
  const used = distinct.slice(0, need);
  const indices = used.map((d) => d.trustee);
  const lambdas = used.map((d) => (isThreshold(election.setup) ? lagrangeAtZero(indices, d.trustee) : 1n));
  const table = new DlogTable(G, election.totalWeight);
  return tally.map((qs, q) =>
    qs.map((t, c) => {
      let yA = G.identity;
      used.forEach((d, i) => {
        yA = G.add(yA, G.mul(G.decode(fromHex32(d.factors[q]![c]!.d, 'factor')), lambdas[i]!));
      });
      const m = table.find(G.sub(t.B, yA));
      if (m === null) throw new Error(`Question ${q + 1}, choice ${c + 1}: the decrypted sum is not within the roll's ${election.totalWeight} votes.`);
      return m;
    }),
  );
}

/** Baby-step giant-step for m·G with 0 ≤ m ≤ bound (§9). */
export class DlogTable<P> {
  private readonly baby = new Map<string, number>();
  private readonly step: number;
  private readonly giant: P;

  constructor(
    private readonly G: Group<P>,
    private readonly bound: number,
  ) {
    this.step = Math.ceil(Math.sqrt(bound + 1));
    const g = G.mulBase(1n);
    let p = G.identity;
    for (let j = 0; j < this.step; j++) {
      this.baby.set(toHex(G.encode(p)), j);
      p = G.add(p, g);
    }
    this.giant = G.mulBase(BigInt(this.step));
  }

  find(M: P): number | null {
    let cur = M;
    for (let i = 0; i <= this.step; i++) {
      const j = this.baby.get(toHex(this.G.encode(cur)));
      if (j !== undefined) {
        const m = i * this.step + j;
        return m <= this.bound ? m : null;
      }
      cur = this.G.sub(cur, this.giant);
    }
    return null;
  }
}

