import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { VOTING_BASIS_LABEL } from '../../../../shared/rules/governing-rules';
import { evaluateS33, type S33Input } from '../../../../shared/rules/procurement/s33';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { sql } from 'kysely';
import { rollWeights } from '../../../../shared/rules/ballot-roll';
import type { ReadDb } from '../../context';
import { controlOnDate, type ClassOnDate, type ControlOnDate } from '../../contracts/reports/register-on-date';
import { appointmentsOf, employeeMemberOn } from './annual-board';
import { movedSince } from './annual-membership';
import { classesOnDate } from './regulator-records';
import type { ReportSource } from '../source';
import { all, figures, n, pct, periodOf, table, words, type SectionResult } from './annual-util';

/**
 * The statement of employee ownership and control as at the last day of the period, with its
 * evidence (as the contracts area's s33 check gives it: contracts/reports/s33-check.ts): the
 * members, voting rights and board held by employees on the day from the registers as they stood
 * (register-on-date.ts), the governing rules and the clause securing employee control as they
 * stood (organisation-on-date.ts, the audit log rolled back), judged by the law module's own
 * reading of the Procurement Act 2023 s33(6)(c) (shared/rules/procurement/s33.ts): employees
 * holding a majority of the voting rights and of the board shows the condition; the Act sets no
 * percentage, so anything short of both is left to whoever relies on the statement.
 */

/** Directors who are employees (appointed as employee directors, or employee members on the day), or elected by the members where employee members held every vote (as s33-check.ts counts them). */
export function employeeDirectors(control: ControlOnDate): { officerId: string; name: string; why: string }[] {
  const allVotesEmployees = control.votingRights > 0 && control.employeeVotingRights === control.votingRights;
  return control.directors.flatMap((d) => {
    if (d.directorKind === 'employee') return [{ officerId: d.officerId, name: d.name, why: 'employee director' }];
    if (d.employeeMember) return [{ officerId: d.officerId, name: d.name, why: 'a member of an employee class on the day' }];
    if (d.directorKind === 'member' && allVotesEmployees) return [{ officerId: d.officerId, name: d.name, why: 'elected by the members, all of whose votes were employees’' }];
    return [];
  });
}

/**
 * controlOnDate (contracts/reports/register-on-date.ts) as the classes stood on the day: it
 * counts members in the class recorded now under the class's terms now, so a member moved to
 * another class since, or a class renamed or made (or no longer) an employee class since, would
 * change an earlier statement. Here each member moved since is counted in the class they were in
 * (regulator-records.ts, from the audit log), and the classes' names, employee flag and voting
 * terms are those of the day; the votes are weighed again where a cap on a class's votes binds.
 */
