import { sql } from 'kysely';
import type { ReadDb } from '../context';
import { compiledOnce } from '../db/compiled';

/**
 * Who may sit at a meeting on its date: directors in office, committee members, members entitled
 * to attend. Each reader is one query, so a meeting view stays a handful of queries.
 */

/** "J. Patel" for Jaspreet Patel; "J. R. Patel" for Jaspreet Ravi Patel. */
export function shortName(givenNames: string, familyName: string): string {
  const initials = givenNames
    .split(/\s+/)
    .filter(Boolean)
    .map((g) => `${g[0]!.toUpperCase()}.`)
    .join(' ');
  return initials ? `${initials} ${familyName}` : familyName;
}

export interface DirectorOnDate {
  officerId: string;
  name: string;
  shortName: string;
  appointedOn: string;
  ceasedOn: string | null;
}

/**
 * Whether an appointment covers a day. A director whose office ends on the day of a meeting is
 * still in office that day (a resignation at the close of the meeting takes effect then), the
 * same inclusive reading the conflict rule gives an interest ending on the day.
 */
export function inOfficeOn(a: { appointed_on: string; ceased_on: string | null }, on: string): boolean {
  return a.appointed_on <= on && (a.ceased_on === null || a.ceased_on >= on);
}

/** Every director appointment of the organisation, with the officer's name (one query). */
export async function directorAppointments(db: ReadDb, organisationId: string) {
  return Q.directorAppointments.all(db, organisationId);
}

/** Fixed-shape queries, compiled once (db/compiled.ts): a meeting view runs them on every change. */
const Q = {
  directorAppointments: compiledOnce((db: ReadDb, organisationId: string) =>
    db
      .selectFrom('appointment as a')
      .innerJoin('officer as o', 'o.id', 'a.officer_id')
      .select(['a.officer_id', 'a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name'])
      .where('a.organisation_id', '=', organisationId)
      .where('a.role', '=', 'director'),
  ),
  committeeMembersOn: compiledOnce((db: ReadDb, committeeId: string, on: string) =>
    db
      .selectFrom('committee_member as cm')
      .innerJoin('officer as o', 'o.id', 'cm.officer_id')
      .select(['cm.officer_id', 'o.given_names', 'o.family_name'])
      .where('cm.committee_id', '=', committeeId)
      .where('cm.joined_on', '<=', on)
      .where((eb) => eb.or([eb('cm.left_on', 'is', null), eb('cm.left_on', '>=', on)])),
  ),
};

/** Directors in office on a day, each once, by family name. */
export async function directorsOn(db: ReadDb, organisationId: string, on: string): Promise<DirectorOnDate[]> {
  const rows = await directorAppointments(db, organisationId);
  const out = new Map<string, DirectorOnDate>();
  for (const r of rows) {
    if (!inOfficeOn(r, on) || out.has(r.officer_id)) continue;
    out.set(r.officer_id, {
      officerId: r.officer_id,
      name: `${r.given_names} ${r.family_name}`,
      shortName: shortName(r.given_names, r.family_name),
      appointedOn: r.appointed_on,
      ceasedOn: r.ceased_on,
    });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * Why an officer was not a director on a day, naming the dates ("J. Patel was appointed on
 * 3 May 2026, after this meeting on 1 April 2026"), or null when they were.
 */
export function notInOfficeReason(
  appointments: readonly { appointed_on: string; ceased_on: string | null }[],
  name: string,
  on: string,
  fmt: (d: string) => string,
): string | null {
  if (appointments.length === 0) return `${name} is not a director.`;
  if (appointments.some((a) => inOfficeOn(a, on))) return null;
  const later = appointments.filter((a) => a.appointed_on > on).map((a) => a.appointed_on).sort()[0];
  if (later) return `${name} was appointed on ${fmt(later)}, after this meeting on ${fmt(on)}.`;
  const ended = appointments.map((a) => a.ceased_on).filter((d): d is string => d !== null && d < on).sort().at(-1);
  if (ended) return `${name} left office on ${fmt(ended)}, before this meeting on ${fmt(on)}.`;
  return `${name} was not a director on ${fmt(on)}.`;
}

export interface CommitteeMemberOnDate {
  officerId: string;
  name: string;
  shortName: string;
}

/** Members of a committee on a day (joined on or before it, not left before it). */
export async function committeeMembersOn(db: ReadDb, committeeId: string, on: string): Promise<CommitteeMemberOnDate[]> {
  const rows = await Q.committeeMembersOn.all(db, committeeId, on);
  const out = new Map<string, CommitteeMemberOnDate>();
  for (const r of rows) {
    out.set(r.officer_id, { officerId: r.officer_id, name: `${r.given_names} ${r.family_name}`, shortName: shortName(r.given_names, r.family_name) });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * Shares each member held at the end of a day, from the share ledger: its entries are signed
 * (allotments and transfers in positive; withdrawals, redemptions, purchases, cancellations and
 * transfers out negative), so the holding is their sum, as the ledger's running balance is.
 */
export async function sharesHeldOn(db: ReadDb, organisationId: string, on: string): Promise<Map<string, number>> {
  const sums = await db
    .selectFrom('share_transaction')
    .select(['member_id'])
    .select(sql<number>`sum(shares)`.as('held'))
    .where('organisation_id', '=', organisationId)
    .where('date', '<=', on)
    .groupBy('member_id')
    .execute();
  return new Map(sums.map((s) => [s.member_id, Number(s.held)]));
}

export interface VotingMember {
  memberId: string;
  name: string;
  votes: number;
  holderKind: string | null;
}

/**
 * Members entitled to attend and vote on a day (admitted on or before it, not ceased on or before
 * it), with their votes: the class's votes per member; for a per-share class one vote per share
 * held at the end of that day, from the share ledger (each entry's `shares` is signed, as
 * shares/ledger.ts writes it: allotments and transfers in are positive, withdrawals, redemptions,
 * purchases, cancellations and transfers out negative, so the holding is their sum, as the
 * ledger's running balance is); none for a non-voting class. Optionally only one class (a class meeting, where every member of the class
 * is listed, with or without a vote).
 */
export async function votingMembersOn(db: ReadDb, organisationId: string, on: string, classId?: string | null): Promise<VotingMember[]> {
  let q = db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select(['m.id', 'm.given_names', 'm.family_name', 'm.holder_kind', 'c.voting_rights', 'c.votes_per_member'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.admitted_on', '<=', on)
    .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]));
  if (classId) q = q.where('m.class_id', '=', classId);
  const rows = await q.execute();
  const held = rows.some((r) => r.voting_rights === 'per_share') ? await sharesHeldOn(db, organisationId, on) : new Map<string, number>();
  return rows
    .map((r) => ({
      memberId: r.id,
      name: `${r.given_names} ${r.family_name}`.trim(),
      votes: r.voting_rights === 'none' ? 0 : r.voting_rights === 'per_share' ? Math.max(0, held.get(r.id) ?? 0) : r.votes_per_member,
      holderKind: r.holder_kind,
    }))
    .filter((m) => classId || m.votes > 0);
}
