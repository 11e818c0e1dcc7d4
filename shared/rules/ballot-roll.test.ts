import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../ballot/encoding';
import { MAX_TOTAL_WEIGHT, rollHash, rollWeights, type RollVoter, type RollWeights } from './ballot-roll';

const names = { employee: 'Employee members', supporter: 'Supporter members', investor: 'Investor members' };
const members = (classId: string, n: number, votes = 1, prefix = classId): RollVoter[] => Array.from({ length: n }, (_, i) => ({ memberId: `${prefix}-${i}`, classId, votes }));

function ok(r: RollWeights) {
  if (!r.ok) throw new Error(r.problem);
  return r;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

describe('rollWeights', () => {
  it("leaves every member's votes as they are where nothing is capped", () => {
    const voters = [...members('employee', 3), { memberId: 'x', classId: 'employee', votes: 40 }];
    const r = ok(rollWeights({ voters, classNames: names }));
    expect(r.voters.map((v) => v.weight)).toEqual([1, 1, 1, 40]);
    expect(r.totalWeight).toBe(43);
    expect(r.classes).toEqual([{ classId: 'employee', name: 'Employee members', voters: 4, rawVotes: 43, weight: 43, sharePct: '100.0%', capPct: null, capped: false }]);
    expect(r.explanation).toEqual(["Each member's votes count as they are: 43 in all."]);
  });

  it('leaves a class under its cap unchanged, and says so', () => {
    const r = ok(rollWeights({ voters: [...members('employee', 2500), ...members('supporter', 250)], caps: [{ classId: 'supporter', capPct: 10, source: 'rule 14(b)' }], classNames: names }));
    expect(r.totalWeight).toBe(2750);
    expect(r.voters.every((v) => v.weight === 1)).toBe(true);
    expect(r.explanation[0]).toBe('Supporter members hold 250 of 2,750 votes (9.1%), within their 10% cap (rule 14(b)).');
    expect(r.explanation[1]).toBe("No cap binds, so each member's votes count as they are: 2,750 in all.");
  });

  it('scales a class over its cap to exactly the cap: employees ×9S, supporters ×E, then ÷ gcd', () => {
    const r = ok(rollWeights({ voters: [...members('employee', 1000), ...members('supporter', 500)], caps: [{ classId: 'supporter', capPct: 10 }], classNames: names }));
    // ×9·500 = 4,500 and ×1,000, divided by their gcd 500: 9 and 2.
    expect(r.voters.find((v) => v.classId === 'employee')!.weight).toBe(9);
    expect(r.voters.find((v) => v.classId === 'supporter')!.weight).toBe(2);
    expect(r.totalWeight).toBe(10000);
    expect(r.classes.find((c) => c.classId === 'supporter')).toMatchObject({ rawVotes: 500, weight: 1000, sharePct: '10.0%', capped: true });
    expect(r.explanation[0]).toMatch(/^Supporter members hold 500 of 1,500 votes \(33\.3%\), more than their 10% cap, so their votes are weighted to exactly 10% of the votes \(your registered rules/);
    expect(r.explanation[1]).toBe(
      'Weighted votes on the roll: Employee members 9,000 (90.0%), Supporter members 1,000 (10.0%), 10,000 in all. Each ballot carries its member\'s weighted votes, and the result counts them; the proportions between the classes are exact.',
    );
  });

  it('keeps votes per share in proportion within each class', () => {
    const voters = [
      { memberId: 'e1', classId: 'employee', votes: 3 },
      { memberId: 'e2', classId: 'employee', votes: 7 },
      { memberId: 's1', classId: 'supporter', votes: 5 },
      { memberId: 's2', classId: 'supporter', votes: 15 },
    ];
    const r = ok(rollWeights({ voters, caps: [{ classId: 'supporter', capPct: 25 }] }));
    const w = Object.fromEntries(r.voters.map((v) => [v.memberId, v.weight]));
    expect(w.e2! * 3).toBe(w.e1! * 7);
    expect(w.s2!).toBe(w.s1! * 3);
    expect(4 * (w.s1! + w.s2!)).toBe(r.totalWeight);
  });

  it('caps several classes at once, including one that binds only after another is capped', () => {
    // Investors hold 14 of 214 (6.5%) at first; once supporters are cut to 10%, 14 of the
    // remaining 114 votes would be 11.05% of the whole, so their 10% cap binds as well.
    const voters = [...members('employee', 100), ...members('supporter', 100), ...members('investor', 14)];
    const r = ok(rollWeights({ voters, caps: [{ classId: 'supporter', capPct: 10 }, { classId: 'investor', capPct: 10 }], classNames: names }));
    const cls = Object.fromEntries(r.classes.map((c) => [c.classId, c]));
    expect(cls.supporter!.capped && cls.investor!.capped).toBe(true);
    expect(cls.supporter!.weight * 10).toBe(r.totalWeight);
    expect(cls.investor!.weight * 10).toBe(r.totalWeight);
    expect(cls.employee!.weight * 10).toBe(r.totalWeight * 8);
  });

  it('leaves a capped class under its cap among the free classes when another binds', () => {
    // Investors: 5 of 205 at first; after supporters are capped at 10%, 5/105 of 90% = 4.3%.
    const voters = [...members('employee', 100), ...members('supporter', 100), ...members('investor', 5)];
    const r = ok(rollWeights({ voters, caps: [{ classId: 'supporter', capPct: 10 }, { classId: 'investor', capPct: 10 }] }));
    const cls = Object.fromEntries(r.classes.map((c) => [c.classId, c]));
    expect(cls.investor!.capped).toBe(false);
    expect(cls.investor!.weight * 100).toBe(cls.employee!.weight * 5); // raw proportion kept
    expect(cls.supporter!.weight * 10).toBe(r.totalWeight);
  });

  it('handles an empty roll and a class with no votes', () => {
    expect(ok(rollWeights({ voters: [] }))).toMatchObject({ totalWeight: 0, voters: [], classes: [], explanation: ['No one on the roll holds a vote.'] });
    const r = ok(rollWeights({ voters: [...members('employee', 4), ...members('supporter', 2, 0)], caps: [{ classId: 'supporter', capPct: 10 }] }));
    expect(r.totalWeight).toBe(4);
    expect(r.classes.find((c) => c.classId === 'supporter')).toMatchObject({ rawVotes: 0, weight: 0, capped: false, sharePct: '0.0%' });
    expect(r.voters.filter((v) => v.classId === 'supporter').every((v) => v.weight === 0)).toBe(true);
  });

  it('refuses a cap that cannot be met, caps that leave no room, and bad numbers', () => {
    const onlySupporters = rollWeights({ voters: members('supporter', 3), caps: [{ classId: 'supporter', capPct: 10 }], classNames: names });
    expect(onlySupporters).toMatchObject({ ok: false });
    expect(!onlySupporters.ok && onlySupporters.problem).toMatch(/^Only members of capped classes hold votes \(Supporter members\)/);
    const full = rollWeights({ voters: members('employee', 1), caps: [{ classId: 'supporter', capPct: 60 }, { classId: 'investor', capPct: 40 }] });
    expect(!full.ok && full.problem).toMatch(/add up to 100%.*below 100%/);
    expect(rollWeights({ voters: members('employee', 1), caps: [{ classId: 'supporter', capPct: 10.005 }] }).ok).toBe(false);
    expect(rollWeights({ voters: members('employee', 1), caps: [{ classId: 'supporter', capPct: 0 }] }).ok).toBe(false);
    expect(rollWeights({ voters: [{ memberId: 'a', classId: 'employee', votes: 1.5 }] }).ok).toBe(false);
    expect(rollWeights({ voters: [{ memberId: 'a', classId: 'employee', votes: 1 }, { memberId: 'a', classId: 'employee', votes: 1 }] }).ok).toBe(false);
  });

  it('refuses a roll whose weights would pass 2^40, and says why', () => {
    // Class totals that share no factor force weights of about 10·E·S.
    const voters = [
      { memberId: 'e1', classId: 'employee', votes: 1_000_000 },
      { memberId: 'e2', classId: 'employee', votes: 3 },
      { memberId: 's1', classId: 'supporter', votes: 999_990 },
      { memberId: 's2', classId: 'supporter', votes: 1 },
    ];
    const r = rollWeights({ voters, caps: [{ classId: 'supporter', capPct: 10 }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/more than 1,099,511,627,776 \(2\^40\)\. The encrypted totals are decrypted by a search sized to the roll's total \(ballot protocol §9\)/);
    // The same roll without the cap is small and accepted.
    expect(ok(rollWeights({ voters })).totalWeight).toBe(1_999_994);
  });

  it('meets every binding cap exactly, keeps the rest in proportion, and reduces by the gcd (property)', () => {
    const classIds = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ classId: fc.constantFrom(...classIds), votes: fc.integer({ min: 0, max: 50 }) }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 0, maxLength: 3 }),
        (rows, capBps) => {
          const voters = rows.map((r, i) => ({ memberId: `m${i}`, ...r }));
          // Caps on b, c, d (a is never capped), below 100% together.
          const caps = capBps.map((bp, i) => ({ classId: classIds[i + 1]!, capPct: bp / 100 }));
          const r = rollWeights({ voters, caps });
          if (!r.ok) {
            // Only refusal possible here: capped classes alone hold votes.
            const free = voters.filter((v) => !caps.some((c) => c.classId === v.classId)).reduce((n, v) => n + v.votes, 0);
            return /Only members of capped classes/.test(r.problem) && free === 0;
          }
          const T = BigInt(r.totalWeight);
          const anyCapped = r.classes.some((c) => c.capped);
          for (const c of r.classes) {
            const cap = caps.find((k) => k.classId === c.classId);
            const bp = cap ? BigInt(Math.round(cap.capPct * 100)) : null;
            // a binding cap is met exactly: weight / total = bp / 10,000
            if (c.capped && BigInt(c.weight) * 10000n !== bp! * T) return false;
            // an unbound cap is respected
            if (bp !== null && !c.capped && BigInt(c.weight) * 10000n > bp * T) return false;
          }
          // free classes keep their raw proportions
          const free = r.classes.filter((c) => !c.capped);
          for (const x of free) for (const y of free) if (BigInt(x.weight) * BigInt(y.rawVotes) !== BigInt(y.weight) * BigInt(x.rawVotes)) return false;
          // within a class, weight is proportional to votes
          for (const v of r.voters) {
            const c = r.classes.find((k) => k.classId === v.classId)!;
            if (BigInt(v.weight) * BigInt(c.rawVotes) !== BigInt(c.weight) * BigInt(v.votes)) return false;
          }
          // the weights are the smallest whole numbers in these proportions when a cap binds,
          // and the members' own votes when none does
          const g = r.voters.reduce((n, v) => gcd(n, BigInt(v.weight)), 0n);
          if (anyCapped && g !== 1n) return false;
          if (!anyCapped && r.voters.some((v) => v.weight !== v.votes)) return false;
          return r.totalWeight <= MAX_TOTAL_WEIGHT;
        },
      ),
    );
  });
});

