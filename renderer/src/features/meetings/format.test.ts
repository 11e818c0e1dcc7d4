import { describe, expect, it } from 'vitest';
import { conflictWords, currentItemIndex, formatAllotted, itemDepth, meetingWhen, meetingWhere, normaliseTime, nowHHMM, shortSha } from './format';

describe('meeting words', () => {
  it('says the day, date and times as a British secretary writes them', () => {
    expect(meetingWhen({ heldOn: '2026-03-10', startsAt: '18:30', endsAt: '21:00' })).toBe('Tuesday 10 March 2026, 18:30 to 21:00');
    expect(meetingWhen({ heldOn: '2026-11-30', startsAt: '09:00', endsAt: null })).toBe('Monday 30 November 2026, 09:00');
  });

  it('says where, including online only', () => {
    expect(meetingWhere({ place: 'Civic Hall', electronicMeans: null })).toBe('Civic Hall');
    expect(meetingWhere({ place: 'Civic Hall', electronicMeans: 'Teams' })).toBe('Civic Hall, and online');
    expect(meetingWhere({ place: null, electronicMeans: 'Teams' })).toBe('Online only');
  });

  it('numbers and nests items from their number', () => {
    expect(itemDepth('4')).toBe(0);
    expect(itemDepth('4.1')).toBe(1);
    expect(itemDepth('4.1.2')).toBe(2);
  });

  it('names the conflicted directors with their interest', () => {
    expect(conflictWords([])).toBeNull();
    expect(conflictWords([{ name: 'A. Khan', interest: 'Employed by Leeds City Council' }])).toBe('Director with an interest: A. Khan (employed by Leeds City Council)');
    expect(conflictWords([{ name: 'A. Khan', interest: 'NHS trust governor' }, { name: 'J. Patel', interest: 'Leeds City Council councillor' }])).toBe(
      'Directors with an interest: A. Khan (NHS trust governor); J. Patel (Leeds City Council councillor)',
    );
  });

  it('shortens a SHA-256 to three groups of four', () => {
    expect(shortSha('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe('9f86 d081 884c');
  });

  it('reads a loosely typed time', () => {
    expect(normaliseTime('1830')).toBe('18:30');
    expect(normaliseTime('9.05')).toBe('09:05');
    expect(normaliseTime(' 18:30 ')).toBe('18:30');
    expect(normaliseTime('half six')).toBe('half six');
  });

  it('gives the UK wall-clock time, BST in summer', () => {
    expect(nowHHMM(new Date('2026-07-01T17:40:00Z'))).toBe('18:40');
    expect(nowHHMM(new Date('2026-11-30T19:40:00Z'))).toBe('19:40');
  });

  it('shows time allotted and picks the item the live view opens on', () => {
    expect(formatAllotted(15)).toBe('15 min');
    expect(formatAllotted(90)).toBe('1 h 30 min');
    expect(formatAllotted(null)).toBeNull();
    expect(currentItemIndex([{ startsAt: '18:30' }, { startsAt: '18:40' }, { startsAt: null }])).toBe(1);
    expect(currentItemIndex([{ startsAt: null }])).toBe(0);
  });
});

describe('quorum words', () => {
  it('keeps the core’s message when it already gives the verdict, and puts the verdict first when not', async () => {
    const { quorumWords } = await import('./format');
    expect(quorumWords({ quorate: false, message: 'Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted.' })).toBe(
      'Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted.',
    );
    expect(quorumWords({ quorate: true, message: '3 of 3 needed.' })).toBe('Quorate: 3 of 3 needed.');
  });
});
