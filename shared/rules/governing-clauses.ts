import { LEGAL_FORM_INFO, type LegalForm } from '../domain/legal-form';

/**
 * Clauses of the governing document (articles or registered rules) that the s33 check quotes:
 * the Procurement Act 2023 s33(6) defines a public service mutual by (a) the purpose it operates
 * for, (b) how it deals with profits and (c) who manages and controls it. The app cannot read
 * them from the document, so the secretary records each with its article or rule number and its
 * words. Null is "not recorded": the check then says it cannot judge, and nothing is assumed from
 * the legal form. What a legal form usually provides is offered in the form as a suggestion only.
 */
export const PROFIT_BASES = ['not_for_profit', 'members_only', 'other'] as const;
export type ProfitBasis = (typeof PROFIT_BASES)[number];

export const PROFIT_BASIS_LABEL: Record<ProfitBasis, string> = {
  not_for_profit: 'Run on a not-for-profit basis (no profits distributed)',
  members_only: 'Profits may be distributed, but only to members',
  other: 'Profits may be distributed to others (for example investors who are not members)',
};

/** The basis in a few words, for the history and the audit summary. */
export const PROFIT_BASIS_SHORT: Record<ProfitBasis, string> = {
  not_for_profit: 'not for profit',
  members_only: 'profits only to members',
  other: 'profits to others too',
};

export interface GoverningClauses {
  /** Whether the objects clause gives delivering public services as a purpose; null: not recorded. */
  objectsPublicServices: boolean | null;
  /** The objects clause: its article or rule number and its words. */
  objectsClause: string | null;
  profitBasis: ProfitBasis | null;
  /** The clause on profits (asset lock, dividend cap, no distribution): number and words. */
  profitClause: string | null;
  /** The clause securing the employees' management and control: number and words. */
  employeeControlClause: string | null;
}

export type ClauseKey = keyof GoverningClauses;
export const CLAUSE_KEYS: readonly ClauseKey[] = ['objectsPublicServices', 'objectsClause', 'profitBasis', 'profitClause', 'employeeControlClause'];

export const CLAUSE_LABEL: Record<ClauseKey, string> = {
  objectsPublicServices: 'The objects include delivering public services',
  objectsClause: 'Objects clause',
  profitBasis: 'How profits are dealt with',
  profitClause: 'Profit clause',
  employeeControlClause: 'Clause securing employee control',
};

/** The longest clause the app keeps: an objects clause may run to several paragraphs. */
export const CLAUSE_MAX: Record<'objectsClause' | 'profitClause' | 'employeeControlClause', number> = {
  objectsClause: 4000,
  profitClause: 2000,
  employeeControlClause: 2000,
};

export const NO_CLAUSES: GoverningClauses = {
  objectsPublicServices: null,
  objectsClause: null,
  profitBasis: null,
  profitClause: null,
  employeeControlClause: null,
};

/**
 * An answer without the words it rests on, or words without the answer: the check would cite
 * nothing, or cite a clause without knowing what it says. Each problem on the field to fill in.
 */
export function clauseProblems(c: GoverningClauses): Partial<Record<ClauseKey, string>> {
  const problems: Partial<Record<ClauseKey, string>> = {};
  if (c.objectsPublicServices !== null && c.objectsClause === null) {
    problems.objectsClause = 'Quote the objects clause, with its article or rule number, so the s33 check can cite it.';
  }
  if (c.objectsPublicServices === null && c.objectsClause !== null) {
    problems.objectsPublicServices = 'Say whether the objects include delivering public services, or remove the objects clause.';
  }
  if (c.profitBasis !== null && c.profitClause === null) {
    problems.profitClause = 'Quote the clause on profits, with its article or rule number, so the s33 check can cite it.';
  }
  if (c.profitBasis === null && c.profitClause !== null) {
    problems.profitBasis = 'Say how the governing document deals with profits, or remove the profit clause.';
  }
  return problems;
}

export interface ProfitSuggestion {
  basis: ProfitBasis;
  /** Why this is usual for the form, citing the law, and what to quote. */
  why: string;
}

/**
 * What a legal form usually provides on profits: a suggestion shown in the form, never stored
 * unless the secretary chooses it, since the governing document is what s33(6)(b) asks about.
 */
export function suggestedProfitBasis(form: LegalForm): ProfitSuggestion {
  switch (form) {
    case 'cic_limited_by_guarantee':
      return {
        basis: 'not_for_profit',
        why: 'A community interest company limited by guarantee has no shares to pay a dividend on, and its articles must lock its assets to the community (Community Interest Company Regulations 2005 regs 17-23). Quote the asset lock article.',
      };
    case 'cic_limited_by_shares':
      return {
        basis: 'members_only',
        why: 'A community interest company limited by shares pays dividends only to its shareholders, who are its members, within the cap the Regulator sets, and its articles must lock its other assets to the community (Community Interest Company Regulations 2005 regs 17-23). Quote the asset lock and dividend articles.',
      };
    case 'cooperative_society':
      return {
        basis: 'members_only',
        why: 'A co-operative society is run for its members’ mutual benefit and any surplus its rules distribute goes to members (Co-operative and Community Benefit Societies Act 2014 s2(2)(a)(i)). Quote the rule on the application of profits.',
      };
    case 'community_benefit_society':
      return {
        basis: 'not_for_profit',
        why: 'A community benefit society is run for the benefit of the community, and its rules usually forbid distributing profits to members (Co-operative and Community Benefit Societies Act 2014 s2(2)(a)(ii)). Quote the rule on the application of profits, and any asset lock.',
      };
    case 'eot_company':
      return {
        basis: 'members_only',
        why: 'A company limited by shares distributes profits as dividends only to its shareholders, who are its members (CA 2006 s112, s830); here chiefly the employee ownership trust. Quote the articles on dividends.',
      };
    case 'company_limited_by_guarantee':
      return {
        basis: 'not_for_profit',
        why: `A ${LEGAL_FORM_INFO[form].label.toLowerCase()} has no share capital; its articles usually forbid paying any profit to members and apply it to the objects. Quote that article: without it, a guarantee company may still distribute.`,
      };
  }
}
