/**
 * Could a contract be reserved to this mutual under the Procurement Act 2023 s33? Each condition
 * with the evidence held, in words for a commissioner's procurement officer. Pure: the core
 * gathers the facts as they stood on a date and passes them in.
 *
 * The law (s33 as enacted, legislation.gov.uk; VERIFIED 1 December 2026):
 * - s33(1): the section applies to the award of a public contract under s19 if the contract
 *   (a) is for reservable light touch services, and (b) has a maximum term of five years or less.
 *   s33(2)-(4): a competitive flexible procedure may exclude suppliers that are not qualifying
 *   public service mutuals, and their tenders are then disregarded.
 * - s33(5): a "qualifying public service mutual" is a public service mutual that has not entered
 *   into a comparable contract during the period of three years ending with the day on which the
 *   contract is awarded.
 * - s33(6): a "public service mutual" is a body that (a) operates for the purpose of delivering
 *   public services and mainly for the purpose of delivering one or more reservable light touch
 *   services, (b) is run on a not-for-profit basis or provides for the distribution of profits
 *   only to members, and (c) is under the management and control of its employees.
 * - s33(7): a "comparable contract" is one (a) for the same kind of services, (b) awarded by the
 *   same contracting authority, and (c) awarded in reliance on s33; "reservable light touch
 *   services" are those specified in regulations under s33(8) (SI 2024/692 reg 42(2); see
 *   cpv-lists.ts for what was and was not verified of its Schedule 1).
 *
 * How the app reads it:
 * - The three years "ending with" the award day include that day and run back three years: for an
 *   award on 10 May 2027 the period is 11 May 2024 to 10 May 2027. A comparable contract counts if
 *   the mutual entered into it in that period, so it stops counting for awards made on or after
 *   the third anniversary of the day it was entered into (29 February: the day after 28 February).
 *   The Act looks at when the mutual "entered into" the earlier contract; where only its award
 *   date is recorded, the app uses that and says so.
 * - s33(6)(a) is judged from the objects clause as recorded: met only where the objects include
 *   delivering public services and more than half of contract income comes from reservable light
 *   touch services; not met where the objects are recorded as not including them; otherwise for
 *   the authority. Contracts with public bodies are shown as what the mutual does, not its objects.
 * - s33(6)(b) asks for either a not-for-profit basis or distribution of profits only to members;
 *   it does not require profits to be reinvested, as PCR 2015 reg 77 did. It is judged from the
 *   profit clause as recorded; what a legal form usually provides is shown, never relied on.
 * - s33(6)(c) sets no percentage: "management and control" is not defined by a number. The app
 *   shows the share of members, of voting rights and of the board held by employees, and treats
 *   the condition as shown where employees hold a majority of the voting rights and employees or
 *   directors elected by them are a majority of the board; otherwise it leaves it to the authority.
 *
 * What the app cannot judge, and says so: whether services are "of the same kind" (it finds
 * candidates by service codes); what "mainly" means for the purpose the mutual operates for (it
 * shows the share of contract income from reservable services, which is evidence, not the test);
 * whether a contract partly for other services "is for" reservable services; and anything that is
 * not in its records.
 */
import { addDays, addYears, formatLegalDate } from '../legal-date';
import { PA2023_BASIS } from './cpv-lists';

export type Judgement = boolean | 'cannot_judge';

export interface S33Condition {
  ref: string;
  title: string;
  met: Judgement;
  statement: string;
  evidence: string[];
}

export interface S33Result {
  reservable: Judgement;
  conditions: S33Condition[];
  /** What the answer rests on that the app does not decide; shown with it. */
  notes: string[];
}

export interface S33ComparableContract {
  title: string;
  reference: string | null;
  contractingAuthority: string;
  awardedOn: string;
  /** When the mutual entered into it, if recorded; otherwise the award date is used. */
  enteredIntoOn?: string | null;
  /** Why the core took it to be for the same kind of services, e.g. "both cover 85312000-9 Social work services without accommodation". */
  sameKindBasis: string;
}