describe('rollHash', () => {
  const entries = [
    { memberId: 'm-2', memberNumber: 2, name: 'Bea Lowe', classId: 'employee', weight: 9 },
    { memberId: 'm-1', memberNumber: 1, name: 'Ann Baker', classId: 'supporter', weight: 2 },
  ];

  it('is the SHA-256 of the canonical JSON of the entries sorted by member id', () => {
    const expected = sha256Hex(canonicalJson([entries[1], entries[0]]));
    expect(rollHash(entries)).toBe(expected);
    expect(canonicalJson([entries[1]])).toBe('[{"classId":"supporter","memberId":"m-1","memberNumber":1,"name":"Ann Baker","weight":2}]');
    expect(rollHash(entries)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order given, and changes with any field', () => {
    expect(rollHash([...entries].reverse())).toBe(rollHash(entries));
    expect(rollHash([{ ...entries[0]!, weight: 10 }, entries[1]!])).not.toBe(rollHash(entries));
    expect(rollHash([{ ...entries[0]!, name: 'Bea Low' }, entries[1]!])).not.toBe(rollHash(entries));
    expect(rollHash([entries[0]!])).not.toBe(rollHash(entries));
  });

  it('refuses a member twice and a weight that is not whole', () => {
    expect(() => rollHash([entries[0]!, entries[0]!])).toThrow(/twice/);
    expect(() => rollHash([{ ...entries[0]!, weight: 1.5 }])).toThrow(/whole number/);
  });
});
