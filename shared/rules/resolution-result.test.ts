import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastPercent, meetingResolutionResult, percentOf, type MeetingResolutionInput } from './resolution-result';

const ordinary = (votesFor: number, votesAgainst: number, more: Partial<MeetingResolutionInput> = {}) =>
  meetingResolutionResult({ kind: 'ordinary', method: 'show_of_hands', votesFor, votesAgainst, family: 'company', noticeStatedSpecial: false, ...more });
const special = (votesFor: number, votesAgainst: number, more: Partial<MeetingResolutionInput> = {}) =>
  meetingResolutionResult({ kind: 'special', method: 'poll', votesFor, votesAgainst, family: 'company', noticeStatedSpecial: true, ...more });

describe('meetingResolutionResult: ordinary resolutions (CA 2006 s282)', () => {
  it('passes on a simple majority of the votes cast, abstentions aside (s282(3))', () => {
    const r = ordinary(11, 10, { abstentions: 30 });
    expect(r).toMatchObject({ passed: true, failure: null, percentFor: '52.38%' });
    expect(r.message).toBe(
      'Passed as an ordinary resolution on a show of hands: 11 for, 10 against, 30 abstaining (abstentions are not votes cast) (52.38% of the votes cast); a simple majority of the votes cast is needed (CA 2006 s282(3)).',
    );
  });

  it('loses a tie', () => {
    const r = ordinary(10, 10);
    expect(r).toMatchObject({ passed: false, failure: 'tied' });
    expect(r.message).toBe('Not passed as an ordinary resolution on a show of hands: 10 for, 10 against (50% of the votes cast); a simple majority of the votes cast is needed; a tie is not a majority (CA 2006 s282(3)).');
  });

  it('cites s282(4) on a poll, and says when no votes were cast', () => {
    expect(ordinary(300, 100, { method: 'poll' }).message).toMatch(/\(CA 2006 s282\(4\)\)\.$/);
    expect(ordinary(0, 0, { abstentions: 4 })).toMatchObject({ passed: false, failure: 'no_votes_cast', percentFor: null });
  });

  it('cites the rules for a society', () => {
    expect(ordinary(5, 3, { family: 'society' }).message).toMatch(/\(your registered rules; CA 2006 s282\(3\) for companies\)\.$/);
  });

  it('refuses to pass as ordinary what the notice stated as special (s283(6)(b))', () => {
    expect(ordinary(90, 10, { noticeStatedSpecial: true })).toMatchObject({
      passed: false,
      failure: 'stated_special',
      message: 'The notice stated this as a special resolution, so it can be passed only as one (CA 2006 s283(6)(b)); record it as special.',
    });
  });
});

describe('meetingResolutionResult: special resolutions (CA 2006 s283)', () => {
  it('passes at exactly 75% of the votes cast and fails at 74.9%', () => {
    expect(special(75, 25).passed).toBe(true);
    const r = special(749, 251);
    expect(r).toMatchObject({ passed: false, failure: 'below_special_majority', percentFor: '74.9%' });
    expect(r.message).toBe('Not passed as a special resolution on a poll: 749 for, 251 against (74.9% of the votes cast); not less than 75% of the votes cast is needed (CA 2006 s283(5)).');
  });

  it('never rounds 74.99…% up', () => {
    expect(special(299999, 100001).passed).toBe(false);
    expect(percentOf(299999, 400000)).toBe('74.99%');
  });

  it('does not count abstentions in the base, and cites s283(4) on a show of hands', () => {
    const r = special(3, 1, { method: 'show_of_hands', abstentions: 50 });
    expect(r.passed).toBe(true);
    expect(r.message).toMatch(/not less than 75% of the votes cast is needed \(CA 2006 s283\(4\)\)\.$/);
  });

  it('fails a special resolution not stated as special in the notice, however many voted for it (s283(6)(a))', () => {
    const r = special(100, 0, { noticeStatedSpecial: false });
    expect(r).toMatchObject({ passed: false, failure: 'not_stated_special' });
    expect(r.message).toBe(
      'Not passed as a special resolution on a poll: the notice of the meeting did not set out its text and state the intention to propose it as a special resolution (CA 2006 s283(6)(a)); 100 for, 0 against (100% of the votes cast).',
    );
  });

  it('uses a society’s own percentage, and a company’s higher figure in its articles', () => {
    expect(special(2, 1, { family: 'society', specialPct: 66.67 }).passed).toBe(false);
    expect(special(2, 1, { family: 'society', specialPct: 66.66 }).passed).toBe(true);
    expect(special(2, 1, { family: 'society', specialPct: 66.66 }).message).toMatch(/not less than 66\.66% of the votes cast is needed \(your registered rules\)\.$/);
    expect(special(79, 21, { specialPct: 80 }).message).toMatch(/\(CA 2006 s283\(5\) and your articles\)\.$/);
  });

  it('refuses a company special majority below 75%, and counts that are not whole numbers', () => {
    expect(() => special(3, 1, { specialPct: 70 })).toThrow('CA 2006 s283(1) requires a special resolution to pass by not less than 75%; 70% given.');
    expect(() => special(-1, 1)).toThrow('Votes for must be a whole number, 0 or more; -1 given.');
  });

  it('passes exactly when 4 × for ≥ 3 × cast (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (f, a) => {
        expect(special(f, a).passed).toBe(f + a > 0 && 4 * f >= 3 * (f + a));
        expect(ordinary(f, a).passed).toBe(f > a);
      }),
    );
  });
});

describe('atLeastPercent', () => {
  it('compares in whole numbers', () => {
    expect(atLeastPercent(3, 4, 75)).toBe(true);
    expect(atLeastPercent(2, 3, 66.67)).toBe(false);
    expect(atLeastPercent(0, 0, 50)).toBe(false);
  });
});
