import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOARD_QUORUM_SOURCE, boardQuorum, boardQuorumForItems, itemMoments, type BoardDirector } from './board-quorum';

const d = (id: string, name: string, over: Partial<BoardDirector> = {}): BoardDirector => ({ id, name, status: 'present', arrivedAt: null, leftAt: null, ...over });

const board = [
  d('patel', 'J. Patel', { leftAt: '19:40' }),
  d('khan', 'A. Khan'),
  d('lee', 'B. Lee', { status: 'present_electronically' }),
  d('okafor', 'C. Okafor'),
  d('jones', 'D. Jones', { status: 'apologies' }),
];
const rules = { required: 3, source: BOARD_QUORUM_SOURCE };

describe('boardQuorum', () => {
  it('flags a departure that breaks quorum, naming who left and who is conflicted (Model Articles art 14)', () => {
    const v = boardQuorum({ ...rules, label: 'item 6', directors: board, conflicted: ['khan'], at: '19:45' });
    expect(v.quorate).toBe(false);
    expect(v.counted).toBe(2);
    expect(v.excluded).toEqual([{ id: 'khan', name: 'A. Khan', reason: 'conflicted' }]);
    expect(v.departed).toEqual([{ id: 'patel', name: 'J. Patel', leftAt: '19:40' }]);
    expect(v.message).toBe('Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted (Model Articles art 14).');
  });

  it('is quorate before the departure, saying who is conflicted and not counted', () => {
    const v = boardQuorum({ ...rules, label: 'item 3', directors: board, conflicted: ['khan'], at: '19:10' });
    expect(v).toMatchObject({ quorate: true, counted: 3, departed: [] });
    expect(v.message).toBe('Quorate for item 3: 3 of 3 needed (A. Khan is conflicted and not counted, Model Articles art 14).');
  });

  it('treats someone leaving at the very moment as gone, and someone arriving at it as here', () => {
    const directors = [d('a', 'A. One', { arrivedAt: '19:40' }), d('b', 'B. Two', { leftAt: '19:40' })];
    const v = boardQuorum({ required: 1, source: BOARD_QUORUM_SOURCE, label: 'item 2', directors, conflicted: [], at: '19:40' });
    expect(v.counted).toBe(1);
    expect(v.departed.map((x) => x.id)).toEqual(['b']);
  });

  it('names a director who arrived only after the item, and cites the quorum rule when no one is conflicted', () => {
    const directors = [d('a', 'A. One'), d('b', 'B. Two', { arrivedAt: '19:50' })];
    const v = boardQuorum({ required: 2, source: BOARD_QUORUM_SOURCE, label: 'item 1', directors, conflicted: [], at: '19:00' });
    expect(v.message).toBe('Not quorate for item 1: 1 of 2 needed; B. Two arrived only at 19:50 (Model Articles art 11(2)).');
    expect(v.arrivingLater).toEqual([{ id: 'b', name: 'B. Two', arrivedAt: '19:50' }]);
  });

  it('judges an item with no time on who is still here', () => {
    const v = boardQuorum({ ...rules, label: 'item 9', directors: board, conflicted: [], at: null });
    expect(v.counted).toBe(3);
    expect(v.quorate).toBe(true);
    expect(v.message).toBe('Quorate for item 9: 3 of 3 needed (Model Articles art 11(2)).');
  });

  it('does not count a departure at or after the end of the meeting', () => {
    const directors = [d('a', 'A. One', { leftAt: '21:00' }), d('b', 'B. Two')];
    expect(boardQuorum({ required: 2, source: BOARD_QUORUM_SOURCE, label: 'item 8', directors, conflicted: [], at: null, endsAt: '21:00' }).quorate).toBe(true);
    expect(boardQuorum({ required: 2, source: BOARD_QUORUM_SOURCE, label: 'item 8', directors, conflicted: [], at: null }).quorate).toBe(false);
  });

  it('never counts apologies or absence, and says nothing of them', () => {
    const directors = [d('a', 'A. One'), d('b', 'B. Two', { status: 'absent' }), d('c', 'C. Three', { status: 'apologies' })];
    expect(boardQuorum({ required: 2, source: BOARD_QUORUM_SOURCE, label: 'item 1', directors, conflicted: [], at: '19:00' }).message).toBe(
      'Not quorate for item 1: 1 of 2 needed (Model Articles art 11(2)).',
    );
  });

  it('counts a conflicted director where the rules disapply art 14, and says so', () => {
    const v = boardQuorum({ ...rules, conflictedExcluded: false, conflictSource: 'article 14 as disapplied by ordinary resolution of 3 March 2025', label: 'item 4', directors: board, conflicted: ['khan', 'okafor'], at: '19:00' });
    expect(v).toMatchObject({ quorate: true, counted: 4, excluded: [] });
    expect(v.message).toBe(
      'Quorate for item 4: 4 of 3 needed (A. Khan and C. Okafor have a declared interest but are counted, as article 14 as disapplied by ordinary resolution of 3 March 2025 allows).',
    );
  });

  it('lists several conflicted directors together', () => {
    const v = boardQuorum({ ...rules, label: 'item 5', directors: board, conflicted: ['khan', 'lee', 'jones'], at: '19:00' });
    expect(v.message).toBe('Not quorate for item 5: 2 of 3 needed; A. Khan and B. Lee are conflicted (Model Articles art 14).');
  });

  it('refuses a bad time, a bad quorum and a director listed twice', () => {
    expect(() => boardQuorum({ ...rules, label: 'item 1', directors: [d('a', 'A. One', { leftAt: '7pm' })], conflicted: [], at: null })).toThrow(/A. One's departure time must be a time like 18:30/);
    expect(() => boardQuorum({ ...rules, required: 0, label: 'item 1', directors: [], conflicted: [], at: null })).toThrow(/at least one/);
    expect(() => boardQuorum({ ...rules, label: 'item 1', directors: [d('a', 'A. One'), d('a', 'A. One')], conflicted: [], at: null })).toThrow(/listed twice/);
  });

  it('counts exactly the directors present and not conflicted (property)', () => {
    const time = fc.integer({ min: 18 * 60, max: 22 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const director = fc.record({
      status: fc.constantFrom('present', 'present_electronically', 'apologies', 'absent' as const),
      arrivedAt: fc.option(time, { nil: null }),
      leftAt: fc.option(time, { nil: null }),
      conflicted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(director, { maxLength: 12 }), time, fc.integer({ min: 1, max: 6 }), (ds, at, required) => {
        const directors = ds.map((x, i) => d(`d${i}`, `D. ${i}`, x));
        const conflicted = ds.flatMap((x, i) => (x.conflicted ? [`d${i}`] : []));
        const v = boardQuorum({ required, source: BOARD_QUORUM_SOURCE, label: 'item 1', directors, conflicted, at });
        const expected = ds.filter(
          (x) => x.status.startsWith('present') && !x.conflicted && (x.arrivedAt === null || x.arrivedAt <= at) && (x.leftAt === null || x.leftAt > at),
        ).length;
        expect(v.counted).toBe(expected);
        expect(v.quorate).toBe(expected >= required);
      }),
    );
  });
});

describe('itemMoments', () => {
  it('gives untimed items before the last timed one the previous time, and later ones none', () => {
    const items = [{ id: '1' }, { id: '2', startsAt: '19:20' }, { id: '3' }, { id: '4', startsAt: '19:50' }, { id: '5' }];
    expect([...itemMoments(items, '19:00')]).toEqual([
      ['1', '19:00'],
      ['2', '19:20'],
      ['3', '19:20'],
      ['4', '19:50'],
      ['5', null],
    ]);
  });
});

describe('boardQuorumForItems', () => {
  it('evaluates every item with its own conflicts and moment', () => {
    const items = [
      { id: 'i1', label: 'item 1', conflicted: [], startsAt: '19:00' },
      { id: 'i6', label: 'item 6', conflicted: ['khan'], startsAt: '19:45' },
      { id: 'i7', label: 'item 7', conflicted: [] },
    ];
    const out = boardQuorumForItems({ ...rules, directors: board, items, meetingStartsAt: '19:00' });
    expect(out.get('i1')!.quorate).toBe(true);
    expect(out.get('i6')!.message).toBe('Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted (Model Articles art 14).');
    expect(out.get('i7')).toMatchObject({ at: null, quorate: true, counted: 3 });
  });

  it('agrees with boardQuorum item by item', () => {
    const items = Array.from({ length: 15 }, (_, i) => ({
      id: `i${i}`,
      label: `item ${i + 1}`,
      conflicted: i % 4 === 0 ? ['khan', 'lee'] : [],
      startsAt: `${19 + Math.floor((i * 5) / 60)}:${String((i * 5) % 60).padStart(2, '0')}`,
    }));
    const out = boardQuorumForItems({ ...rules, directors: board, items });
    for (const it of items) {
      expect(out.get(it.id)).toEqual(boardQuorum({ ...rules, label: it.label, directors: board, conflicted: it.conflicted, at: it.startsAt }));
    }
  });
});
