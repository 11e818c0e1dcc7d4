import { VOTING_RIGHTS_LABEL, type MembershipClass } from '../../../../shared/contract/classes';
import { formatPence } from '../../../../shared/rules/shareholding';

/** "age 18 or over, at least 7.5 contracted hours a week, 3 months' service" (or null when none). */
export function eligibilitySummary(c: Pick<MembershipClass, 'isEmployeeClass' | 'eligibility'>): string | null {
  if (!c.isEmployeeClass) return null;
  const e = c.eligibility;
  // A minimum of zero is no condition at all: "0 months’ service" would read as a requirement.
  const set = (n: number | null): n is number => n !== null && n > 0;
  const parts = [
    set(e.minAgeYears) ? `age ${e.minAgeYears} or over` : null,
    set(e.minWeeklyHours) ? `at least ${e.minWeeklyHours} contracted hours a week` : null,
    set(e.minServiceMonths) ? `${e.minServiceMonths} ${e.minServiceMonths === 1 ? 'month’s' : 'months’'} service` : null,
  ].filter((x): x is string => x !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** "2 votes per member", "One vote per share", "Non-voting". */
export function votingSummary(c: Pick<MembershipClass, 'votingRights' | 'votesPerMember'>): string {
  if (c.votingRights === 'per_member') return c.votesPerMember === 1 ? 'One vote per member' : `${c.votesPerMember} votes per member`;
  if (c.votingRights === 'none') return 'Non-voting';
  return VOTING_RIGHTS_LABEL[c.votingRights];
}

/** "At most 10% of the votes in a ballot (Rule 14(b))", or null for a class with no cap. */
export function voteCapSummary(c: Pick<MembershipClass, 'voteCap'>): string | null {
  if (!c.voteCap) return null;
  return `At most ${c.voteCap.pct.toLocaleString('en-GB', { maximumFractionDigits: 2 })}% of the votes in a ballot (${c.voteCap.source})`;
}

/**
 * "£1.00 shares, withdrawable, not transferable, at most 2,000 each". A company's shares are never
 * withdrawable, so for a company the summary says whether they are redeemable instead.
 */
export function shareTermsSummary(c: Pick<MembershipClass, 'shareTerms'>, family: 'company' | 'society' = 'society'): string | null {
  const t = c.shareTerms;
  if (!t) return null;
  return [
    `${formatPence(t.nominalPence)} shares`,
    family === 'company' ? (t.redeemable ? 'redeemable' : null) : t.withdrawable ? 'withdrawable' : 'not withdrawable',
    t.transferable ? 'transferable' : 'not transferable',
    t.numbered ? 'numbered' : null,
    t.maxHolding !== null ? `at most ${t.maxHolding.toLocaleString('en-GB')} each` : null,
  ]
    .filter(Boolean)
    .join(', ');
}