export interface S33Input {
  /** The date the evidence is as at. */
  asAt: string;
  /** The award date of the contract considered (expected, if not yet awarded). */
  awardOn: string;
  contractingAuthority: string;
  /** The contract's service categories, each with its reservable flag from lookupCpv(). */
  services: { code: string; description: string; reservable: boolean }[];
  /** With every option to extend (maximumTermMonths in contract-terms.ts); null if not known. */
  maximumTermMonths: number | null;
  maximumTermText?: string | null;
  /** Contracts the core found: same contracting authority, awarded in reliance on s33, same kind of services. */
  comparableContracts: S33ComparableContract[];
  /** Contract income over a period, in pence: the part from reservable light touch services, and all of it. */
  income: { reservablePence: number; totalPence: number; periodFrom: string; periodTo: string };
  /**
   * From the governing document's objects clause as recorded: whether the objects include
   * delivering public services (null: not recorded), and the clause's number and words.
   * `activity`: what the records show the mutual doing (its contracts with public bodies), shown
   * as evidence only; it does not stand in for the objects.
   */
  purpose: { deliversPublicServices: boolean | null; clause: string | null; activity?: string | null };
  /**
   * From the governing document's profit clause as recorded (null: not recorded), with the legal
   * form. `usual`: what the form usually provides, shown when nothing is recorded, never relied on.
   */
  profits: { legalForm: string; notForProfit: boolean | null; distributesOnlyToMembers: boolean | null; clause: string | null; usual?: string | null };
  /** From the registers as at asAt. */
  control: {
    membersTotal: number;
    employeeMembers: number;
    votingRightsTotal: number;
    votingRightsEmployees: number;
    boardSize: number;
    /** Directors who are employees or were elected by the employee members, each counted once. */
    employeeOrEmployeeElectedDirectors: number;
    /** The rules the figures are read by (voting basis, caps on a class's votes). */
    clause: string | null;
    /** The clause securing the employees' management and control, as recorded; null: not recorded; left out: not asked. */
    employeeControlClause?: string | null;
  };
}

const when = formatLegalDate;

/** A clause quoted inside one line of evidence: its line breaks become spaces. */
function quote(clause: string): string {
  return `“${clause.replace(/\s*\n\s*/g, ' ').trim()}”`;
}

/** The first day of the three years ending with the award day (award 10 May 2027 → 11 May 2024). */
export function s33PeriodStart(awardOn: string): string {
  return addDays(addYears(awardOn, -3), 1);
}

/** The first award date for which a contract entered into on `enteredOn` no longer counts. */
export function s33StopsCountingOn(enteredOn: string): string {
  const anniversary = addYears(enteredOn, 3);
  return s33PeriodStart(anniversary) <= enteredOn ? addDays(anniversary, 1) : anniversary;
}

function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
function pounds(pence: number): string {
  return POUNDS.format(pence / 100);
}

function servicesCondition(input: S33Input): S33Condition {
  const ref = 's33(1)(a)';
  const title = 'The contract is for reservable light touch services';
  const evidence = input.services.map((s) => `${s.code} ${s.description}: ${s.reservable ? 'a reservable light touch service' : 'not a reservable light touch service'}`);
  if (input.services.length === 0) {
    return { ref, title, met: 'cannot_judge', statement: 'No service categories (CPV codes) are recorded for this contract, so the app cannot say whether it is for reservable light touch services.', evidence };
  }
  const reservable = input.services.filter((s) => s.reservable);
  if (reservable.length === input.services.length) {
    return {
      ref,
      title,
      met: true,
      statement: `Every service category of the contract is a reservable light touch service under the Procurement Act 2023 s33(7) and the Procurement Regulations 2024 reg 42(2) and Schedule 1.`,
      evidence,
    };
  }
  if (reservable.length === 0) {
    return { ref, title, met: false, statement: 'None of the contract’s service categories is a reservable light touch service, so s33 cannot apply to it (s33(1)(a)).', evidence };
  }
  return {
    ref,
    title,
    met: 'cannot_judge',
    statement: `Some of the contract’s service categories are reservable light touch services and some (${input.services
      .filter((s) => !s.reservable)
      .map((s) => s.code)
      .join(', ')}) are not. Whether a contract partly for other services "is for reservable light touch services" is for the contracting authority to decide.`,
    evidence,
  };
}

