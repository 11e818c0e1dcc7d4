import { describe, expect, it } from 'vitest';
import { ballotProblem, prepare, trackerOf } from '../../../../../shared/ballot/ballot';
import { Fn, nobleGroup } from '../../../../../shared/ballot/group';
import { openElection, type ElectionPublic, type ElectionSetup } from '../../../../../shared/ballot/election';
import { fromHex32 } from '../../../../../shared/ballot/encoding';
import { setUpTrustees } from '../../../../../shared/ballot/simulate';
import { sodiumGroup } from '../../../../../shared/ballot/group-sodium';
import { PREVIEW_QUESTIONS, PREVIEW_SETUP } from './preview-ballot';
import { sealBallot } from './seal';
import {
  answerSummary,
  ballotQuestions,
  chooseHint,
  countMessage,
  emptySelections,
  firstUnanswered,
  groupTracker,
  questionError,
  toMarks,
  toggle,
  type BallotQuestion,
  type QuestionDisplay,
  type Selections,
} from './selections';

const G = nobleGroup;

function opened(setup: ElectionSetup = PREVIEW_SETUP): { election: ElectionPublic; secret: bigint } {
  const { trustees, secrets } = setUpTrustees(G, setup);
  return { election: openElection(G, setup, trustees, 'roll', 120), secret: secrets.reduce((a, b) => Fn.add(a, b), 0n) };
}

const { election, secret } = opened();
const questions = ballotQuestions(election, PREVIEW_QUESTIONS);
const [r1, r2, , board, forum] = questions as [BallotQuestion, BallotQuestion, BallotQuestion, BallotQuestion, BallotQuestion];

/** Ticks the choices one by one, as the voter would, failing the test on a refusal. */
function tick(q: BallotQuestion, ids: string[]): string[] {
  return ids.reduce<string[]>((chosen, id) => {
    const out = toggle(q, chosen, id, true);
    expect(out.refused).toBeUndefined();
    return out.chosen;
  }, []);
}

describe('the questions as the voter sees them', () => {
  it('follow the election’s order and limits, with the display text', () => {
    expect(questions.map((q) => q.heading)).toEqual(['Resolution 1', 'Resolution 2', 'Resolution 3', 'Election of directors', 'When should the staff forum meet?']);
    expect(r2.tag).toBe('Special resolution');
    expect(r1.tag).toBe('Ordinary resolution');
    expect(r1.control).toBe('radio');
    expect(r1.choices.map((c) => c.label)).toEqual(['For', 'Against', 'Abstain']);
    expect(r1.choices[2]!.hint).toBe('Recorded, but not a vote for or against.');
    expect(board.control).toBe('checkbox');
    expect(board.choices[0]).toEqual({ id: 'cand-1', label: 'Amara Okafor', hint: expect.stringContaining('shift workers') });
    expect(forum.control).toBe('radio');
    expect(forum.choices[1]!.hint).toBe('After 5pm, online and in person');
  });

  it('take the election’s choice order even when the display lists candidates in another', () => {
    const shuffled = PREVIEW_QUESTIONS.map((d) => (d.kind === 'election' ? { ...d, candidates: [...d.candidates].reverse() } : d));
    expect(ballotQuestions(election, shuffled)[3]!.choices.map((c) => c.id)).toEqual(board.choices.map((c) => c.id));
  });

  it('refuse display text that describes another question, naming it', () => {
    const replace = (i: number, d: QuestionDisplay) => PREVIEW_QUESTIONS.map((x, j) => (j === i ? d : x));
    const e = PREVIEW_QUESTIONS[3]!;
    if (e.kind !== 'election') throw new Error('fixture');
    expect(() => ballotQuestions(election, replace(3, { ...e, seats: 4 }))).toThrow('Question 4 (board) lets a voter choose up to 5, but its display text says 4 seats.');
    expect(() => ballotQuestions(election, replace(3, { ...e, candidates: e.candidates.slice(1) }))).toThrow(/Question 4 \(board\): the display text lists other choices/);
    expect(() => ballotQuestions(election, replace(3, { ...e, candidates: [...e.candidates.slice(1), { ...e.candidates[1]! }] }))).toThrow(/other choices/);
    expect(() => ballotQuestions(election, replace(0, { kind: 'consultation', questionId: 'r1', question: '?', options: [] }))).toThrow('Question 1 (r1) is a resolution on the ballot but its display text is for a consultation.');
    expect(() => ballotQuestions(election, [...PREVIEW_QUESTIONS, { kind: 'consultation', questionId: 'nope', question: '?', options: [] }])).toThrow(/\(nope\) that is not on this ballot/);
  });

  it('fall back to the election’s own text where the display says nothing', () => {
    const plain = ballotQuestions(election, []);
    expect(plain.map((q) => q.heading)).toEqual(PREVIEW_SETUP.questions.map((q) => q.text));
    expect(plain[3]!.noun.many).toBe('candidates');
    expect(questionError(plain[0]!, [])).toBe('Select For, Against or Abstain.');
  });
});

