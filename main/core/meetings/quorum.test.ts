import { describe, expect, it } from 'vitest';
import { attendingAt, itemMomentsOf, itemNumbers, quorumFromTerms } from './quorum';
import type { AgendaItemRow } from './tables';

const item = (id: string, position: number, parent: string | null = null, startsAt: string | null = null) =>
  ({ id, position, parent_id: parent, starts_at: startsAt }) as AgendaItemRow;

describe('quorum helpers', () => {
  it('numbers items 1, 2, 2.1 in agenda order', () => {
    const n = itemNumbers([item('b', 1), item('a', 0), item('b1', 0, 'b'), item('b2', 1, 'b'), item('c', 2)]);
    expect([...n.entries()]).toEqual([['a', '1'], ['b', '2'], ['b1', '2.1'], ['b2', '2.2'], ['c', '3']]);
  });

  it('takes an untimed item between timed ones at the earlier time, and one after them as not reached yet, in agenda order', () => {
    const m = itemMomentsOf([item('d', 3), item('c', 2, null, '19:00'), item('b', 1), item('a', 0, null, '18:30')], '18:30');
    expect(m.get('b')).toBe('18:30');
    expect(m.get('d')).toBeNull();
  });

  it('counts a director present until they leave, and one who left at the close as present throughout', () => {
    const a = { status: 'present' as const, arrived_at: '18:32', left_at: '19:40' };
    expect(attendingAt(a, '18:30', '21:00')).toBe(false);
    expect(attendingAt(a, '19:00', '21:00')).toBe(true);
    expect(attendingAt(a, '19:40', '21:00')).toBe(false);
    expect(attendingAt(a, null, '21:00')).toBe(false);
    expect(attendingAt({ ...a, left_at: '21:00' }, null, '21:00')).toBe(true);
    expect(attendingAt({ ...a, status: 'apologies' }, '19:00', null)).toBe(false);
  });

  it('reads a quorum from a committee’s terms of reference', () => {
    expect(quorumFromTerms('The quorum shall be two members.')).toBe(2);
    expect(quorumFromTerms('Quorum: 3')).toBe(3);
    expect(quorumFromTerms('Meets quarterly.')).toBeNull();
  });
});
