import type { BallotSummary } from '../../../../shared/contract/ballots';

/** A ballot's status as a badge: the word says it, the colour only repeats it. */
export function statusBadge(status: BallotSummary['status'], label: string) {
  const tone = status === 'decided' ? 'badge-success' : status === 'open' || status === 'closed' ? 'badge-warning' : status === 'cancelled' ? 'badge-muted' : '';
  return <span className={`badge ${tone}`.trim()}>{label}</span>;
}

/** "12 of 40 voted (30%)"; before the roll is frozen, "Roll not yet frozen". Turnout only: never a running result. */
export function turnoutWords(voted: number, roll: number | null): string {
  if (roll === null) return 'Roll not yet frozen';
  if (roll === 0) return 'Nobody on the roll';
  const pct = Math.round((voted / roll) * 100);
  return `${voted.toLocaleString('en-GB')} of ${roll.toLocaleString('en-GB')} voted (${pct}%)`;
}
