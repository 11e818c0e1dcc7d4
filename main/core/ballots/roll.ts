import type { ReadDb } from '../context';
import { sharesHeldOn } from '../meetings/people';

/**
 * The voter roll on the record date (issue 8 "Who votes"): members admitted on or before it and
 * not ceased on or before it, in a class with voting rights, with their votes: the class's votes
 * per member, or one per share held at the end of that day from the share ledger (its entries are
 * signed; the holding is their sum, as meetings/people.ts votingMembersOn reads it). Members with
 * no vote are left out. Sorted by member number.
 */
export interface RollCandidate {
  memberId: string;
  memberNumber: number;
  name: string;
  classId: string;
  className: string;
  votes: number;
  /** The class's cap on its share of the votes, in basis points (migration 0013), and the rule that sets it; null: no cap. */
  capBp: number | null;
  capSource: string | null;
}

export async function rollOn(db: ReadDb, organisationId: string, on: string): Promise<RollCandidate[]> {
  const rows = await db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select(['m.id', 'm.member_number', 'm.given_names', 'm.family_name', 'c.id as class_id', 'c.name as class_name', 'c.voting_rights', 'c.votes_per_member', 'c.vote_cap_bp', 'c.vote_cap_source'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.admitted_on', '<=', on)
    .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]))
    .where('c.voting_rights', '<>', 'none')
    .orderBy('m.member_number')
    .execute();
  const held = rows.some((r) => r.voting_rights === 'per_share') ? await sharesHeldOn(db, organisationId, on) : new Map<string, number>();
  return rows
    .map((r) => ({
      memberId: r.id,
      memberNumber: r.member_number,
      name: `${r.given_names} ${r.family_name}`.trim(),
      classId: r.class_id,
      className: r.class_name,
      votes: r.voting_rights === 'per_share' ? Math.max(0, held.get(r.id) ?? 0) : r.votes_per_member,
      capBp: r.vote_cap_bp,
      capSource: r.vote_cap_source,
    }))
    .filter((m) => m.votes > 0);
}
