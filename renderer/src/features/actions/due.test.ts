import { describe, expect, it } from 'vitest';
import { dueWords } from './due';

describe('dueWords', () => {
  const open = { status: 'open' as const, closedOn: null };
  it('says an open action past its due date is overdue, in words, with how long ago', () => {
    expect(dueWords({ ...open, dueOn: '2026-11-03' }, '2026-11-30')).toEqual({ text: 'Overdue: was due 3 November 2026 (27 days ago)', overdue: true });
    expect(dueWords({ ...open, dueOn: '2026-11-29' }, '2026-11-30').text).toBe('Overdue: was due 29 November 2026 (1 day ago)');
  });
  it('is not overdue on the due day itself', () => {
    expect(dueWords({ ...open, dueOn: '2026-11-30' }, '2026-11-30')).toEqual({ text: 'Due today, 30 November 2026', overdue: false });
  });
  it('counts down the last week and leaves later dates plain', () => {
    expect(dueWords({ ...open, dueOn: '2026-12-03' }, '2026-11-30').text).toBe('Due 3 December 2026 (in 3 days)');
    expect(dueWords({ ...open, dueOn: '2027-01-15' }, '2026-11-30').text).toBe('Due 15 January 2027');
  });
  it('never calls a closed action overdue, and says when it was closed', () => {
    expect(dueWords({ dueOn: '2026-01-01', status: 'done', closedOn: '2026-02-01' }, '2026-11-30')).toEqual({ text: 'Done on 1 February 2026', overdue: false });
    expect(dueWords({ dueOn: null, status: 'dropped', closedOn: null }, '2026-11-30').text).toBe('Dropped');
  });
  it('says when there is no due date', () => {
    expect(dueWords({ ...open, dueOn: null }, '2026-11-30').text).toBe('No due date');
  });
});
