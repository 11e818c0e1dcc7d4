// End to end: a small election through shared/ballot, exported, verified by the standalone verifier,
// then each kind of tampering caught with a specific message (issue 8 "Anyone can check").
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  boxHashOf,
  encryptBallot,
  nobleGroup,
  prepare,
  simulate,
  sortBox,
  tallyToJson,
  trackerOf,
  weightedTally,
  type ElectionSetup,
  type VerificationFile,
} from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';
import { main, verifyParsed } from './run';

const setup = (count: number, threshold: number): ElectionSetup => ({
  id: 'agm-2026',
  title: 'AGM 2026',
  questions: [
    { id: 'r1', kind: 'resolution', text: 'Special resolution 1', choices: ['For', 'Against', 'Abstain'].map((label, i) => ({ id: `r${i}`, label })), min: 1, max: 1 },
    { id: 'e1', kind: 'election', text: 'Board election (2 seats)', choices: ['Ann', 'Bob', 'Cat'].map((label, i) => ({ id: `e${i}`, label })), min: 0, max: 2 },
  ],
  trustees: { count, threshold },
});

const voters = [
  { selections: [[1, 0, 0], [1, 1, 0]], weight: 1 },
  { selections: [[1, 0, 0], [0, 1, 0]], weight: 3 },
  { selections: [[0, 1, 0], [0, 0, 1]], weight: 1 },
  { selections: [[0, 0, 1], [1, 0, 1]], weight: 2 },
  { selections: [[1, 0, 0], [0, 0, 0]], weight: 1 },
];

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

async function election(count = 2, threshold = count) {
  const S = await sodiumGroup();
  return simulate(nobleGroup, S, setup(count, threshold), voters, { rollCount: 7, totalWeight: 10 });
}

/** Re-seals a tampered file the way a careful attacker would: trackers, order, box hash, counts, tally. */
async function reseal(file: VerificationFile, upTo: 'trackers' | 'box' | 'tally'): Promise<VerificationFile> {
  const S = await sodiumGroup();
  const f = copy(file);
  f.ballots = sortBox(f.ballots.map((b) => ({ ...b, tracker: trackerOf(b.ballot) })));
  if (upTo === 'trackers') return f;
  f.counts.votedElectronically = f.ballots.length;
  f.sealedBoxHash = boxHashOf(f.fingerprint, f.ballots);
  if (upTo === 'box') return f;
  f.tally = tallyToJson(S, weightedTally(S, f.election.questions.map((q) => q.choices.length), f.ballots));
  return f;
}