function termCondition(input: S33Input): S33Condition {
  const ref = 's33(1)(b)';
  const title = 'The maximum term is five years or less';
  const m = input.maximumTermMonths;
  const text = input.maximumTermText ?? (m === null ? null : `${m} months`);
  if (m === null) {
    return { ref, title, met: 'cannot_judge', statement: 'The contract’s start and end dates are not both recorded, so its maximum term, with every option to extend, is not known.', evidence: [] };
  }
  const evidence = [`Maximum term with every option to extend: ${text}.`];
  return m <= 60
    ? { ref, title, met: true, statement: `The contract’s maximum term, counting every option to extend, is ${text}: five years or less (s33(1)(b)).`, evidence }
    : { ref, title, met: false, statement: `The contract’s maximum term, counting every option to extend, is ${text}: more than the five years s33(1)(b) allows.`, evidence };
}

function comparableCondition(input: S33Input): S33Condition {
  const ref = 's33(5) and (7)';
  const title = 'No comparable contract in the three years ending with the award';
  const start = s33PeriodStart(input.awardOn);
  const period = `${when(start)} to ${when(input.awardOn)}`;
  const counting: S33ComparableContract[] = [];
  const evidence: string[] = [];
  for (const c of [...input.comparableContracts].sort((a, b) => ((a.enteredIntoOn ?? a.awardedOn) < (b.enteredIntoOn ?? b.awardedOn) ? -1 : 1))) {
    const entered = c.enteredIntoOn ?? c.awardedOn;
    const enteredWords = c.enteredIntoOn ? `entered into on ${when(c.enteredIntoOn)}` : `awarded on ${when(c.awardedOn)} (the date it was entered into is not recorded, so the award date is used)`;
    const name = `${c.title}${c.reference ? ` (${c.reference})` : ''}, from ${c.contractingAuthority}, reserved under s33, ${enteredWords}; ${c.sameKindBasis}`;
    const stops = s33StopsCountingOn(entered);
    if (entered > input.awardOn) {
      evidence.push(`${name}. It was entered into after ${when(input.awardOn)}, so it does not count for this award.`);
    } else if (entered >= start) {
      counting.push(c);
      evidence.push(`${name}. It counts until ${when(addDays(stops, -1))} and stops counting for awards made on or after ${when(stops)}.`);
    } else {
      evidence.push(`${name}. It stopped counting on ${when(stops)}, before this award.`);
    }
  }
  evidence.push('Only contracts recorded in the app are searched: the same contracting authority, awarded in reliance on s33, sharing a service category.');
  if (counting.length > 0) {
    return {
      ref,
      title,
      met: false,
      statement: `The mutual entered into ${counting.length === 1 ? 'a comparable contract' : `${counting.length} comparable contracts`} with ${input.contractingAuthority} in the three years ending with the award date (${period}), so it is not a qualifying public service mutual for this award (s33(5)). Whether the services are "of the same kind" (s33(7)(a)) is the contracting authority’s judgement; the app matched them by service category.`,
      evidence,
    };
  }
  return {
    ref,
    title,
    met: true,
    statement: `The mutual’s records show no contract awarded by ${input.contractingAuthority} in reliance on s33 for the same kind of services that the mutual entered into between ${period} (s33(5) and (7)).`,
    evidence,
  };
}

