import { LEGAL_FORM_INFO, formFamily, type LegalForm } from '../domain/legal-form';
import { formatLegalDate } from './legal-date';

/**
 * People with significant control (CA 2006 Part 21A and Sch 1A; the Register of People with
 * Significant Control Regulations 2016, SI 2016/339), kept pure so they can be tested without a
 * database. The statement and nature-of-control lists live here and shared/contract/psc.ts takes
 * them from here.
 *
 * Since 18 November 2025 a company keeps no PSC register of its own (ECCTA 2023 Sch 2 Part 3, in
 * force by the Commencement No. 6 Regulations 2025): it takes reasonable steps to find its
 * registrable people (CA 2006 s790CB) and notifies Companies House within 14 days of having
 * confirmation of each one (s790LA). The app keeps the company's PSC record, from which those
 * notices are made, so the words here speak of the record, not a register.
 */
export const PSC_SOURCE = 'CA 2006 Part 21A';

/** The PSC regime began on 6 April 2016; earlier control is entered as from that day. */
export const PSC_REGIME_START = '2016-04-06';

export const NOT_APPLICABLE_REASON =
  'People with significant control are a matter for companies (CA 2006 Part 21A applies to companies). A co-operative or community benefit society has no PSC record and files no PSC information; its members and officers are in its register of members and officers (CCBS Act 2014 s30).';

/** Whether Part 21A applies to an organisation of this legal form: companies yes, societies no. */
export function pscApplies(form: LegalForm): boolean {
  return formFamily(form) === 'company';
}

// ---------------------------------------------------------------------------------------------
// Statements (Regulations 2016, regs 10-13: what the register says when it names no one, or not yet)

export const PSC_STATEMENTS = ['no_registrable_person', 'steps_not_completed', 'psc_not_identified'] as const;
export type PscStatement = (typeof PSC_STATEMENTS)[number];

export const PSC_STATEMENT_TEXT: Record<PscStatement, string> = {
  no_registrable_person:
    'The company knows or has reasonable cause to believe that there is no registrable person or registrable relevant legal entity in relation to the company.',
  steps_not_completed:
    'The company has not yet completed taking reasonable steps to find out if there is anyone who is a registrable person or a registrable relevant legal entity in relation to the company.',
  psc_not_identified:
    'The company knows or has reasonable cause to believe that there is a registrable person in relation to the company but it has not identified the registrable person.',
};

export const STATEMENT_SHORT: Record<PscStatement, string> = {
  no_registrable_person: 'no registrable person',
  steps_not_completed: 'steps to find registrable persons not yet completed',
  psc_not_identified: 'registrable person not yet identified',
};

/**
 * Why a company owned through an employee ownership trust always has someone registrable. The
 * trust holds a controlling interest: more than half the ordinary shares and the votes (TCGA 1992
 * s236M, the condition for the trust's tax reliefs). Its trustee therefore meets the first and
 * second conditions of CA 2006 Sch 1A: a corporate trustee is a registrable relevant legal entity
 * (s790C), and individual trustees, holding the shares jointly, are each registrable persons.
 */
export const EOT_REGISTRABLE_REASON =
  'A company owned through an employee ownership trust always has a registrable person or relevant legal entity: the trust holds a controlling interest (more than half the shares and votes: TCGA 1992 s236M), so its trustee meets the shares and votes conditions of CA 2006 Sch 1A. Enter a corporate trustee as a relevant legal entity (CA 2006 s790C), or each individual trustee as a person with significant control.';

export interface StatementAvailability {
  statement: PscStatement;
  available: boolean;
  /** Why not, where it is not. */
  reason: string | null;
}

/**
 * Which statements an organisation of this legal form may enter: none for a society (Part 21A
 * does not apply), all three for a company, except "no registrable person" for a company owned
 * through an employee ownership trust, whose trustee is always registrable.
 */
export function statementsAvailableFor(form: LegalForm): StatementAvailability[] {
  return PSC_STATEMENTS.map((statement) => {
    if (!pscApplies(form)) return { statement, available: false, reason: NOT_APPLICABLE_REASON };
    if (form === 'eot_company' && statement === 'no_registrable_person') return { statement, available: false, reason: EOT_REGISTRABLE_REASON };
    return { statement, available: true, reason: null };
  });
}

// ---------------------------------------------------------------------------------------------
// Nature of control (Sch 1A Part 1 conditions; Regulations 2016 reg 7 and Sch 2 statements)

export const PSC_NATURE_KINDS = ['shares', 'votes', 'directors', 'influence'] as const;
export type PscNatureKind = (typeof PSC_NATURE_KINDS)[number];

/**
 * Directly (or through entities), or through control of a trust or of a firm that is not a legal
 * person whose trustees or members hold the interest (Sch 1A para 6, the fifth condition).
 */
export type PscCapacity = 'direct' | 'trust' | 'firm';

