import type { z } from 'zod';
import { ballotMethods, type QuestionInput } from '../../../../shared/contract/ballots';
import type { Resolution } from '../../../../shared/contract/meetings';

/**
 * The set-up form of a ballot (/ballots/new) as the secretary fills it in, and how it becomes the
 * contract's `ballots.create` input. The form keeps text (numbers as typed, blank for "none");
 * error paths are the contract's own ("questions.0.candidates.1.name"), so the core's field
 * errors and the browser's land on the same field.
 */
export type QuestionKind = QuestionInput['kind'];

export interface CandidateValues {
  name: string;
  statement: string;
}

export interface QuestionValues {
  kind: QuestionKind;
  text: string;
  resolutionKind: 'ordinary' | 'special' | '';
  /** The meeting's resolution this question puts to a poll ('' when typed in here). */
  resolutionId: string;
  seats: string;
  candidates: CandidateValues[];
  /** Objects, not strings, so that react-hook-form's field array can key and move them. */
  options: { label: string }[];
  maxChoices: string;
}

export interface TrusteeValues {
  name: string;
  role: string;
}

export interface SetupValues {
  title: string;
  meetingId: string;
  /** Asked only when the ballot belongs to no meeting; at a meeting a poll counts the votes cast. */
  base: '' | 'votes_cast' | 'eligible_votes';
  recordDate: string;
  questions: QuestionValues[];
  trustees: TrusteeValues[];
  /** 'all': every trustee must take part in decryption; 'some': any k of the n. */
  thresholdMode: 'all' | 'some';
  threshold: string;
}

export type CreateInput = z.input<(typeof ballotMethods)['ballots.create']['input']>;
export type CreateOutput = z.output<(typeof ballotMethods)['ballots.create']['input']>;

export interface Problem {
  path: string;
  message: string;
}

export function emptyQuestion(kind: QuestionKind): QuestionValues {
  return {
    kind,
    text: '',
    resolutionKind: kind === 'resolution' ? 'ordinary' : '',
    resolutionId: '',
    seats: '1',
    candidates: [
      { name: '', statement: '' },
      { name: '', statement: '' },
    ],
    options: [{ label: '' }, { label: '' }],
    maxChoices: '1',
  };
}

/** A resolution set out in a meeting's notice, as a question of the poll on it (same words, same kind). */
export function questionFromResolution(r: Pick<Resolution, 'id' | 'kind' | 'text'>): QuestionValues {
  return { ...emptyQuestion('resolution'), text: r.text, resolutionKind: r.kind, resolutionId: r.id };
}

export function emptySetup(recordDate: string): SetupValues {
  return {
    title: '',
    meetingId: '',
    base: '',
    recordDate,
    questions: [],
    // Empty: a role is saved with the ballot, so it must be what the secretary typed, not a suggestion left in place.
    trustees: [
      { name: '', role: '' },
      { name: '', role: '' },
    ],
    thresholdMode: 'all',
    threshold: '',
  };
}

const blank = (s: string) => s.trim() === '';
/** A whole number as typed ("2", " 3 "), or NaN: the schema then names the field. */
const whole = (s: string) => (/^\s*\d{1,6}\s*$/.test(s) ? Number(s) : Number.NaN);

function questionInput(q: QuestionValues): QuestionInput {
  switch (q.kind) {
    case 'resolution':
      return {
        kind: 'resolution',
        text: q.text,
        resolutionKind: (q.resolutionKind || undefined) as 'ordinary' | 'special',
        ...(blank(q.resolutionId) ? {} : { resolutionId: q.resolutionId }),
      };
    case 'election':
      return {
        kind: 'election',
        text: q.text,
        seats: whole(q.seats),
        candidates: q.candidates.map((c) => ({ name: c.name, ...(blank(c.statement) ? {} : { statement: c.statement }) })),
      };
    case 'consultation':
      return { kind: 'consultation', text: q.text, options: q.options.map((o) => o.label), maxChoices: whole(q.maxChoices) };
  }
}

/** The form as the contract's `ballots.create` input. */
export function toCreateInput(v: SetupValues): CreateInput {
  const meeting = !blank(v.meetingId);
  const base = meeting ? 'votes_cast' : v.base || undefined;
  return {
    title: v.title,
    ...(meeting ? { meetingId: v.meetingId } : {}),
    ...(base ? { base } : {}),
    recordDate: v.recordDate,
    questions: v.questions.map(questionInput),
    trustees: v.trustees.map((t) => ({ name: t.name, ...(blank(t.role) ? {} : { role: t.role }) })),
    ...(v.thresholdMode === 'some' ? { threshold: whole(v.threshold) } : {}),
  };
}

