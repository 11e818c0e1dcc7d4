// Property-style tests of the ballot protocol (docs/ballot-protocol.md), many random cases drawn from
// the CSPRNG in loops. fast-check is in the project already, but the inputs here are scalars and
// points that only the CSPRNG should make, so plain loops over crypto.getRandomValues say it more directly.
import { describe, expect, it } from 'vitest';
import { ristretto255 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import {
  DlogTable,
  addTallies,
  tallyToJson,
  Fn,
  WRONG_PASSPHRASE,
  ballotProblem,
  boxHashOf,
  canonicalBallot,
  canonicalJson,
  combine,
  createTrusteeKey,
  decryptionProblem,
  electionPublicKey,
  encryptBallot,
  lagrangeAtZero,
  nobleGroup,
  openElection,
  openKey,
  partialDecrypt,
  prepare,
  proveInterval,
  randomScalar,
  sealKey,
  sealTrusteeSecret,
  openTrusteeSecret,
  setUpTrustees,
  setupHashOf,
  shareIsValid,
  simulate,
  sortBox,
  toHex,
  trackerOf,
  trusteeProblem,
  u32,
  verifyInterval,
  verifyPok,
  weightedTally,
  dealShares,
  type BallotJson,
  type ElectionSetup,
} from './index';
import { sodiumGroup } from './group-sodium';

const G = nobleGroup;
const randInt = (n: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % n;

function setupOf(count = 2, threshold = count): ElectionSetup {
  return {
    id: 'agm-2026',
    title: 'AGM 2026',
    questions: [
      { id: 'r1', kind: 'resolution', text: 'Adopt the accounts', choices: ['For', 'Against', 'Abstain'].map((l, i) => ({ id: `c${i}`, label: l })), min: 1, max: 1 },
      { id: 'e1', kind: 'election', text: 'Board (2 seats)', choices: ['Ann', 'Bob', 'Cat', 'Dev'].map((l, i) => ({ id: `k${i}`, label: l })), min: 0, max: 2 },
    ],
    trustees: { count, threshold },
  };
}

/** Random valid selections for the setup. */
function randomSelections(setup: ElectionSetup): number[][] {
  return setup.questions.map((q) => {
    const k = q.min + randInt(q.max - q.min + 1);
    const marks = q.choices.map(() => 0);
    const order = [...marks.keys()].sort(() => randInt(3) - 1);
    for (const c of order.slice(0, k)) marks[c] = 1;
    return marks;
  });
}

function opened(setup = setupOf(), totalWeight = 100) {
  const { trustees, secrets } = setUpTrustees(G, setup);
  const election = openElection(G, setup, trustees, 'roll', totalWeight);
  return { election, secrets, p: prepare(G, election), y: secrets.reduce((a, b) => Fn.add(a, b), 0n) };
}

describe('group backends', () => {
  it('noble and libsodium give the same ristretto255 encodings and arithmetic', async () => {
    const S = await sodiumGroup();
    for (let i = 0; i < 30; i++) {
      const a = randomScalar();
      const b = randomScalar();
      const pn = G.mul(G.mulBase(a), b);
      const ps = S.mul(S.mulBase(a), b);
      expect(toHex(S.encode(ps))).toBe(toHex(G.encode(pn)));
      expect(toHex(S.encode(S.add(S.mulBase(a), S.mulBase(b))))).toBe(toHex(G.encode(G.mulBase(Fn.add(a, b)))));
      expect(S.eq(S.sub(ps, ps), S.identity)).toBe(true);
    }
    expect(S.encode(S.mul(S.mulBase(5n), 0n))).toEqual(new Uint8Array(32));
    expect(toHex(G.encode(G.identity))).toBe('0'.repeat(64));
  });

  it('both refuse non-canonical encodings', async () => {
    const S = await sodiumGroup();
    const bad = [new Uint8Array(32).fill(0xff), Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0)), new Uint8Array(31)];
    for (const b of bad) {
      expect(() => G.decode(b)).toThrow();
      expect(() => S.decode(b)).toThrow();
      // The tally's unchecked decode still refuses a non-point at the first operation (§8).
      expect(() => S.add(S.identity, S.decodeOperand(b))).toThrow();
      expect(() => G.add(G.identity, G.decodeOperand(b))).toThrow();
    }
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace and refuses non-integers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: 'é' } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":0}}');
    expect(() => canonicalJson({ a: 1.5 })).toThrow(/safe integers/);
    expect(() => canonicalJson({ a: -0 })).toThrow();
  });
});

