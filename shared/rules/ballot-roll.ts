import { canonicalJson, sha256Hex } from '../ballot/encoding';
import { formatCount, percentText } from './ballot-result';

/**
 * The voter roll's weights (issue 8, "Who votes, and with how many votes").
 *
 * Each voter brings the votes their class gives them (one a member or one a share: CA 2006 s284
 * for companies, the registered rules for societies), computed by the caller. Where the rules cap
 * a class's share of the total votes, the class's votes are scaled so that it holds exactly its
 * cap. Such caps are how the rules of a co-operative keep its non-user members from controlling
 * it: the FCA registers a co-operative with non-user investor members only if their voting rights
 * are restricted and ultimate control stays with the other members (FCA registration guidance,
 * quoted in the Co-operatives UK Community Shares Handbook §2.2.3), and the Co-operatives UK
 * Multi-stakeholder Co-operative Model Rules let a society weight voting by member category; the
 * Handbook's example (§2.2.7.3, Signalise) limits non-user investor members to 10% of the votes.
 * The percentage and the classes come from the society's own rules, so the caller names the rule.
 *
 * Exactness. The ballot weights are whole numbers (docs/ballot-protocol.md §8), so a cap is met
 * by whole-number factors, not by rounding: with employees holding E votes and supporters S,
 * capped at 10%, each employee vote counts 9·S and each supporter vote E, so the supporters hold
 * S·E of 10·S·E, exactly 10%; then every weight is divided by their greatest common divisor. In
 * general, with the binding caps b_k (basis points) of classes with V_k votes and F the votes of
 * every other class: free classes ×(10,000 − Σb)·L and capped class k ×b_k·F·L / V_k, where L is
 * the lcm of the V_k. A capped class already under its cap is left as it is (it joins the free
 * classes). Without a binding cap the weights are the members' votes unchanged.
 *
 * The total weight bounds the discrete-log search that decrypts each total (protocol §9: about
 * 2·√N group operations and a table of √N entries), so a roll heavier than 2^40 is refused.
 */
export const MAX_TOTAL_WEIGHT = 2 ** 40;
export const DEFAULT_CAP_SOURCE = 'your registered rules (a cap on a class’s share of the votes, as the Co-operatives UK Multi-stakeholder Co-operative Model Rules allow for non-user members)';

export interface RollVoter {
  memberId: string;
  classId: string;
  /** The member's votes from their class (per member or per share), computed by the caller. */
  votes: number;
}

export interface ClassCap {
  classId: string;
  /** The class's share of the total votes is limited to this many per cent (two decimal places at most). */
  capPct: number;
  /** The rule that sets it, e.g. "rule 14(b) of your registered rules". */
  source?: string;
}

export interface RollWeightsInput {
  voters: readonly RollVoter[];
  caps?: readonly ClassCap[];
  /** Names for the words: { supporter: 'Supporter members' }. */
  classNames?: Readonly<Record<string, string>>;
}

export interface WeightedVoter {
  memberId: string;
  classId: string;
  votes: number;
  /** The weight the member's ballot carries (0 for a member with no votes, who cannot cast one). */
  weight: number;
}

export interface ClassWeight {
  classId: string;
  name: string;
  voters: number;
  rawVotes: number;
  weight: number;
  /** The class's share of the total weight, for display ("10.0%"). */
  sharePct: string;
  capPct: number | null;
  /** The cap binds: the class's votes were scaled down to exactly its cap. */
  capped: boolean;
}

export type RollWeights =
  | { ok: true; voters: WeightedVoter[]; totalWeight: number; classes: ClassWeight[]; explanation: string[] }
  | { ok: false; problem: string };

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * Whole-number weights for the roll such that each capped class holds exactly its cap where the
 * cap binds, or a problem in words where the roll cannot be weighted.
 *
 * @example
 * rollWeights({ voters: [...1000 employees with 1 vote, 500 supporters with 1 vote],
 *   caps: [{ classId: 'supporter', capPct: 10 }] })
 * // employees weigh 9 each (9,000), supporters 2 each (1,000): exactly 10% of 10,000
 */
