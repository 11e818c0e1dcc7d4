import { conflictedDirectors } from '../../../shared/rules/conflicts';
import type { ReadDb } from '../context';
import { directorsOn } from '../meetings/people';

/**
 * Who may agree to a written resolution, fixed on the circulation date.
 *
 * Members (CA 2006 s289(1)): the members who would have been entitled to vote on the resolution
 * on the circulation date, each with their votes: the class's votes per member, or one vote per
 * share for a per-share class, none for a non-voting class (s284(1)-(3): on a written resolution a
 * member has one vote per share, or one vote where the company has no share capital, unless the
 * articles say otherwise, which the class records). Shares are counted as the share ledger holds
 * them at the end of the circulation date, not as held today, so a later allotment or transfer
 * does not change who could agree. There was no helper for that in the members area (its
 * `votingMembersOn` in meetings/people.ts reads shares as held now), so it is computed here from
 * the ledger in one query. A member's class is the one on record now (class changes are not dated).
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
  const rows = await db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select((eb) => [
      'm.id',
      'm.given_names',
      'm.family_name',
      'm.member_number',
      'c.voting_rights',
      'c.votes_per_member',
      eb
        .selectFrom('share_transaction as t')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('t.shares'), e.lit(0)).as('s'))
        .whereRef('t.member_id', '=', 'm.id')
        .where('t.date', '<=', on)
        .as('shares'),
    ])
    .where('m.organisation_id', '=', organisationId)
    .where('m.admitted_on', '<=', on)
    .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]))
    .orderBy('m.member_number')
    .execute();
  return rows
    .map((r) => ({
      memberId: r.id,
      name: `${r.given_names} ${r.family_name}`.trim(),
      votes: r.voting_rights === 'none' ? 0 : r.voting_rights === 'per_share' ? Number(r.shares ?? 0) : r.votes_per_member,
    }))
    .filter((m) => m.votes > 0);
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
