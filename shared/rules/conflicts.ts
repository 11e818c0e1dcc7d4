import type { FormFamily } from '../domain/legal-form';
import { foldText } from './fold';

/**
 * Conflicts of interest at board meetings. A company director must declare an interest in a
 * proposed transaction (CA 2006 s177) or an existing one (s182); whether a conflicted director
 * counts towards the quorum and votes on the matter is for the articles (Model Articles for
 * private companies, limited by shares or by guarantee, art 14: they do not). A society's
 * directors are under no such statute: the CCBS Act 2014 says nothing of conflicts, and the
 * society's registered rules decide (model rules usually make similar provision).
 */
export const CONFLICT_SOURCE = 'CA 2006 s177 and s182; Model Articles for private companies art 14';

export interface ConflictRule {
  source: string;
  /** False where no statute gives the rule and the governing document alone decides. */
  statutory: boolean;
  /** The rule in a sentence, for the secretary. */
  summary: string;
}

/** Where the conflicts rule comes from for a legal-form family, said plainly when the law gives none. */
export function conflictRuleFor(family: FormFamily): ConflictRule {
  if (family === 'company') {
    return {
      source: CONFLICT_SOURCE,
      statutory: true,
      summary:
        'A director must declare an interest in a proposed transaction (CA 2006 s177) or an existing one (s182). Under Model Articles art 14, unless your articles say otherwise, a director with a conflict does not count towards the quorum or vote on that matter.',
    };
  }
  return {
    source: 'your registered rules (the CCBS Act 2014 sets no rule on directors’ conflicts of interest)',
    statutory: false,
    summary:
      'The CCBS Act 2014 sets no rule on directors’ conflicts of interest: your registered rules decide. Model rules, such as those Co-operatives UK publishes, usually require a director to declare an interest and not to vote on the matter; the app applies that unless your rules say otherwise.',
  };
}

/** The fields of a declaration this rule needs (the contract's Interest has them all). */
export interface DeclaredInterest {
  officerId: string;
  relatedOrganisation: string | null;
  declaredOn: string;
  endedOn: string | null;
}

// Words that do not tell two organisations apart: "Riverside Hospice Ltd" is "Riverside Hospice".
const LEADING = new Set(['the']);
const TRAILING = [
  ['community', 'interest', 'company'],
  ['limited'],
  ['ltd'],
  ['plc'],
  ['llp'],
  ['lp'],
  ['cic'],
  ['cio'],
];

/**
 * An organisation's name reduced to what identifies it: folded (case, accents, punctuation),
 * "&" read as "and", without a leading "The" or a trailing legal suffix.
 */
export function organisationKey(name: string): string {
  const words = foldText(name.replaceAll('&', ' and ').replaceAll('.', '')).split(' ').filter(Boolean);
  while (words.length > 1 && LEADING.has(words[0]!)) words.shift();
  let stripped = true;
  while (stripped && words.length > 1) {
    stripped = false;
    for (const suffix of TRAILING) {
      if (words.length > suffix.length && suffix.every((w, i) => words[words.length - suffix.length + i] === w)) {
        words.splice(words.length - suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return words.join(' ');
}

/** Whether two names refer to the same organisation ("The Riverside Hospice Ltd" and "riverside hospice"). */
export function sameOrganisation(a: string, b: string): boolean {
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
}

/**
 * Whether a declaration is in force on a day. An interest that ends on the day of a meeting
 * still counts that day: better to leave a director out of one vote than to count a conflict.
 */
export function interestInForce(interest: Pick<DeclaredInterest, 'declaredOn' | 'endedOn'>, on: string): boolean {
  return interest.declaredOn <= on && (interest.endedOn === null || interest.endedOn >= on);
}

/**
 * The directors with a declared interest in force in `relatedOrganisation`, each once, in the
 * order of their first matching declaration. With no `on` date, every declaration that has not
 * ended counts.
 *
 * @example
 * conflictedDirectors(interests, 'Riverside Hospice', '2026-05-12') // ['0190…', …]
 */
export function conflictedDirectors(interests: readonly DeclaredInterest[], relatedOrganisation: string, on?: string): string[] {
  const key = organisationKey(relatedOrganisation);
  if (key.length === 0) return [];
  const out: string[] = [];
  for (const i of interests) {
    if (i.relatedOrganisation === null || out.includes(i.officerId)) continue;
    const inForce = on === undefined ? i.endedOn === null : interestInForce(i, on);
    if (inForce && organisationKey(i.relatedOrganisation) === key) out.push(i.officerId);
  }
  return out;
}
