import type { FormFamily } from '../domain/legal-form';
import { listNames } from './time-of-day';

/**
 * The outcome of a decision of the board (or of a committee) at a meeting.
 *
 * Model Articles for private companies (SI 2008/3229 Sch 1 and Sch 2): art 7(1), a decision of the
 * directors is a majority decision at a meeting (or a unanimous decision under art 8); a majority
 * means more votes for than against among the directors voting, so abstentions count for neither
 * side and a tie is not carried. Art 13(1): if the numbers of votes for and against a proposal are
 * equal, the chairman or other director chairing the meeting has a casting vote; art 13(2): but not
 * if, in accordance with the articles, the chair is not to be counted as participating in the
 * decision-making process for quorum or voting purposes, i.e. is conflicted under art 14. A chair
 * who has recused themselves takes no part in the decision either, so has no casting vote.
 *
 * A society's registered rules decide all of this (the CCBS Act 2014 has no rule on directors'
 * decisions); the same shape is applied and the messages cite the rules.
 */
export const BOARD_MAJORITY_SOURCE = 'Model Articles art 7(1)';
export const CASTING_VOTE_SOURCE = 'Model Articles art 13(1)';
export const CASTING_VOTE_CONFLICTED_SOURCE = 'Model Articles art 13(2) and art 14';
export const SOCIETY_BOARD_RULES = 'your registered rules';

export const BOARD_OUTCOMES = ['carried', 'lost', 'carried_on_casting_vote', 'lost_on_casting_vote', 'tied_no_casting_vote'] as const;
export type BoardOutcome = (typeof BOARD_OUTCOMES)[number];

export type BoardVoteChoice = 'for' | 'against' | 'abstain';

export interface NamedBoardVote {
  id: string;
  name: string;
  vote: BoardVoteChoice;
}

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface BoardVoteInput {
  /** Counts, or each director's vote by name (the board chooses which it records). */
  votes: Partial<VoteCounts> | readonly NamedBoardVote[];
  /** Directors who took no part in the decision. */
  recused?: readonly { id: string; name: string }[];
  /** Directors conflicted on the matter (the interests register and declarations at the meeting). */
  conflicted?: Iterable<string>;
  /** Whether the rules let conflicted directors vote (default false: Model Articles art 14(1)). */
  conflictedMayVote?: boolean;
  /** The director chairing the meeting, or null where none is recorded. */
  chair: { id: string; name: string } | null;
  /** Whether the rules give the chair a casting vote (Model Articles art 13(1); the governing rule chairCastingVote). */
  castingVoteInRules: boolean;
  /** How the chair used the casting vote on equal votes, if they did. */
  castingVote?: 'for' | 'against' | null;
  family: FormFamily;
}

export type CastingVoteStatus =
  | { available: true }
  | { available: false; reason: 'not_tied' | 'rules' | 'no_chair' | 'chair_conflicted' | 'chair_recused' };

