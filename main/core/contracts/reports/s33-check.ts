import type { S33Result as S33ResultView } from '../../../../shared/contract/contract-reports';
import type { ProcurementRoute } from '../../../../shared/contract/contracts';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { VOTING_BASIS_LABEL } from '../../../../shared/rules/governing-rules';
import { PROFIT_BASIS_SHORT, suggestedProfitBasis, type GoverningClauses } from '../../../../shared/rules/governing-clauses';
import { describeTermLength, maximumTerm, maximumTermMonths, type ContractTermsInput } from '../../../../shared/rules/procurement/contract-terms';
import { lookupCpv } from '../../../../shared/rules/procurement/cpv';
import { evaluateS33, type S33Input, type S33Result } from '../../../../shared/rules/procurement/s33';
import type { ReadDb, RegisterCtx } from '../../context';
import { AppError } from '../../errors';
import { comparableContracts, type Comparable } from './comparable';
import { incomeShareOn, type IncomeShare } from './live-income';
import { organisationOnDate, type OrganisationOnDate } from './organisation-on-date';
import { controlOnDate, type ControlOnDate } from './register-on-date';

/**
 * The s33 check (Procurement Act 2023 s33, reserved contracts for public service mutuals): the
 * facts gathered from the records as they stood on the date, handed to the law module's pure
 * evaluation (shared/rules/procurement/s33.ts), which alone decides each condition. Nothing here
 * judges the law: it reads the records, and says where a fact the law asks for is not held.
 */

export interface S33Report {
  result: S33ResultView;
  evaluation: S33Result;
  contract: { id: string; reference: string; title: string; route: ProcurementRoute; awardOn: string | null; startOn: string | null; endOn: string | null; services: { code: string; description: string; reservable: boolean; lightTouch: boolean }[]; maximumTerm: string | null };
  counterparty: { id: string; name: string };
  /** The award date the three years end with: the contract's, or the date of the evidence for one not yet awarded. */
  awardOn: string;
  comparables: Comparable[];
  income: IncomeShare;
  publicBodies: { contracts: number; pence: number };
  control: ControlOnDate;
  organisation: OrganisationOnDate & { name: string; registrationNumber: string; legalFormLabel: string };
  /** Directors counted as employees or elected by the employee members, with why. */
  employeeDirectors: { name: string; why: string }[];
}

const when = formatLegalDate;
const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * Profits as the governing document's clause was recorded on the date (s33(6)(b)); not recorded,
 * both unknown, and what the legal form usually provides goes with it as a note, never decided on.
 */
function profitsOf(form: LegalForm, clauses: GoverningClauses): S33Input['profits'] {
  const legalForm = LEGAL_FORM_INFO[form].label;
  const basis = clauses.profitBasis;
  if (basis === null) {
    const usual = suggestedProfitBasis(form);
    return { legalForm, notForProfit: null, distributesOnlyToMembers: null, clause: null, usual: `${PROFIT_BASIS_SHORT[usual.basis]}. ${usual.why}` };
  }
  return {
    legalForm,
    notForProfit: basis === 'not_for_profit' ? true : basis === 'other' ? false : null,
    distributesOnlyToMembers: basis === 'members_only' ? true : basis === 'other' ? false : null,
    clause: clauses.profitClause,
  };
}

/** The s33 evaluation's income line speaks of a period; the figures are the annual values of the contracts live on the date: say that. */
function restateIncome(evaluation: S33Result, asAt: string, income: IncomeShare): S33Result {
  const period = `${when(asAt)} to ${when(asAt)}`;
  const live = `${income.contracts.toLocaleString('en-GB')} contract${income.contracts === 1 ? '' : 's'} live on ${when(asAt)}`;
  return {
    ...evaluation,
    conditions: evaluation.conditions.map((c) => ({
      ...c,
      evidence: c.evidence.map((e) =>
        e.startsWith(`Contract income ${period}:`)
          ? e.replace(`Contract income ${period}:`, `Annual value of the ${live}:`)
          : e === `No contract income is recorded from ${period}.`
            ? `No annual value is recorded for the ${live}.`
            : e,
      ),
    })),
  };
}