function purposeCondition(input: S33Input): S33Condition {
  const ref = 's33(6)(a)';
  const title = 'Operates to deliver public services, mainly reservable light touch services';
  const { reservablePence, totalPence, periodFrom, periodTo } = input.income;
  const evidence: string[] = [];
  const objects = input.purpose.deliversPublicServices;
  if (input.purpose.clause) {
    evidence.push(
      objects === null
        ? `Objects in the governing rules: ${input.purpose.clause}.`
        : `Objects clause of the governing document, recorded as ${objects ? 'including' : 'not including'} delivering public services: ${quote(input.purpose.clause)}.`,
    );
  } else if (objects === null) {
    evidence.push('The objects clause of the governing document is not recorded.');
  }
  if (input.purpose.activity) evidence.push(input.purpose.activity);
  if (totalPence > 0) {
    evidence.push(`Contract income ${when(periodFrom)} to ${when(periodTo)}: ${pounds(reservablePence)} of ${pounds(totalPence)} (${percent(reservablePence, totalPence)}) from reservable light touch services.`);
  } else {
    evidence.push(`No contract income is recorded from ${when(periodFrom)} to ${when(periodTo)}.`);
  }
  const note = 'The Act does not define "mainly"; the share of income is evidence of the purpose the mutual operates for, not the test itself.';
  if (objects === false) {
    return {
      ref,
      title,
      met: false,
      statement: 'The objects clause of the governing document (quoted below) does not give delivering public services as a purpose of the mutual, so it does not operate "for the purpose of delivering public services" (s33(6)(a)).',
      evidence,
    };
  }
  if (totalPence <= 0) {
    return {
      ref,
      title,
      met: 'cannot_judge',
      statement: `With no contract income recorded, the app cannot show what the mutual mainly operates to deliver${objects === null ? ', and the objects clause is not recorded' : ''}. ${note}`,
      evidence,
    };
  }
  const share = reservablePence / totalPence;
  if (input.purpose.deliversPublicServices === true && share > 0.5) {
    return {
      ref,
      title,
      met: true,
      statement: `The mutual’s objects${input.purpose.clause ? ' (quoted below)' : ''} include delivering public services, and ${percent(reservablePence, totalPence)} of its contract income comes from reservable light touch services, more than half. ${note}`,
      evidence,
    };
  }
  return {
    ref,
    title,
    met: 'cannot_judge',
    statement:
      input.purpose.deliversPublicServices === null
        ? `The objects clause of the governing document is not recorded, so the app cannot show that the mutual operates for the purpose of delivering public services; ${percent(reservablePence, totalPence)} of its contract income comes from reservable light touch services. ${note}`
        : `Only ${percent(reservablePence, totalPence)} of the mutual’s contract income comes from reservable light touch services, not more than half; other evidence would be needed that it operates mainly to deliver them. ${note}`,
    evidence,
  };
}

function profitCondition(input: S33Input): S33Condition {
  const ref = 's33(6)(b)';
  const title = 'Not for profit, or profits distributed only to members';
  const p = input.profits;
  const evidence = [`Legal form: ${p.legalForm}.`];
  if (p.clause) evidence.push(`Profit clause of the governing document: ${quote(p.clause)}.`);
  const cited = p.clause ? ', as its governing document provides (quoted below)' : '';
  if (p.notForProfit === true || p.distributesOnlyToMembers === true) {
    const how = p.notForProfit === true ? 'is run on a not-for-profit basis' : 'provides for the distribution of profits only to members';
    return { ref, title, met: true, statement: `The mutual ${how}${cited}, as s33(6)(b) requires (it asks for either, and does not require profits to be reinvested).`, evidence };
  }
  if (p.notForProfit === false && p.distributesOnlyToMembers === false) {
    return {
      ref,
      title,
      met: false,
      statement: `The mutual is neither run on a not-for-profit basis nor limited to distributing profits only to its members${p.clause ? ': its governing document (quoted below) lets profits go to others' : ''} (s33(6)(b)).`,
      evidence,
    };
  }
  if (p.usual) evidence.push(`Usually, for this legal form: ${p.usual}`);
  return {
    ref,
    title,
    met: 'cannot_judge',
    statement: 'The governing document’s clause on profits is not recorded, so the app cannot show that the mutual is run on a not-for-profit basis or distributes profits only to members (s33(6)(b)); what the legal form usually provides is not relied on.',
    evidence,
  };
}

