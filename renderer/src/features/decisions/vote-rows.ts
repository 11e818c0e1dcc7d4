import type { AgendaItem, MeetingView } from '../../../../shared/contract/meetings';

export type VoteChoice = 'for' | 'against' | 'abstain' | 'recused';

/** One director's row in a named board vote; `reason` says why they are pre-marked recused. */
export interface VoteRow {
  officerId: string;
  name: string;
  vote: VoteChoice | '';
  reason: string | null;
}

const PRESENT = new Set(['present', 'present_electronically']);

/**
 * A row per director present for the item (not yet left), in attendance order. Directors with a
 * declared interest in the item's organisation start as recused, with the interest as the reason
 * (they are left out of the vote and, where the rules say so, of the quorum: Model Articles art 14);
 * the others start unchosen, so no vote is recorded that the secretary did not enter.
 */
export function voteRowsFor(meeting: Pick<MeetingView, 'attendance'>, item: Pick<AgendaItem, 'conflicted'>): VoteRow[] {
  const conflicted = new Map(item.conflicted.map((c) => [c.officerId, c.interest]));
  return meeting.attendance
    .filter((a) => a.role === 'director' && a.officerId !== null && PRESENT.has(a.status) && a.leftAt === null)
    .map((a) => {
      const interest = conflicted.get(a.officerId!);
      return { officerId: a.officerId!, name: a.name, vote: interest ? 'recused' : '', reason: interest ? `Declared interest: ${interest}` : null };
    });
}

/** Directors recorded present who had left before the vote, named so the secretary sees why they have no row. */
export function departedDirectors(meeting: Pick<MeetingView, 'attendance'>): { name: string; leftAt: string }[] {
  return meeting.attendance
    .filter((a) => a.role === 'director' && PRESENT.has(a.status) && a.leftAt !== null)
    .map((a) => ({ name: a.name, leftAt: a.leftAt! }));
}

/** The counts a named vote comes to. */
export function tally(rows: readonly Pick<VoteRow, 'vote'>[]): { for: number; against: number; abstain: number; recused: number; unchosen: number } {
  const t = { for: 0, against: 0, abstain: 0, recused: 0, unchosen: 0 };
  for (const r of rows) {
    if (r.vote === '') t.unchosen += 1;
    else t[r.vote] += 1;
  }
  return t;
}

/** Every row not recused and not yet chosen set to `vote` ("all in favour"). */
export function fillUnchosen(rows: readonly VoteRow[], vote: VoteChoice): VoteRow[] {
  return rows.map((r) => (r.vote === '' ? { ...r, vote } : r));
}
