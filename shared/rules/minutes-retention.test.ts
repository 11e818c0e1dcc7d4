import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, fromDayNumber } from './legal-date';
import { MINUTES_KINDS, earliestDeletionDate, minutesDeletionRefusal, minutesRetention } from './minutes-retention';

describe('minutesRetention', () => {
  it('keeps board minutes ten years from the date of the meeting, that day not counted (CA 2006 s248(2))', () => {
    expect(minutesRetention('board_meeting', '2016-05-12', 'company')).toEqual({
      years: 10,
      keepUntil: '2026-05-12',
      deletableFrom: '2026-05-13',
      statutory: true,
      source: 'CA 2006 s248(2): at least ten years from the date of the meeting',
    });
  });

  it('cites s355 for general meetings and members’ written resolutions, and art 15 for directors’ written decisions', () => {
    expect(minutesRetention('general_meeting', '2016-05-12', 'company').source).toBe('CA 2006 s355(1)(b) and (2): at least ten years from the date of the meeting');
    expect(minutesRetention('members_written_resolution', '2016-05-12', 'company').source).toBe('CA 2006 s355(1)(a) and (2): at least ten years from the date of the resolution');
    expect(minutesRetention('board_written_decision', '2016-05-12', 'company').source).toMatch(/^Model Articles art 15/);
  });

  it('keeps a longer period the articles set, never a shorter one', () => {
    expect(minutesRetention('board_meeting', '2016-05-12', 'company', 25)).toMatchObject({ years: 25, deletableFrom: '2041-05-13', source: expect.stringMatching(/^your articles: 25 years/) });
    expect(minutesRetention('board_meeting', '2016-05-12', 'company', 6).years).toBe(10);
  });

  it('for a society, says the Act sets no period and keeps 10 years unless the rules say otherwise', () => {
    const r = minutesRetention('general_meeting', '2016-05-12', 'society');
    expect(r).toMatchObject({ years: 10, statutory: false, deletableFrom: '2026-05-13' });
    expect(r.source).toMatch(/^the CCBS Act 2014 sets no period for keeping minutes and your rules set none, so the app keeps them 10 years: .* it is not a statutory period$/);
    expect(minutesRetention('general_meeting', '2016-05-12', 'society', 15).source).toBe('your registered rules: 15 years (the CCBS Act 2014 sets no period for keeping minutes)');
  });

  it('ends ten years from 29 February on 28 February, so deletion waits until 1 March', () => {
    expect(earliestDeletionDate('board_meeting', '2016-02-29', 'company')).toBe('2026-03-01');
  });

  it('is always the day after the tenth anniversary, for every kind (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 30000 }), fc.constantFrom(...MINUTES_KINDS), (day, kind) => {
        const on = fromDayNumber(day);
        const from = earliestDeletionDate(kind, on, 'company');
        expect(from > addYears(on, 10)).toBe(true);
        expect(minutesDeletionRefusal(kind, on, 'company', from)).toBeNull();
        expect(minutesDeletionRefusal(kind, on, 'company', addYears(on, 10))).not.toBeNull();
      }),
    );
  });
});

describe('minutesDeletionRefusal', () => {
  it('refuses deletion before the period ends, saying until when and why', () => {
    expect(minutesDeletionRefusal('board_meeting', '2020-05-12', 'company', '2026-11-30')).toBe(
      'Minutes of a board meeting of 12 May 2020 must be kept until 12 May 2030 (CA 2006 s248(2): at least ten years from the date of the meeting); they may be deleted from 13 May 2030.',
    );
    expect(minutesDeletionRefusal('members_written_resolution', '2020-05-12', 'company', '2030-05-12')).toMatch(/^A members' written resolution of 12 May 2020 must be kept until 12 May 2030 .*; it may be deleted from 13 May 2030\.$/);
  });

  it('allows deletion from the first day after the period', () => {
    expect(minutesDeletionRefusal('general_meeting', '2016-05-12', 'company', '2026-05-13')).toBeNull();
  });

  it('refuses dates that are not dates', () => {
    expect(() => minutesRetention('board_meeting', '12/05/2016', 'company')).toThrow(RangeError);
    expect(() => minutesDeletionRefusal('board_meeting', '2016-05-12', 'company', 'today')).toThrow(RangeError);
  });
});
