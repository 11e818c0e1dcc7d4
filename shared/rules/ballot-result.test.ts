import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, lengthPrefixed } from '../ballot/encoding';
import {
  consultationOutcome,
  drawLots,
  electionOutcome,
  formatCount,
  LOT_LABEL,
  percentText,
  questionOutcome,
  resolutionOutcome,
  type ResolutionInput,
} from './ballot-result';

const e = (n: number) => ({ electronic: n });
const poll = (forVotes: number, against: number, more: Partial<ResolutionInput> = {}) =>
  resolutionOutcome({ number: 1, resolution: 'special', base: 'votes_cast', family: 'company', for: e(forVotes), against: e(against), ...more });
const ordinaryPoll = (forVotes: number, against: number, more: Partial<ResolutionInput> = {}) =>
  resolutionOutcome({ number: 2, resolution: 'ordinary', base: 'votes_cast', family: 'company', for: e(forVotes), against: e(against), ...more });

describe('percentText', () => {
  it('rounds half up to one decimal place', () => {
    expect(percentText(250, 2750)).toBe('9.1%');
    expect(percentText(1, 8)).toBe('12.5%');
    expect(percentText(1, 3)).toBe('33.3%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(0, 0)).toBe('0.0%');
  });

  it('never shows a figure on the wrong side of the threshold', () => {
    // 74.96% fails "not less than 75%": one decimal would say 75.0%.
    expect(percentText(7496, 10000, { bp: 7500, strict: false, met: false })).toBe('74.96%');
    expect(percentText(74996, 100000, { bp: 7500, strict: false, met: false })).toBe('74.996%');
    // 50.04% passes "more than 50%": one decimal would say 50.0%.
    expect(percentText(5004, 10000, { bp: 5000, strict: true, met: true })).toBe('50.04%');
    expect(percentText(750, 1000, { bp: 7500, strict: false, met: true })).toBe('75.0%');
  });

  it('is consistent with the exact test for any counts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 5001, max: 10000 }), (a, b, bp) => {
        const part = Math.min(a, b);
        const met = BigInt(part) * 10000n >= BigInt(bp) * BigInt(b);
        const shown = Number(percentText(part, b, { bp, strict: false, met }).replace(/[%,]/g, ''));
        return met ? shown >= bp / 100 : shown < bp / 100;
      }),
    );
  });

  it('groups thousands', () => {
    expect(formatCount(2750)).toBe('2,750');
    expect(formatCount(1099511627776)).toBe('1,099,511,627,776');
    expect(formatCount(999)).toBe('999');
  });
});