export async function controlAsAt(db: ReadDb, organisationId: string, on: string): Promise<ControlOnDate> {
  const control = await controlOnDate(db, organisationId, on);
  const then = await classesOnDate(db, organisationId, on);
  const moved = (await movedSince(db, organisationId, on)).filter((m) => m.admittedOn <= on && (m.ceasedOn === null || m.ceasedOn > on));
  const perShare = [...then.values()].some((c) => c.votingRights === 'per_share') || control.classes.some((c) => c.votingRights === 'per_share');
  const sharesOf = new Map<string, number>();
  if (perShare && moved.length) {
    for (const r of await all<{ member_id: string; held: number }>(
      db,
      sql`select member_id, sum(shares) as held from share_transaction where organisation_id = ${organisationId} and date <= ${on} and member_id in (${sql.join(moved.map((m) => m.id))}) group by member_id`,
    )) {
      sharesOf.set(r.member_id, Math.max(0, Number(r.held)));
    }
  }
  const classes: ClassOnDate[] = control.classes.map((c) => ({ ...c }));
  const byId = new Map(classes.map((c) => [c.classId, c]));
  // Shares held by members of each class now (controlOnDate's per-share votes), to move with the members.
  const shares = new Map(classes.map((c) => [c.classId, c.votingRights === 'per_share' ? c.votes : 0]));
  for (const m of moved) {
    const from = byId.get(m.now);
    const to = byId.get(m.then);
    if (from) from.members -= 1;
    if (to) to.members += 1;
    const held = sharesOf.get(m.id) ?? 0;
    shares.set(m.now, (shares.get(m.now) ?? 0) - held);
    shares.set(m.then, (shares.get(m.then) ?? 0) + held);
  }
  for (const c of classes) {
    const t = then.get(c.classId);
    if (!t) continue;
    c.name = t.name;
    c.isEmployeeClass = t.isEmployeeClass;
    c.votingRights = t.votingRights;
    // A class's terms changed between per member and per share since the day: its shares are not read here (the figures say so).
    c.votes = t.votingRights === 'none' ? 0 : t.votingRights === 'per_share' ? Math.max(0, shares.get(c.classId) ?? 0) : c.members * t.votesPerMember;
  }
  classes.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const sum = (list: ClassOnDate[], f: (c: ClassOnDate) => number) => list.reduce((k, c) => k + f(c), 0);
  const employee = classes.filter((c) => c.isEmployeeClass);
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
        weightedEmployeeShare = w.classes.filter((c) => employee.some((e) => e.classId === c.classId)).reduce((k, c) => k + c.weight, 0) / w.totalWeight;
      }
    } else capWords = [w.problem];
  }
  // A director is an employee member on the day when their entry was then in a class that was then an employee class.
  const apps = await appointmentsOf(db, organisationId, on);
  const isEmployeeMember = await employeeMemberOn(db, organisationId, on);
  // Names as they stood on the day (appointmentsOf reads them through the audit log).
  const directors = control.directors
    .map((d) => {
      const name = apps.find((x) => x.officerId === d.officerId)?.name ?? d.name;
      const a = apps.find((x) => x.officerId === d.officerId && x.memberId !== null);
      return { ...d, name, ...(a ? { employeeMember: isEmployeeMember(a, on) } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    ...control,
    classes,
    members: sum(classes, (c) => c.members),
    employeeMembers: sum(employee, (c) => c.members),
    votingRights: sum(classes, (c) => c.votes),
    employeeVotingRights: sum(employee, (c) => c.votes),
    weightedEmployeeShare,
    capWords,
    directors,
  };
}

export async function controlSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const on = p.to;
  const control = await controlAsAt(src.db, src.org.id, on);
  await src.checkpoint();
  const organisation = await organisationOnDate(src.db, src.org, on);
  const emp = employeeDirectors(control);
  const capped = control.weightedEmployeeShare !== null;
  const votes = capped ? { total: 10_000, employees: Math.round(control.weightedEmployeeShare! * 10_000) } : { total: control.votingRights, employees: control.employeeVotingRights };
  const controlInput: S33Input['control'] = {
    membersTotal: control.members,
    employeeMembers: control.employeeMembers,
    votingRightsTotal: votes.total,
    votingRightsEmployees: votes.employees,
    boardSize: control.directors.length,
    employeeOrEmployeeElectedDirectors: emp.length,
    clause: `voting basis: ${VOTING_BASIS_LABEL[organisation.rules.votingBasis].toLowerCase()}${capped ? `; ${control.capWords.join(' ')}` : ''}`,
    employeeControlClause: organisation.clauses.employeeControlClause,
  };
  // Only the control condition is asked for: the contract-specific parts of the input are neutral and their conditions discarded.
  const evaluation = evaluateS33({
    asAt: on,
    awardOn: on,
    contractingAuthority: '',
    services: [],
    maximumTermMonths: null,
    comparableContracts: [],
    income: { reservablePence: 0, totalPence: 0, periodFrom: on, periodTo: on },
    purpose: { deliversPublicServices: null, clause: null },
    profits: { legalForm: LEGAL_FORM_INFO[organisation.legalForm].label, notForProfit: null, distributesOnlyToMembers: null, clause: null },
    control: controlInput,
  });
  const condition = evaluation.conditions.find((c) => c.ref === 's33(6)(c)')!;
  const evidence = [...condition.evidence];
  for (const d of emp) evidence.push(`${d.name}: ${d.why}.`);
  // Changes made since the date are not mentioned: the report for the date must read the same whenever it is produced.
  evidence.push(`The governing rules and clauses are read as they stood at the end of ${formatLegalDate(on)}, from the audit log where they have changed since.`);
  const missing: SectionResult['missing'] = [];
  if (organisation.clauses.employeeControlClause === null) {
    missing.push({ section: 'Employee ownership and control', what: `The clause of the governing document securing employee control was not recorded on ${formatLegalDate(on)} (Settings, Governing rules).` });
  }
  const blocks: SectionResult['section']['blocks'] = [
    figures([
      { id: 'control-members', label: `Members on ${formatLegalDate(on)}`, value: n(control.members, 'annual.members.onDate', { on, classId: null }) },
      { id: 'control-employee-members', label: 'Of whom employee members', value: n(control.employeeMembers, 'annual.members.onDate', { on, classId: null, employee: true, classAsAt: on }) },
      { id: 'control-employee-votes', label: 'Voting rights held by employee members', value: pct(votes.employees, votes.total) },
      { id: 'control-directors', label: 'Directors', value: n(control.directors.length, 'annual.board.directorsOnDate', { on, kind: null }) },
      { id: 'control-employee-directors', label: 'Directors who are employees or elected by them', value: n(emp.length, 'annual.control.employeeDirectors', { on }) },
    ]),
    table(
      'control-by-class',
      `Members and votes by class on ${formatLegalDate(on)}`,
      [
        { key: 'class', label: 'Class' },
        { key: 'members', label: 'Members', numeric: true },
        { key: 'votes', label: 'Votes', numeric: true },
      ],
      control.classes
        .filter((c) => c.members > 0 || c.votes > 0)
        .map((c) => ({
          class: words(c.isEmployeeClass ? `${c.name} (employee class)` : c.name),
          members: n(c.members, 'annual.members.onDate', { on, classId: c.classId, classAsAt: on }),
          votes: n(c.votes),
        })),
      {
        total: { class: words('All classes'), members: n(control.members, 'annual.members.onDate', { on, classId: null }), votes: n(control.votingRights) },
        empty: 'The register had no members on the date.',
        ...(control.capWords.length ? { note: control.capWords.join(' ') } : {}),
      },
    ),
    {
      type: 'statement',
      title: 'Employee ownership and control',
      status: condition.met === true ? 'met' : condition.met === false ? 'notMet' : 'cannotJudge',
      text: condition.statement,
      evidence,
      citation: `Procurement Act 2023 s33(6)(c)${organisation.clauses.employeeControlClause ? `; the governing document: ${organisation.clauses.employeeControlClause.split('\n')[0]!.slice(0, 120)}` : ''}`,
    },
    {
      type: 'text',
      tone: 'law',
      text: 'A public service mutual is one that, among other things, is under the management and control of its employees (Procurement Act 2023 s33(6)(c)). The Act sets no percentage; the figures are as the registers stood on the date.',
    },
  ];
  if (organisation.legalForm === 'eot_company') {
    blocks.push({ type: 'text', tone: 'note', text: 'For a company owned through an employee ownership trust, the trust’s controlling interest is shown in the employee ownership trust checks (TCGA 1992 s236H onwards), not here.' });
  }
  return { section: { id: 'employee-control', title: 'Employee ownership and control', blocks }, missing };
}
