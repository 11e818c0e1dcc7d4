import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardVote, boardVoteProblems, type BoardVoteInput } from './board-vote';

const chair = { id: 'shah', name: 'R. Shah' };
const base: BoardVoteInput = { votes: { for: 0, against: 0 }, chair, castingVoteInRules: true, family: 'company' };

describe('boardVote', () => {
  it('carries on a majority of the directors voting, abstentions counting for neither side (Model Articles art 7(1))', () => {
    const r = boardVote({ ...base, votes: { for: 3, against: 2, abstain: 4 } });
    expect(r.outcome).toBe('carried');
    expect(r.message).toBe('Carried: 3 for, 2 against, 4 abstaining (a majority of the directors voting, Model Articles art 7(1)).');
    expect(boardVote({ ...base, votes: { for: 1, against: 2 } }).outcome).toBe('lost');
  });

  it('counts named votes and names the recused', () => {
    const r = boardVote({
      ...base,
      votes: [
        { id: 'a', name: 'A. Khan', vote: 'for' },
        { id: 'b', name: 'B. Lee', vote: 'for' },
        { id: 'c', name: 'C. Okafor', vote: 'against' },
      ],
      recused: [{ id: 'p', name: 'J. Patel' }],
    });
    expect(r.counts).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(r.message).toBe('Carried: 2 for, 1 against; J. Patel was recused (a majority of the directors voting, Model Articles art 7(1)).');
  });

  it('applies the chair’s casting vote on equal votes (art 13(1))', () => {
    const carried = boardVote({ ...base, votes: { for: 2, against: 2 }, castingVote: 'for' });
    expect(carried.outcome).toBe('carried_on_casting_vote');
    expect(carried.message).toBe('Carried on the casting vote of R. Shah, chairing: 2 for, 2 against (Model Articles art 13(1)).');
    expect(boardVote({ ...base, votes: { for: 2, against: 2 }, castingVote: 'against' }).outcome).toBe('lost_on_casting_vote');
  });

  it('gives a conflicted chair no casting vote (art 13(2)), so the tie is not carried', () => {
    const input = { ...base, votes: { for: 2, against: 2 }, conflicted: ['shah'] };
    const r = boardVote(input);
    expect(r.outcome).toBe('tied_no_casting_vote');
    expect(r.casting).toEqual({ available: false, reason: 'chair_conflicted' });
    expect(r.message).toBe('Tied, so not carried: 2 for, 2 against; R. Shah, chairing, is conflicted on this matter, so has no casting vote (Model Articles art 13(2) and art 14).');
    expect(boardVoteProblems({ ...input, castingVote: 'for' })).toEqual(['R. Shah is conflicted on this matter, so has no casting vote (Model Articles art 13(2) and art 14).']);
    expect(() => boardVote({ ...input, castingVote: 'for' })).toThrow(RangeError);
  });

  it('lets a conflicted chair cast where the rules let conflicted directors vote', () => {
    expect(boardVote({ ...base, votes: { for: 1, against: 1 }, conflicted: ['shah'], conflictedMayVote: true, castingVote: 'for' }).outcome).toBe('carried_on_casting_vote');
  });

  it('leaves a tie not carried where the rules give no casting vote, the chair is recused, none is recorded, or it was not used', () => {
    const tie = { ...base, votes: { for: 1, against: 1 } };
    expect(boardVote({ ...tie, castingVoteInRules: false }).message).toBe('Tied, so not carried: 1 for, 1 against; the chair has no casting vote under your articles.');
    expect(boardVote({ ...tie, recused: [chair] }).casting).toEqual({ available: false, reason: 'chair_recused' });
    expect(boardVote({ ...tie, chair: null }).message).toMatch(/no chair is recorded for the meeting/);
    expect(boardVote(tie).message).toBe('Tied, so not carried: 1 for, 1 against; R. Shah, chairing, did not use the casting vote (Model Articles art 13(1)).');
    expect(boardVote({ ...tie, family: 'society', castingVoteInRules: false }).message).toBe('Tied, so not carried: 1 for, 1 against; the chair has no casting vote under your registered rules.');
  });

  it('says so when nobody voted for or against', () => {
    expect(boardVote({ ...base, votes: { abstain: 3 } }).message).toBe('Tied, so not carried: no director voted for or against; R. Shah, chairing, did not use the casting vote (Model Articles art 13(1)).');
  });

  it('is carried exactly when the votes for exceed those against, whatever the abstentions (property)', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(20), (f, a, ab) => {
        const r = boardVote({ ...base, votes: { for: f, against: a, abstain: ab } });
        expect(r.outcome === 'carried').toBe(f > a);
        expect(r.outcome === 'lost').toBe(f < a);
      }),
    );
  });
});

describe('boardVoteProblems', () => {
  it('refuses a director recorded as recused and voting', () => {
    expect(boardVoteProblems({ ...base, votes: [{ id: 'p', name: 'J. Patel', vote: 'for' }], recused: [{ id: 'p', name: 'J. Patel' }] })).toEqual([
      'J. Patel is recorded as recused and as voting for; a recused director takes no part in the decision.',
    ]);
  });

  it('refuses a conflicted director’s vote (art 14) and a director voting twice', () => {
    expect(boardVoteProblems({ ...base, votes: [{ id: 'k', name: 'A. Khan', vote: 'against' }], conflicted: ['k'] })).toEqual([
      'A. Khan is conflicted on this matter and may not vote on it (Model Articles art 14).',
    ]);
    expect(boardVoteProblems({ ...base, votes: [{ id: 'k', name: 'A. Khan', vote: 'for' }, { id: 'k', name: 'A. Khan', vote: 'against' }] })).toEqual([
      'A. Khan is recorded as voting more than once.',
    ]);
  });

  it('refuses counts that are not whole numbers of 0 or more', () => {
    expect(boardVoteProblems({ ...base, votes: { for: -1, against: 1.5 } })).toEqual([
      'Votes for must be a whole number, 0 or more; -1 given.',
      'Votes against must be a whole number, 0 or more; 1.5 given.',
    ]);
    expect(() => boardVote({ ...base, votes: { for: -1 } })).toThrow('Votes for must be a whole number, 0 or more; -1 given.');
  });

  it('refuses a casting vote when the votes are not equal', () => {
    expect(boardVoteProblems({ ...base, votes: { for: 3, against: 2 }, castingVote: 'for' })).toEqual([
      'A casting vote is given only when the votes for and against are equal (Model Articles art 13(1)); 3 for, 2 against.',
    ]);
  });
});
