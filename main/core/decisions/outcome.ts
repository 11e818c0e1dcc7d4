import type { DecisionOutcome } from '../../../shared/contract/decisions';
import type { FormFamily } from '../../../shared/domain/legal-form';

/**
 * The outcome of a decision and its words, citing the rule.
 *
 * Board (Model Articles for private companies art 7(1): a majority decision at a meeting; art 13:
 * on equal votes the director chairing the meeting has a casting vote, art 13(2) not where the
 * chair is not to be counted for the decision, i.e. is conflicted under art 14). A society's
 * registered rules decide instead; the app applies the same shape and says it is the rules'.
 *
 * Members (CA 2006 s282: an ordinary resolution needs a simple majority; on a show of hands of the
 * votes cast (s282(3)), on a poll of the voting rights of those who vote (s282(4)); s283: a special
 * resolution needs not less than 75% (s283(4) show of hands, s283(5) poll)). Abstentions are not
 * votes cast, and a tie is not a majority. Percentages compare in whole numbers (basis points),
 * so 74.9% never rounds up to pass.
 *
 * Kept in one place so that shared/rules/board-vote.ts and resolution-result.ts, when they land,
 * replace these bodies without touching the handlers.
 */

export interface Counts {
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

/** Why the chair has, or has not, a casting vote on this item. */
export type Casting = { available: true } | { available: false; reason: 'rules' | 'conflicted' | 'no_chair' };

const tally = (c: Counts) =>
  `${c.votesFor} for, ${c.votesAgainst} against${c.votesAbstain ? `, ${c.votesAbstain} abstaining` : ''}`;

export function boardSources(family: FormFamily) {
  return family === 'company'
    ? { majority: 'Model Articles art 7(1)', casting: 'Model Articles art 13', castingConflicted: 'Model Articles art 13(2) and art 14', conflict: 'Model Articles art 14' }
    : { majority: 'your registered rules', casting: 'your registered rules', castingConflicted: 'your registered rules', conflict: 'your registered rules' };
}

/** The outcome of a board vote; `castingVote` is which way the chair cast a casting vote on a tie. */
export function boardOutcome(c: Counts, casting: Casting, castingVote: 'for' | 'against' | undefined): DecisionOutcome {
  if (c.votesFor > c.votesAgainst) return 'carried';
  if (c.votesFor < c.votesAgainst) return 'lost';
  if (!casting.available || castingVote === undefined) return 'tied_no_casting_vote';
  return castingVote === 'for' ? 'carried_on_casting_vote' : 'lost_on_casting_vote';
}

export function boardOutcomeMessage(outcome: DecisionOutcome, c: Counts, family: FormFamily, casting: Casting): string {
  const s = boardSources(family);
  switch (outcome) {
    case 'carried':
      return `Carried: ${tally(c)} (a majority of the directors voting, ${s.majority}).`;
    case 'lost':
      return `Lost: ${tally(c)} (not a majority of the directors voting, ${s.majority}).`;
    case 'carried_on_casting_vote':
      return `Carried on the chair's casting vote: ${tally(c)} (${s.casting}).`;
    case 'lost_on_casting_vote':
      return `Lost on the chair's casting vote: ${tally(c)} (${s.casting}).`;
    default: {
      const why =
        casting.available || casting.reason === 'rules'
          ? `the chair has no casting vote under ${family === 'company' ? 'your articles' : 'your registered rules'}`
          : casting.reason === 'conflicted'
            ? `the chair is conflicted on this item, so has no casting vote (${s.castingConflicted})`
            : 'no chair who is a director is recorded for the meeting, so no casting vote was given';
      return `Tied: not carried, ${tally(c)}; ${why}.`;
    }
  }
}

/** "74.9%" from a part and a whole, never rounded up (74.996% shows as 74.99%). */
export function percentOf(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const hundredths = Math.floor((part * 10000) / whole);
  return `${Number((hundredths / 100).toFixed(2))}%`;
}

export interface MembersResult {
  passed: boolean;
  message: string;
}

/**
 * A members' resolution at a meeting on the votes cast (abstentions are not votes cast).
 * `specialPct` is the society's rules' percentage; a company's is 75 (s283).
 */
export function resolutionAtMeeting(
  kind: 'ordinary' | 'special',
  method: 'show_of_hands' | 'poll',
  c: Counts,
  family: FormFamily,
  specialPct: number,
): MembersResult {
  const cast = c.votesFor + c.votesAgainst;
  const how = method === 'poll' ? 'on a poll' : 'on a show of hands';
  const abst = c.votesAbstain ? `, ${c.votesAbstain} abstaining (abstentions are not votes cast)` : '';
  const counts = `${c.votesFor} for, ${c.votesAgainst} against${abst}`;
  if (kind === 'ordinary') {
    const passed = c.votesFor > c.votesAgainst;
    const source = family === 'company' ? `CA 2006 s282(${method === 'poll' ? 4 : 3})` : 'your registered rules; CA 2006 s282 for companies';
    const tie = cast > 0 && c.votesFor === c.votesAgainst ? '; a tie is not a majority' : '';
    return {
      passed,
      message: `${passed ? 'Passed' : 'Not passed'} as an ordinary resolution ${how}: ${counts}${cast ? ` (${percentOf(c.votesFor, cast)} of the votes cast)` : ''}; a simple majority of the votes cast is needed${tie} (${source}).`,
    };
  }
  const pct = family === 'company' ? 75 : specialPct;
  const bp = Math.round(pct * 100);
  const passed = cast > 0 && c.votesFor * 10000 >= bp * cast;
  const source = family === 'company' ? `CA 2006 s283(${method === 'poll' ? 5 : 4})` : 'your registered rules';
  return {
    passed,
    message: `${passed ? 'Passed' : 'Not passed'} as a special resolution ${how}: ${counts}${cast ? ` (${percentOf(c.votesFor, cast)} of the votes cast)` : ''}; not less than ${pct}% of the votes cast is needed (${source}).`,
  };
}

/**
 * A written resolution of members: passed when the agreed votes reach the required majority of
 * the TOTAL voting rights of eligible members, not of those who replied (CA 2006 s282(2),
 * s283(2), s296(4)).
 */
export function writtenResolutionMet(kind: 'ordinary' | 'special', agreed: number, total: number, specialPct: number): boolean {
  if (total === 0) return false;
  if (kind === 'ordinary') return agreed * 2 > total;
  return agreed * 10000 >= Math.round(specialPct * 100) * total;
}