export function rollWeights(input: RollWeightsInput): RollWeights {
  const caps = input.caps ?? [];
  const nameOf = (id: string) => input.classNames?.[id] ?? `Class ${id}`;

  // Parse: every number whole, every id once, the caps leaving room for the other members.
  const capOf = new Map<string, ClassCap & { bp: number }>();
  let capSumBp = 0;
  for (const c of caps) {
    const bp = Math.round(c.capPct * 100);
    if (!(Number.isFinite(c.capPct) && c.capPct > 0 && c.capPct < 100 && Math.abs(c.capPct * 100 - bp) < 1e-9)) {
      return { ok: false, problem: `${nameOf(c.classId)}: a cap is a percentage above 0 and below 100, to two decimal places at most; ${c.capPct} given.` };
    }
    if (capOf.has(c.classId)) return { ok: false, problem: `${nameOf(c.classId)} has two caps; the rules give a class one.` };
    capOf.set(c.classId, { ...c, bp });
    capSumBp += bp;
  }
  if (capSumBp >= 10000) {
    return { ok: false, problem: `The caps add up to ${capSumBp / 100}% of the votes; they must leave some of the votes to the members whose votes are not capped, so together they must be below 100%.` };
  }
  const seen = new Set<string>();
  const raw = new Map<string, { voters: number; votes: bigint }>();
  for (const v of input.voters) {
    if (seen.has(v.memberId)) return { ok: false, problem: `Member ${v.memberId} is on the roll twice; a member is on it once.` };
    seen.add(v.memberId);
    if (!(Number.isSafeInteger(v.votes) && v.votes >= 0)) return { ok: false, problem: `Member ${v.memberId}'s votes must be a whole number, 0 or more; ${v.votes} given.` };
    const r = raw.get(v.classId) ?? { voters: 0, votes: 0n };
    r.voters += 1;
    r.votes += BigInt(v.votes);
    raw.set(v.classId, r);
  }
  const rawTotal = [...raw.values()].reduce((n, r) => n + r.votes, 0n);
  if (rawTotal === 0n) {
    return { ok: true, voters: input.voters.map((v) => ({ ...v, weight: 0 })), totalWeight: 0, classes: classRows(raw, new Map(), 0n, capOf, new Set(), nameOf), explanation: ['No one on the roll holds a vote.'] };
  }

  // Which caps bind. Capping a class raises the others' shares, so repeat until nothing changes.
  const binding = new Set<string>();
  for (;;) {
    const freeVotes = [...raw.entries()].filter(([id]) => !binding.has(id)).reduce((n, [, r]) => n + r.votes, 0n);
    const freeBp = 10000n - [...binding].reduce((n, id) => n + BigInt(capOf.get(id)!.bp), 0n);
    let added = false;
    for (const [id, r] of raw) {
      const cap = capOf.get(id);
      if (!cap || binding.has(id) || r.votes === 0n) continue;
      // share = V / F × freeBp / 10,000 > bp / 10,000  ⇔  V × freeBp > bp × F
      if (r.votes * freeBp > BigInt(cap.bp) * freeVotes) {
        binding.add(id);
        added = true;
      }
    }
    if (!added) break;
  }

  const factor = new Map<string, bigint>();
  let reduce = 1n;
  if (binding.size) {
    const freeVotes = [...raw.entries()].filter(([id]) => !binding.has(id)).reduce((n, [, r]) => n + r.votes, 0n);
    if (freeVotes === 0n) {
      const names = [...binding].map(nameOf).join(', ');
      return {
        ok: false,
        problem: `Only members of capped classes hold votes (${names}); a cap limits a class to a share of all the votes, so it cannot be met when no other member holds a vote. Check the roll's record date and the rules.`,
      };
    }
    const bindingBp = [...binding].reduce((n, id) => n + BigInt(capOf.get(id)!.bp), 0n);
    let L = 1n;
    for (const id of binding) {
      const V = raw.get(id)!.votes;
      L = (L / gcd(L, V)) * V;
    }
    for (const id of raw.keys()) {
      factor.set(id, binding.has(id) ? (BigInt(capOf.get(id)!.bp) * freeVotes * L) / raw.get(id)!.votes : (10000n - bindingBp) * L);
    }
    let g = 0n;
    for (const v of input.voters) g = gcd(g, BigInt(v.votes) * factor.get(v.classId)!);
    reduce = g || 1n;
  } else {
    for (const id of raw.keys()) factor.set(id, 1n);
  }

  const weights = input.voters.map((v) => (BigInt(v.votes) * factor.get(v.classId)!) / reduce);
  const total = weights.reduce((n, w) => n + w, 0n);
  if (total > BigInt(MAX_TOTAL_WEIGHT)) {
    return {
      ok: false,
      problem: `The roll's weighted votes would total ${formatCount(total)}, more than ${formatCount(MAX_TOTAL_WEIGHT)} (2^40). The encrypted totals are decrypted by a search sized to the roll's total (ballot protocol §9), which beyond that is too large to finish. Check the votes per share, and whether a cap with fewer decimal places would do: exact caps need large weights when the classes' vote totals share no common factor.`,
    };
  }
  const classWeight = new Map<string, bigint>();
  input.voters.forEach((v, i) => classWeight.set(v.classId, (classWeight.get(v.classId) ?? 0n) + weights[i]!));
  const classes = classRows(raw, classWeight, total, capOf, binding, nameOf);

  // The words: each capped class against its cap, then the weighted roll if any cap binds.
  const explanation: string[] = [];
  for (const c of classes) {
    const cap = capOf.get(c.classId);
    if (!cap) continue;
    const rawShare = `${formatCount(c.rawVotes)} of ${formatCount(rawTotal)} votes (${percentText(c.rawVotes, rawTotal)})`;
    const source = cap.source ?? DEFAULT_CAP_SOURCE;
    explanation.push(
      c.capped
        ? `${c.name} hold ${rawShare}, more than their ${cap.capPct}% cap, so their votes are weighted to exactly ${cap.capPct}% of the votes (${source}).`
        : `${c.name} hold ${rawShare}, within their ${cap.capPct}% cap (${source}).`,
    );
  }
  if (binding.size) {
    const rows = classes.map((c) => `${c.name} ${formatCount(c.weight)} (${c.sharePct})`);
    explanation.push(`Weighted votes on the roll: ${rows.join(', ')}, ${formatCount(total)} in all. Each ballot carries its member's weighted votes, and the result counts them; the proportions between the classes are exact.`);
  } else {
    explanation.push(`${caps.length ? 'No cap binds, so each' : 'Each'} member's votes count as they are: ${formatCount(total)} in all.`);
  }
  return { ok: true, voters: input.voters.map((v, i) => ({ ...v, weight: Number(weights[i]!) })), totalWeight: Number(total), classes, explanation };
}

