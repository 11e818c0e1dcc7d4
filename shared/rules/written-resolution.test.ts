import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from './legal-date';
import {
  eligibleMembersOn,
  lapsePeriod,
  writtenResolutionAvailability,
  writtenResolutionProblems,
  writtenResolutionResult,
  type WrittenAgreement,
  type WrittenResolutionInput,
} from './written-resolution';

const agree = (memberId: string, receivedOn: string, votes = 1): WrittenAgreement => ({ memberId, name: `Member ${memberId}`, votes, receivedOn });
const input = (over: Partial<WrittenResolutionInput> = {}): WrittenResolutionInput => ({
  kind: 'ordinary',
  family: 'company',
  statedAsSpecial: false,
  circulatedOn: '2026-03-02',
  totalEligibleVotes: 100,
  agreements: [],
  today: '2026-03-10',
  ...over,
});
const many = (n: number, receivedOn: string, from = 0) => Array.from({ length: n }, (_, i) => agree(`m${from + i}`, receivedOn));

describe('lapsePeriod (CA 2006 s297)', () => {
  it('counts 28 days beginning with the circulation date, so the last day is the circulation date plus 27', () => {
    const p = lapsePeriod('2026-03-02');
    expect(p.lastDay).toBe('2026-03-29');
    expect(p.message).toBe(
      'The period of 28 days (CA 2006 s297(1)(b)), beginning with the circulation date, 2 March 2026, ends on 29 March 2026: agreement received by the end of that day counts; the resolution lapses if not passed by then, and agreement received later is ineffective (CA 2006 s297).',
    );
  });

  it('uses the articles’ period, counted the same way', () => {
    expect(lapsePeriod('2026-02-20', 14, 'article 30')).toMatchObject({ lastDay: '2026-03-05', days: 14 });
    expect(lapsePeriod('2026-02-20', 14, 'article 30').message).toMatch(/^The period of 14 days set by article 30, beginning with the circulation date/);
    expect(lapsePeriod('2026-02-20', 1).lastDay).toBe('2026-02-20');
  });

  it('always spans exactly the period, the circulation date included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 30000 }), fc.integer({ min: 1, max: 90 }), (day, days) => {
        const on = fromDayNumber(day);
        expect(lapsePeriod(on, days).lastDay).toBe(addDays(on, days - 1));
      }),
    );
  });
});

