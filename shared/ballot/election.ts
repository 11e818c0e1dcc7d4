// The election definition, trustees' keys and the two fingerprints (docs/ballot-protocol.md §3, §5).
import { Fn, randomNonZeroScalar, randomScalar, type Group } from './group';
import { canonicalJson, fromHex32, sha256Hex, toHex } from './encoding';
import { provePok, verifyPok, type ProofJson } from './proofs';

export const VERSION = 1;

export interface Choice {
  id: string;
  label: string;
}

export interface Question {
  id: string;
  kind: 'resolution' | 'election' | 'consultation';
  text: string;
  choices: Choice[];
  /** Fewest and most choices a voter may mark (a resolution: 1 and 1; n seats: 0 and n). */
  min: number;
  max: number;
}

export interface ElectionSetup {
  id: string;
  title: string;
  questions: Question[];
  /** n trustees; threshold k = n means every trustee is needed (n-of-n, §5). */
  trustees: { count: number; threshold: number };
}

/** A trustee's public part: its Feldman commitments (n-of-n: just Xᵢ) and proof of knowledge (§5). */
export interface TrusteePublic {
  index: number;
  name: string;
  commitments: string[];
  proof: ProofJson;
  /** k-of-n only: the key shares are sealed to (§5 "Share transport"). */
  transportKey?: string;
}

/** Everything a ballot is made and checked against (§3). */
export interface ElectionPublic {
  setup: ElectionSetup;
  setupHash: string;
  trustees: TrusteePublic[];
  publicKey: string;
  rollHash: string;
  totalWeight: number;
  fingerprint: string;
}

/** Returns a message naming what is wrong with the setup, or null. */
export function setupProblem(setup: ElectionSetup): string | null {
  const { count, threshold } = setup.trustees;
  if (!Number.isInteger(count) || count < 2) return 'A ballot needs at least two trustees.';
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > count) return `The threshold must be between 1 and ${count}.`;
  if (setup.questions.length === 0) return 'A ballot needs at least one question.';
  for (const [i, q] of setup.questions.entries()) {
    if (q.choices.length === 0) return `Question ${i + 1} has no choices.`;
    if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.min < 0 || q.min > q.max || q.max > q.choices.length) {
      return `Question ${i + 1}: the number of choices allowed must satisfy 0 ≤ min ≤ max ≤ ${q.choices.length}.`;
    }
  }
  return null;
}

export function setupHashOf(setup: ElectionSetup): string {
  return sha256Hex(canonicalJson({ version: VERSION, ...setup }));
}

export function isThreshold(setup: ElectionSetup): boolean {
  return setup.trustees.threshold < setup.trustees.count;
}

/** A trustee's secret: the coefficients of its polynomial (n-of-n: one coefficient, xᵢ). */
export interface TrusteeSecret {
  coefficients: bigint[];
  /** k-of-n only: the secret of the transport key. */
  transportSecret?: bigint;
}

/** A trustee makes its key on the laptop (§5); the secret goes straight into the keystore. */
export function createTrusteeKey<P>(G: Group<P>, setup: ElectionSetup, index: number, name: string): { public: TrusteePublic; secret: TrusteeSecret } {
  const degree = isThreshold(setup) ? setup.trustees.threshold : 1;
  const coefficients = Array.from({ length: degree }, (_, t) => (t === 0 ? randomNonZeroScalar() : randomScalar()));
  const commitments = coefficients.map((a) => G.mulBase(a));
  const proof = provePok(G, setupHashOf(setup), index, coefficients[0]!, commitments[0]!);
  const pub: TrusteePublic = { index, name, commitments: commitments.map((p) => toHex(G.encode(p))), proof };
  if (!isThreshold(setup)) return { public: pub, secret: { coefficients } };
  const transportSecret = randomNonZeroScalar();
  return { public: { ...pub, transportKey: toHex(G.encode(G.mulBase(transportSecret))) }, secret: { coefficients, transportSecret } };
}

