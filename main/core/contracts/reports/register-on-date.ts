import { sql } from 'kysely';
import { rollWeights } from '../../../../shared/rules/ballot-roll';
import type { ReadDb } from '../../context';
import { compiledOnce } from '../../db/compiled';
import { inOfficeOn } from '../../meetings/people';

/**
 * Who held the membership, the votes and the seats on the board on one day, as the registers
 * stood on it (Procurement Act 2023 s33(6)(c), "management and control of employees"): never
 * today's state. A member counts on a day when admitted on or before it and not ceased on or
 * before it (as meetings/people.ts and ballots/roll.ts read the register); a director when in
 * office that day (meetings/people.ts `inOfficeOn`). Each is one grouped query, so the figures
 * for a register of a million members cost what counting them costs.
 */

export interface ClassOnDate {
  classId: string;
  name: string;
  isEmployeeClass: boolean;
  votingRights: 'per_member' | 'per_share' | 'none';
  members: number;
  /** The class's votes on the day: members × votes per member, or the shares its members held at the end of the day. */
  votes: number;
  /** The class's cap on its share of the votes (basis points) and the rule that sets it. */
  capBp: number | null;
  capSource: string | null;
}

export interface DirectorOnDay {
  officerId: string;
  name: string;
  directorKind: 'employee' | 'independent' | 'nominee' | 'member' | null;
  /** The director is also, that day, a member of an employee class (officer linked to the register). */
  employeeMember: boolean;
}

export interface ControlOnDate {
  on: string;
  classes: ClassOnDate[];
  members: number;
  employeeMembers: number;
  votingRights: number;
  employeeVotingRights: number;
  /**
   * Where a class's cap on its share of the votes binds (a society's rules may cap investor
   * members), the employee classes' share of the votes as the ballot roll weighs them
   * (shared/rules/ballot-roll.ts), 0 to 1; null when no cap binds (the raw share stands).
   */
  weightedEmployeeShare: number | null;
  capWords: string[];
  directors: DirectorOnDay[];
}

const Q = {
  /**
   * Each class with its members on the day, counted per class in the index member_class_admitted
   * (class_id, admitted_on, ceased_on) alone: a correlated count per class, not a join grouped
   * afterwards (which sorted every member row: about 18 ms at 22,000 members against 3).
   */
  classesOn: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .selectFrom('membership_class as c')
      .select(['c.id', 'c.name', 'c.is_employee_class', 'c.voting_rights', 'c.votes_per_member', 'c.vote_cap_bp', 'c.vote_cap_source'])
      .select((eb) =>
        eb
          .selectFrom('member as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.class_id', '=', 'c.id')
          .where('m.admitted_on', '<=', on)
          .where((e) => e.or([e('m.ceased_on', 'is', null), e('m.ceased_on', '>', on)]))
          .as('members'),
      )
      .where('c.organisation_id', '=', organisationId)
      .orderBy('c.id'),
  ),
  /** Shares held at the end of the day by the members of each class who were members that day. */
  sharesOn: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .selectFrom('share_transaction as s')
      .innerJoin('member as m', 'm.id', 's.member_id')
      .select(['m.class_id'])
      .select(sql<number>`sum(s.shares)`.as('held'))
      .where('s.organisation_id', '=', organisationId)
      .where('s.date', '<=', on)
      .where('m.admitted_on', '<=', on)
      .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]))
      .groupBy('m.class_id'),
  ),
  directorAppointments: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .selectFrom('appointment as a')
      .innerJoin('officer as o', 'o.id', 'a.officer_id')
      .leftJoin('member as m', 'm.id', 'o.member_id')
      .leftJoin('membership_class as c', 'c.id', 'm.class_id')
      .select(['a.officer_id', 'a.director_kind', 'a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name', 'm.admitted_on', 'm.ceased_on as member_ceased_on', 'c.is_employee_class'])
      .where('a.organisation_id', '=', organisationId)
      .where('a.role', '=', 'director')
      .where('a.appointed_on', '<=', on),
  ),
};

/** The membership, votes and board of the organisation on a day. */
export async function controlOnDate(db: ReadDb, organisationId: string, on: string): Promise<ControlOnDate> {
  const rows = await Q.classesOn.all(db, organisationId, on);
  const perShare = rows.some((r) => r.voting_rights === 'per_share');
  const held = perShare ? new Map((await Q.sharesOn.all(db, organisationId, on)).map((r) => [r.class_id, Math.max(0, Number(r.held))])) : new Map<string, number>();
  const classes: ClassOnDate[] = rows
    .map((r) => {
      const members = Number(r.members);
      const votes = r.voting_rights === 'none' ? 0 : r.voting_rights === 'per_share' ? (held.get(r.id) ?? 0) : members * r.votes_per_member;
      return {
        classId: r.id,
        name: r.name,
        isEmployeeClass: r.is_employee_class === 1,
        votingRights: r.voting_rights,
        members,
        votes,
        capBp: r.vote_cap_bp ?? null,
        capSource: r.vote_cap_source ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const sum = (list: ClassOnDate[], f: (c: ClassOnDate) => number) => list.reduce((n, c) => n + f(c), 0);
  const employee = classes.filter((c) => c.isEmployeeClass);

  // A cap on a class's share of the votes changes who controls the votes: weigh the classes as
  // the ballot roll does, one voter per class carrying the class's votes (the weights are by class).
  let weightedEmployeeShare: number | null = null;
  let capWords: string[] = [];
  if (classes.some((c) => c.capBp !== null && c.votes > 0)) {
    const w = rollWeights({
      voters: classes.filter((c) => c.votes > 0).map((c) => ({ memberId: c.classId, classId: c.classId, votes: c.votes })),
      caps: classes.filter((c) => c.capBp !== null).map((c) => ({ classId: c.classId, capPct: c.capBp! / 100, ...(c.capSource ? { source: c.capSource } : {}) })),
      classNames: Object.fromEntries(classes.map((c) => [c.classId, c.name])),
    });
    if (w.ok) {
      capWords = w.explanation;
      if (w.classes.some((c) => c.capped) && w.totalWeight > 0) {
        const emp = w.classes.filter((c) => employee.some((e) => e.classId === c.classId)).reduce((n, c) => n + c.weight, 0);
        weightedEmployeeShare = emp / w.totalWeight;
      }
    } else {
      capWords = [w.problem];
    }
  }

  const directors = new Map<string, DirectorOnDay>();
  for (const a of await Q.directorAppointments.all(db, organisationId, on)) {
    if (!inOfficeOn(a, on)) continue;
    const employeeMember = a.is_employee_class === 1 && a.admitted_on !== null && a.admitted_on <= on && (a.member_ceased_on === null || a.member_ceased_on > on);
    const seen = directors.get(a.officer_id);
    // An officer with two appointments on the day (re-appointed on the day they left) is one director.
    if (seen && (seen.directorKind === 'employee' || a.director_kind !== 'employee')) continue;
    directors.set(a.officer_id, { officerId: a.officer_id, name: `${a.given_names} ${a.family_name}`.trim(), directorKind: a.director_kind, employeeMember });
  }

  return {
    on,
    classes,
    members: sum(classes, (c) => c.members),
    employeeMembers: sum(employee, (c) => c.members),
    votingRights: sum(classes, (c) => c.votes),
    employeeVotingRights: sum(employee, (c) => c.votes),
    weightedEmployeeShare,
    capWords,
    directors: [...directors.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}