describe('resolutionOutcome: a poll at a meeting (CA 2006 s282(4), s283(5))', () => {
  it('passes a special resolution at exactly 75% of the votes cast, abstentions aside', () => {
    const r = poll(750, 250, { abstain: e(40) });
    expect(r).toMatchObject({ status: 'passed', passed: true, votesCast: 1000, baseVotes: 1000, votesNeeded: 750, percentFor: '75.0%' });
    expect(r.minutes).toBe(
      'Special resolution 1 passed: 750 for, 250 against (75.0% of the 1,000 votes cast; not less than 75% required by CA 2006 s283(5)); 40 abstentions, not votes cast.',
    );
  });

  it('rejects a special resolution with 74% in favour, and says why', () => {
    const r = poll(740, 260, { abstain: e(40) });
    expect(r).toMatchObject({ status: 'not_passed', passed: false, failure: 'below_special_majority', percentFor: '74.0%' });
    expect(r.minutes).toBe(
      'Special resolution 1 not passed: 740 for, 260 against (74.0% of the 1,000 votes cast; not less than 75% required by CA 2006 s283(5), so 750 were needed); 40 abstentions, not votes cast.',
    );
  });

  it('rejects 74.96%, shown as such and not rounded up to 75.0%', () => {
    const r = poll(7496, 2504);
    expect(r.passed).toBe(false);
    expect(r.percentFor).toBe('74.96%');
  });

  it('holds the 75% boundary exactly for every number of votes cast (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (cast, f) => {
        const forVotes = Math.floor(cast * f);
        const r = poll(forVotes, cast - forVotes);
        // not less than 75%: 4·for ≥ 3·cast, in whole numbers
        return r.passed === BigInt(forVotes) * 4n >= BigInt(cast) * 3n && r.votesNeeded === Number((3n * BigInt(cast) + 3n) / 4n);
      }),
    );
  });

  it('passes an ordinary resolution on more than half of the votes cast', () => {
    const r = ordinaryPoll(501, 499, { abstain: e(3) });
    expect(r.passed).toBe(true);
    expect(r.minutes).toBe('Ordinary resolution 2 passed: 501 for, 499 against (50.1% of the 1,000 votes cast; more than half required by CA 2006 s282(4)); 3 abstentions, not votes cast.');
  });

  it('holds the simple majority exactly (property)', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 9), fc.nat(10 ** 9), (f, a) => {
        const r = ordinaryPoll(f, a);
        return r.passed === f > a;
      }),
    );
  });

  it('loses a tie on an ordinary resolution of a company with no casting vote', () => {
    const r = ordinaryPoll(500, 500);
    expect(r).toMatchObject({ status: 'not_passed', failure: 'tied', castingVoteAvailable: false });
    expect(r.minutes).toContain('a tie is not a majority, so it is lost, and the chair has no casting vote');
  });

  it("does not apply a company's casting vote in articles adopted on or after 1 October 2007", () => {
    const r = ordinaryPoll(500, 500, { chairCastingVote: true });
    expect(r).toMatchObject({ status: 'not_passed', castingVoteAvailable: false });
    expect(r.minutes).toContain('only articles that had one immediately before 1 October 2007 keep it (SI 2007/2194 Sch 3 para 23A)');
    expect(() => ordinaryPoll(500, 500, { chairCastingVote: true, castingVote: 'for' })).toThrow(/immediately before 1 October 2007/);
  });

  it('asks for the casting vote where articles before 1 October 2007 gave one, then applies it', () => {
    const saved = { chairCastingVote: true, castingVoteInArticlesBefore2007: true };
    const asked = ordinaryPoll(500, 500, saved);
    expect(asked).toMatchObject({ status: 'casting_vote_needed', passed: false, castingVoteAvailable: true, castingVote: null });
    expect(asked.minutes).toContain("The chair's casting vote decides it");
    const carried = ordinaryPoll(500, 500, { ...saved, castingVote: 'for' });
    expect(carried).toMatchObject({ status: 'passed', passed: true, castingVote: 'for' });
    expect(carried.minutes).toMatch(/^Ordinary resolution 2 passed on the chair's casting vote for it/);
    expect(ordinaryPoll(500, 500, { ...saved, castingVote: 'against' })).toMatchObject({ status: 'not_passed', failure: 'casting_vote_against' });
  });

  it("lets a society's rules give the chair a casting vote", () => {
    const r = ordinaryPoll(40, 40, { family: 'society', chairCastingVote: true, rulesSource: 'rule 37' });
    expect(r.status).toBe('casting_vote_needed');
    expect(r.minutes).toContain('given by rule 37');
    expect(ordinaryPoll(40, 40, { family: 'society' }).minutes).toContain('your registered rules give the chair no casting vote');
  });

  it('refuses a casting vote where there is no tie', () => {
    expect(() => ordinaryPoll(501, 499, { chairCastingVote: true, castingVoteInArticlesBefore2007: true, castingVote: 'against' })).toThrow(/only on a tie/);
  });

  it("uses a society's special majority and says its rules set it", () => {
    const r = poll(667, 333, { family: 'society', specialPct: 66.67, rulesSource: 'rule 12 of your registered rules' });
    expect(r.passed).toBe(true);
    expect(r.percentFor).toBe('66.7%');
    expect(r.minutes).toContain('not less than 66.67% required by rule 12 of your registered rules');
    expect(r.minutes).toContain('The majority and its base are set by rule 12 of your registered rules.');
    const below = poll(6666, 3334, { family: 'society', specialPct: 66.67 });
    expect(below.passed).toBe(false);
    expect(below.percentFor).toBe('66.66%');
  });

  it("refuses a company's special majority below 75% (s283(1))", () => {
    expect(() => poll(700, 300, { specialPct: 70 })).toThrow(/s283\(1\)/);
  });

  it('cites the articles too where a company requires more than 75%', () => {
    expect(poll(800, 200, { specialPct: 80 }).minutes).toContain('CA 2006 s283(5) and your articles');
  });

  it('says no votes were cast', () => {
    const r = poll(0, 0, { abstain: e(12) });
    expect(r).toMatchObject({ passed: false, failure: 'no_votes_cast', percentFor: null });
    expect(r.minutes).toBe('Special resolution 1 not passed: no votes were cast for or against; not less than 75% of the votes cast is required by CA 2006 s283(5); 12 abstentions, not votes cast.');
  });

  it('refuses to pass a special resolution the notice did not state as special (s283(6))', () => {
    const r = poll(900, 100, { statedAsSpecial: false });
    expect(r).toMatchObject({ passed: false, failure: 'not_stated_special' });
    expect(r.minutes).toContain('CA 2006 s283(6)(a)');
    expect(ordinaryPoll(900, 100, { statedAsSpecial: true })).toMatchObject({ passed: false, failure: 'stated_special' });
  });

  it('shows the paper and proxy votes within each count', () => {
    const r = resolutionOutcome({
      number: 3,
      resolution: 'ordinary',
      base: 'votes_cast',
      family: 'company',
      for: { electronic: 558, paper: 30, proxy: 12 },
      against: { electronic: 390, paper: 10 },
      abstain: { electronic: 5 },
    });
    expect(r.for).toEqual({ total: 600, electronic: 558, paper: 30, proxy: 12 });
    expect(r.minutes).toContain('600 for, 400 against (60.0% of the 1,000 votes cast');
    expect(r.minutes).toContain('Of the 600 for, 30 on paper and 12 by proxy; of the 400 against, 10 on paper.');
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => poll(1.5, 2)).toThrow(/whole number/);
    expect(() => poll(-1, 2)).toThrow(/whole number/);
  });
});