/** Returns a message for the first trustee whose public part is wrong (a rogue or forged key), or null. */
export function trusteeProblem<P>(G: Group<P>, setup: ElectionSetup, trustees: TrusteePublic[]): string | null {
  const setupHash = setupHashOf(setup);
  const degree = isThreshold(setup) ? setup.trustees.threshold : 1;
  if (trustees.length !== setup.trustees.count) return `Expected ${setup.trustees.count} trustees, found ${trustees.length}.`;
  for (const [i, t] of trustees.entries()) {
    if (t.index !== i + 1) return `Trustee ${i + 1} has index ${t.index}.`;
    if (!Array.isArray(t.commitments) || t.commitments.length !== degree) return `Trustee ${t.index} (${t.name}) has ${t.commitments?.length} commitments, expected ${degree}.`;
    let first: P;
    try {
      first = G.decode(fromHex32(t.commitments[0], 'commitment'));
      for (const c of t.commitments.slice(1)) G.decode(fromHex32(c, 'commitment'));
    } catch {
      return `Trustee ${t.index} (${t.name}) has a commitment that is not a group element.`;
    }
    if (isThreshold(setup)) {
      try {
        G.decode(fromHex32(t.transportKey, 'transport key'));
      } catch {
        return `Trustee ${t.index} (${t.name}) has no valid transport key for the shares.`;
      }
    }
    if (!verifyPok(G, setupHash, t.index, first, t.proof)) return `Trustee ${t.index} (${t.name})'s proof of knowledge of their key does not verify.`;
  }
  return null;
}

/** Y = Σ Cᵢ₀ (both modes, §5). */
export function electionPublicKey<P>(G: Group<P>, trustees: TrusteePublic[]): P {
  return trustees.reduce((acc, t) => G.add(acc, G.decode(fromHex32(t.commitments[0], 'commitment'))), G.identity);
}

/** fᵢ(j) for j = 1…n: the shares dealer i gives (k-of-n, §5). */
export function dealShares(secret: TrusteeSecret, count: number): bigint[] {
  return Array.from({ length: count }, (_, j) => evalPoly(secret.coefficients, BigInt(j + 1)));
}

function evalPoly(coefficients: bigint[], z: bigint): bigint {
  let acc = 0n;
  for (let t = coefficients.length - 1; t >= 0; t--) acc = Fn.add(Fn.mul(acc, z), coefficients[t]!);
  return acc;
}

/** Σₜ jᵗ·Cₜ: what a share for trustee j from these commitments must multiply G to (Feldman check). */
function commitmentAt<P>(G: Group<P>, commitments: string[], j: number): P {
  let acc = G.identity;
  let power = 1n;
  for (const c of commitments) {
    acc = G.add(acc, G.mul(G.decode(fromHex32(c, 'commitment')), power));
    power = Fn.mul(power, BigInt(j));
  }
  return acc;
}

/** Trustee j checks a share from a dealer against the dealer's published commitments. */
export function shareIsValid<P>(G: Group<P>, dealer: TrusteePublic, j: number, share: bigint): boolean {
  return G.eq(G.mulBase(share), commitmentAt(G, dealer.commitments, j));
}

/** xⱼ = Σᵢ fᵢ(j), after every share was checked (k-of-n). */
export function combineShares(shares: bigint[]): bigint {
  return shares.reduce((a, b) => Fn.add(a, b), 0n);
}

/** Trustee j's verification key Xⱼ, computable by anyone from the published commitments (§5). */
export function verificationKey<P>(G: Group<P>, setup: ElectionSetup, trustees: TrusteePublic[], j: number): P {
  if (!isThreshold(setup)) return G.decode(fromHex32(trustees[j - 1]!.commitments[0], 'commitment'));
  return trustees.reduce((acc, t) => G.add(acc, commitmentAt(G, t.commitments, j)), G.identity);
}

/** λⱼ = Π_{m∈S, m≠j} m / (m − j) mod ℓ (§7). */
export function lagrangeAtZero(indices: number[], j: number): bigint {
  let num = 1n;
  let den = 1n;
  for (const m of indices) {
    if (m === j) continue;
    num = Fn.mul(num, BigInt(m));
    den = Fn.mul(den, Fn.sub(BigInt(m), BigInt(j)));
  }
  return Fn.div(num, den);
}

export function fingerprintOf(e: Omit<ElectionPublic, 'fingerprint'>): string {
  return sha256Hex(
    canonicalJson({
      version: VERSION,
      setupHash: e.setupHash,
      trustees: e.trustees,
      publicKey: e.publicKey,
      rollHash: e.rollHash,
      totalWeight: e.totalWeight,
    }),
  );
}

/** Opens the ballot: checks trustees, combines the key, binds the frozen roll (§3). */
export function openElection<P>(G: Group<P>, setup: ElectionSetup, trustees: TrusteePublic[], rollHash: string, totalWeight: number): ElectionPublic {
  const problem = setupProblem(setup) ?? trusteeProblem(G, setup, trustees);
  if (problem) throw new Error(problem);
  if (!Number.isSafeInteger(totalWeight) || totalWeight < 1) throw new Error('The roll must carry at least one vote.');
  const base = { setup, setupHash: setupHashOf(setup), trustees, publicKey: toHex(G.encode(electionPublicKey(G, trustees))), rollHash, totalWeight };
  return { ...base, fingerprint: fingerprintOf(base) };
}