describe('writtenResolutionResult', () => {
  it('counts agreement received on the last day and not the day after (the lapse-day boundary)', () => {
    const onLastDay = writtenResolutionResult(input({ totalEligibleVotes: 3, agreements: [agree('a', '2026-03-05'), agree('b', '2026-03-29')], today: '2026-04-10' }));
    expect(onLastDay).toMatchObject({ status: 'passed', passedOn: '2026-03-29', agreedVotes: 2, neededVotes: 2 });
    const dayAfter = writtenResolutionResult(input({ totalEligibleVotes: 3, agreements: [agree('a', '2026-03-05'), agree('b', '2026-03-30')], today: '2026-04-10' }));
    expect(dayAfter).toMatchObject({ status: 'lapsed', passed: false, agreedVotes: 1 });
    expect(dayAfter.late.map((a) => a.memberId)).toEqual(['b']);
    expect(dayAfter.message).toBe(
      'Lapsed at the end of 29 March 2026 without passing: 1 of the 3 votes of eligible members (33.33%) agreed in time; 2 were needed, a simple majority of the total voting rights of eligible members (CA 2006 s282(2)) (CA 2006 s297(1)). One agreement received after 29 March 2026 is ineffective (CA 2006 s297(2)).',
    );
  });

  it('is open until the last day, on the base of all eligible members, not those who replied', () => {
    const r = writtenResolutionResult(input({ agreements: many(40, '2026-03-04'), today: '2026-03-29' }));
    expect(r).toMatchObject({ status: 'open', agreedVotes: 40, neededVotes: 51 });
    expect(r.message).toBe(
      'Not yet passed: 40 of the 100 votes of eligible members (40%) have agreed; 51 are needed, a simple majority of the total voting rights of eligible members (CA 2006 s282(2)), by the end of 29 March 2026 (CA 2006 s297).',
    );
  });

  it('passes on the day the agreement that makes the majority is received (s296(4))', () => {
    const agreements = [...many(30, '2026-03-03'), ...many(21, '2026-03-06', 30), ...many(10, '2026-03-08', 51)];
    const r = writtenResolutionResult(input({ agreements }));
    expect(r).toMatchObject({ status: 'passed', passedOn: '2026-03-06', agreedVotes: 61 });
    expect(r.message).toBe(
      'Passed as an ordinary resolution on 6 March 2026, when members with 51 of the 100 votes of eligible members (51%) had agreed; a simple majority of the total voting rights of eligible members (CA 2006 s282(2)) is needed, and it is passed when that majority has agreed (CA 2006 s296(4)).',
    );
  });

  it('needs exactly half plus one for an ordinary resolution: half is not a majority', () => {
    expect(writtenResolutionResult(input({ agreements: many(50, '2026-03-03') })).status).toBe('open');
    expect(writtenResolutionResult(input({ totalEligibleVotes: 7, agreements: many(4, '2026-03-03') })).status).toBe('passed');
  });

  it('needs not less than 75% of all eligible votes for a special resolution (s283(2)), weighted by votes', () => {
    const special = { kind: 'special' as const, statedAsSpecial: true };
    expect(writtenResolutionResult(input({ ...special, agreements: [agree('a', '2026-03-03', 75)] })).status).toBe('passed');
    expect(writtenResolutionResult(input({ ...special, agreements: [agree('a', '2026-03-03', 74)] })).status).toBe('open');
    expect(writtenResolutionResult(input({ ...special, totalEligibleVotes: 1000, agreements: [agree('a', '2026-03-03', 749)] })).status).toBe('open');
  });

  it('requires a special resolution to have stated it was special, and then only as special (s283(3))', () => {
    expect(writtenResolutionResult(input({ kind: 'special', statedAsSpecial: false })).message).toBe(
      'A written resolution is special only if it stated that it was proposed as a special resolution (CA 2006 s283(3)(a)); this one did not.',
    );
    expect(writtenResolutionResult(input({ kind: 'ordinary', statedAsSpecial: true })).status).toBe('not_available');
  });

  it('is not available to remove a director or an auditor, nor to a public company', () => {
    expect(writtenResolutionResult(input({ purpose: 'remove_director' })).message).toMatch(/s168 .* cannot be passed as a written resolution \(s288\(2\)\(a\)\)/);
    expect(writtenResolutionAvailability({ family: 'company', purpose: 'remove_auditor' })).toMatchObject({ available: false, statutory: true });
    expect(writtenResolutionAvailability({ family: 'company', company: 'public' }).message).toBe(
      "A public company's members can pass resolutions only at a meeting (CA 2006 s281(2)); written resolutions are for private companies (s288(1)).",
    );
  });

  it('leaves a society to its rules', () => {
    expect(writtenResolutionAvailability({ family: 'society' })).toMatchObject({ available: false, statutory: false });
    const r = writtenResolutionResult(input({ family: 'society', rulesAllow: true, kind: 'special', statedAsSpecial: true, specialPct: 66.66, totalEligibleVotes: 3, agreements: [agree('a', '2026-03-03'), agree('b', '2026-03-03')] }));
    expect(r.status).toBe('passed');
    expect(r.message).toMatch(/not less than 66\.66% of the total voting rights of eligible members \(your registered rules\)/);
    // A percentage is not a fraction: two of three is 66.66…%, short of 66.67%.
    expect(writtenResolutionResult(input({ family: 'society', rulesAllow: true, kind: 'special', statedAsSpecial: true, specialPct: 66.67, totalEligibleVotes: 3, agreements: [agree('a', '2026-03-03'), agree('b', '2026-03-03')] })).status).toBe('open');
  });

  it('finds what is wrong with the agreements recorded', () => {
    const problems = writtenResolutionProblems(
      input({
        eligibleIds: new Set(['a', 'b']),
        agreements: [agree('a', '2026-03-01'), agree('a', '2026-03-04'), agree('z', '2026-03-04'), agree('b', '2026-03-20')],
      }),
    );
    expect(problems).toEqual([
      "Member a's agreement is dated 1 March 2026, before the resolution was circulated on 2 March 2026.",
      "Member a's agreement is recorded twice; a member agrees once, and cannot revoke it (CA 2006 s296(3)).",
      'Member z was not an eligible member on the circulation date, so cannot agree to it (CA 2006 s289(1)).',
      "Member b's agreement is dated 20 March 2026, after today.",
    ]);
    expect(() => writtenResolutionResult(input({ totalEligibleVotes: 1, agreements: [agree('a', '2026-03-03', 2)] }))).toThrow('The agreements carry 2 votes, more than the 1 votes of all eligible members.');
  });
});

describe('eligibleMembersOn (CA 2006 s289)', () => {
  const members = [
    { id: 'a', name: 'A. One', votes: 1, admittedOn: '2020-01-01', ceasedOn: null },
    { id: 'b', name: 'B. Two', votes: 5, admittedOn: '2026-03-02', ceasedOn: null },
    { id: 'c', name: 'C. Three', votes: 1, admittedOn: '2020-01-01', ceasedOn: '2026-03-02' },
    { id: 'd', name: 'D. Four', votes: 1, admittedOn: '2026-03-03', ceasedOn: null },
    { id: 'e', name: 'E. Five', votes: 1, admittedOn: '2020-01-01', ceasedOn: '2026-03-03' },
    { id: 'f', name: 'F. Six', votes: 1, admittedOn: '2020-01-01', ceasedOn: null, entitledToVote: false },
  ];

  it('takes the members entitled to vote on the circulation date, with their votes as the base', () => {
    const e = eligibleMembersOn(members, '2026-03-02');
    expect(e.eligible.map((m) => m.id)).toEqual(['a', 'b', 'e']);
    expect(e.totalVotes).toBe(7);
  });

  it('lists admissions and cessations on the circulation date for checking against s289(2)', () => {
    const e = eligibleMembersOn(members, '2026-03-02');
    expect(e.sameDay).toEqual([
      { id: 'b', name: 'B. Two', change: 'admitted', counted: true },
      { id: 'c', name: 'C. Three', change: 'ceased', counted: false },
    ]);
    expect(e.message).toBe(
      '3 eligible members holding 7 votes: those entitled to vote on the circulation date, 2 March 2026 (CA 2006 s289(1)). Check B. Two (admitted that day, counted) and C. Three (ceased that day, not counted): where entitlement changes on the circulation date, the eligible members are those entitled when the first copy was sent (CA 2006 s289(2)).',
    );
  });
});