describe('resolutionOutcome: a members’ written resolution (CA 2006 s282(2), s283(2))', () => {
  const written = (forVotes: number, against: number, eligibleVotes: number, resolution: 'ordinary' | 'special' = 'special') =>
    resolutionOutcome({ number: 1, resolution, base: 'eligible_votes', family: 'company', for: e(forVotes), against: e(against), abstain: e(10), eligibleVotes });

  it('measures against the voting rights of all eligible members, not those who reply', () => {
    // 750 of 760 replies is 98.7% of votes cast, but 75% of eligible needs 750 of 1,000.
    expect(written(749, 1, 1000).passed).toBe(false);
    const r = written(750, 0, 1000);
    expect(r).toMatchObject({ passed: true, baseVotes: 1000, votesNeeded: 750, percentFor: '75.0%' });
    expect(r.minutes).toBe(
      'Special resolution 1 passed: 750 for, 0 against (75.0% of the 1,000 votes of eligible members; not less than 75% required by CA 2006 s283(2)); 10 abstentions.',
    );
    expect(written(501, 0, 1000, 'ordinary').minutes).toContain('of the 1,000 votes of eligible members; more than half required by CA 2006 s282(2)');
    expect(written(500, 0, 1000, 'ordinary').passed).toBe(false);
  });

  it('refuses more votes than the eligible members hold, and a casting vote', () => {
    expect(() => written(995, 0, 1000)).toThrow(/more than the 1,000 votes of all eligible members/);
    expect(() => resolutionOutcome({ resolution: 'ordinary', base: 'eligible_votes', family: 'company', for: e(5), against: e(5), eligibleVotes: 20, castingVote: 'for' })).toThrow(/no chair/);
  });
});