describe('canonical JSON, as a property', () => {
  it('is a fixed point under parse, and ignores key order (fast-check)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.maxSafeInteger(), fc.string(), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(canonicalJson(reversed)).toBe(c);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('trustee keys (§5)', () => {
  it('a proof of knowledge verifies, and forged, rogue or replayed keys are refused', () => {
    const setup = setupOf(3);
    for (let i = 0; i < 10; i++) {
      const { trustees } = setUpTrustees(G, setup);
      expect(trusteeProblem(G, setup, trustees)).toBeNull();
      const X3 = G.decode(Uint8Array.from(Buffer.from(trustees[2]!.commitments[0]!, 'hex')));
      const h = setupHashOf(setup);
      expect(verifyPok(G, h, 3, X3, trustees[2]!.proof)).toBe(true);
      // Another index or another election: the challenge binds both.
      expect(verifyPok(G, h, 2, X3, trustees[2]!.proof)).toBe(false);
      expect(verifyPok(G, setupHashOf({ ...setup, id: 'other' }), 3, X3, trustees[2]!.proof)).toBe(false);
      // A forged proof.
      expect(verifyPok(G, h, 3, X3, { c: toHex(Fn.toBytes(randomScalar())), s: toHex(Fn.toBytes(randomScalar())) })).toBe(false);
    }
  });

  it('a rogue key (X₃ = Z − X₁ − X₂) cannot come with a valid proof, so it is refused', () => {
    const setup = setupOf(3);
    const { trustees } = setUpTrustees(G, setup);
    const z = randomScalar();
    const X1 = G.decode(Buffer.from(trustees[0]!.commitments[0]!, 'hex'));
    const X2 = G.decode(Buffer.from(trustees[1]!.commitments[0]!, 'hex'));
    const rogue = G.sub(G.sub(G.mulBase(z), X1), X2);
    const forged = { ...trustees[2]!, commitments: [toHex(G.encode(rogue))] };
    const withRogue = [trustees[0]!, trustees[1]!, forged];
    // The attacker would know the election key's log (z) if this were accepted.
    expect(toHex(G.encode(electionPublicKey(G, withRogue)))).toBe(toHex(G.encode(G.mulBase(z))));
    expect(trusteeProblem(G, setup, withRogue)).toMatch(/Trustee 3 .*proof of knowledge/);
    expect(() => openElection(G, setup, withRogue, 'roll', 10)).toThrow(/proof of knowledge/);
  });
});

describe('exponential ElGamal (§4)', () => {
  it('encrypt/decrypt round trip of 0 and 1 with the combined key', () => {
    const { p, y } = opened();
    for (let i = 0; i < 20; i++) {
      const marks = randomSelections(p.election.setup);
      const ballot = encryptBallot(p, marks);
      for (const [q, a] of ballot.answers.entries()) {
        for (const [c, ch] of a.choices.entries()) {
          const alpha = G.decode(Buffer.from(ch.alpha, 'hex'));
          const beta = G.decode(Buffer.from(ch.beta, 'hex'));
          expect(G.eq(G.sub(beta, G.mul(alpha, y)), G.mulBase(BigInt(marks[q]![c]!)))).toBe(true);
        }
      }
    }
  });
});

describe('ballot proofs (§6)', () => {
  it('valid ballots verify, with random selections', () => {
    const { p } = opened();
    for (let i = 0; i < 15; i++) expect(ballotProblem(p, encryptBallot(p, randomSelections(p.election.setup)))).toBeNull();
  });

  it('forged, swapped and moved proofs are refused', () => {
    const { p } = opened();
    for (let i = 0; i < 8; i++) {
      const a = encryptBallot(p, [[1, 0, 0], [1, 0, 1, 0]]);
      const b = encryptBallot(p, [[1, 0, 0], [1, 0, 1, 0]]);
      const copy = (x: BallotJson): BallotJson => JSON.parse(JSON.stringify(x));
      // Forged: random challenges and responses.
      const forged = copy(a);
      forged.answers[1]!.choices[2]!.proof = [0, 1].map(() => ({ c: toHex(Fn.toBytes(randomScalar())), s: toHex(Fn.toBytes(randomScalar())) }));
      expect(ballotProblem(p, forged)).toMatch(/Question 2, choice 3: the proof/);
      // Swapped: the two proofs of one question exchanged.
      const swapped = copy(a);
      const ch = swapped.answers[1]!.choices;
      [ch[0]!.proof, ch[1]!.proof] = [ch[1]!.proof, ch[0]!.proof];
      expect(ballotProblem(p, swapped)).toMatch(/Question 2, choice 1/);
      // Moved: a ciphertext and its own proof carried into another ballot (the context binds all of
      // the question's ciphertexts, so even a self-consistent choice does not travel).
      const moved = copy(b);
      moved.answers[1]!.choices[0] = copy(a).answers[1]!.choices[0]!;
      expect(ballotProblem(p, moved)).not.toBeNull();
      // A proof moved to another ciphertext with the same plaintext (strong Fiat-Shamir).
      const other = copy(a);
      other.answers[0]!.choices[1]!.proof = b.answers[0]!.choices[1]!.proof;
      expect(ballotProblem(p, other)).toMatch(/Question 1, choice 2/);
    }
  });

  it('a ballot for another election is refused, even with its fingerprint rewritten', () => {
    const one = opened();
    const two = opened();
    const ballot = encryptBallot(one.p, [[0, 1, 0], [0, 0, 0, 1]]);
    expect(ballotProblem(two.p, ballot)).toMatch(/another election/);
    // Same key and questions, another fingerprint: the proofs bind the fingerprint, so they fail.
    const sameKey = prepare(G, { ...one.election, fingerprint: 'f'.repeat(64) });
    expect(ballotProblem(sameKey, { ...ballot, fingerprint: 'f'.repeat(64) })).toMatch(/the proof/);
  });

  it('a choice of 2 cannot be proved 0 or 1', () => {
    const { p } = opened();
    const r = randomScalar();
    const alpha = G.mulBase(r);
    const beta = G.add(G.mulBase(2n), G.mul(p.Y, r));
    for (const m of [0, 1]) {
      const st = { label: 'choice', context: [u32(0)], index: 0, alpha, beta, alphaBytes: G.encode(alpha), betaBytes: G.encode(beta), lo: 0, hi: 1 };
      expect(verifyInterval(G, p.Y, st, proveInterval(G, p.Y, st, m, r))).toBe(false);
    }
    expect(() => encryptBallot(p, [[2, 0, 0], [0, 0, 0, 0]])).toThrow(/each choice is marked 0 or 1/);
    expect(() => encryptBallot(p, [[-1, 1, 1], [0, 0, 0, 0]])).toThrow(/each choice is marked 0 or 1/);
    expect(() => proveInterval(G, p.Y, { label: 'choice', context: [], index: 0, alpha, beta, alphaBytes: G.encode(alpha), betaBytes: G.encode(beta), lo: 0, hi: 1 }, 2, r)).toThrow();
  });

  it('too many or too few choices are refused by the range proof', () => {
    const { p } = opened();
    // A device that ignores the range of question `which`: same election and fingerprint, any count allowed.
    const lax = (which: number) =>
      prepare(G, {
        ...p.election,
        setup: { ...p.election.setup, questions: p.election.setup.questions.map((q, i) => (i === which ? { ...q, min: 0, max: q.choices.length } : q)) },
      });
    expect(() => encryptBallot(p, [[1, 0, 0], [1, 1, 1, 0]])).toThrow(/between 0 and 2/);
    expect(ballotProblem(p, encryptBallot(lax(1), [[1, 0, 0], [1, 1, 1, 0]]))).toMatch(/Question 2: the proof that between 0 and 2/);
    expect(ballotProblem(p, encryptBallot(lax(0), [[0, 0, 0], [1, 0, 0, 0]]))).toMatch(/Question 1: the proof that between 1 and 1/);
    expect(ballotProblem(p, encryptBallot(lax(0), [[1, 1, 0], [0, 0, 0, 0]]))).toMatch(/Question 1: the proof/);
    // The range is part of the statement: even a count within [1, 1] proved as within [0, 3] is refused.
    expect(ballotProblem(p, encryptBallot(lax(0), [[1, 0, 0], [0, 0, 0, 0]]))).toMatch(/Question 1: the proof/);
  });

  it('libsodium checks proofs made with noble (the device and the core agree)', async () => {
    const S = await sodiumGroup();
    const { p, election } = opened();
    const ps = prepare(S, election);
    for (let i = 0; i < 10; i++) {
      const ballot = encryptBallot(p, randomSelections(election.setup));
      expect(ballotProblem(ps, ballot)).toBeNull();
    }
    const bad = encryptBallot(p, [[1, 0, 0], [0, 1, 0, 0]]);
    bad.answers[0]!.choices[0]!.proof.reverse();
    expect(ballotProblem(ps, bad)).toMatch(/Question 1, choice 1/);
  });
});

describe('tally (§8) and decryption (§7, §9)', () => {
  it('the homomorphic, weighted sum decrypts to the plain weighted sum (n-of-n)', async () => {
    const S = await sodiumGroup();
    for (let round = 0; round < 3; round++) {
      const setup = setupOf(2);
      const voters = Array.from({ length: 6 + randInt(6) }, () => ({ selections: randomSelections(setup), weight: 1 + randInt(4) }));
      const sim = simulate(G, S, setup, voters);
      expect(sim.file.result).toEqual(sim.expected);
    }
  });

  it('k-of-n: any 2 of 3 trustees decrypt the same result; 1 is not enough; a bad dealt share is caught', async () => {
    const S = await sodiumGroup();
    const setup = setupOf(3, 2);
    const voters = Array.from({ length: 8 }, () => ({ selections: randomSelections(setup), weight: 1 + randInt(3) }));
    for (const subset of [[1, 2], [1, 3], [2, 3], [1, 2, 3]]) {
      const sim = simulate(G, S, setup, voters, { decryptingTrustees: subset });
      expect(sim.file.result).toEqual(sim.expected);
    }
    expect(() => simulate(G, S, setup, voters, { decryptingTrustees: [2] })).toThrow(/2 trustees must decrypt; 1 did/);
    const dealer = createTrusteeKey(G, setup, 1, 'Dealer');
    const shares = dealShares(dealer.secret, 3);
    expect(shareIsValid(G, dealer.public, 2, shares[1]!)).toBe(true);
    expect(shareIsValid(G, dealer.public, 2, Fn.add(shares[1]!, 1n))).toBe(false);
    expect(shareIsValid(G, dealer.public, 3, shares[1]!)).toBe(false);
    // λ's at zero recombine the secret: Σ λⱼ f(j) = f(0).
    const f0 = dealer.secret.coefficients[0]!;
    const l = [1, 3].map((j) => lagrangeAtZero([1, 3], j));
    expect(Fn.add(Fn.mul(l[0]!, shares[0]!), Fn.mul(l[1]!, shares[2]!))).toBe(f0);
  });

  it('a wrong share cannot decrypt, and a wrong factor is refused with the trustee named', () => {
    const setup = setupOf(2);
    const { election, secrets } = opened(setup, 10);
    const p = prepare(G, election);
    const box = sortBox([0, 1, 2].map(() => {
      const ballot = encryptBallot(p, randomSelections(setup));
      return { tracker: trackerOf(ballot), weight: 1, ballot };
    }));
    const boxHash = boxHashOf(election.fingerprint, box);
    const tally = weightedTally(G, [3, 4], box);
    expect(() => partialDecrypt(G, election, boxHash, 1, secrets[1]!, tally)).toThrow(/does not belong to trustee 1/);
    const d1 = partialDecrypt(G, election, boxHash, 1, secrets[0]!, tally);
    expect(decryptionProblem(G, election, boxHash, tally, d1)).toBeNull();
    const wrong = JSON.parse(JSON.stringify(d1));
    wrong.factors[1][2].d = toHex(G.encode(G.mulBase(randomScalar())));
    expect(decryptionProblem(G, election, boxHash, tally, wrong)).toMatch(/Trustee 1 \(Trustee 1\)'s proof of correct decryption for question 2, choice 3/);
    // Bound to the sealed box: the same factor against another box hash fails.
    expect(decryptionProblem(G, election, 'e'.repeat(64), tally, d1)).toMatch(/does not verify/);
    const d2 = partialDecrypt(G, election, boxHash, 2, secrets[1]!, tally);
    expect(() => combine(G, election, tally, [d1])).toThrow(/2 trustees must decrypt/);
    expect(combine(G, election, tally, [d1, d2]).flat().every((m) => m >= 0 && m <= 3)).toBe(true);
  });

  it('the tally of a box split in parts and added is the tally of the whole box (for worker threads)', () => {
    const setup = setupOf(2);
    const { election } = opened(setup, 100);
    const p = prepare(G, election);
    const box = Array.from({ length: 7 }, () => ({ weight: 1 + randInt(5), ballot: encryptBallot(p, randomSelections(setup)) }));
    const whole = tallyToJson(G, weightedTally(G, [3, 4], box));
    const parts = [box.slice(0, 2), box.slice(2, 3), box.slice(3)].map((part) => weightedTally(G, [3, 4], part));
    expect(tallyToJson(G, addTallies(G, parts))).toEqual(whole);
  });

  it('bounded discrete log finds every m within the bound and nothing outside it', () => {
    for (const bound of [0, 1, 7, 100, 1000]) {
      const table = new DlogTable(G, bound);
      for (let i = 0; i < 10; i++) {
        const m = randInt(bound + 1);
        expect(table.find(G.mulBase(BigInt(m)))).toBe(m);
      }
      expect(table.find(G.mulBase(BigInt(bound)))).toBe(bound);
      expect(table.find(G.mulBase(BigInt(bound + 1)))).toBeNull();
      expect(table.find(G.mulBase(randomScalar()))).toBeNull();
    }
  });
});

describe('tracker (§10)', () => {
  it('is stable under key order and JSON round trips, and changes with any change', () => {
    const { p } = opened();
    const ballot = encryptBallot(p, [[0, 0, 1], [0, 1, 0, 0]]);
    const t = trackerOf(ballot);
    expect(t).toMatch(/^[0-9a-f]{64}$/);
    const reordered = JSON.parse(JSON.stringify({ answers: ballot.answers, fingerprint: ballot.fingerprint, version: ballot.version }));
    expect(trackerOf(reordered)).toBe(t);
    expect(canonicalBallot(reordered)).toBe(canonicalBallot(ballot));
    expect(canonicalBallot(ballot).startsWith('{"answers":[{"choices":[{"alpha":"')).toBe(true);
    const changed = JSON.parse(JSON.stringify(ballot));
    changed.answers[0].sumProof[0].s = changed.answers[0].sumProof[0].s.replace(/.$/, (x: string) => (x === '0' ? '1' : '0'));
    expect(trackerOf(changed)).not.toBe(t);
    expect(trackerOf(encryptBallot(p, [[0, 0, 1], [0, 1, 0, 0]]))).not.toBe(t);
  });
});

describe('passphrase-protected key share (§11)', () => {
  const weak = { t: 1, m: 64, p: 1 };
  const meta = { setupHash: 'a'.repeat(64), trustee: 2, content: 'share' as const };

  it('round trips, and a wrong passphrase or a changed file reveals nothing', async () => {
    const secret = [randomScalar(), randomScalar()];
    const sealed = await sealKey('correct horse battery', secret, meta, weak);
    expect(JSON.stringify(sealed)).not.toContain(toHex(Fn.toBytes(secret[0]!)));
    expect(await openKey('correct horse battery', sealed, { allowWeakKdf: true })).toEqual(secret);
    await expect(openKey('correct horse batterY', sealed, { allowWeakKdf: true })).rejects.toThrow(WRONG_PASSPHRASE);
    await expect(openKey('correct horse battery', { ...sealed, header: { ...sealed.header, trustee: 1 } }, { allowWeakKdf: true })).rejects.toThrow(WRONG_PASSPHRASE);
    const flipped = sealed.ciphertext.replace(/^./, (x) => (x === '0' ? '1' : '0'));
    await expect(openKey('correct horse battery', { ...sealed, ciphertext: flipped }, { allowWeakKdf: true })).rejects.toThrow(WRONG_PASSPHRASE);
    await expect(openKey('correct horse battery', sealed)).rejects.toThrow(/too weak/);
    await expect(sealKey('short', secret, meta, weak)).rejects.toThrow(/at least 8/);
  });

  it('seals and reopens a threshold trustee’s set-up secret (coefficients and transport key)', async () => {
    const setup = setupOf(3, 2);
    const made = createTrusteeKey(G, setup, 2, 'Chair');
    const sealed = await sealTrusteeSecret('the chair’s passphrase', made.secret, { setupHash: setupHashOf(setup), trustee: 2 }, weak);
    const opened = await openTrusteeSecret('the chair’s passphrase', sealed, { degree: 2, withTransport: true }, { allowWeakKdf: true });
    expect(opened).toEqual(made.secret);
    await expect(openTrusteeSecret('the chair’s passphrase', sealed, { degree: 3, withTransport: true }, { allowWeakKdf: true })).rejects.toThrow(/holds 3 secrets, expected 4/);
    await expect(openTrusteeSecret('wrong passphrase!', sealed, { degree: 2, withTransport: true }, { allowWeakKdf: true })).rejects.toThrow(WRONG_PASSPHRASE);
  });

  it('uses argon2id at RFC 9106 parameters by default', async () => {
    const sealed = await sealKey('a long trustee passphrase', [42n], meta);
    expect(sealed.header.kdf).toMatchObject({ algorithm: 'argon2id', t: 3, m: 65536, p: 4 });
    expect(await openKey('a long trustee passphrase', sealed)).toEqual([42n]);
  }, 20_000);
});

describe('noble point is ristretto255', () => {
  it('the group order is ℓ', () => {
    expect(Fn.ORDER).toBe(2n ** 252n + 27742317777372353535851937790883648493n);
    expect(ristretto255.Point.BASE.multiply(Fn.ORDER - 1n).add(ristretto255.Point.BASE).is0()).toBe(true);
  });
});
