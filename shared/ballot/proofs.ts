// The zero-knowledge proofs (docs/ballot-protocol.md §5, §6, §7). Each challenge hashes the whole
// statement (election, key, ciphertexts, indexes, then commitments) so a proof cannot be moved to
// another ciphertext or election: the "weak Fiat-Shamir" flaw of [BPW12] that broke Helios, whose
// disjunctive challenge hashed the commitments alone.
import { Fn, randomNonZeroScalar, randomScalar, scalarFromBytes, scalarToBytes, type Group } from './group';
import { fromHex32, hashToScalar, toHex, u32, type Part } from './encoding';

/** One (challenge, response) pair, as hex (§1). */
export interface ProofJson {
  c: string;
  s: string;
}

export function proofToJson(c: bigint, s: bigint): ProofJson {
  return { c: toHex(scalarToBytes(c)), s: toHex(scalarToBytes(s)) };
}

export function proofFromJson(p: unknown, what: string): { c: bigint; s: bigint } {
  if (typeof p !== 'object' || p === null) throw new Error(`${what} is missing`);
  const { c, s } = p as Record<string, unknown>;
  return { c: scalarFromBytes(fromHex32(c, `${what}.c`)), s: scalarFromBytes(fromHex32(s, `${what}.s`)) };
}

// ---- §5 Schnorr proof of knowledge of a trustee's secret ------------------------------------------

export function provePok<P>(G: Group<P>, setupHash: string, index: number, x: bigint, X: P): ProofJson {
  const w = randomNonZeroScalar();
  const A = G.mulBase(w);
  const c = hashToScalar('trustee-pok', [setupHash, u32(index), G.encode(X), G.encode(A)]);
  return proofToJson(c, Fn.add(w, Fn.mul(c, x)));
}

export function verifyPok<P>(G: Group<P>, setupHash: string, index: number, X: P, proof: unknown): boolean {
  try {
    const { c, s } = proofFromJson(proof, 'proof');
    const A = G.sub(G.mulBase(s), G.mul(X, c));
    return hashToScalar('trustee-pok', [setupHash, u32(index), G.encode(X), G.encode(A)]) === c;
  } catch {
    return false;
  }
}

/** j·G for the small j of interval proofs, made once per backend (a base multiplication each time was ~4% of a check). */
const smallMultiples = new WeakMap<object, unknown[]>();
export function smallMultiple<P>(G: Group<P>, j: number): P {
  let table = smallMultiples.get(G) as P[] | undefined;
  if (!table) {
    table = [G.identity];
    smallMultiples.set(G, table);
  }
  if (j > 64) return G.mulBase(BigInt(j));
  while (table.length <= j) table.push(G.add(table[table.length - 1]!, G.mulBase(1n)));
  return table[j]!;
}

// ---- §6 Interval proof (disjunctive Chaum-Pedersen, [CDS94]) ----------------------------------------

export interface IntervalStatement<P> {
  /** Domain label: "choice" or "sum". */
  label: string;
  /** Context Q: fingerprint, Y, question index, all the question's ciphertexts (§6). */
  context: readonly Part[];
  index: number;
  alpha: P;
  beta: P;
  /** The canonical encodings of α and β (the caller has them already: decoding or encoding is slow in JS). */
  alphaBytes: Uint8Array;
  betaBytes: Uint8Array;
  lo: number;
  hi: number;
}

function intervalChallenge<P>(G: Group<P>, Y: P, st: IntervalStatement<P>, commitments: P[]): bigint {
  return hashToScalar(st.label, [
    ...st.context,
    u32(st.index),
    st.alphaBytes,
    st.betaBytes,
    u32(st.lo),
    u32(st.hi),
    ...commitments.map((p) => G.encode(p)),
  ]);
}

