import { PSC_STATEMENT_TEXT, type PscStatement } from '../../../shared/contract/psc';
import { formatLegalDate } from '../../../shared/rules/legal-date';

/**
 * The PSC register's own rules (CA 2006 Part 21A; the Register of People with Significant
 * Control Regulations 2016), kept pure so they can be tested without a database.
 */
export const PSC_SOURCE = 'CA 2006 Part 21A';

/** The PSC regime began on 6 April 2016; earlier control is entered as from that day. */
export const PSC_REGIME_START = '2016-04-06';

export const NOT_APPLICABLE_REASON =
  'The register of people with significant control is kept by companies (CA 2006 Part 21A applies to companies). A co-operative or community benefit society does not keep one; its members and officers are in the register of members and the register of officers.';

export const STATEMENT_SHORT: Record<PscStatement, string> = {
  no_registrable_person: 'no registrable person',
  steps_not_completed: 'steps to find registrable persons not yet completed',
  psc_not_identified: 'registrable person not yet identified',
};

export interface RegisterState {
  currentPeople: number;
  currentStatements: PscStatement[];
}

/**
 * What is missing or contradictory in the register, in words for the secretary. Each names
 * the provision that makes it a problem.
 */
export function pscWarnings(s: RegisterState): string[] {
  const out: string[] = [];
  const has = (st: PscStatement) => s.currentStatements.includes(st);
  if (s.currentPeople === 0 && s.currentStatements.length === 0) {
    out.push(
      'The register has no PSC and no statement: CA 2006 s790M requires one of the statements when the company has no registrable person or has not yet identified one. A mutual owned by many members, none holding more than 25% of the votes, records that there is no registrable person.',
    );
  }
  if (s.currentPeople > 0 && has('no_registrable_person')) {
    out.push(
      'The register names a person with significant control and also states that there is no registrable person. Withdraw the statement from the day the person became registrable.',
    );
  }
  if (has('steps_not_completed')) {
    out.push(
      'The company has said it has not yet completed taking reasonable steps to find its registrable persons (CA 2006 s790D). Finish those steps, then replace this statement with the one that fits.',
    );
  }
  if (has('psc_not_identified')) {
    out.push(
      'The company believes there is a registrable person it has not identified: it must keep taking reasonable steps to identify them (CA 2006 s790D) and enter them once it has confirmed their particulars.',
    );
  }
  return out;
}

/**
 * Why a statement may not be entered now, or null. "No registrable person" excludes every other
 * statement and any current PSC; the other two may stand together and beside named PSCs.
 */
export function statementProblem(s: RegisterState, statement: PscStatement, madeOn: string, since?: string): string | null {
  if (s.currentStatements.includes(statement)) {
    const what = statement === 'no_registrable_person' ? 'that there is no registrable person' : `“${PSC_STATEMENT_TEXT[statement].replace(/\.$/, '')}”`;
    return `The register already carries the statement ${what}${since ? ` (made ${formatLegalDate(since)})` : ''}.`;
  }
  if (statement === 'no_registrable_person') {
    if (s.currentPeople > 0) {
      return `The register names ${s.currentPeople === 1 ? 'a person' : `${s.currentPeople} people`} with significant control. Record that ${s.currentPeople === 1 ? 'they have' : 'each has'} ceased to be registrable before stating that there is none.`;
    }
    const other = s.currentStatements.find((st) => st !== 'no_registrable_person');
    if (other) return `The register carries the statement that ${STATEMENT_SHORT[other]}; withdraw it before stating that there is no registrable person.`;
  } else if (s.currentStatements.includes('no_registrable_person')) {
    return 'The register carries the statement that there is no registrable person; withdraw it before entering this statement.';
  }
  if (madeOn < PSC_REGIME_START) return `The PSC regime began on ${formatLegalDate(PSC_REGIME_START)}; a statement cannot be dated earlier.`;
  return null;
}