describe('standalone verifier', () => {
  it('verifies an honest n-of-n election and prints the weighted result', async () => {
    const sim = await election();
    expect(sim.file.result).toEqual([[5, 1, 2], [3, 4, 3]]);
    const out = await verifyParsed(sim.file);
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatch(/^verified: 5 ballots/);
    expect(out.lines).toContain('  For: 5');
    expect(out.lines).toContain('  Bob: 4');
    // The file is plain JSON: what is written is what is verified.
    expect((await verifyParsed(JSON.parse(JSON.stringify(sim.file)))).code).toBe(0);
  });

  it('verifies a 2-of-3 election decrypted by trustees 1 and 3', async () => {
    const S = await sodiumGroup();
    const sim = simulate(nobleGroup, S, setup(3, 2), voters, { decryptingTrustees: [1, 3], totalWeight: 10, rollCount: 7 });
    expect((await verifyParsed(sim.file)).code).toBe(0);
    const one = copy(sim.file);
    one.decryptions = one.decryptions.slice(0, 1);
    expect((await verifyParsed(one)).lines[0]).toMatch(/2 trustees must decrypt; the file has partial decryptions from 1/);
  });

  it('checks the ballot proofs on worker threads with the same verdicts', async () => {
    const sim = await election();
    const out = await verifyParsed(sim.file, { threads: 2 });
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatch(/^verified: 5 ballots/);
    const bad = copy(sim.file);
    const ch = bad.ballots[3]!.ballot.answers[1]!.choices;
    [ch[0]!.proof, ch[1]!.proof] = [ch[1]!.proof, ch[0]!.proof];
    const resealed = await reseal(bad, 'trackers');
    const index = resealed.ballots.findIndex((b) => b.tracker === trackerOf(bad.ballots[3]!.ballot));
    resealed.sealedBoxHash = boxHashOf(resealed.fingerprint, resealed.ballots);
    const res = await verifyParsed(resealed, { threads: 2 });
    expect(res.lines[0]).toBe(`NOT VERIFIED: Ballot ${index + 1} (tracker ${resealed.ballots[index]!.tracker}): Question 2, choice 1: the proof that it is 0 or 1 does not verify.`);
  });

  it('a voter finds their tracker, and a missing one is reported', async () => {
    const sim = await election();
    const t = sim.file.ballots[2]!.tracker;
    const spaced = t.match(/.{4}/g)!.join(' ').toUpperCase();
    expect((await verifyParsed(sim.file, { tracker: spaced })).lines.at(-1)).toBe(`Your tracker ${t} is in the ballot box.`);
    const missing = await verifyParsed(sim.file, { tracker: 'a'.repeat(64) });
    expect(missing.code).toBe(1);
    expect(missing.lines.at(-1)).toMatch(/is NOT in the ballot box/);
  });

  it('catches a changed, removed, added, reordered or reweighted ballot, each with its own message', async () => {
    const sim = await election();
    const S = await sodiumGroup();
    const problem = async (f: VerificationFile) => {
      const out = await verifyParsed(f);
      expect(out.code).toBe(1);
      return out.lines[0]!;
    };

    // Changed: one ciphertext replaced by another valid point.
    const changed = copy(sim.file);
    changed.ballots[1]!.ballot.answers[0]!.choices[0]!.alpha = changed.ballots[0]!.ballot.answers[0]!.choices[0]!.alpha;
    expect(await problem(changed)).toMatch(/^NOT VERIFIED: Ballot 2 .*its tracker does not match its contents/);
    // ... and with the trackers recomputed: its proofs fail.
    expect(await problem(await reseal(changed, 'trackers'))).toMatch(/the proof that it is 0 or 1 does not verify/);

    // Reordered.
    const reordered = copy(sim.file);
    [reordered.ballots[0], reordered.ballots[1]] = [reordered.ballots[1]!, reordered.ballots[0]!];
    expect(await problem(reordered)).toMatch(/Ballot 2 .*not in tracker order/);

    // Added: a duplicate of a ballot.
    const added = copy(sim.file);
    added.ballots.splice(1, 0, copy(added.ballots[1]!));
    expect(await problem(added)).toMatch(/Ballot 3 .*not in tracker order \(or a tracker appears twice\)/);
    // Added: a fresh, valid ballot made with the public key, placed in order.
    const fresh = encryptBallot(prepare(nobleGroup, { ...sim.election }), [[0, 1, 0], [0, 0, 1]]);
    const stuffed = copy(sim.file);
    stuffed.ballots = sortBox([...stuffed.ballots, { tracker: trackerOf(fresh), weight: 1, ballot: fresh }]);
    expect(await problem(stuffed)).toMatch(/counts 5 electronic votes but holds 6 ballots/);
    const stuffedCounts = copy(stuffed);
    stuffedCounts.counts.votedElectronically = 6;
    expect(await problem(stuffedCounts)).toMatch(/sealed box hash does not match the ballots/);
    expect(await problem(await reseal(stuffed, 'box'))).toMatch(/encrypted tally of question 1, choice 1 is not the weighted sum/);
    // Even with the tally recomputed, the trustees decrypted the real box: their proofs fail.
    expect(await problem(await reseal(stuffed, 'tally'))).toMatch(/Trustee 1 \(Trustee 1\)'s proof of correct decryption for question 1, choice 1 does not verify/);

    // Removed.
    const removed = copy(sim.file);
    removed.ballots.splice(3, 1);
    expect(await problem(removed)).toMatch(/counts 5 electronic votes but holds 4 ballots/);
    expect(await problem(await reseal(removed, 'tally'))).toMatch(/proof of correct decryption/);

    // Reweighted.
    const heavier = copy(sim.file);
    heavier.ballots[0]!.weight += 1;
    expect(await problem(heavier)).toMatch(/sealed box hash does not match/);

    // A copied ballot (same ciphertexts under another tracker) is refused [CS11].
    const copied = copy(sim.file);
    const twin = copy(copied.ballots[0]!.ballot);
    twin.answers[1]!.sumProof = copy(copied.ballots[1]!.ballot.answers[1]!.sumProof);
    copied.ballots.push({ tracker: trackerOf(twin), weight: 1, ballot: twin });
    expect(await problem(await reseal(copied, 'trackers'))).toMatch(/proof that between 0 and 2 choices|repeats a ciphertext/);

    // Result changed.
    const result = copy(sim.file);
    result.result[1]![1] = 5;
    expect(await problem(result)).toBe('NOT VERIFIED: The result for question 2 (Board election (2 seats)), choice 2 (Bob) is stated as 5 but decrypts to 4.');

    // A trustee's factor changed.
    const factor = copy(sim.file);
    factor.decryptions[1]!.factors[0]![2]!.d = factor.decryptions[0]!.factors[0]![2]!.d;
    expect(await problem(factor)).toMatch(/Trustee 2 \(Trustee 2\)'s proof of correct decryption for question 1, choice 3/);

    // The election changed (a question's range widened): the fingerprint no longer matches.
    const rules = copy(sim.file);
    rules.election.questions[1]!.max = 3;
    expect(await problem(rules)).toMatch(/Trustees: Trustee 1 .*proof of knowledge/);
    const key = copy(sim.file);
    key.totalWeight = 11;
    expect(await problem(key)).toMatch(/election fingerprint does not match/);
    expect(S.name).toBe('libsodium ristretto255');
  });

  it('never crashes on a damaged file: any field replaced by junk is reported, or changes nothing', async () => {
    const sim = await election();
    const rnd = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;
    const junk = [null, 0, -1, 1.5, '', 'x', '0'.repeat(64), [], {}, true];
    // Every path to a leaf or a node of the file.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(sim.file, []);
    for (let i = 0; i < Number(process.env.FUZZ_ROUNDS ?? 80); i++) {
      const f = copy(sim.file) as unknown as Record<string | number, unknown>;
      const path = paths[1 + rnd(paths.length - 1)]!;
      let parent = f;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      parent[path.at(-1)!] = junk[rnd(junk.length)];
      const out = await verifyParsed(f as unknown as VerificationFile, { threads: 1 });
      if (out.code === 0) expect(out.lines.slice(1)).toEqual((await verifyParsed(sim.file, { threads: 1 })).lines.slice(1));
      else expect(out.lines[0]).toMatch(/^NOT VERIFIED: \S/);
    }
  }, 60_000);

  it('the command exits 0 on a good file and 1 on a changed copy', async () => {
    const sim = await election();
    const dir = mkdtempSync(join(tmpdir(), 'verify-ballot-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(sim.file));
    const tampered = copy(sim.file);
    tampered.ballots[0]!.ballot.answers[0]!.sumProof[0]!.s = '0'.repeat(64);
    writeFileSync(bad, JSON.stringify(tampered));
    const writes: string[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (writes.push(s), true)) as typeof process.stdout.write;
    try {
      expect(await main([good])).toBe(0);
      expect(await main([bad])).toBe(1);
      expect(await main([])).toBe(2);
    } finally {
      process.stdout.write = orig;
    }
    expect(writes[0]).toMatch(/^verified/);
    expect(writes[1]).toMatch(/^NOT VERIFIED: Ballot 1 .*tracker does not match/);
  });
});
