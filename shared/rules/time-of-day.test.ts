import { describe, expect, it } from 'vitest';
import { attends, checkTimeOfDay, isTimeOfDay, listNames, presentAt } from './time-of-day';

describe('isTimeOfDay', () => {
  it('accepts 24-hour times and nothing else', () => {
    expect(['00:00', '09:05', '19:40', '23:59'].every(isTimeOfDay)).toBe(true);
    expect(['24:00', '9:05', '19.40', '19:60', '7pm', ''].some(isTimeOfDay)).toBe(false);
  });

  it('names what was wrong when checking', () => {
    expect(() => checkTimeOfDay('25:00', 'The arrival time')).toThrow('The arrival time must be a time like 18:30 (24-hour clock); "25:00" given.');
    expect(() => checkTimeOfDay(null, 'The arrival time')).not.toThrow();
  });
});

describe('presentAt', () => {
  const a = { status: 'present' as const, arrivedAt: '19:10', leftAt: '20:00' };
  it('is there from arrival up to, not including, departure', () => {
    expect(presentAt(a, '19:09')).toBe(false);
    expect(presentAt(a, '19:10')).toBe(true);
    expect(presentAt(a, '19:59')).toBe(true);
    expect(presentAt(a, '20:00')).toBe(false);
  });

  it('with no moment, counts whoever has not left; a departure at the end is no departure', () => {
    expect(presentAt(a, null)).toBe(false);
    expect(presentAt(a, null, '20:00')).toBe(true);
    expect(presentAt(a, '20:30', '20:00')).toBe(true);
  });

  it('counts electronic attendance (CA 2006 s360A) and never apologies or absence', () => {
    expect(attends('present_electronically')).toBe(true);
    expect(attends('present_in_person')).toBe(true);
    expect(presentAt({ status: 'apologies', arrivedAt: null, leftAt: null }, '19:00')).toBe(false);
    expect(presentAt({ status: 'absent', arrivedAt: null, leftAt: null }, null)).toBe(false);
  });
});

describe('listNames', () => {
  it('joins names as a sentence does', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['J. Patel'])).toBe('J. Patel');
    expect(listNames(['J. Patel', 'A. Khan'])).toBe('J. Patel and A. Khan');
    expect(listNames(['J. Patel', 'A. Khan', 'B. Lee'])).toBe('J. Patel, A. Khan and B. Lee');
  });
});
