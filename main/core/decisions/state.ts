import { rowStateReader, type StateReader } from '../audit/state';
import type { ReadDb } from '../context';

/**
 * What the audit log vouches for in the decisions area: each decision's own columns, and each
 * named vote or recusal (decision_vote). Every decision event lists the decision and the vote
 * rows it wrote or removed.
 */
const reader = rowStateReader;

async function decisionWords(db: ReadDb, id: string): Promise<string> {
  const d = await db
    .selectFrom('decision as d')
    .leftJoin('meeting as m', 'm.id', 'd.meeting_id')
    .select(['d.decided_on', 'm.title'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) return `a decision (${id})`;
  return d.title ? `the decision of the ${d.title} on ${d.decided_on}` : `the written resolution decided on ${d.decided_on}`;
}

export const decisionState = reader('decision', decisionWords);

export const decisionVoteState = reader('decision_vote', async (db, id) => {
  const v = await db
    .selectFrom('decision_vote as v')
    .innerJoin('officer as o', 'o.id', 'v.officer_id')
    .select(['v.decision_id', 'o.given_names', 'o.family_name'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  return v ? `the vote of ${v.given_names} ${v.family_name} on ${await decisionWords(db, v.decision_id)}` : `a vote on a decision (${id})`;
});

export const decisionStateReaders: StateReader[] = [decisionState, decisionVoteState];