export interface BoardVoteResult {
  outcome: BoardOutcome;
  counts: VoteCounts;
  casting: CastingVoteStatus;
  /** "Carried on the chair's casting vote: 2 for, 2 against (Model Articles art 13(1))." */
  message: string;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;
const isNamed = (v: BoardVoteInput['votes']): v is readonly NamedBoardVote[] => Array.isArray(v);

/** The counts from named votes or from counts, with missing counts as none. */
export function voteCounts(votes: BoardVoteInput['votes']): VoteCounts {
  if (isNamed(votes)) {
    const c: VoteCounts = { for: 0, against: 0, abstain: 0 };
    for (const v of votes) c[v.vote] += 1;
    return c;
  }
  return { for: votes.for ?? 0, against: votes.against ?? 0, abstain: votes.abstain ?? 0 };
}

function castingStatus(input: BoardVoteInput, counts: VoteCounts): CastingVoteStatus {
  if (counts.for !== counts.against) return { available: false, reason: 'not_tied' };
  if (!input.castingVoteInRules) return { available: false, reason: 'rules' };
  if (input.chair === null) return { available: false, reason: 'no_chair' };
  const chairId = input.chair.id;
  if ((input.recused ?? []).some((r) => r.id === chairId)) return { available: false, reason: 'chair_recused' };
  if (!input.conflictedMayVote && new Set(input.conflicted ?? []).has(chairId)) return { available: false, reason: 'chair_conflicted' };
  return { available: true };
}

/**
 * What is wrong with a recorded board vote, one sentence each (empty when nothing is): counts must
 * be whole numbers; a director votes once; a recused director does not vote; a conflicted director
 * does not vote where the rules say so; a casting vote only on equal votes, and only where the chair
 * has one.
 */
export function boardVoteProblems(input: BoardVoteInput): string[] {
  const problems: string[] = [];
  const s = sources(input.family);
  if (isNamed(input.votes)) {
    const seen = new Set<string>();
    const recused = new Set((input.recused ?? []).map((r) => r.id));
    const conflicted = new Set(input.conflicted ?? []);
    for (const v of input.votes) {
      if (seen.has(v.id)) problems.push(`${v.name} is recorded as voting more than once.`);
      seen.add(v.id);
      if (recused.has(v.id)) problems.push(`${v.name} is recorded as recused and as voting ${v.vote === 'abstain' ? 'to abstain' : v.vote}; a recused director takes no part in the decision.`);
      else if (conflicted.has(v.id) && !input.conflictedMayVote && v.vote !== 'abstain') {
        problems.push(`${v.name} is conflicted on this matter and may not vote on it (${s.conflict}).`);
      }
    }
  } else {
    for (const key of ['for', 'against', 'abstain'] as const) {
      const n = input.votes[key];
      if (n !== undefined && !isCount(n)) problems.push(`Votes ${key === 'abstain' ? 'abstaining' : key} must be a whole number, 0 or more; ${n} given.`);
    }
  }
  const recusedIds = (input.recused ?? []).map((r) => r.id);
  if (new Set(recusedIds).size !== recusedIds.length) problems.push('A director is recorded as recused more than once.');
  if (problems.length) return problems;

  const counts = voteCounts(input.votes);
  if (input.castingVote) {
    const casting = castingStatus(input, counts);
    if (!casting.available) {
      const why: Record<typeof casting.reason, string> = {
        not_tied: `A casting vote is given only when the votes for and against are equal (${s.casting}); ${counts.for} for, ${counts.against} against.`,
        rules: `The chair has no casting vote under ${input.family === 'company' ? 'your articles' : SOCIETY_BOARD_RULES}.`,
        no_chair: 'No chair is recorded for the meeting, so nobody can give a casting vote.',
        chair_conflicted: `${input.chair?.name ?? 'The chair'} is conflicted on this matter, so has no casting vote (${s.castingConflicted}).`,
        chair_recused: `${input.chair?.name ?? 'The chair'} recused themselves from this decision, so has no casting vote.`,
      };
      problems.push(why[casting.reason]);
    }
  }
  return problems;
}

function sources(family: FormFamily) {
  return family === 'company'
    ? { majority: BOARD_MAJORITY_SOURCE, casting: CASTING_VOTE_SOURCE, castingConflicted: CASTING_VOTE_CONFLICTED_SOURCE, conflict: 'Model Articles art 14' }
    : { majority: SOCIETY_BOARD_RULES, casting: SOCIETY_BOARD_RULES, castingConflicted: SOCIETY_BOARD_RULES, conflict: SOCIETY_BOARD_RULES };
}

/**
 * The outcome of a board decision. Throws a RangeError carrying the first problem where
 * `boardVoteProblems` finds any; call that first to show them all beside the form.
 *
 * @example
 * boardVote({ votes: { for: 2, against: 2 }, chair: { id: 'c', name: 'R. Shah' }, castingVoteInRules: true, castingVote: 'for', family: 'company' }).outcome
 * // 'carried_on_casting_vote'
 */
export function boardVote(input: BoardVoteInput): BoardVoteResult {
  const problems = boardVoteProblems(input);
  if (problems.length) throw new RangeError(problems[0]);
  const counts = voteCounts(input.votes);
  const casting = castingStatus(input, counts);
  const s = sources(input.family);
  const tally = `${counts.for} for, ${counts.against} against${counts.abstain ? `, ${counts.abstain} abstaining` : ''}`;
  const recused = (input.recused ?? []).map((r) => r.name);
  const tail = recused.length ? `; ${listNames(recused)} ${recused.length === 1 ? 'was' : 'were'} recused` : '';

  if (counts.for > counts.against) {
    return { outcome: 'carried', counts, casting, message: `Carried: ${tally}${tail} (a majority of the directors voting, ${s.majority}).` };
  }
  if (counts.for < counts.against) {
    return { outcome: 'lost', counts, casting, message: `Lost: ${tally}${tail} (not a majority of the directors voting, ${s.majority}).` };
  }
  if (casting.available && input.castingVote) {
    const carried = input.castingVote === 'for';
    return {
      outcome: carried ? 'carried_on_casting_vote' : 'lost_on_casting_vote',
      counts,
      casting,
      message: `${carried ? 'Carried' : 'Lost'} on the casting vote of ${input.chair!.name}, chairing: ${tally}${tail} (${s.casting}).`,
    };
  }
  const none = counts.for === 0 ? 'no director voted for or against' : tally;
  let why: string;
  if (casting.available) why = `${input.chair!.name}, chairing, did not use the casting vote (${s.casting})`;
  else if (casting.reason === 'rules') why = `the chair has no casting vote under ${input.family === 'company' ? 'your articles' : SOCIETY_BOARD_RULES}`;
  else if (casting.reason === 'no_chair') why = 'no chair is recorded for the meeting, so no casting vote was given';
  else if (casting.reason === 'chair_recused') why = `${input.chair!.name}, chairing, was recused, so has no casting vote`;
  else why = `${input.chair!.name}, chairing, is conflicted on this matter, so has no casting vote (${s.castingConflicted})`;
  return { outcome: 'tied_no_casting_vote', counts, casting, message: `Tied, so not carried: ${none}${tail}; ${why}.` };
}
