import { describe, expect, it } from 'vitest';
import { boardWrittenResolution, boardWrittenResolutionProblems, type BoardWrittenResolutionInput } from './board-written-resolution';

const directors = [
  { id: 'khan', name: 'A. Khan' },
  { id: 'lee', name: 'B. Lee' },
  { id: 'okafor', name: 'C. Okafor' },
  { id: 'patel', name: 'J. Patel' },
];
const input = (over: Partial<BoardWrittenResolutionInput> = {}): BoardWrittenResolutionInput => ({
  family: 'company',
  rulesAllow: true,
  directors,
  conflicted: [],
  quorum: { required: 2, source: 'Model Articles art 11(2)' },
  responses: [],
  ...over,
});
const yes = (directorId: string, on: string) => ({ directorId, agreed: true, on });

describe('boardWrittenResolution (Model Articles art 8)', () => {
  it('is taken on the day the last eligible director agrees in writing', () => {
    const r = boardWrittenResolution(input({ responses: [yes('khan', '2026-05-04'), yes('lee', '2026-05-06'), yes('okafor', '2026-05-05'), yes('patel', '2026-05-04')] }));
    expect(r).toMatchObject({ status: 'taken', takenOn: '2026-05-06' });
    expect(r.message).toBe('Taken on 6 May 2026, when the last of the 4 eligible directors agreed in writing (Model Articles art 8(1)-(2)).');
  });

  it('leaves conflicted directors out: not eligible, not needed, not counted (art 8(3))', () => {
    const r = boardWrittenResolution(input({ conflicted: ['khan'], responses: [yes('khan', '2026-05-01'), yes('lee', '2026-05-02'), yes('okafor', '2026-05-02')] }));
    expect(r.status).toBe('awaiting');
    expect(r.awaiting).toEqual([{ id: 'patel', name: 'J. Patel' }]);
    expect(r.ineligibleResponses).toEqual([{ id: 'khan', name: 'A. Khan' }]);
    expect(r.message).toBe(
      'Awaiting agreement from J. Patel: all 3 eligible directors must agree in writing (Model Articles art 8(1)-(2)). A. Khan, conflicted, is not an eligible director, so their agreement is neither needed nor counted (Model Articles art 8(3)).',
    );
    expect(boardWrittenResolution(input({ conflicted: ['khan'], responses: [yes('lee', '2026-05-02'), yes('okafor', '2026-05-02'), yes('patel', '2026-05-03')] })).status).toBe('taken');
  });

  it('cannot be taken when the eligible directors would not form a quorum (art 8(4))', () => {
    const r = boardWrittenResolution(input({ conflicted: ['khan', 'lee', 'okafor'], responses: [yes('patel', '2026-05-02')] }));
    expect(r.status).toBe('not_taken');
    expect(r.message).toBe(
      'It cannot be taken in writing: only 1 director is eligible to vote on it, fewer than the quorum of 2 (Model Articles art 8(4); Model Articles art 11(2)). A. Khan, B. Lee and C. Okafor, conflicted, are not eligible directors, so their agreement is neither needed nor counted (Model Articles art 8(3)). Take it at a meeting.',
    );
  });

  it('is not taken when an eligible director disagrees: it must be unanimous', () => {
    const r = boardWrittenResolution(input({ responses: [yes('khan', '2026-05-01'), { directorId: 'lee', agreed: false, on: '2026-05-02' }] }));
    expect(r).toMatchObject({ status: 'not_taken', dissenting: [{ id: 'lee', name: 'B. Lee' }] });
    expect(r.message).toMatch(/^Not taken: B\. Lee did not agree/);
  });

  it('counts conflicted directors where the rules let them vote', () => {
    expect(boardWrittenResolution(input({ conflicted: ['khan'], conflictedExcluded: false, responses: [yes('lee', '2026-05-02'), yes('okafor', '2026-05-02'), yes('patel', '2026-05-03')] })).awaiting).toEqual([
      { id: 'khan', name: 'A. Khan' },
    ]);
  });

  it('is not available where the rules do not allow it, as for a society by default', () => {
    expect(boardWrittenResolution(input({ family: 'society', rulesAllow: false })).message).toBe(
      'Your registered rules do not let the directors take decisions in writing (the CCBS Act 2014 is silent); take it at a meeting.',
    );
    expect(boardWrittenResolution(input({ family: 'society', responses: directors.map((d) => yes(d.id, '2026-05-01')) })).message).toMatch(/\(your registered rules\)\.$/);
  });

  it('refuses responses from non-directors, twice from one director, or undated', () => {
    expect(boardWrittenResolutionProblems(input({ responses: [yes('stranger', '2026-05-01'), yes('lee', '2026-05-01'), yes('lee', '2026-05-02'), yes('okafor', 'soon')] }))).toEqual([
      'A response is recorded from someone who was not a director when the resolution was circulated.',
      "B. Lee's response is recorded twice.",
      "C. Okafor's response needs the date it was given.",
    ]);
    expect(() => boardWrittenResolution(input({ responses: [yes('stranger', '2026-05-01')] }))).toThrow(RangeError);
  });
});
