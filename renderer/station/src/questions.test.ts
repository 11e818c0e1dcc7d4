import { describe, expect, it } from 'vitest';
import { ballotProblem, prepare } from '../../../shared/ballot/ballot';
import { openElection, type ElectionSetup } from '../../../shared/ballot/election';
import { nobleGroup } from '../../../shared/ballot/group';
import { setUpTrustees } from '../../../shared/ballot/simulate';
import type { StationBallot } from '../../../shared/station/api';
import { sealBallot } from '../../src/features/ballots/voting/seal';
import { questionError, toggle, toMarks } from '../../src/features/ballots/voting/selections';
import { createI18n } from './i18n';
import { say, type Text } from './message';
import { answerSummary, choiceHint, choiceLabel, chooseHint, countMessage, heading, problem, refusedMessage, stationQuestions, tag, type StationQuestion } from './questions';

const rfa = (q: string) => [
  { id: `${q}-for`, label: 'For' },
  { id: `${q}-against`, label: 'Against' },
  { id: `${q}-abstain`, label: 'Abstain' },
];
const setup: ElectionSetup = {
  id: 'station-test',
  title: 'Annual general meeting 2026',
  trustees: { count: 2, threshold: 2 },
  questions: [
    { id: 'r1', kind: 'resolution', text: 'To receive the accounts', choices: rfa('r1'), min: 1, max: 1 },
    { id: 'r2', kind: 'resolution', text: 'To adopt new articles', choices: rfa('r2'), min: 1, max: 1 },
    { id: 'board', kind: 'election', text: 'Election of directors', choices: ['Ann', 'Bryn', 'Cerys', 'Dafydd', 'Eira'].map((n) => ({ id: `c-${n}`, label: n })), min: 0, max: 3 },
    { id: 'forum', kind: 'consultation', text: 'When should the staff forum meet?', choices: ['Mornings', 'Evenings', 'Weekends'].map((o) => ({ id: `o-${o}`, label: o })), min: 1, max: 1 },
    { id: 'panel', kind: 'consultation', text: 'Which services should the panel review?', choices: ['Day care', 'Meals', 'Transport', 'Respite'].map((o) => ({ id: `p-${o}`, label: o })), min: 2, max: 3 },
  ],
};
const { trustees } = setUpTrustees(nobleGroup, setup);
const election = openElection(nobleGroup, setup, trustees, 'roll', 120);
const ballot: StationBallot = {
  ballotId: 'b1',
  title: setup.title,
  election,
  questions: setup.questions.map((q, position) => ({
    id: q.id,
    position,
    kind: q.kind,
    text: q.text,
    resolutionKind: q.kind === 'resolution' ? (q.id === 'r2' ? 'special' : 'ordinary') : null,
    resolutionId: null,
    min: q.min,
    max: q.max,
    choices: q.choices.map((c) => ({ id: c.id, label: c.label, statement: q.kind === 'election' ? `${c.label} has worked here for ten years.` : null })),
  })),
};

const en = createI18n('en').t;
const cy = createI18n('cy').t;
const questions = stationQuestions(ballot);
const [r1, r2, board, forum, panel] = questions as [StationQuestion, StationQuestion, StationQuestion, StationQuestion, StationQuestion];
const both = (text: Text) => [say(en, text), say(cy, text)];

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}

