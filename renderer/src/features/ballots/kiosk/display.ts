import type { BallotQuestion } from '../../../../../shared/contract/ballots';
import type { QuestionDisplay } from '../voting/BallotForm';

/**
 * How the voting screen shows each question of an opened ballot (ballots.publicElection's
 * questions), in the ballot's order: resolutions numbered as in the notice, an election's seats
 * (its most choices) and candidates with their statements, a consultation's options.
 */
export function questionsForDisplay(questions: readonly BallotQuestion[]): QuestionDisplay[] {
  let resolutions = 0;
  return [...questions]
    .sort((a, b) => a.position - b.position)
    .map((q): QuestionDisplay => {
      if (q.kind === 'resolution') {
        resolutions += 1;
        return { kind: 'resolution', questionId: q.id, number: resolutions, text: q.text, resolutionType: q.resolutionKind ?? 'ordinary' };
      }
      if (q.kind === 'election') {
        return {
          kind: 'election',
          questionId: q.id,
          title: q.text,
          seats: q.max,
          candidates: q.choices.map((c) => ({ choiceId: c.id, name: c.label, ...(c.statement ? { statement: c.statement } : {}) })),
        };
      }
      return { kind: 'consultation', questionId: q.id, question: q.text, options: q.choices.map((c) => ({ choiceId: c.id, label: c.label })) };
    });
}