function classRows(
  raw: Map<string, { voters: number; votes: bigint }>,
  weight: Map<string, bigint>,
  total: bigint,
  capOf: Map<string, ClassCap & { bp: number }>,
  binding: Set<string>,
  nameOf: (id: string) => string,
): ClassWeight[] {
  return [...raw.entries()].map(([classId, r]) => {
    const w = weight.get(classId) ?? 0n;
    return {
      classId,
      name: nameOf(classId),
      voters: r.voters,
      rawVotes: Number(r.votes),
      weight: Number(w),
      sharePct: percentText(w, total),
      capPct: capOf.get(classId)?.capPct ?? null,
      capped: binding.has(classId),
    };
  });
}

export interface RollEntry {
  memberId: string;
  memberNumber: number | string;
  name: string;
  classId: string;
  weight: number;
}

/**
 * The hash of the frozen roll, recorded when the ballot opens and bound into its fingerprint
 * (protocol §3): lowercase hex SHA-256 of the canonical JSON (§12) of its entries, sorted by
 * member id, each { classId, memberId, memberNumber, name, weight }. The same roll always gives
 * the same hash, whatever order the entries come in.
 */
export function rollHash(entries: readonly RollEntry[]): string {
  const sorted = entries
    .map((e) => ({ memberId: e.memberId, memberNumber: e.memberNumber, name: e.name, classId: e.classId, weight: e.weight }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  sorted.forEach((e, i) => {
    if (i > 0 && e.memberId === sorted[i - 1]!.memberId) throw new RangeError(`Member ${e.memberId} is on the roll twice.`);
  });
  for (const e of sorted) {
    if (!(Number.isSafeInteger(e.weight) && e.weight >= 0)) throw new RangeError(`Member ${e.memberId}'s weight must be a whole number; ${e.weight} given.`);
  }
  return sha256Hex(canonicalJson(sorted));
}
