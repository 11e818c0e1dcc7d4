import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './legal-date';
import { clearDaysBetween, clearDaysVerdict, deemedDelivery, latestSendDate, noticeVerdict, type DeliveryMethod } from './notice';
import type { UkPart } from './working-days';
import type { LocalDateTime } from './working-hours';

/** The wall-clock minute after `t`. */
function nextMinute(t: LocalDateTime): LocalDateTime {
  const minute = Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16)) + 1;
  const date = minute === 1440 ? addDays(t.slice(0, 10), 1) : t.slice(0, 10);
  const m = minute % 1440;
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

describe('deemedDelivery', () => {
  it('deems a letter posted on Friday at 15:00 delivered on Tuesday at 15:00, citing s1147', () => {
    expect(deemedDelivery('2026-09-11T15:00', 'post', 'england')).toEqual({
      at: '2026-09-15T15:00',
      on: '2026-09-15',
      source: 'CA 2006 s1147(2) and (5): deemed delivered 48 hours after posting, not counting non-working days',
    });
  });

  it('deems it delivered on Wednesday when the Monday is a bank holiday', () => {
    expect(deemedDelivery('2026-08-28T15:00', 'post', 'england').at).toBe('2026-09-02T15:00');
    expect(deemedDelivery('2026-08-28T15:00', 'post', 'scotland').at).toBe('2026-09-01T15:00');
  });

  it('treats electronic notice the same way under s1147(3)', () => {
    const d = deemedDelivery('2026-09-11T15:00', 'electronic', 'england');
    expect(d.at).toBe('2026-09-15T15:00');
    expect(d.source).toMatch(/^CA 2006 s1147\(3\) and \(5\): deemed delivered 48 hours after sending/);
  });

  it('delivers a notice by hand when it is left, even at a weekend', () => {
    expect(deemedDelivery('2026-09-12T10:00', 'hand', 'england')).toMatchObject({ at: '2026-09-12T10:00', on: '2026-09-12' });
  });

  it('uses the period the articles set instead, and cites them', () => {
    const d = deemedDelivery('2026-09-11T15:00', 'post', 'england', { hours: 24, source: 'article 65' });
    expect(d.at).toBe('2026-09-14T15:00');
    expect(d.source).toBe('article 65: deemed delivered 24 hours after posting, not counting non-working days');
  });
});

describe('clearDaysBetween', () => {
  it('counts neither the day of notice nor the day of the meeting (s360)', () => {
    expect(clearDaysBetween('2026-09-01', '2026-09-16')).toBe(14);
    expect(clearDaysBetween('2026-09-01', '2026-09-02')).toBe(0);
    expect(clearDaysBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(clearDaysBetween('2026-09-03', '2026-09-01')).toBe(0);
  });

  it('is the days between less one, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 30000 }), fc.integer({ min: -30, max: 400 }), (day, gap) => {
        expect(clearDaysBetween(fromDayNumber(day), fromDayNumber(day + gap))).toBe(Math.max(0, gap - 1));
      }),
    );
  });
});

describe('clearDaysVerdict', () => {
  it('accepts exactly the clear days required and refuses one fewer, citing the source given', () => {
    const base = { meetingOn: '2026-09-16', requiredClearDays: 14, source: 'CA 2006 s307 and article 22' };
    expect(clearDaysVerdict({ ...base, deliveredOn: '2026-09-01' })).toEqual({
      ok: true,
      required: 14,
      given: 14,
      message: '14 clear days required by CA 2006 s307 and article 22; 14 given.',
    });
    expect(clearDaysVerdict({ ...base, deliveredOn: '2026-09-02' })).toMatchObject({ ok: false, given: 13, message: '14 clear days required by CA 2006 s307 and article 22; 13 given.' });
    expect(clearDaysVerdict({ ...base, requiredClearDays: 1, deliveredOn: '2026-09-14' }).message).toBe('1 clear day required by CA 2006 s307 and article 22; 1 given.');
  });

  it('never accepts notice deemed delivered on or after the day of the meeting, even with no clear days required', () => {
    const base = { meetingOn: '2026-09-16', requiredClearDays: 0, source: 'the rules' };
    expect(clearDaysVerdict({ ...base, deliveredOn: '2026-09-15' })).toMatchObject({ ok: true, given: 0 });
    expect(clearDaysVerdict({ ...base, deliveredOn: '2026-09-16' })).toMatchObject({
      ok: false,
      message: '0 clear days required by the rules; 0 given (notice is deemed delivered on the day of the meeting).',
    });
    expect(clearDaysVerdict({ ...base, deliveredOn: '2026-09-17' }).message).toBe(
      '0 clear days required by the rules; 0 given (notice is deemed delivered after the meeting, on Thursday 17 September 2026).',
    );
  });
});

