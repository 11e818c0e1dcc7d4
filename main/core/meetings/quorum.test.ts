import { describe, expect, it } from 'vitest';
import { boardQuorumVerdict, itemMoments, itemNumbers, presentAt, quorumFromTerms } from './quorum';
import type { AgendaItemRow } from './tables';

const item = (id: string, position: number, parent: string | null = null, startsAt: string | null = null) =>
  ({ id, position, parent_id: parent, starts_at: startsAt }) as AgendaItemRow;

describe('quorum helpers', () => {
  it('numbers items 1, 2, 2.1 in agenda order', () => {
    const n = itemNumbers([item('b', 1), item('a', 0), item('b1', 0, 'b'), item('b2', 1, 'b'), item('c', 2)]);
    expect([...n.entries()]).toEqual([['a', '1'], ['b', '2'], ['b1', '2.1'], ['b2', '2.2'], ['c', '3']]);
  });

  it('takes an untimed item between timed ones at the earlier time, and one after them as not reached yet', () => {
    const m = itemMoments([item('a', 0, null, '18:30'), item('b', 1), item('c', 2, null, '19:00'), item('d', 3)], '18:30');
    expect(m.get('b')).toBe('18:30');
    expect(m.get('d')).toBeNull();
  });

  it('counts a director present until they leave, and one who left at the close as present throughout', () => {
    const a = { status: 'present' as const, arrived_at: '18:32', left_at: '19:40' };
    expect(presentAt(a, '18:30', '21:00')).toBe(false);
    expect(presentAt(a, '19:00', '21:00')).toBe(true);
    expect(presentAt(a, '19:40', '21:00')).toBe(false);
    expect(presentAt(a, null, '21:00')).toBe(false);
    expect(presentAt({ ...a, left_at: '21:00' }, null, '21:00')).toBe(true);
    expect(presentAt({ ...a, status: 'apologies' }, '19:00', null)).toBe(false);
  });

  it('names who left and who is conflicted when an item is not quorate', () => {
    const v = boardQuorumVerdict({ label: 'item 6', counted: 2, required: 3, left: ['J. Patel left at 19:40'], conflicted: ['A. Khan'], conflictedCounted: false });
    expect(v).toEqual({ quorate: false, counted: 2, required: 3, message: 'Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted.' });
  });

  it('reads a quorum from a committee’s terms of reference', () => {
    expect(quorumFromTerms('The quorum shall be two members.')).toBe(2);
    expect(quorumFromTerms('Quorum: 3')).toBe(3);
    expect(quorumFromTerms('Meets quarterly.')).toBeNull();
  });
});
