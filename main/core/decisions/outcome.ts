import type { FormFamily } from '../../../shared/domain/legal-form';
import { meetingResolutionResult, percentOf } from '../../../shared/rules/resolution-result';

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
 * The members' rules are shared/rules/resolution-result.ts; this file adapts them to the records.
 */

export interface Counts {
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

export function boardSources(family: FormFamily) {
  return family === 'company' ? { conflict: 'Model Articles art 14' } : { conflict: 'your registered rules' };
}

export { percentOf };

export interface MembersResult {
  passed: boolean;
  message: string;
}

/**
 * A members' resolution at a meeting on the votes cast (abstentions are not votes cast), by
 * shared/rules/resolution-result.ts. The notice is checked before (a special resolution must be
 * one the notice stated as special, s283(6)), so here the notice agrees with the kind.
 */
export function resolutionAtMeeting(
  kind: 'ordinary' | 'special',
  method: 'show_of_hands' | 'poll',
  c: Counts,
  family: FormFamily,
  specialPct: number,
): MembersResult {
  const r = meetingResolutionResult({
    kind,
    method,
    votesFor: c.votesFor,
    votesAgainst: c.votesAgainst,
    abstentions: c.votesAbstain,
    family,
    ...(family === 'company' ? {} : { specialPct }),
    noticeStatedSpecial: kind === 'special',
  });
  return { passed: r.passed, message: r.message };
}