async function contractOf(db: ReadDb, organisationId: string, id: string) {
  const row = await db
    .selectFrom('contract as c')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .select(['c.id', 'c.reference', 'c.title', 'c.route', 'c.award_on', 'c.start_on', 'c.end_on', 'c.terminated_on', 'c.counterparty_id', 'p.name as counterparty_name'])
    .where('c.id', '=', id)
    .where('c.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw AppError.field('contractId', 'That contract is not on record.');
  const codes = await db.selectFrom('contract_service').select('cpv_code').where('contract_id', '=', id).orderBy('cpv_code').execute();
  const extensions = await db.selectFrom('contract_extension').selectAll().where('contract_id', '=', id).orderBy('position').execute();
  const variations = await db.selectFrom('contract_variation').select(['id', 'made_on', 'value_change_pence', 'new_end_on']).where('contract_id', '=', id).execute();
  const terms: ContractTermsInput = {
    route: row.route as ContractTermsInput['route'],
    awardedOn: row.award_on,
    startOn: row.start_on,
    endOn: row.end_on,
    terminatedOn: row.terminated_on,
    extensions: extensions.map((e) => ({ id: e.id, position: e.position, lengthMonths: e.length_months, decisionBy: e.decision_by, noticeBy: e.notice_by, exercisedOn: e.exercised_on, declinedOn: e.declined_on })),
    breaks: [],
    priceReviews: [],
    kpis: [],
    variations: variations.map((v) => ({ id: v.id, madeOn: v.made_on, valueChangePence: v.value_change_pence, newEndOn: v.new_end_on })),
  };
  const term = maximumTerm(terms);
  return {
    row,
    codes: codes.map((c) => c.cpv_code),
    maximumTermMonths: maximumTermMonths(terms),
    maximumTermText: term ? describeTermLength(term) : null,
  };
}

/** "both cover 85310000-5 Social work services"; "85311000-2 … sits within 85310000-5 …". */
function sameKindBasis(c: Comparable): string {
  const name = (code: string) => `${code} ${lookupCpv(code)?.description ?? ''}`.trim();
  return c.sharedCodes
    .map(({ mine, theirs }) =>
      mine === theirs ? `both cover ${name(mine)}` : `its ${name(theirs)} and this contract’s ${name(mine)} are in one CPV category, one within the other`,
    )
    .join('; ');
}

export async function s33Report(db: ReadDb, rc: RegisterCtx, contractId: string, asAt: string): Promise<S33Report> {
  const orgId = rc.org.id;
  const c = await contractOf(db, orgId, contractId);
  const awardOn = c.row.award_on ?? asAt;
  // In turn: the reads are synchronous underneath, and issued together they queue on the connection's lock.
  const comparables = await comparableContracts(db, orgId, { id: c.row.id, counterpartyId: c.row.counterparty_id, codes: c.codes }, awardOn);
  const income = await incomeShareOn(db, orgId, asAt);
  const control = await controlOnDate(db, orgId, asAt);
  const organisation = await organisationOnDate(db, rc.org, asAt);
  const publicBodies = income.publicBodies;
  const services = c.codes.map((code) => {
    const entry = lookupCpv(code);
    return { code: entry?.code ?? code, description: entry?.description ?? 'not in the CPV list shipped with the app', reservable: entry?.reservable ?? false, lightTouch: entry?.lightTouch ?? false };
  });

  // Directors who are employees (appointed as employee directors, or themselves employee members
  // on the day); directors elected by the members count as elected by the employees only when
  // employee members held every vote that day.
  const allVotesEmployees = control.votingRights > 0 && control.employeeVotingRights === control.votingRights;
  const employeeDirectors = control.directors.flatMap((d) => {
    if (d.directorKind === 'employee') return [{ name: d.name, why: 'employee director' }];
    if (d.employeeMember) return [{ name: d.name, why: 'a member of an employee class on the day' }];
    if (d.directorKind === 'member' && allVotesEmployees) return [{ name: d.name, why: 'elected by the members, all of whose votes were employees’' }];
    return [];
  });
  // Where a cap on a class's share of the votes binds, the votes as the ballot roll weighs them are the voting rights.
  const capped = control.weightedEmployeeShare !== null;
  const votes = capped ? { total: 10_000, employees: Math.round(control.weightedEmployeeShare! * 10_000) } : { total: control.votingRights, employees: control.employeeVotingRights };
  const rules = organisation.rules;
  const clauses = organisation.clauses;

  const input: S33Input = {
    asAt,
    awardOn,
    contractingAuthority: c.row.counterparty_name,
    services: services.map(({ code, description, reservable }) => ({ code, description, reservable })),
    maximumTermMonths: c.maximumTermMonths,
    maximumTermText: c.maximumTermText,
    comparableContracts: comparables.map((x) => ({ title: x.title, reference: x.reference, contractingAuthority: c.row.counterparty_name, awardedOn: x.awardOn, enteredIntoOn: null, sameKindBasis: sameKindBasis(x) })),
    income: { reservablePence: income.reservablePence, totalPence: income.totalPence, periodFrom: asAt, periodTo: asAt },
    purpose: {
      deliversPublicServices: clauses.objectsPublicServices,
      clause: clauses.objectsClause,
      activity:
        publicBodies.contracts > 0
          ? `On ${when(asAt)} the mutual held ${publicBodies.contracts.toLocaleString('en-GB')} live contract${publicBodies.contracts === 1 ? '' : 's'} with public bodies (councils, NHS bodies, government departments) worth ${pounds(publicBodies.pence)} a year: what it does, not its objects.`
          : null,
    },
    profits: profitsOf(organisation.legalForm, clauses),
    control: {
      membersTotal: control.members,
      employeeMembers: control.employeeMembers,
      votingRightsTotal: votes.total,
      votingRightsEmployees: votes.employees,
      boardSize: control.directors.length,
      employeeOrEmployeeElectedDirectors: employeeDirectors.length,
      clause: `voting basis: ${VOTING_BASIS_LABEL[rules.votingBasis].toLowerCase()}${capped ? `; ${control.capWords.join(' ')}` : ''}`,
      employeeControlClause: clauses.employeeControlClause,
    },
  };
  const evaluation = restateIncome(evaluateS33(input), asAt, income);

  const cannotJudge = [
    'Whether the services of an earlier contract are "of the same kind" (s33(7)(a)): the app compares CPV codes (the same code, or one within the other) and the secretary judges the kind.',
    'What "mainly" means in s33(6)(a): the share of contract income from reservable light touch services is evidence of the purpose, not the test.',
    'The day the mutual entered into each earlier contract is not recorded: its award date stands for it.',
    'Who elected each director is not recorded: directors appointed as employee directors, and directors who were themselves members of an employee class on the date, count as employees; directors elected by the members count as elected by the employees only where employee members held every vote on the date.',
    'Anything not recorded in the app: contracts, members or directors kept elsewhere are not counted.',
  ];
  const unrecorded = [
    clauses.objectsClause === null ? 'the objects clause (s33(6)(a))' : null,
    clauses.profitClause === null ? 'the clause on profits (s33(6)(b))' : null,
    clauses.employeeControlClause === null ? 'the clause securing employee control (s33(6)(c))' : null,
  ].filter((x): x is string => x !== null);
  if (unrecorded.length) {
    cannotJudge.push(
      `Not recorded on ${when(asAt)}: ${unrecorded.join(', ')} of the governing document. Record ${unrecorded.length === 1 ? 'it' : 'them'} with the article or rule number and its words in Settings, Governing rules.`,
    );
  }
  if (organisation.laterChanges.length) {
    cannotJudge.push(
      `The legal form and rules are read as they stood on ${when(asAt)} from the audit log (changed since: ${organisation.laterChanges.map((l) => `${l.what} on ${when(l.on)}`).join('; ')}); the log records when a change was entered in the app, not when the members resolved it.`,
    );
  }

  const failed = evaluation.conditions.filter((x) => x.met === false);
  const open = evaluation.conditions.filter((x) => x.met === 'cannot_judge');
  const subject = `${rc.org.name} and “${c.row.title}” for ${c.row.counterparty_name}`;
  const summary =
    evaluation.reservable === true
      ? `On the records as they stood on ${when(asAt)}, every condition of the Procurement Act 2023 s33 is met for ${subject}: the contract could be reserved to public service mutuals and the mutual could take part.`
      : evaluation.reservable === false
        ? `On the records as they stood on ${when(asAt)}, ${subject} do not meet ${failed.map((x) => `the condition in ${x.ref} (“${x.title}”)`).join(' or ')}: the contract could not be reserved to this mutual under the Procurement Act 2023 s33.`
        : `On the records as they stood on ${when(asAt)}, no condition of the Procurement Act 2023 s33 fails for ${subject}, but ${open.map((x) => x.ref).join(', ')} ${open.length === 1 ? 'needs' : 'need'} the contracting authority’s judgement on the evidence shown.`;

  const result: S33ResultView = {
    asAt,
    contractId: c.row.id,
    counterpartyName: c.row.counterparty_name,
    reservable: evaluation.reservable,
    summary,
    conditions: evaluation.conditions.map((x) => ({ ref: x.ref, title: x.title, met: x.met, statement: x.statement, evidence: x.evidence })),
    comparable: comparables.map((x) => ({ id: x.id, reference: x.reference, title: x.title, awardOn: x.awardOn, countsUntil: x.countsUntil })),
    figures: {
      members: control.members,
      employeeMembers: control.employeeMembers,
      votingRights: control.votingRights,
      employeeVotingRights: control.employeeVotingRights,
      directors: control.directors.length,
      employeeDirectors: employeeDirectors.length,
      contractIncomePence: income.totalPence,
      reservableIncomePence: income.reservablePence,
    },
    // The evaluation's first note repeats the date and award (the summary says them); the rest are what it rests on.
    cannotJudge: [...evaluation.notes.slice(1), ...cannotJudge],
  };
  return {
    result,
    evaluation,
    contract: {
      id: c.row.id,
      reference: c.row.reference,
      title: c.row.title,
      route: c.row.route as ProcurementRoute,
      awardOn: c.row.award_on,
      startOn: c.row.start_on,
      endOn: c.row.end_on,
      services,
      maximumTerm: c.maximumTermText,
    },
    counterparty: { id: c.row.counterparty_id, name: c.row.counterparty_name },
    awardOn,
    comparables,
    income,
    publicBodies,
    control,
    organisation: { ...organisation, name: rc.org.name, registrationNumber: rc.org.registration_number, legalFormLabel: LEGAL_FORM_INFO[organisation.legalForm].label },
    employeeDirectors,
  };
}
