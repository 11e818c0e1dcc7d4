import type { FormFamily } from '../../../shared/domain/legal-form';

/**
 * The outcome of a decision and its words, citing the rule.
 *
 * Board decisions follow shared/rules/board-vote.ts (Model Articles art 7(1), art 13, art 14).
 *
 * Members (CA 2006 s282: an ordinary resolution needs a simple majority; on a show of hands of the
 * votes cast (s282(3)), on a poll of the voting rights of those who vote (s282(4)); s283: a special
 * resolution needs not less than 75% (s283(4) show of hands, s283(5) poll)). Abstentions are not
 * votes cast, and a tie is not a majority. Percentages compare in whole numbers (basis points),
 * so 74.9% never rounds up to pass.
 *
 * Kept in one place so that shared/rules/resolution-result.ts, when it lands, replaces these
 * bodies without touching the handlers.
 */

export interface Counts {
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

export function boardSources(family: FormFamily) {
  return family === 'company' ? { conflict: 'Model Articles art 14' } : { conflict: 'your registered rules' };
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
