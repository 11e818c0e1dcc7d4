// What the voter's ballot screen knows about choosing, apart from React: the questions as the voter
// sees them (the election's questions joined to their display text), ticking and unticking within
// the question's limits, the messages for each, and the 0/1 marks the device encrypts
// (docs/ballot-protocol.md §3, §6). Pure, so it is tested without a DOM.
import type { ElectionPublic, Question } from '../../../../../shared/ballot/election';

/** A resolution as the notice set it out. Its choices (For, Against, Abstain) come from the election. */
export interface ResolutionDisplay {
  kind: 'resolution';
  questionId: string;
  /** Its number in the notice: "Resolution 2". */
  number: number;
  text: string;
  resolutionType: 'ordinary' | 'special';
}

/** An election of `seats` places; each candidate is one of the question's choices. */
export interface ElectionDisplay {
  kind: 'election';
  questionId: string;
  /** "Election of directors". */
  title: string;
  seats: number;
  candidates: { choiceId: string; name: string; statement?: string }[];
}

/** An advisory question with options. */
export interface ConsultationDisplay {
  kind: 'consultation';
  questionId: string;
  question: string;
  options: { choiceId: string; label: string; hint?: string }[];
}

export type QuestionDisplay = ResolutionDisplay | ElectionDisplay | ConsultationDisplay;

/** One choice as shown: the election's choice id, what the voter reads, and an optional line under it. */
export interface ShownChoice {
  id: string;
  label: string;
  hint?: string;
}

/** A question as the voter sees it, in the election's order, with the election's limits. */
export interface BallotQuestion {
  /** Position in election.setup.questions, which is the position of its answer in the ballot. */
  index: number;
  id: string;
  kind: Question['kind'];
  /** The page's heading: "Resolution 1", "Election of directors", the consultation's question. */
  heading: string;
  /** How a message names the question mid-sentence ("resolution 2"), where the heading will not do. */
  name?: string;
  /** The resolution's text, under the heading. */
  text?: string;
  /** "Special resolution" and the like, shown as a tag. */
  tag?: string;
  choices: ShownChoice[];
  min: number;
  max: number;
  /** Radios where exactly one (or at most one) may be chosen; checkboxes where several may. */
  control: 'radio' | 'checkbox';
  /** What one choice is called: candidate or option. */
  noun: { one: string; many: string };
}

/** The voter's choices so far: per question, the ids of the choices marked. Lives only in component state. */
export type Selections = readonly (readonly string[])[];

const RESOLUTION_TAG = { ordinary: 'Ordinary resolution', special: 'Special resolution' } as const;

/**
 * Joins the election's questions (the authority on order, choices and limits, since the proofs bind
 * them) to their display text. A question with no display entry is shown with the election's own text
 * and labels. Throws, naming the question, when the display describes a different question: a screen
 * that showed candidates in another order than the ballot encrypts would record votes for the wrong people.
 */
export function ballotQuestions(election: ElectionPublic, display: readonly QuestionDisplay[]): BallotQuestion[] {
  const byId = new Map(display.map((d) => [d.questionId, d]));
  for (const d of display) {
    if (!election.setup.questions.some((q) => q.id === d.questionId)) throw new Error(`The display text names a question (${d.questionId}) that is not on this ballot.`);
  }
  return election.setup.questions.map((q, index) => {
    const d = byId.get(q.id);
    const where = `Question ${index + 1} (${q.id})`;
    if (d && d.kind !== q.kind) throw new Error(`${where} is a ${q.kind} on the ballot but its display text is for a ${d.kind}.`);
    const control: BallotQuestion['control'] = q.max <= 1 ? 'radio' : 'checkbox';
    const base = { index, id: q.id, kind: q.kind, min: q.min, max: q.max, control };
    if (d?.kind === 'resolution') {
      return {
        ...base,
        heading: `Resolution ${d.number}`,
        name: `resolution ${d.number}`,
        text: d.text,
        tag: RESOLUTION_TAG[d.resolutionType],
        choices: q.choices.map((c) => ({ id: c.id, label: c.label, ...abstainHint(c.label) })),
        noun: { one: 'answer', many: 'answers' },
      };
    }
    if (d?.kind === 'election') {
      if (d.seats !== q.max) throw new Error(`${where} lets a voter choose up to ${q.max}, but its display text says ${d.seats} seats.`);
      const candidates = matchChoices(where, q, d.candidates.map((c) => ({ id: c.choiceId, label: c.name, ...(c.statement ? { hint: c.statement } : {}) })));
      return { ...base, heading: d.title, choices: candidates, noun: { one: 'candidate', many: 'candidates' } };
    }
    if (d?.kind === 'consultation') {
      const options = matchChoices(where, q, d.options.map((o) => ({ id: o.choiceId, label: o.label, ...(o.hint ? { hint: o.hint } : {}) })));
      return { ...base, heading: d.question, choices: options, noun: { one: 'option', many: 'options' } };
    }
    const noun = q.kind === 'election' ? { one: 'candidate', many: 'candidates' } : q.kind === 'resolution' ? { one: 'answer', many: 'answers' } : { one: 'option', many: 'options' };
    return { ...base, heading: q.text, choices: q.choices.map((c) => ({ id: c.id, label: c.label })), noun };
  });
}