describe('the ballot’s questions on the phone, in English and Welsh', () => {
  it('number the resolutions and tag their kind', () => {
    expect(both(heading(r1))).toEqual(['Resolution 1', 'Penderfyniad 1']);
    expect(both(heading(r2))).toEqual(['Resolution 2', 'Penderfyniad 2']);
    expect(both(tag(r2)!)).toEqual(['Special resolution', 'Penderfyniad arbennig']);
    expect(both(tag(r1)!)).toEqual(['Ordinary resolution', 'Penderfyniad cyffredin']);
    expect(heading(board)).toBe('Election of directors');
    expect(tag(board)).toBeNull();
  });

  it('say For, Against and Abstain in the voter’s language, and names and options as written', () => {
    expect(r1.q.choices.map((c) => both(choiceLabel(r1, c)))).toEqual([
      ['For', 'O blaid'],
      ['Against', 'Yn erbyn'],
      ['Abstain', 'Ymatal'],
    ]);
    expect(both(choiceHint(r1, r1.q.choices[2]!)!)[1]).toMatch(/^Caiff ei gofnodi/);
    expect(choiceHint(r1, r1.q.choices[0]!)).toBeNull();
    expect(choiceLabel(board, board.q.choices[1]!)).toBe('Bryn');
    expect(choiceHint(board, board.q.choices[1]!)).toBe('Bryn has worked here for ten years.');
  });

  it('give the same hints as the kiosk, and their Welsh', () => {
    expect(both(chooseHint(r1))).toEqual(['Choose For, Against or Abstain.', 'Dewiswch O blaid, Yn erbyn neu Ymatal.']);
    expect(both(chooseHint(board))).toEqual(['Choose up to 3 candidates.', 'Dewiswch hyd at 3 ymgeisydd.']);
    expect(both(chooseHint(forum))).toEqual(['Choose one option.', 'Dewiswch un opsiwn.']);
    expect(both(chooseHint(panel))).toEqual(['Choose between 2 and 3 options.', 'Dewiswch rhwng 2 a 3 opsiwn.']);
    expect(both(countMessage(board, ['c-Ann']))).toEqual(['You have chosen 1 of 3', 'Rydych wedi dewis 1 o 3']);
  });

  it('refuse a fourth candidate of three seats, saying so in both languages', () => {
    const three = ['c-Ann', 'c-Bryn', 'c-Cerys'];
    expect(toggle(board.q, three, 'c-Eira', true).refused).toBeDefined();
    expect(both(refusedMessage(board))).toEqual([
      'You can choose up to 3 candidates. Untick one before choosing another.',
      'Gallwch ddewis hyd at 3 ymgeisydd. Dad-diciwch un cyn dewis un arall.',
    ]);
  });

  it('find a problem exactly where the kiosk does, for every selection of every question', () => {
    let checked = 0;
    for (const sq of questions) {
      const ids = sq.q.choices.map((c) => c.id);
      for (const chosen of [...subsets(ids), [ids[0]!, ids[0]!], ['not-a-choice']]) {
        const kiosk = questionError(sq.q, chosen);
        const phone = problem(sq, chosen);
        expect([sq.q.id, chosen, phone === null]).toEqual([sq.q.id, chosen, kiosk === null]);
        if (phone) {
          for (const words of both(phone)) {
            expect(words).not.toMatch(/\{\{|\}\}|^question\./);
            expect(words.length).toBeGreaterThan(10);
          }
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('say each kind of problem as the kiosk does in English, and in Welsh', () => {
    expect(both(problem(r2, [])!)).toEqual(['Select For, Against or Abstain for resolution 2.', 'Dewiswch O blaid, Yn erbyn neu Ymatal ar gyfer penderfyniad 2.']);
    expect(say(en, problem(r2, [])!)).toBe(questionError(r2.q, []));
    expect(both(problem(forum, [])!)).toEqual(['Select an option.', 'Dewiswch opsiwn.']);
    expect(say(en, problem(forum, [])!)).toBe(questionError(forum.q, []));
    expect(both(problem(panel, ['p-Meals'])!)).toEqual(['Choose at least 2 options; you have chosen 1.', 'Dewiswch o leiaf 2 opsiwn; rydych wedi dewis 1.']);
    expect(say(en, problem(panel, ['p-Meals'])!)).toBe(questionError(panel.q, ['p-Meals']));
    const four = ['p-Day care', 'p-Meals', 'p-Transport', 'p-Respite'];
    expect(both(problem(panel, four)!)).toEqual(['Choose no more than 3 options; you have chosen 4.', 'Peidiwch â dewis mwy na 3 opsiwn; rydych wedi dewis 4.']);
    expect(say(en, problem(panel, four)!)).toBe(questionError(panel.q, four));
  });

  it('sum up the answers for "Check your answers", an empty election included', () => {
    expect(answerSummary(board, []).map((a) => both(a))).toEqual([['No candidates chosen', 'Dim ymgeiswyr wedi’u dewis']]);
    expect(answerSummary(r1, ['r1-against']).map((a) => both(a))).toEqual([['Against', 'Yn erbyn']]);
    expect(answerSummary(board, ['c-Cerys', 'c-Ann'])).toEqual(['Ann', 'Cerys']);
  });

  it('seal into a ballot the core accepts, whatever language the voter read it in', () => {
    const selections = [['r1-for'], ['r2-abstain'], ['c-Bryn', 'c-Eira'], ['o-Evenings'], ['p-Meals', 'p-Respite']];
    const marks = toMarks(
      questions.map((sq) => sq.q),
      selections,
    );
    expect(marks[2]).toEqual([0, 1, 0, 0, 1]);
    const sealed = sealBallot(election, marks);
    expect(ballotProblem(prepare(nobleGroup, election), sealed.ballot)).toBeNull();
    expect(sealed.tracker).toMatch(/^[0-9a-f]{64}$/);
  });
});