/** Proves that (α, β) = (r·G, m·G + r·Y) with lo ≤ m ≤ hi. */
export function proveInterval<P>(G: Group<P>, Y: P, st: IntervalStatement<P>, m: number, r: bigint): ProofJson[] {
  if (!Number.isInteger(m) || m < st.lo || m > st.hi) throw new Error(`cannot prove ${m} is within [${st.lo}, ${st.hi}]`);
  const n = st.hi - st.lo + 1;
  const cs: bigint[] = new Array<bigint>(n).fill(0n);
  const ss: bigint[] = new Array<bigint>(n).fill(0n);
  const commitments: P[] = [];
  const w = randomNonZeroScalar();
  for (let i = 0; i < n; i++) {
    const j = st.lo + i;
    if (j === m) {
      commitments.push(G.mulBase(w), G.mul(Y, w));
    } else {
      // A simulated branch: pick the challenge and the response, solve for the commitments.
      cs[i] = randomScalar();
      ss[i] = randomScalar();
      const betaMinus = G.sub(st.beta, smallMultiple(G, j));
      commitments.push(G.sub(G.mulBase(ss[i]!), G.mul(st.alpha, cs[i]!)), G.sub(G.mul(Y, ss[i]!), G.mul(betaMinus, cs[i]!)));
    }
  }
  const c = intervalChallenge(G, Y, st, commitments);
  const real = m - st.lo;
  let rest = 0n;
  for (let i = 0; i < n; i++) if (i !== real) rest = Fn.add(rest, cs[i]!);
  cs[real] = Fn.sub(c, rest);
  ss[real] = Fn.add(w, Fn.mul(cs[real]!, r));
  return cs.map((ci, i) => proofToJson(ci, ss[i]!));
}

export function verifyInterval<P>(G: Group<P>, Y: P, st: IntervalStatement<P>, proof: unknown): boolean {
  try {
    const n = st.hi - st.lo + 1;
    if (!Array.isArray(proof) || proof.length !== n || n < 1) return false;
    const commitments: P[] = [];
    let sum = 0n;
    for (let i = 0; i < n; i++) {
      const { c, s } = proofFromJson(proof[i], `proof[${i}]`);
      const betaMinus = G.sub(st.beta, smallMultiple(G, st.lo + i));
      commitments.push(G.sub(G.mulBase(s), G.mul(st.alpha, c)), G.sub(G.mul(Y, s), G.mul(betaMinus, c)));
      sum = Fn.add(sum, c);
    }
    return intervalChallenge(G, Y, st, commitments) === sum;
  } catch {
    return false;
  }
}

// ---- §7 Chaum-Pedersen proof of a correct partial decryption ----------------------------------------

export interface DecryptionStatement<P> {
  fingerprint: string;
  boxHash: string;
  trustee: number;
  question: number;
  choice: number;
  /** The trustee's verification key Xⱼ. */
  X: P;
  A: P;
  B: P;
  D: P;
}

function decryptionChallenge<P>(G: Group<P>, st: DecryptionStatement<P>, W1: P, W2: P): bigint {
  return hashToScalar('decrypt', [
    st.fingerprint,
    st.boxHash,
    u32(st.trustee),
    u32(st.question),
    u32(st.choice),
    G.encode(st.X),
    G.encode(st.A),
    G.encode(st.B),
    G.encode(st.D),
    G.encode(W1),
    G.encode(W2),
  ]);
}

export function proveDecryption<P>(G: Group<P>, st: DecryptionStatement<P>, x: bigint): ProofJson {
  const w = randomNonZeroScalar();
  const c = decryptionChallenge(G, st, G.mulBase(w), G.mul(st.A, w));
  return proofToJson(c, Fn.add(w, Fn.mul(c, x)));
}

export function verifyDecryption<P>(G: Group<P>, st: DecryptionStatement<P>, proof: unknown): boolean {
  try {
    const { c, s } = proofFromJson(proof, 'proof');
    const W1 = G.sub(G.mulBase(s), G.mul(st.X, c));
    const W2 = G.sub(G.mul(st.A, s), G.mul(st.D, c));
    return decryptionChallenge(G, st, W1, W2) === c;
  } catch {
    return false;
  }
}