export const PSC_NATURES = [
  'shares_25_to_50',
  'shares_50_to_75',
  'shares_75_to_100',
  'votes_25_to_50',
  'votes_50_to_75',
  'votes_75_to_100',
  'appoint_remove_directors',
  'significant_influence',
  'shares_25_to_50_as_trust',
  'shares_50_to_75_as_trust',
  'shares_75_to_100_as_trust',
  'votes_25_to_50_as_trust',
  'votes_50_to_75_as_trust',
  'votes_75_to_100_as_trust',
  'appoint_remove_directors_as_trust',
  'significant_influence_as_trust',
  'shares_25_to_50_as_firm',
  'shares_50_to_75_as_firm',
  'shares_75_to_100_as_firm',
  'votes_25_to_50_as_firm',
  'votes_50_to_75_as_firm',
  'votes_75_to_100_as_firm',
  'appoint_remove_directors_as_firm',
  'significant_influence_as_firm',
] as const;
export type PscNature = (typeof PSC_NATURES)[number];

export interface PscNatureInfo {
  kind: PscNatureKind;
  capacity: PscCapacity;
  /** The band, for shares and votes. */
  band: '25_to_50' | '50_to_75' | '75_to_100' | null;
  /** Short, for a form: "Holds more than 25% but not more than 50% of the shares". */
  label: string;
  /** The statement as the register and Companies House forms PSC01/PSC02 give it. */
  statement: string;
  /** The nature-of-control code Companies House uses for it. */
  companiesHouse: string;
  /** The Sch 1A condition it rests on. */
  source: string;
}

const BAND_WORDS = {
  '25_to_50': 'more than 25% but not more than 50%',
  '50_to_75': 'more than 50% but less than 75%',
  '75_to_100': '75% or more',
} as const;
const CH_BAND = { '25_to_50': '25-to-50-percent', '50_to_75': '50-to-75-percent', '75_to_100': '75-to-100-percent' } as const;
const TRUST = 'The person has the right to exercise, or actually exercises, significant influence or control over the activities of a trust, and the trustees of that trust (in their capacity as such)';
const FIRM =
  'The person has the right to exercise, or actually exercises, significant influence or control over the activities of a firm that, under the law by which it is governed, is not a legal person; and the members of that firm (in their capacity as such)';

function natureInfo(nature: PscNature): PscNatureInfo {
  const capacity: PscCapacity = nature.endsWith('_as_trust') ? 'trust' : nature.endsWith('_as_firm') ? 'firm' : 'direct';
  const base = nature.replace(/_as_(trust|firm)$/, '');
  const kind: PscNatureKind = base.startsWith('shares_') ? 'shares' : base.startsWith('votes_') ? 'votes' : base === 'appoint_remove_directors' ? 'directors' : 'influence';
  const band = kind === 'shares' || kind === 'votes' ? (base.replace(/^(shares|votes)_/, '') as keyof typeof BAND_WORDS) : null;
  const what = kind === 'shares' ? 'the shares' : 'the voting rights';
  // What is held or done, in the words of the direct statement and of the trust and firm ones.
  const holds =
    kind === 'directors'
      ? 'hold the right, directly or indirectly, to appoint or remove a majority of the board of directors of the company'
      : kind === 'influence'
        ? 'have the right to exercise, or actually exercise, significant influence or control over the company'
        : `hold, directly or indirectly, ${BAND_WORDS[band!]} of ${what} in the company`;
  const direct =
    kind === 'directors'
      ? 'The person holds the right, directly or indirectly, to appoint or remove a majority of the board of directors of the company.'
      : kind === 'influence'
        ? 'The person has the right to exercise, or actually exercises, significant influence or control over the company.'
        : `The person holds, directly or indirectly, ${BAND_WORDS[band!]} of ${what} in the company.`;
  const shortDirect =
    kind === 'directors'
      ? 'Has the right to appoint or remove a majority of the board of directors'
      : kind === 'influence'
        ? 'Has the right to exercise, or actually exercises, significant influence or control'
        : `Holds ${BAND_WORDS[band!]} of ${what}`;
  const chBase =
    kind === 'directors'
      ? 'right-to-appoint-and-remove-directors'
      : kind === 'influence'
        ? 'significant-influence-or-control'
        : `${kind === 'shares' ? 'ownership-of-shares' : 'voting-rights'}-${CH_BAND[band!]}`;
  const condition = { shares: 'first', votes: 'second', directors: 'third', influence: 'fourth' }[kind];
  const para = { shares: 2, votes: 3, directors: 4, influence: 5 }[kind];
  if (capacity === 'direct') {
    return { kind, capacity, band, label: shortDirect, statement: direct, companiesHouse: chBase, source: `CA 2006 Sch 1A para ${para} (the ${condition} condition)` };
  }
  const who = capacity === 'trust' ? 'a trust whose trustees' : 'a firm whose members';
  const lead = capacity === 'trust' ? TRUST : FIRM;
  return {
    kind,
    capacity,
    band,
    label: `Controls ${who} ${kind === 'influence' ? 'have significant influence or control' : kind === 'directors' ? 'can appoint or remove a majority of the board' : `hold ${BAND_WORDS[band!]} of ${what}`}`,
    statement: `${lead} ${holds}.`,
    companiesHouse: `${chBase}-as-${capacity}`,
    source: `CA 2006 Sch 1A para 6 (the fifth condition, with the ${condition})`,
  };
}