describe('noticeVerdict', () => {
  it('counts clear days from deemed delivery, not from posting', () => {
    const v = noticeVerdict({
      sentAt: '2026-09-11T15:00',
      method: 'post',
      meetingOn: '2026-09-27',
      requiredClearDays: 14,
      part: 'england',
      source: 'CA 2006 s307 and article 22',
    });
    expect(v.ok).toBe(false);
    expect(v.message).toBe('14 clear days required by CA 2006 s307 and article 22; 11 given.');
    expect(v.delivery.on).toBe('2026-09-15');
    expect(v.explanation).toBe(
      'Posted at 15:00 on Friday 11 September 2026, deemed delivered at 15:00 on Tuesday 15 September 2026 (CA 2006 s1147(2) and (5): deemed delivered 48 hours after posting, not counting non-working days). CA 2006 s360: neither the day notice is given nor the day of the meeting counts.',
    );
  });

  it('gives two more clear days for the same notice handed over', () => {
    const v = noticeVerdict({ sentAt: '2026-09-11T15:00', method: 'hand', meetingOn: '2026-09-27', requiredClearDays: 14, part: 'england', source: 'CA 2006 s307' });
    expect(v).toMatchObject({ ok: true, given: 15 });
    expect(v.explanation).toMatch(/^Delivered by hand at 15:00 on Friday 11 September 2026 \(/);
  });
});

describe('latestSendDate', () => {
  it('works back from the meeting through the clear days and the 48 hours', () => {
    // Meeting Thursday 1 October: delivered by Wednesday 16 September, so posted by Monday 14th.
    expect(latestSendDate({ meetingOn: '2026-10-01', clearDays: 14, method: 'post', part: 'england' })).toEqual({
      latestMoment: '2026-09-14T23:59',
      latestDay: '2026-09-14',
      deliveredBy: '2026-09-16',
      message:
        'For 14 clear days before Thursday 1 October 2026, notice must be deemed delivered by Wednesday 16 September 2026: posted on Monday 14 September 2026 at the latest.',
    });
  });

  it('goes back over a weekend and a bank holiday', () => {
    // Meeting Friday 18 September 2026: delivered by Thursday 3 September; 48 working hours
    // before that end on Tuesday 1st, and 31 August is a bank holiday in England only.
    expect(latestSendDate({ meetingOn: '2026-09-18', clearDays: 14, method: 'post', part: 'england' }).latestDay).toBe('2026-09-01');
    // Delivered by a Sunday: posted by the end of Wednesday (a post at midnight reaches Saturday 00:00).
    const sunday = latestSendDate({ meetingOn: '2026-09-28', clearDays: 14, method: 'post', part: 'england' });
    expect(sunday.deliveredBy).toBe('2026-09-13');
    expect(sunday.latestMoment).toBe('2026-09-10T00:00');
    expect(sunday.latestDay).toBe('2026-09-09');
  });

  it('lets notice by hand go on the last day itself', () => {
    expect(latestSendDate({ meetingOn: '2026-10-01', clearDays: 14, method: 'hand', part: 'england' })).toMatchObject({
      latestMoment: '2026-09-16T23:59',
      latestDay: '2026-09-16',
    });
  });

  it('gives the very last moment: sent then, notice is in time; a minute later, it is not', () => {
    const meetingDay = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
    const method = fc.constantFrom<DeliveryMethod>('post', 'electronic', 'hand');
    const part = fc.constantFrom<UkPart>('england', 'scotland', 'northern_ireland');
    fc.assert(
      fc.property(meetingDay, fc.integer({ min: 0, max: 28 }), method, part, fc.constantFrom(24, 48, 72), (meetingOn, clearDays, m, p, hours) => {
        const verdict = (sentAt: LocalDateTime) =>
          noticeVerdict({ sentAt, method: m, meetingOn, requiredClearDays: clearDays, part: p, source: 'the rules', delivery: { hours } }).ok;
        const latest = latestSendDate({ meetingOn, clearDays, method: m, part: p, delivery: { hours } });
        expect(verdict(latest.latestMoment)).toBe(true);
        expect(verdict(nextMinute(latest.latestMoment))).toBe(false);
        expect(verdict(`${latest.latestDay}T23:59`)).toBe(true);
        expect(verdict(`${addDays(latest.latestDay, 1)}T23:59`)).toBe(false);
      }),
    );
  });

  it('for a society, says its rules decide and names company law only as the app reading where they are silent', () => {
    const company = noticeVerdict({ sentAt: '2026-11-30T09:00', method: 'electronic', meetingOn: '2026-12-08', requiredClearDays: 14, part: 'england', source: 'CA 2006 s307' });
    const society = noticeVerdict({ sentAt: '2026-11-30T09:00', method: 'electronic', meetingOn: '2026-12-08', requiredClearDays: 14, part: 'england', source: 'your registered rules', society: true });
    expect(society.ok).toBe(company.ok);
    expect(society.given).toBe(company.given);
    expect(company.explanation).toMatch(/\(CA 2006 s1147/);
    expect(society.explanation).toMatch(/^Sent electronically at 09:00 on Monday 30 November 2026, deemed delivered at 09:00 on Wednesday 2 December 2026\. Your registered rules decide when a notice counts as delivered and which days count; where they are silent the app counts as company law does \(CA 2006 s1147/);
  });
});
