import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../../../shared/contract/meetings';
import { departedDirectors, fillUnchosen, tally, voteRowsFor } from './vote-rows';

const attendee = (over: Partial<Attendee>): Attendee => ({
  id: over.officerId ?? 'x',
  role: 'director',
  officerId: null,
  memberId: null,
  name: 'Someone',
  capacity: null,
  status: 'present',
  arrivedAt: null,
  leftAt: null,
  represents: [],
  ...over,
});

const attendance = [
  attendee({ officerId: 'a', name: 'Amara Okafor' }),
  attendee({ officerId: 'b', name: 'Bryn Jones', status: 'present_electronically' }),
  attendee({ officerId: 'c', name: 'Ceri Hughes', status: 'apologies' }),
  attendee({ officerId: 'd', name: 'Dev Patel', leftAt: '19:40' }),
  attendee({ officerId: 'e', name: 'Eve Khan' }),
  attendee({ role: 'in_attendance', name: 'Fran Lee (auditor)' }),
];

describe('voteRowsFor', () => {
  it('gives a row to each director present in person or electronically who has not left', () => {
    const rows = voteRowsFor({ attendance }, { conflicted: [] });
    expect(rows.map((r) => r.name)).toEqual(['Amara Okafor', 'Bryn Jones', 'Eve Khan']);
    expect(rows.every((r) => r.vote === '')).toBe(true);
  });
  it('pre-marks a conflicted director recused, with the interest as the reason', () => {
    const rows = voteRowsFor({ attendance }, { conflicted: [{ officerId: 'e', name: 'Eve Khan', interest: 'Councillor, Derby City Council' }] });
    expect(rows.find((r) => r.officerId === 'e')).toMatchObject({ vote: 'recused', reason: 'Declared interest: Councillor, Derby City Council' });
    expect(rows.find((r) => r.officerId === 'a')).toMatchObject({ vote: '', reason: null });
  });
  it('names the directors who left before the vote', () => {
    expect(departedDirectors({ attendance })).toEqual([{ name: 'Dev Patel', leftAt: '19:40' }]);
  });
});

describe('tally and fillUnchosen', () => {
  it('counts each choice and what is still unchosen', () => {
    expect(tally([{ vote: 'for' }, { vote: 'for' }, { vote: 'against' }, { vote: 'recused' }, { vote: '' }])).toEqual({ for: 2, against: 1, abstain: 0, recused: 1, unchosen: 1 });
  });
  it('fills only the unchosen rows, leaving recusals and votes already entered', () => {
    const rows = fillUnchosen(
      [
        { officerId: 'a', name: 'A', vote: '', reason: null },
        { officerId: 'b', name: 'B', vote: 'against', reason: null },
        { officerId: 'c', name: 'C', vote: 'recused', reason: 'Declared interest: x' },
      ],
      'for',
    );
    expect(rows.map((r) => r.vote)).toEqual(['for', 'against', 'recused']);
  });
});