describe('choosing', () => {
  it('says how many may be chosen', () => {
    expect(chooseHint(r1)).toBe('Choose For, Against or Abstain.');
    expect(chooseHint(board)).toBe('Choose up to 5 candidates.');
    expect(chooseHint(forum)).toBe('Choose one option.');
    expect(chooseHint({ ...forum, min: 1, max: 3, control: 'checkbox' })).toBe('Choose between 1 and 3 options.');
    expect(chooseHint({ ...forum, min: 2, max: 2, control: 'checkbox' })).toBe('Choose 2 options.');
  });

  it('counts the candidates chosen, and refuses a sixth with a message, keeping the five', () => {
    const five = tick(board, ['cand-1', 'cand-3', 'cand-5', 'cand-7', 'cand-9']);
    expect(countMessage(board, five.slice(0, 2))).toBe('You have chosen 2 of 5');
    expect(countMessage(board, five)).toBe('You have chosen 5 of 5');
    const sixth = toggle(board, five, 'cand-11', true);
    expect(sixth.refused).toBe('You can choose up to 5 candidates. Untick one before choosing another.');
    expect(sixth.chosen).toEqual(five);
    // Unticking one makes room again.
    const four = toggle(board, five, 'cand-3', false);
    expect(four).toEqual({ chosen: ['cand-1', 'cand-5', 'cand-7', 'cand-9'] });
    expect(toggle(board, four.chosen, 'cand-11', true).chosen).toHaveLength(5);
    // Ticking one already ticked changes nothing.
    expect(toggle(board, five, 'cand-1', true)).toEqual({ chosen: five });
  });

  it('a radio replaces the previous answer; an unknown choice is refused', () => {
    expect(toggle(r1, ['for'], 'against', true)).toEqual({ chosen: ['against'] });
    expect(toggle(r1, ['for'], 'maybe', true)).toEqual({ chosen: ['for'], refused: 'That choice is not on this ballot.' });
  });

  it('stops the voter going on without an answer where one is needed', () => {
    expect(questionError(r1, [])).toBe('Select For, Against or Abstain for resolution 1.');
    expect(questionError(forum, [])).toBe('Select an option.');
    expect(questionError({ ...forum, min: 1, max: 3, control: 'checkbox' }, [])).toBe('Select at least one option.');
    expect(questionError({ ...forum, min: 2, max: 3, control: 'checkbox' }, ['morning'])).toBe('Choose at least 2 options; you have chosen 1.');
    expect(questionError(board, [])).toBeNull();
    expect(questionError(board, ['cand-1', 'cand-2', 'cand-3', 'cand-4', 'cand-5', 'cand-6'])).toBe('Choose no more than 5 candidates; you have chosen 6.');
    expect(questionError(board, ['cand-1', 'cand-1'])).toBe('A choice is marked twice. Choose again.');
    expect(questionError(r1, ['maybe'])).toBe('A choice is not on this ballot. Choose again.');
  });

  it('finds the first question still needing an answer', () => {
    const s: Selections = [['for'], [], ['against'], [], ['evening']];
    expect(firstUnanswered(questions, s)).toBe(1);
    expect(firstUnanswered(questions, [['for'], ['for'], ['against'], [], ['evening']])).toBeNull();
    expect(firstUnanswered(questions, emptySelections(questions))).toBe(0);
  });

  it('lists the answers to check in the ballot’s order, and says when none was chosen', () => {
    expect(answerSummary(board, ['cand-9', 'cand-2'])).toEqual(['Ben Hughes', 'Ian Murray']);
    expect(answerSummary(board, [])).toEqual(['No candidates chosen']);
    expect(answerSummary(r1, ['abstain'])).toEqual(['Abstain']);
  });
});

describe('the marks the device encrypts', () => {
  const selections: Selections = [['for'], ['against'], ['abstain'], ['cand-12', 'cand-2', 'cand-7'], ['saturday']];

  it('are one 0/1 row per question in the election’s choice order, whatever order the voter ticked', () => {
    expect(toMarks(questions, selections)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      [0, 0, 1],
    ]);
  });

  it('are refused while an answer is missing, naming the question', () => {
    expect(() => toMarks(questions, [['for'], [], ['abstain'], [], ['saturday']])).toThrow('Resolution 2: Select For, Against or Abstain for resolution 2.');
  });

  it('seal into a ballot the core accepts (libsodium), that decrypts to exactly the voter’s choices', async () => {
    const S = await sodiumGroup();
    const marks = toMarks(questions, selections);
    const { ballot, tracker } = sealBallot(election, marks);
    expect(ballotProblem(prepare(S, election), ballot)).toBeNull();
    expect(tracker).toBe(trackerOf(ballot));
    // Each ciphertext opens (with the trustees' combined key, which no one holds in the app) to the mark
    // for that choice: the screen's selections reach the right candidates.
    ballot.answers.forEach((answer, q) =>
      answer.choices.forEach((ch, c) => {
        const alpha = G.decode(fromHex32(ch.alpha, 'alpha'));
        const beta = G.decode(fromHex32(ch.beta, 'beta'));
        expect(G.eq(G.sub(beta, G.mul(alpha, secret)), G.mulBase(BigInt(marks[q]![c]!)))).toBe(true);
      }),
    );
    // A second election with the same questions refuses it: the seal binds this election's fingerprint.
    expect(ballotProblem(prepare(S, opened().election), ballot)).toMatch(/another election/);
  });

  it('sealed twice give different ballots and trackers (fresh randomness each time)', () => {
    const marks = toMarks(questions, selections);
    expect(sealBallot(election, marks).tracker).not.toBe(sealBallot(election, marks).tracker);
  });
});

describe('the receipt', () => {
  it('shows the tracker in groups of four', () => {
    const t = '3f9a0c1b' + 'e'.repeat(56);
    expect(groupTracker(t)).toBe('3f9a 0c1b ' + Array(14).fill('eeee').join(' '));
    expect(groupTracker(t).split(' ')).toHaveLength(16);
  });
});
