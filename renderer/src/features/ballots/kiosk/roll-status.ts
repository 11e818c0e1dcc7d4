import { VOTE_CHANNEL_LABEL, type RollEntry } from '../../../../../shared/contract/ballots';

/**
 * Whether a voter on the roll can still be checked in (or given a paper): not yet voted, or voted
 * only by proxy, since a member who votes in person replaces their proxy's vote (issue 8 "Proxies").
 */
export function canCheckIn(e: Pick<RollEntry, 'votedBy'>): boolean {
  return e.votedBy === null || e.votedBy === 'proxy';
}

/** Whether they have voted, and by which channel only: never how. */
export function statusWords(e: Pick<RollEntry, 'votedBy' | 'paperSerial'>): string {
  if (e.votedBy === null) return 'Not voted yet';
  if (e.votedBy === 'paper') return e.paperSerial ? `Given paper ballot ${e.paperSerial}` : 'Given a paper ballot';
  if (e.votedBy === 'proxy') return 'Their proxy has voted. Voting in person replaces the proxy’s vote.';
  return `Already voted ${VOTE_CHANNEL_LABEL[e.votedBy]}`;
}