export const PSC_NATURE_INFO: Record<PscNature, PscNatureInfo> = Object.fromEntries(PSC_NATURES.map((n) => [n, natureInfo(n)])) as Record<PscNature, PscNatureInfo>;

/**
 * What is wrong with a set of natures of control for one person: at most one band of shares and
 * one of votes in each capacity (directly, through a trust, through a firm), and at least one.
 */
export function natureProblems(natures: readonly PscNature[]): string[] {
  if (natures.length === 0) return ['Choose at least one nature of control.'];
  const problems: string[] = [];
  for (const capacity of ['direct', 'trust', 'firm'] as const) {
    for (const kind of ['shares', 'votes'] as const) {
      const bands = natures.filter((n) => PSC_NATURE_INFO[n].kind === kind && PSC_NATURE_INFO[n].capacity === capacity);
      if (bands.length > 1) {
        const how = capacity === 'direct' ? '' : capacity === 'trust' ? ' held through a trust' : ' held through a firm';
        problems.push(`Choose only one band for ${kind === 'shares' ? 'shares' : 'voting rights'}${how}.`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The PSC record's own rules

export interface RegisterState {
  currentPeople: number;
  currentStatements: PscStatement[];
  /** The company's legal form, where known: it decides which statements are open to it. */
  legalForm?: LegalForm;
}

/**
 * What is missing or contradictory in the register, in words for the secretary. Each names the
 * provision that makes it a problem.
 */
export function pscWarnings(s: RegisterState): string[] {
  const out: string[] = [];
  const has = (st: PscStatement) => s.currentStatements.includes(st);
  const eot = s.legalForm === 'eot_company';
  if (s.currentPeople === 0 && s.currentStatements.length === 0) {
    out.push(
      eot
        ? `The PSC record has no person with significant control and no statement: Companies House must be told of the company’s registrable people and entities (CA 2006 s790LA). ${EOT_REGISTRABLE_REASON}`
        : 'The PSC record has no person with significant control and no statement: Companies House must be told of the company’s registrable people (CA 2006 s790LA), or given a statement (form PSC08) when it has none or has not yet identified them. A mutual owned by many members, none holding more than 25% of the votes, states that there is no registrable person.',
    );
  }
  if (eot && has('no_registrable_person')) {
    out.push(`The PSC record states that there is no registrable person, which cannot be right here. ${EOT_REGISTRABLE_REASON} Then withdraw the statement.`);
  }
  if (s.currentPeople > 0 && has('no_registrable_person')) {
    out.push(
      'The PSC record names a person with significant control and also states that there is no registrable person. Withdraw the statement from the day the person became registrable.',
    );
  }
  if (has('steps_not_completed')) {
    out.push(
      'The company has said it has not yet completed taking reasonable steps to find its registrable persons (CA 2006 s790CB). Finish those steps, then replace this statement with the one that fits.',
    );
  }
  if (has('psc_not_identified')) {
    out.push(
      'The company believes there is a registrable person it has not identified: it must keep taking reasonable steps to identify them (CA 2006 s790CB) and enter them once it has confirmed their particulars.',
    );
  }
  return out;
}

/**
 * Why a statement may not be entered now, or null. "No registrable person" excludes every other
 * statement and any current PSC, and is never open to a company owned through an employee
 * ownership trust; the other two may stand together and beside named PSCs.
 */
export function statementProblem(s: RegisterState, statement: PscStatement, madeOn: string, since?: string): string | null {
  if (s.legalForm) {
    const availability = statementsAvailableFor(s.legalForm).find((a) => a.statement === statement)!;
    if (!availability.available) {
      return pscApplies(s.legalForm) ? availability.reason : `A ${LEGAL_FORM_INFO[s.legalForm].label.toLowerCase()} makes no PSC statements. ${NOT_APPLICABLE_REASON}`;
    }
  }
  if (s.currentStatements.includes(statement)) {
    const what = statement === 'no_registrable_person' ? 'that there is no registrable person' : `“${PSC_STATEMENT_TEXT[statement].replace(/\.$/, '')}”`;
    return `The PSC record already carries the statement ${what}${since ? ` (made ${formatLegalDate(since)})` : ''}.`;
  }
  if (statement === 'no_registrable_person') {
    if (s.currentPeople > 0) {
      return `The PSC record names ${s.currentPeople === 1 ? 'a person' : `${s.currentPeople} people`} with significant control. Record that ${s.currentPeople === 1 ? 'they have' : 'each has'} ceased to be registrable before stating that there is none.`;
    }
    const other = s.currentStatements.find((st) => st !== 'no_registrable_person');
    if (other) return `The PSC record carries the statement that ${STATEMENT_SHORT[other]}; withdraw it before stating that there is no registrable person.`;
  } else if (s.currentStatements.includes('no_registrable_person')) {
    return 'The PSC record carries the statement that there is no registrable person; withdraw it before entering this statement.';
  }
  if (madeOn < PSC_REGIME_START) return `The PSC regime began on ${formatLegalDate(PSC_REGIME_START)}; a statement cannot be dated earlier.`;
  return null;
}