/** The display's choices in the election's order; throws unless they are exactly the election's choices. */
function matchChoices(where: string, q: Question, shown: ShownChoice[]): ShownChoice[] {
  const byId = new Map(shown.map((s) => [s.id, s]));
  if (byId.size !== shown.length || shown.length !== q.choices.length || q.choices.some((c) => !byId.has(c.id))) {
    throw new Error(`${where}: the display text lists other choices than the ballot (${shown.map((s) => s.id).join(', ')} against ${q.choices.map((c) => c.id).join(', ')}).`);
  }
  return q.choices.map((c) => byId.get(c.id)!);
}

function abstainHint(label: string): { hint?: string } {
  // An abstention is shown in the result but is not a vote for or against. Its effect depends on the
  // base (at a poll, CA 2006 s282(4) counts members who vote on the resolution; a written resolution,
  // s282(2), counts all eligible voting rights), so the hint says what it is, not what it does.
  return /^abstain$/i.test(label.trim()) ? { hint: 'Recorded, but not a vote for or against.' } : {};
}

export function emptySelections(questions: readonly BallotQuestion[]): Selections {
  return questions.map(() => []);
}

/** "Choose up to 5 candidates", "Choose one option": the hint under a question. */
export function chooseHint(q: BallotQuestion): string {
  if (q.kind === 'resolution' && q.min === 1 && q.max === 1) return `Choose ${q.choices.map((c) => c.label).join(', ').replace(/, ([^,]*)$/, ' or $1')}.`;
  const n = (k: number) => `${k === 1 ? 'one' : k} ${k === 1 ? q.noun.one : q.noun.many}`;
  if (q.min === q.max) return `Choose ${n(q.max)}.`;
  if (q.min === 0) return `Choose up to ${n(q.max)}.`;
  return `Choose between ${q.min} and ${q.max} ${q.noun.many}.`;
}

/** The live count beside a question where several may be chosen: "You have chosen 2 of 5". */
export function countMessage(q: BallotQuestion, chosen: readonly string[]): string {
  return `You have chosen ${chosen.length} of ${q.max}`;
}

export interface ToggleOutcome {
  chosen: string[];
  /** Set when the change was refused; the choices are unchanged. */
  refused?: string;
}

/**
 * Marks or unmarks one choice. A radio replaces the choice; a checkbox adds or removes it, and a
 * tick beyond the question's maximum is refused with a message rather than silently dropped.
 */
export function toggle(q: BallotQuestion, chosen: readonly string[], choiceId: string, checked: boolean): ToggleOutcome {
  if (!q.choices.some((c) => c.id === choiceId)) return { chosen: [...chosen], refused: 'That choice is not on this ballot.' };
  if (q.control === 'radio') return { chosen: checked ? [choiceId] : chosen.filter((id) => id !== choiceId) };
  if (!checked) return { chosen: chosen.filter((id) => id !== choiceId) };
  if (chosen.includes(choiceId)) return { chosen: [...chosen] };
  if (chosen.length >= q.max) {
    return {
      chosen: [...chosen],
      refused: `You can choose up to ${q.max} ${q.max === 1 ? q.noun.one : q.noun.many}. Untick one before choosing another.`,
    };
  }
  return { chosen: [...chosen, choiceId] };
}

/** What is wrong with a question's answer before the voter may go on, or null. */
export function questionError(q: BallotQuestion, chosen: readonly string[]): string | null {
  if (chosen.some((id) => !q.choices.some((c) => c.id === id))) return 'A choice is not on this ballot. Choose again.';
  if (new Set(chosen).size !== chosen.length) return 'A choice is marked twice. Choose again.';
  if (chosen.length < q.min) {
    if (q.kind === 'resolution') return `Select ${q.choices.map((c) => c.label).join(', ').replace(/, ([^,]*)$/, ' or $1')}${q.name ? ` for ${q.name}` : ''}.`;
    if (q.min === 1) return `Select ${q.control === 'radio' ? 'an' : 'at least one'} ${q.noun.one}.`;
    return `Choose at least ${q.min} ${q.noun.many}; you have chosen ${chosen.length}.`;
  }
  if (chosen.length > q.max) return `Choose no more than ${q.max} ${q.max === 1 ? q.noun.one : q.noun.many}; you have chosen ${chosen.length}.`;
  return null;
}

/** The first question (by position) whose answer is not yet acceptable, or null when all are. */
export function firstUnanswered(questions: readonly BallotQuestion[], selections: Selections): number | null {
  const i = questions.findIndex((q) => questionError(q, selections[q.index] ?? []) !== null);
  return i < 0 ? null : i;
}

/** The chosen labels for "Check your answers", in the ballot's order, or what an empty answer means. */
export function answerSummary(q: BallotQuestion, chosen: readonly string[]): string[] {
  const labels = q.choices.filter((c) => chosen.includes(c.id)).map((c) => c.label);
  if (labels.length > 0) return labels;
  return [q.kind === 'election' ? 'No candidates chosen' : 'No answer given'];
}

/**
 * The 0/1 marks the ballot encrypts: one row per question of the election, one mark per choice in
 * the election's choice order (never the order the voter ticked). Throws if any answer is not acceptable,
 * since encryptBallot's range proof would fail anyway and the voter should have been stopped earlier.
 */
export function toMarks(questions: readonly BallotQuestion[], selections: Selections): number[][] {
  return questions.map((q) => {
    const chosen = selections[q.index] ?? [];
    const problem = questionError(q, chosen);
    if (problem) throw new Error(`${q.heading}: ${problem}`);
    return q.choices.map((c) => (chosen.includes(c.id) ? 1 : 0));
  });
}

/** A tracker in groups of four, as printed on the receipt: "3f9a 0c1b …". */
export function groupTracker(tracker: string): string {
  return (tracker.match(/.{1,4}/g) ?? []).join(' ');
}