function controlCondition(input: S33Input): S33Condition {
  const ref = 's33(6)(c)';
  const title = 'Under the management and control of its employees';
  const c = input.control;
  const evidence: string[] = [];
  if (c.membersTotal > 0) evidence.push(`Members on ${when(input.asAt)}: ${c.employeeMembers} of ${c.membersTotal} (${percent(c.employeeMembers, c.membersTotal)}) are employees.`);
  if (c.votingRightsTotal > 0) evidence.push(`Voting rights: ${c.votingRightsEmployees} of ${c.votingRightsTotal} (${percent(c.votingRightsEmployees, c.votingRightsTotal)}) are held by employee members.`);
  if (c.boardSize > 0) evidence.push(`Board: ${c.employeeOrEmployeeElectedDirectors} of ${c.boardSize} directors (${percent(c.employeeOrEmployeeElectedDirectors, c.boardSize)}) are employees or were elected by the employee members.`);
  if (c.employeeControlClause) evidence.push(`Clause of the governing document securing employee control: ${quote(c.employeeControlClause)}.`);
  else if (c.employeeControlClause === null) evidence.push('No clause of the governing document securing employee control is recorded; the figures come from the registers.');
  if (c.clause) evidence.push(`Governing rules: ${c.clause}.`);
  const noThreshold = 'The Act sets no percentage for "management and control"; the figures are shown for the contracting authority to judge.';
  if (c.votingRightsTotal <= 0 || c.boardSize <= 0) {
    return { ref, title, met: 'cannot_judge', statement: `The registers on ${when(input.asAt)} do not show the voting rights and the board the app needs. ${noThreshold}`, evidence };
  }
  const votes = c.votingRightsEmployees / c.votingRightsTotal;
  const board = c.employeeOrEmployeeElectedDirectors / c.boardSize;
  if (votes > 0.5 && board > 0.5) {
    return {
      ref,
      title,
      met: true,
      statement: `On ${when(input.asAt)} employee members held a majority of the voting rights (${percent(c.votingRightsEmployees, c.votingRightsTotal)}) and employees or directors elected by them were a majority of the board (${percent(c.employeeOrEmployeeElectedDirectors, c.boardSize)}). ${noThreshold}`,
      evidence,
    };
  }
  if (c.votingRightsEmployees === 0 && c.employeeOrEmployeeElectedDirectors === 0) {
    return { ref, title, met: false, statement: `On ${when(input.asAt)} employees held no voting rights and no seat on the board, so the mutual is not under their management and control (s33(6)(c)).`, evidence };
  }
  return {
    ref,
    title,
    met: 'cannot_judge',
    statement: `On ${when(input.asAt)} employees held ${percent(c.votingRightsEmployees, c.votingRightsTotal)} of the voting rights and ${percent(c.employeeOrEmployeeElectedDirectors, c.boardSize)} of the board: not a majority of both. ${noThreshold}`,
    evidence,
  };
}

export function evaluateS33(input: S33Input): S33Result {
  const conditions = [servicesCondition(input), termCondition(input), comparableCondition(input), purposeCondition(input), profitCondition(input), controlCondition(input)];
  const reservable: Judgement = conditions.some((c) => c.met === false) ? false : conditions.some((c) => c.met === 'cannot_judge') ? 'cannot_judge' : true;
  const notes = [
    `Evidence as at ${when(input.asAt)}, for an award on ${when(input.awardOn)} by ${input.contractingAuthority}.`,
    'The reservation itself is the contracting authority’s choice, made in a competitive flexible procedure (s33(2)); this shows whether the mutual could take part.',
  ];
  if (!PA2023_BASIS.verified) notes.push(PA2023_BASIS.statement);
  return { reservable, conditions, notes };
}