/**
 * What the browser can say before sending: plain-words checks the schema cannot make (a number
 * typed as words, a threshold larger than the trustees named, the base of a ballot held outside
 * a meeting), then the contract schema's own messages. One message per field, the first found.
 */
export function setupProblems(v: SetupValues): { input: CreateOutput | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (blank(v.meetingId) && v.base === '') {
    problems.push({ path: 'base', message: 'Choose how the result is counted: on the votes cast, or on the total votes of every member on the roll.' });
  }
  v.questions.forEach((q, i) => {
    if (q.kind === 'election' && Number.isNaN(whole(q.seats))) problems.push({ path: `questions.${i}.seats`, message: 'Enter the number of seats as a whole number, like 2.' });
    if (q.kind === 'consultation') {
      const max = whole(q.maxChoices);
      if (Number.isNaN(max)) problems.push({ path: `questions.${i}.maxChoices`, message: 'Enter how many options a voter may choose, as a whole number, like 1.' });
      else if (max > q.options.length) problems.push({ path: `questions.${i}.maxChoices`, message: `A voter cannot choose more options than there are (${q.options.length}).` });
    }
    if (q.kind === 'resolution' && q.resolutionKind === '') problems.push({ path: `questions.${i}.resolutionKind`, message: 'Choose ordinary or special.' });
  });
  if (v.thresholdMode === 'some') {
    const k = whole(v.threshold);
    const n = v.trustees.length;
    if (Number.isNaN(k)) problems.push({ path: 'threshold', message: 'Enter how many trustees must take part in decrypting, as a whole number, like 2.' });
    else if (k < 2) problems.push({ path: 'threshold', message: 'At least two trustees must take part in decrypting, so that no one person can see the result alone.' });
    else if (k > n) problems.push({ path: 'threshold', message: `You have named ${n} trustees, so no more than ${n} can be required.` });
  }
  const parsed = ballotMethods['ballots.create'].input.safeParse(toCreateInput(v));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path.join('.'), message: issue.message });
  }
  const seen = new Set<string>();
  const firsts = problems.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true))).map(whose);
  return { input: parsed.success && firsts.length === 0 ? parsed.data : null, problems: firsts };
}

/**
 * The schema says "Enter the trustee’s name." for every trustee; in a summary of several
 * problems each must say which one it is about.
 */
function whose(p: Problem): Problem {
  const trustee = /^trustees\.(\d+)\.name$/.exec(p.path);
  if (trustee && p.message === 'Enter the trustee’s name.') return { ...p, message: `Enter the name of trustee ${Number(trustee[1]) + 1}.` };
  const candidate = /^questions\.(\d+)\.candidates\.(\d+)\.name$/.exec(p.path);
  if (candidate && p.message === 'Enter the candidate’s name.') return { ...p, message: `Enter the name of candidate ${Number(candidate[2]) + 1} in question ${Number(candidate[1]) + 1}.` };
  const option = /^questions\.(\d+)\.options\.(\d+)$/.exec(p.path);
  if (option && p.message === 'Enter the option.') return { ...p, message: `Enter option ${Number(option[2]) + 1} of question ${Number(option[1]) + 1}.` };
  return p;
}

/** Every field path the form shows, for placing the core's field errors (others go to the banner). */
export function setupPaths(v: SetupValues): string[] {
  const paths = ['title', 'meetingId', 'base', 'recordDate', 'questions', 'trustees', 'threshold'];
  v.questions.forEach((q, i) => {
    const p = `questions.${i}`;
    paths.push(p, `${p}.kind`, `${p}.text`, `${p}.resolutionKind`, `${p}.seats`, `${p}.candidates`, `${p}.options`, `${p}.maxChoices`);
    q.candidates.forEach((_c, j) => paths.push(`${p}.candidates.${j}`, `${p}.candidates.${j}.name`, `${p}.candidates.${j}.statement`));
    q.options.forEach((_o, j) => paths.push(`${p}.options.${j}`));
  });
  v.trustees.forEach((_t, i) => paths.push(`trustees.${i}`, `trustees.${i}.name`, `trustees.${i}.role`));
  return paths;
}

/** The question's kind in words, for its heading ("Question 2: election"). */
export const QUESTION_KIND_LABEL: Record<QuestionKind, string> = {
  resolution: 'Resolution',
  election: 'Election',
  consultation: 'Consultation',
};
