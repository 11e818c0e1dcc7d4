import { conflictedDirectors } from '../../../shared/rules/conflicts';
import type { ReadDb } from '../context';
import { directorsOn, votingMembersOn } from '../meetings/people';

/**
 * Who may agree to a written resolution, fixed on the circulation date.
 *
 * Members (CA 2006 s289(1)): the members who would have been entitled to vote on the resolution
 * on the circulation date, each with their votes: the class's votes per member, or one vote per
 * share for a per-share class, none for a non-voting class (s284(1)-(3): on a written resolution a
 * member has one vote per share, or one vote where the company has no share capital, unless the
 * articles say otherwise, which the class records). These are exactly the members, and the votes,
 * that `votingMembersOn` (meetings/people.ts) gives for a meeting held that day: admitted on or
 * before it and not ceased on or before it, shares as the share ledger holds them at the end of
 * that day (the sum of its signed entries, so a later allotment or transfer does not change who
 * could agree), members without a vote left out. So it is used here rather than a copy. A
 * member's class is the one on record now (class changes are not dated).
 *
 * Board (Model Articles art 8(3)): the directors in office on the circulation date who would have
 * been entitled to vote on the matter at a meeting, i.e. not those with a declared interest in
 * force that day in the organisation it concerns (art 14).
 */

export interface EligibleMember {
  memberId: string;
  name: string;
  votes: number;
}

export async function eligibleMembersOn(db: ReadDb, organisationId: string, on: string): Promise<EligibleMember[]> {
  const voters = await votingMembersOn(db, organisationId, on);
  return voters.map((v) => ({ memberId: v.memberId, name: v.name, votes: v.votes }));
}

export interface EligibleDirectors {
  eligible: { officerId: string; name: string }[];
  conflicted: { officerId: string; name: string }[];
}

export async function eligibleDirectorsOn(db: ReadDb, organisationId: string, on: string, relatedOrganisation: string | undefined): Promise<EligibleDirectors> {
  const directors = await directorsOn(db, organisationId, on);
  let conflictedIds = new Set<string>();
  if (relatedOrganisation) {
    const interests = await db
      .selectFrom('interest')
      .select(['officer_id', 'related_organisation', 'declared_on', 'ended_on'])
      .where('organisation_id', '=', organisationId)
      .where('related_organisation', 'is not', null)
      .execute();
    conflictedIds = new Set(
      conflictedDirectors(
        interests.map((i) => ({ officerId: i.officer_id, relatedOrganisation: i.related_organisation, declaredOn: i.declared_on, endedOn: i.ended_on })),
        relatedOrganisation,
        on,
      ),
    );
  }
  return {
    eligible: directors.filter((d) => !conflictedIds.has(d.officerId)).map((d) => ({ officerId: d.officerId, name: d.name })),
    conflicted: directors.filter((d) => conflictedIds.has(d.officerId)).map((d) => ({ officerId: d.officerId, name: d.name })),
  };
}
