import { describe, expect, it } from 'vitest';
import { emptyQuestion, emptySetup, questionFromResolution, setupPaths, setupProblems, toCreateInput, type SetupValues } from './setup-form';

const MEETING = '0190a0a0-0000-7000-8000-000000000001';

function filled(): SetupValues {
  const v = emptySetup('2026-12-01');
  v.title = 'AGM 2026 poll';
  v.base = 'eligible_votes';
  v.trustees = [
    { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
    { name: 'Bob Chair', role: '' },
  ];
  const special = { ...emptyQuestion('resolution'), text: 'THAT the articles be amended.', resolutionKind: 'special' as const };
  const election = { ...emptyQuestion('election'), text: 'Election of two staff directors', seats: '2' };
  election.candidates = [
    { name: 'Cara', statement: 'Ten years on the wards.' },
    { name: 'Dev', statement: '' },
    { name: 'Eve', statement: '  ' },
  ];
  v.questions = [special, election];
  return v;
}

describe('the ballot set-up form as the contract’s input', () => {
  it('sends a special resolution and a two-seat election with blank statements and roles left out', () => {
    const { input, problems } = setupProblems(filled());
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      title: 'AGM 2026 poll',
      base: 'eligible_votes',
      recordDate: '2026-12-01',
      questions: [
        { kind: 'resolution', resolutionKind: 'special', text: 'THAT the articles be amended.' },
        { kind: 'election', seats: 2, candidates: [{ name: 'Cara', statement: 'Ten years on the wards.' }, { name: 'Dev' }, { name: 'Eve' }] },
      ],
      trustees: [{ name: 'Ann Scrutineer', role: 'Independent scrutineer' }, { name: 'Bob Chair' }],
    });
    expect(input).not.toHaveProperty('threshold');
    expect(input?.questions[1]).not.toHaveProperty(['candidates', 1, 'statement']);
  });

  it('counts a poll at a meeting on the votes cast without asking', () => {
    const v = filled();
    v.base = '';
    v.meetingId = MEETING;
    expect(toCreateInput(v)).toMatchObject({ meetingId: MEETING, base: 'votes_cast' });
    expect(setupProblems(v).problems).toEqual([]);
  });

  it('asks how the result is counted when the ballot belongs to no meeting', () => {
    const v = filled();
    v.base = '';
    expect(setupProblems(v).problems).toContainEqual({ path: 'base', message: expect.stringContaining('Choose how the result is counted') });
    expect(setupProblems(v).input).toBeNull();
  });

  it('puts a seat count typed in words on the seats field, once', () => {
    const v = filled();
    v.questions[1]!.seats = 'two';
    const problems = setupProblems(v).problems.filter((p) => p.path === 'questions.1.seats');
    expect(problems).toEqual([{ path: 'questions.1.seats', message: 'Enter the number of seats as a whole number, like 2.' }]);
  });

  it('names the candidate whose name is missing by its path', () => {
    const v = filled();
    v.questions[1]!.candidates[1]!.name = ' ';
    expect(setupProblems(v).problems).toContainEqual({ path: 'questions.1.candidates.1.name', message: 'Enter the name of candidate 2 in question 2.' });
  });

  it('says which trustee’s name is missing, so two such messages in the summary differ', () => {
    const v = filled();
    v.trustees = [{ name: '', role: '' }, { name: '', role: 'Chair' }];
    expect(setupProblems(v).problems.map((p) => p.message)).toEqual(['Enter the name of trustee 1.', 'Enter the name of trustee 2.']);
  });

  it('needs at least two trustees, at least one question, and a threshold no larger than the trustees named', () => {
    const v = filled();
    v.trustees = [v.trustees[0]!];
    v.questions = [];
    v.thresholdMode = 'some';
    v.threshold = '3';
    const paths = setupProblems(v).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['trustees', 'questions', 'threshold']));
    expect(setupProblems(v).problems.find((p) => p.path === 'threshold')?.message).toBe('You have named 1 trustees, so no more than 1 can be required.');
  });

  it('sends k of n when the secretary chooses threshold sharing, and refuses one trustee alone', () => {
    const v = filled();
    v.trustees.push({ name: 'Fay Secretary', role: 'Secretary' });
    v.thresholdMode = 'some';
    v.threshold = '2';
    expect(setupProblems(v).input?.threshold).toBe(2);
    v.threshold = '1';
    expect(setupProblems(v).problems[0]?.path).toBe('threshold');
  });

  it('sends a consultation’s options as words and refuses more choices than options', () => {
    const v = filled();
    const q = { ...emptyQuestion('consultation'), text: 'Which site for the new depot?', options: [{ label: 'North' }, { label: 'South' }], maxChoices: '3' };
    v.questions = [q];
    expect(setupProblems(v).problems).toEqual([{ path: 'questions.0.maxChoices', message: 'A voter cannot choose more options than there are (2).' }]);
    q.maxChoices = '1';
    expect(setupProblems(v).input?.questions[0]).toEqual({ kind: 'consultation', text: 'Which site for the new depot?', options: ['North', 'South'], maxChoices: 1 });
  });

  it('turns a meeting’s resolution into a question with the same words, kind and link', () => {
    const q = questionFromResolution({ id: MEETING, kind: 'special', text: 'THAT the name be changed.' });
    expect(q).toMatchObject({ kind: 'resolution', resolutionKind: 'special', resolutionId: MEETING, text: 'THAT the name be changed.' });
    const v = filled();
    v.questions = [q];
    expect(setupProblems(v).input?.questions[0]).toEqual({ kind: 'resolution', resolutionKind: 'special', resolutionId: MEETING, text: 'THAT the name be changed.' });
  });

  it('knows every field path the form shows, so the core’s errors land on fields', () => {
    const paths = setupPaths(filled());
    expect(paths).toEqual(expect.arrayContaining(['title', 'recordDate', 'questions.1.candidates.2.name', 'trustees.1.role', 'threshold']));
  });
});
