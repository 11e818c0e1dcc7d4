// The ballot's questions as the phone shows them, in the voter's language. The structure, the
// limits, ticking and the marks the phone encrypts are the kiosk's (features/ballots/voting/
// selections.ts, kiosk/display.ts), so both devices enforce the same rules; only the words differ,
// and those are keys into en.json and cy.json. `problem` follows the kiosk's questionError branch for
// branch (questions.test.ts checks they agree on every selection).
import type { ElectionPublic } from '../../../shared/ballot/election';
import type { StationBallot } from '../../../shared/station/api';
import { questionsForDisplay } from '../../src/features/ballots/kiosk/display';
import { ballotQuestions, type BallotQuestion, type QuestionDisplay, type ShownChoice } from '../../src/features/ballots/voting/selections';
import { message, type Message, type Text } from './message';

export interface StationQuestion {
  /** The kiosk's question: position, choices in the election's order, min, max, control. */
  q: BallotQuestion;
  /** The display entry it was built from (the resolution's number, the election's title). */
  display: QuestionDisplay;
}

/** The questions of the station's ballot; throws (with the kiosk's English reason) if they cannot be shown safely. */
export function stationQuestions(ballot: StationBallot): StationQuestion[] {
  const display = questionsForDisplay(ballot.questions);
  const questions = ballotQuestions(ballot.election as ElectionPublic, display);
  return questions.map((q) => ({ q, display: display.find((d) => d.questionId === q.id)! }));
}

/** "candidate" for an election, "option" otherwise (a resolution's own messages do not need a noun). */
const nounOf = (sq: StationQuestion) => (sq.q.kind === 'election' ? 'candidate' : 'option');

/** The page's heading: "Resolution 2", or the election's or consultation's own words. */
export function heading(sq: StationQuestion): Text {
  return sq.display.kind === 'resolution' ? message('question.resolutionHeading', { number: sq.display.number }) : sq.q.heading;
}

/** "Ordinary resolution" or "Special resolution", or null. */
export function tag(sq: StationQuestion): Message | null {
  return sq.display.kind === 'resolution' ? message(sq.display.resolutionType === 'special' ? 'question.tagSpecial' : 'question.tagOrdinary') : null;
}

const RESOLUTION_CHOICE: Record<string, { label: string; hint?: string }> = {
  for: { label: 'choice.for' },
  against: { label: 'choice.against' },
  abstain: { label: 'choice.abstain', hint: 'choice.abstainHint' },
};

/** A choice's label: For, Against and Abstain are said in the voter's language; names and options as written. */
export function choiceLabel(sq: StationQuestion, c: ShownChoice): Text {
  const known = sq.q.kind === 'resolution' ? RESOLUTION_CHOICE[c.label.trim().toLowerCase()] : undefined;
  return known ? message(known.label) : c.label;
}

/** The line under a choice: a candidate's statement as written, or what an abstention is. */
export function choiceHint(sq: StationQuestion, c: ShownChoice): Text | null {
  if (sq.q.kind === 'resolution') {
    const known = RESOLUTION_CHOICE[c.label.trim().toLowerCase()];
    return known?.hint ? message(known.hint) : null;
  }
  return c.hint ?? null;
}

/** The choices, said as one phrase ("For, Against or Abstain") where a message takes them as a list. */
const choiceList = (sq: StationQuestion): Text[] => sq.q.choices.map((c) => choiceLabel(sq, c));

/** The hint under the question: "Choose For, Against or Abstain.", "Choose up to 3 candidates." */
export function chooseHint(sq: StationQuestion): Message {
  const { q } = sq;
  if (q.kind === 'resolution' && q.min === 1 && q.max === 1) return message('question.hintResolution', undefined, { list: choiceList(sq) });
  const context = nounOf(sq);
  if (q.min === q.max) return message(`question.hintExactly_${context}`, { count: q.max });
  if (q.min === 0) return message(`question.hintUpTo_${context}`, { count: q.max });
  return message(`question.hintBetween_${context}`, { min: q.min, max: q.max });
}

/** The live count where several may be chosen: "You have chosen 2 of 5". */
export function countMessage(sq: StationQuestion, chosen: readonly string[]): Message {
  return message('question.count', { chosen: chosen.length, max: sq.q.max });
}

/** Why a tick beyond the maximum was refused (the kiosk's toggle refuses it; this says so in the voter's language). */
export function refusedMessage(sq: StationQuestion): Message {
  return message(`question.refused_${nounOf(sq)}`, { count: sq.q.max });
}

/** What is wrong with a question's answer before the voter may go on, or null (the kiosk's questionError, in words). */
export function problem(sq: StationQuestion, chosen: readonly string[]): Message | null {
  const { q } = sq;
  if (chosen.some((id) => !q.choices.some((c) => c.id === id))) return message('question.errorNotOnBallot');
  if (new Set(chosen).size !== chosen.length) return message('question.errorTwice');
  const context = nounOf(sq);
  if (chosen.length < q.min) {
    if (q.kind === 'resolution' && sq.display.kind === 'resolution') return message('question.errorResolution', { number: sq.display.number }, { list: choiceList(sq) });
    if (q.min === 1) return message(q.control === 'radio' ? `question.errorSelectOne_${context}` : `question.errorSelectAtLeastOne_${context}`);
    return message(`question.errorAtLeast_${context}`, { count: q.min, chosen: chosen.length });
  }
  if (chosen.length > q.max) return message(`question.errorNoMore_${context}`, { count: q.max, chosen: chosen.length });
  return null;
}

/** The chosen answers for "Check your answers", in the ballot's order, or what an empty answer means. */
export function answerSummary(sq: StationQuestion, chosen: readonly string[]): (Text)[] {
  const labels = sq.q.choices.filter((c) => chosen.includes(c.id)).map((c) => choiceLabel(sq, c));
  if (labels.length > 0) return labels;
  return [message(sq.q.kind === 'election' ? 'check.noCandidates' : 'check.noAnswer')];
}
