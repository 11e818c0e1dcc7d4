import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './legal-date';
import { latestProxyDeadline, proxyDeadlineFromRules, proxyDeadlineVerdict } from './proxy-deadline';
import { isWorkingDay, type UkPart } from './working-days';
import { addWorkingHours } from './working-hours';

describe('latestProxyDeadline', () => {
  it('is 48 working hours before the meeting: Monday 10:00 → the Thursday before at 10:00', () => {
    expect(latestProxyDeadline('2026-10-05T10:00', 'england')).toEqual({ at: '2026-10-01T10:00', hours: 48, source: 'CA 2006 s327(2)-(3)' });
  });

  it('skips a bank holiday where the company is registered', () => {
    // Wednesday 2 September 2026, 14:00: back over Monday 31 August (a holiday outside Scotland).
    expect(latestProxyDeadline('2026-09-02T14:00', 'england').at).toBe('2026-08-28T14:00');
    expect(latestProxyDeadline('2026-09-02T14:00', 'scotland').at).toBe('2026-08-31T14:00');
  });

  it('is 24 working hours before a poll taken more than 48 hours after it was demanded', () => {
    expect(latestProxyDeadline('2026-10-05T10:00', 'england', { pollAfterDemand: true })).toMatchObject({ at: '2026-10-02T10:00', hours: 24 });
  });

  it('always leaves exactly 48 working hours to a meeting held on a working day', () => {
    const moment = fc
      .tuple(fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2030-12-31') }), fc.integer({ min: 1, max: 23 }))
      .map(([d, h]) => `${fromDayNumber(d)}T${String(h).padStart(2, '0')}:00`);
    fc.assert(
      fc.property(moment, fc.constantFrom<UkPart>('england', 'scotland', 'northern_ireland'), (meetingAt, part) => {
        fc.pre(isWorkingDay(meetingAt.slice(0, 10), part));
        expect(addWorkingHours(latestProxyDeadline(meetingAt, part).at, 48, part)).toBe(meetingAt);
      }),
    );
  });
});

describe('proxyDeadlineVerdict', () => {
  const meeting = '2026-10-05T10:00';

  it('accepts the earliest lawful deadline and anything later up to the meeting', () => {
    expect(proxyDeadlineVerdict('2026-10-01T10:00', meeting, 'england')).toEqual({
      ok: true,
      earliestLawful: '2026-10-01T10:00',
      message:
        'CA 2006 s327(2)-(3): a proxy appointment cannot be required more than 48 hours before the meeting, not counting days that are not working days, so the earliest lawful deadline is 10:00 on Thursday 1 October 2026; 10:00 on Thursday 1 October 2026 is lawful.',
    });
    expect(proxyDeadlineVerdict('2026-10-02T17:00', meeting, 'england').ok).toBe(true);
    expect(proxyDeadlineVerdict(meeting, meeting, 'england').ok).toBe(true);
  });

  it('refuses a deadline one minute too early, citing s327', () => {
    const v = proxyDeadlineVerdict('2026-10-01T09:59', meeting, 'england');
    expect(v.ok).toBe(false);
    expect(v.message).toBe(
      'CA 2006 s327(2)-(3): a proxy appointment cannot be required more than 48 hours before the meeting, not counting days that are not working days, so the earliest lawful deadline is 10:00 on Thursday 1 October 2026; 09:59 on Thursday 1 October 2026 was set.',
    );
  });

  it('accepts 48 clock hours before a Tuesday meeting (a later deadline) but not a deadline before the 48 working hours', () => {
    // Tuesday 10:00 less 48 clock hours is Sunday 10:00; less 48 working hours it is Friday 10:00.
    expect(proxyDeadlineVerdict('2026-10-04T10:00', '2026-10-06T10:00', 'england').ok).toBe(true);
    expect(proxyDeadlineVerdict('2026-10-01T10:00', '2026-10-06T10:00', 'england').ok).toBe(false);
  });

  it('accepts having no deadline at all, and refuses one after the meeting starts', () => {
    expect(proxyDeadlineVerdict(null, meeting, 'england')).toMatchObject({ ok: true, message: 'No deadline is set, so appointments may be received up to the start of the meeting.' });
    expect(proxyDeadlineVerdict('2026-10-05T10:01', meeting, 'england')).toMatchObject({ ok: false, message: expect.stringMatching(/is after the start of the meeting/) });
  });
});

describe('proxyDeadlineFromRules', () => {
  it('counts the rules’ hours as working hours, so 24 hours before Monday 10:00 is Friday 10:00', () => {
    expect(proxyDeadlineFromRules('2026-10-05T10:00', 24, 'england')).toBe('2026-10-02T10:00');
    expect(proxyDeadlineVerdict(proxyDeadlineFromRules('2026-10-05T10:00', 48, 'england'), '2026-10-05T10:00', 'england').ok).toBe(true);
    expect(proxyDeadlineVerdict(proxyDeadlineFromRules('2026-10-05T10:00', 49, 'england'), '2026-10-05T10:00', 'england').ok).toBe(false);
  });
});
