import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from './legal-date';
import { SOCIETY_RESOLUTION_KINDS, type ResolutionVote } from './society-resolutions';
import { secondMeetingDateVerdict, secondMeetingWindow, twoMeetingVerdict } from './society-two-meeting';

const vote = (heldOn: string, votesFor: number, votesAgainst: number, eligibleMembers = 100): ResolutionVote => ({ heldOn, eligibleMembers, votesFor, votesAgainst });

describe('secondMeetingWindow', () => {
  it('runs from 14 days after the first meeting to one calendar month after it, both included', () => {
    const w = secondMeetingWindow('transfer_of_engagements', '2026-03-02');
    expect(w).toMatchObject({ earliest: '2026-03-16', latest: '2026-04-02', source: 'CCBS Act 2014 s111(2)(e)' });
    expect(w.message).toBe(
      'Hold the confirming meeting on any day from 16 March 2026 to 2 April 2026: at least 14 days after the first meeting on 2 March 2026, not counting that day, and no more than one calendar month after it (CCBS Act 2014 s111(2)(e)).',
    );
    expect(secondMeetingWindow('conversion_to_company', '2026-03-02').source).toBe('CCBS Act 2014 s113(2)(f)');
  });

  it('ends a month from 31 January on the last day of February, in a leap year too', () => {
    expect(secondMeetingWindow('amalgamation', '2026-01-31')).toMatchObject({ earliest: '2026-02-14', latest: '2026-02-28' });
    expect(secondMeetingWindow('amalgamation', '2028-01-31').latest).toBe('2028-02-29');
    expect(secondMeetingWindow('amalgamation', '2026-12-20').latest).toBe('2027-01-20');
  });
});

describe('secondMeetingDateVerdict', () => {
  it('refuses day 13 and accepts day 14', () => {
    const day13 = secondMeetingDateVerdict('transfer_of_engagements', '2026-03-02', '2026-03-15');
    expect(day13).toMatchObject({ ok: false, problem: 'too_early', daysAfter: 13 });
    expect(day13.message).toBe(
      'The second meeting on 15 March 2026 is 13 days after the first meeting on 2 March 2026; it must be at least 14 days after (CCBS Act 2014 s111(2)(e)), so 16 March 2026 at the earliest.',
    );
    expect(secondMeetingDateVerdict('transfer_of_engagements', '2026-03-02', '2026-03-16')).toMatchObject({ ok: true, daysAfter: 14 });
  });

  it('accepts one month exactly and refuses the day after', () => {
    expect(secondMeetingDateVerdict('conversion_to_company', '2026-03-02', '2026-04-02').ok).toBe(true);
    const late = secondMeetingDateVerdict('conversion_to_company', '2026-03-02', '2026-04-03');
    expect(late).toMatchObject({ ok: false, problem: 'too_late' });
    expect(late.message).toBe('The second meeting on 3 April 2026 is more than one month after the first meeting on 2 March 2026 (CCBS Act 2014 s113(2)(f)); 2 April 2026 is the last day it may be held.');
  });

  it('says when the second meeting is not after the first at all', () => {
    expect(secondMeetingDateVerdict('amalgamation', '2026-03-02', '2026-03-02').message).toMatch(/^The second meeting on 2 March 2026 is not after the first meeting on 2 March 2026;/);
  });

  it('agrees with the window for any pair of dates (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 30000 }), fc.integer({ min: -5, max: 40 }), (day, gap) => {
        const first = fromDayNumber(day);
        const second = addDays(first, gap);
        const w = secondMeetingWindow('amalgamation', first);
        expect(secondMeetingDateVerdict('amalgamation', first, second).ok).toBe(second >= w.earliest && second <= w.latest);
        expect(gap >= 14 && gap <= 28 ? secondMeetingDateVerdict('amalgamation', first, second).ok : true).toBe(true);
      }),
    );
  });
});

describe('twoMeetingVerdict', () => {
  it('waits for the confirming meeting once the first has passed it', () => {
    const v = twoMeetingVerdict('transfer_of_engagements', vote('2026-03-02', 20, 10));
    expect(v).toMatchObject({ stage: 'awaiting_second_meeting', failedStep: null });
    expect(v.message).toBe(
      'Passed at the first meeting; it must now be confirmed by over half of the eligible members who vote at a second meeting. Hold the confirming meeting on any day from 16 March 2026 to 2 April 2026: at least 14 days after the first meeting on 2 March 2026, not counting that day, and no more than one calendar month after it (CCBS Act 2014 s111(2)(e)).',
    );
  });

  it('says it failed at the first meeting’s vote', () => {
    const v = twoMeetingVerdict('transfer_of_engagements', vote('2026-03-02', 19, 10), vote('2026-03-20', 50, 0));
    expect(v).toMatchObject({ stage: 'failed', failedStep: 'first_meeting_majority' });
    expect(v.message).toBe(
      'Not passed: it failed at the vote at the first meeting. First meeting: 19 of the 29 eligible members who voted were in favour (65.52%); at least two-thirds is needed (CCBS Act 2014 s111(2)(a)).',
    );
  });

  it('says it failed at the turnout for a conversion (s113(2)(b))', () => {
    const v = twoMeetingVerdict('conversion_to_company', vote('2026-03-02', 45, 4));
    expect(v.failedStep).toBe('first_meeting_turnout');
    expect(v.message).toBe('Not passed: it failed at the turnout at the first meeting. 49 of the 100 eligible members voted (49%); at least half of them must vote (CCBS Act 2014 s113(2)(b)).');
  });

  it('says it failed at the date of the second meeting, even when confirmed', () => {
    const v = twoMeetingVerdict('amalgamation', vote('2026-03-02', 20, 10), vote('2026-03-15', 30, 1));
    expect(v.failedStep).toBe('second_meeting_date');
    expect(v.message).toMatch(/^Not passed: it failed at the date of the second meeting\. The second meeting on 15 March 2026 is 13 days after/);
  });

  it('says it failed at confirmation when exactly half confirm', () => {
    const v = twoMeetingVerdict('amalgamation', vote('2026-03-02', 20, 10), vote('2026-03-16', 10, 10));
    expect(v.failedStep).toBe('confirmation');
    expect(v.message).toBe('Not passed: it failed at the confirmation at the second meeting. Second meeting: 10 of the 20 eligible members who voted confirmed it (50%); over half is needed (CCBS Act 2014 s111(2)(c)).');
  });

  it('passes when every step holds, and says what comes next', () => {
    const v = twoMeetingVerdict('conversion_to_company', vote('2026-03-02', 45, 5), vote('2026-04-02', 30, 29));
    expect(v).toMatchObject({ stage: 'passed', failedStep: null });
    expect(v.message).toMatch(/^Passed and confirmed as a special resolution under CCBS Act 2014 s113\. The society’s registration becomes void/);
  });

  it('agrees with societySpecialResolutionVerdict on whether it passed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOCIETY_RESOLUTION_KINDS),
        fc.tuple(fc.nat(60), fc.nat(60), fc.nat(60)),
        fc.integer({ min: 10, max: 35 }),
        fc.tuple(fc.nat(60), fc.nat(60)),
        (kind, [f, a, rest], gap, [f2, a2]) => {
          const first = vote('2026-03-02', f, a, f + a + rest);
          const second = vote(addDays('2026-03-02', gap), f2, a2, f + a + rest + f2 + a2);
          const v = twoMeetingVerdict(kind, first, second);
          expect(v.stage === 'passed').toBe(v.verdict.passed);
          expect(v.stage === 'failed').toBe(!v.verdict.passed);
        },
      ),
    );
  });
});