describe('drawLots', () => {
  const seed = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

  it('orders by SHA-256 of the label, the seed and the candidate id, reproducibly', () => {
    const a = drawLots(seed, ['c1', 'c2', 'c3']);
    const b = drawLots(seed, ['c3', 'c1', 'c2']);
    expect(a).toEqual(b);
    for (const d of a) expect(d.digest).toBe(sha256Hex(lengthPrefixed([LOT_LABEL, seed, d.candidateId])));
    expect([...a].map((d) => d.digest)).toEqual([...a].map((d) => d.digest).sort());
  });

  it('gives a different order for a different seed (the order is not fixed by the ids)', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) orders.add(drawLots(i.toString(16).padStart(32, '0'), ['a', 'b', 'c']).map((d) => d.candidateId).join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it('refuses a short or non-hex seed', () => {
    expect(() => drawLots('abc', ['a'])).toThrow(/seed/);
    expect(() => drawLots('Z'.repeat(32), ['a'])).toThrow(/seed/);
  });
});

describe('electionOutcome', () => {
  const cand = (id: string, n: number, more = {}) => ({ id, name: id.toUpperCase(), votes: { electronic: n, ...more } });

  it('elects the candidates with the most votes', () => {
    const r = electionOutcome({ title: 'Election of directors', seats: 2, candidates: [cand('a', 10), cand('b', 30), cand('c', 20, { paper: 5 })] });
    expect(r.status).toBe('complete');
    expect(r.elected.map((c) => c.id)).toEqual(['b', 'c']);
    expect(r.minutes).toBe(
      'Election of directors (2 seats; the 2 candidates with the most votes are elected): elected B (30 votes) and C (25 votes, of which 5 on paper); not elected A (10 votes).',
    );
  });

  it('elects everyone when there are no more candidates than seats', () => {
    const r = electionOutcome({ seats: 3, candidates: [cand('a', 1), cand('b', 0)] });
    expect(r.elected).toHaveLength(2);
    expect(r.minutes).toContain('2 candidates, so each is elected');
  });

  it('treats a tie inside the seats as no tie', () => {
    const r = electionOutcome({ seats: 2, candidates: [cand('a', 10), cand('b', 10), cand('c', 5)] });
    expect(r).toMatchObject({ status: 'complete', tied: [], seatsInTie: 0 });
    expect(r.elected.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('asks for the lot where candidates tie for the last seat and no seed is given', () => {
    const r = electionOutcome({ seats: 2, candidates: [cand('a', 30), cand('b', 20), cand('c', 20), cand('d', 5)] });
    expect(r).toMatchObject({ status: 'lot_needed', seatsInTie: 1, lot: null });
    expect(r.elected.map((c) => c.id)).toEqual(['a']);
    expect(r.tied.map((c) => c.id)).toEqual(['b', 'c']);
    expect(r.minutes).toContain('B and C tied on 20 votes for the last seat');
  });

  it('resolves the tie by a lot anyone can repeat from the recorded seed', () => {
    const seed = 'f'.repeat(64);
    const input = { seats: 3, candidates: [cand('a', 30), cand('b', 20), cand('c', 20), cand('d', 20), cand('e', 1)], tieBreak: { method: 'lot' as const, seed } };
    const r = electionOutcome(input);
    expect(r.status).toBe('complete');
    expect(r.seatsInTie).toBe(2);
    const draw = drawLots(seed, ['b', 'c', 'd']);
    expect(r.lot).toEqual({ seed, draws: draw });
    expect(r.elected.map((c) => c.id).sort()).toEqual(['a', draw[0]!.candidateId, draw[1]!.candidateId].sort());
    expect(r.candidates.find((c) => c.id === draw[2]!.candidateId)).toMatchObject({ elected: false, byLot: true });
    expect(r.minutes).toContain(`with the recorded seed ${seed}`);
    expect(r.minutes).toContain('the last 2 seats');
    // The same input gives the same result, whatever order the candidates come in.
    const again = electionOutcome({ ...input, candidates: [...input.candidates].reverse() });
    expect(again.elected.map((c) => c.id).sort()).toEqual(r.elected.map((c) => c.id).sort());
  });

  it('leaves the tie to the rules where they say how to break it', () => {
    const r = electionOutcome({ seats: 1, candidates: [cand('a', 5), cand('b', 5)], tieBreak: { method: 'rules', source: 'rule 22(4)' } });
    expect(r).toMatchObject({ status: 'tie_for_rules', elected: [] });
    expect(r.minutes).toContain('Your rules decide the tie (rule 22(4))');
  });

  it('always fills exactly the seats once decided (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { minLength: 1, maxLength: 9 }), fc.integer({ min: 1, max: 5 }), (votes, seats) => {
        const candidates = votes.map((v, i) => cand(`c${i}`, v));
        const r = electionOutcome({ seats, candidates, tieBreak: { method: 'lot', seed: 'ab'.repeat(16) } });
        const min = Math.min(...r.elected.map((c) => c.votes.total));
        const losers = r.candidates.filter((c) => !c.elected);
        return r.elected.length === Math.min(seats, votes.length) && losers.every((c) => c.votes.total <= min);
      }),
    );
  });

  it('refuses a duplicate candidate or no seats', () => {
    expect(() => electionOutcome({ seats: 1, candidates: [cand('a', 1), cand('a', 2)] })).toThrow(/twice/);
    expect(() => electionOutcome({ seats: 0, candidates: [] })).toThrow(/seat/);
  });
});

describe('consultationOutcome', () => {
  it('gives counts and percentages, advisory only', () => {
    const r = consultationOutcome({
      question: 'Which day suits the staff forum?',
      options: [
        { id: 'tue', label: 'Tuesday', votes: { electronic: 90, paper: 30 } },
        { id: 'thu', label: 'Thursday', votes: { electronic: 80 } },
      ],
    });
    expect(r.total).toBe(200);
    expect(r.options.map((o) => o.percent)).toEqual(['60.0%', '40.0%']);
    expect(r.minutes).toBe(
      'Consultation: "Which day suits the staff forum?" (advisory: the count informs the board and decides nothing): Tuesday 120 (60.0%; of which 30 on paper) and Thursday 80 (40.0%), of 200 votes in all.',
    );
    expect(r).not.toHaveProperty('passed');
  });
});

describe('questionOutcome', () => {
  it('dispatches by kind', () => {
    expect(questionOutcome({ kind: 'consultation', options: [] }).kind).toBe('consultation');
    expect(questionOutcome({ kind: 'resolution', resolution: 'ordinary', base: 'votes_cast', family: 'society', for: e(2), against: e(1) })).toMatchObject({ kind: 'resolution', passed: true });
  });
});
