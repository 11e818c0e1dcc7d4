import { describe, expect, it } from 'vitest';
import { attendanceTimesProblem, directorNotInOfficeProblem, endTimeProblem, meetingBeforeOrganisationProblem, noticeAfterMeetingProblem } from './meeting-times';

describe('endTimeProblem', () => {
  it('refuses an end before the start, or at it', () => {
    expect(endTimeProblem('19:00', '18:00')).toBe('The meeting ends at 18:00, before it starts at 19:00.');
    expect(endTimeProblem('19:00', '19:00')).toBe('The meeting ends at 19:00, the moment it starts; enter the time it closed.');
    expect(endTimeProblem('19:00', '21:15')).toBeNull();
    expect(endTimeProblem('19:00', null)).toBeNull();
  });

  it('refuses times that are not times', () => {
    expect(endTimeProblem('7pm', null)).toBe('Enter the start time as a time like 18:30 (24-hour clock); "7pm" is not one.');
    expect(endTimeProblem('19:00', '25:00')).toMatch(/^Enter the end time/);
  });
});

describe('meetingBeforeOrganisationProblem', () => {
  it('refuses a meeting before incorporation or registration, and allows one on the day', () => {
    expect(meetingBeforeOrganisationProblem('2019-03-03', '2019-04-01', 'company')).toBe('The meeting is dated 3 March 2019, before the company was incorporated on 1 April 2019.');
    expect(meetingBeforeOrganisationProblem('2019-03-03', '2019-04-01', 'society')).toBe('The meeting is dated 3 March 2019, before the society was registered on 1 April 2019.');
    expect(meetingBeforeOrganisationProblem('2019-04-01', '2019-04-01', 'company')).toBeNull();
    expect(meetingBeforeOrganisationProblem('2019-03-03', null, 'company')).toBeNull();
  });
});

describe('noticeAfterMeetingProblem', () => {
  it('refuses notice dated after the meeting', () => {
    expect(noticeAfterMeetingProblem('2026-05-13', '2026-05-12')).toBe('The notice is dated 13 May 2026, after the meeting on 12 May 2026.');
    expect(noticeAfterMeetingProblem('2026-05-13T09:00', '2026-05-12')).toBe('The notice is dated 13 May 2026, after the meeting on 12 May 2026.');
  });

  it('refuses notice sent on the day after the meeting began, where the times say so', () => {
    expect(noticeAfterMeetingProblem('2026-05-12T19:30', '2026-05-12', '19:00')).toBe('The notice was sent at 19:30 on 12 May 2026, after the meeting started at 19:00.');
    expect(noticeAfterMeetingProblem('2026-05-12T09:00', '2026-05-12', '19:00')).toBeNull();
    expect(noticeAfterMeetingProblem('2026-05-12', '2026-05-12', '19:00')).toBeNull();
    expect(noticeAfterMeetingProblem('2026-04-20', '2026-05-12')).toBeNull();
  });

  it('refuses something that is not a date', () => {
    expect(noticeAfterMeetingProblem('last week', '2026-05-12')).toBe('Enter the date the notice was sent as a date; "last week" is not one.');
  });
});

describe('directorNotInOfficeProblem', () => {
  it('refuses a director appointed after the meeting', () => {
    expect(directorNotInOfficeProblem({ name: 'J. Patel', appointedOn: '2026-05-13', ceasedOn: null }, '2026-05-12')).toBe(
      'J. Patel was appointed a director on 13 May 2026, after this meeting on 12 May 2026, so cannot be recorded as present as a director; record them as in attendance instead.',
    );
  });

  it('refuses a director who ceased before the meeting, but not one who ceased on the day', () => {
    expect(directorNotInOfficeProblem({ name: 'A. Khan', appointedOn: '2020-01-01', ceasedOn: '2026-05-11' }, '2026-05-12')).toMatch(/^A\. Khan ceased to be a director on 11 May 2026, before this meeting/);
    expect(directorNotInOfficeProblem({ name: 'A. Khan', appointedOn: '2020-01-01', ceasedOn: '2026-05-12' }, '2026-05-12')).toBeNull();
    expect(directorNotInOfficeProblem({ name: 'A. Khan', appointedOn: '2026-05-12', ceasedOn: null }, '2026-05-12')).toBeNull();
  });
});

describe('attendanceTimesProblem', () => {
  const meeting = { startsAt: '19:00', endsAt: '21:00' };
  const at = (arrivedAt: string | null, leftAt: string | null) => attendanceTimesProblem({ name: 'J. Patel', arrivedAt, leftAt }, meeting);

  it('refuses arrival before the start', () => {
    expect(at('18:50', null)).toBe("J. Patel's arrival at 18:50 is before the meeting started at 19:00; leave it blank, or enter 19:00, if they were there from the start.");
  });

  it('refuses departure before arrival, or at it', () => {
    expect(at('19:40', '19:30')).toBe("J. Patel's departure at 19:30 is before their arrival at 19:40.");
    expect(at('19:40', '19:40')).toBe("J. Patel's departure at 19:40 is the same as their arrival.");
  });

  it('refuses arrival at or after the end, and departure at or before the start', () => {
    expect(at('21:00', null)).toBe("J. Patel's arrival at 21:00 is not before the meeting ended at 21:00.");
    expect(at(null, '19:00')).toMatch(/^J\. Patel's departure at 19:00 is not after the meeting started at 19:00/);
  });

  it('accepts times that could be true, and says which time is not a time', () => {
    expect(at('19:10', '20:30')).toBeNull();
    expect(at(null, null)).toBeNull();
    expect(at('19:00', '21:30')).toBeNull();
    expect(at('7.10pm', null)).toBe('Enter J. Patel\'s arrival as a time like 18:30 (24-hour clock); "7.10pm" is not one.');
  });
});
