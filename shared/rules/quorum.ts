import { formFamily, type LegalForm } from '../domain/legal-form';

/**
 * The quorum of a general meeting. For a company: one qualifying person where a company limited
 * by shares or guarantee has only one member, whatever the articles say (CA 2006 s318(1));
 * otherwise two qualifying persons unless the articles say otherwise (s318(2)). For a society the
 * CCBS Act 2014 sets no quorum: its registered rules provide for meetings (s14, Sch 1 para 5).
 */
export const SINGLE_MEMBER_QUORUM_SOURCE = 'CA 2006 s318(1): a company limited by shares or guarantee with only one member has a quorum of one qualifying person';
export const COMPANY_QUORUM_SOURCE = 'CA 2006 s318(2): two qualifying persons unless the articles say otherwise';
export const COMPANY_DEFAULT_GM_QUORUM = 2;

export interface GmQuorum {
  /** Qualifying persons (members, proxies, corporate representatives) needed; null where the rules must say and do not. */
  quorum: number | null;
  source: string;
  /** Set when the meeting could never be quorate, or the rules are silent where they must speak. */
  warning?: string;
}

/**
 * The general meeting quorum for an organisation of a legal form with `memberCount` members, given
 * the quorum its governing document sets (null where it is silent).
 *
 * @example
 * gmQuorumFor('eot_company', 1, 2) // { quorum: 1, source: 'CA 2006 s318(1): …' }
 */
export function gmQuorumFor(legalForm: LegalForm, memberCount: number, rulesQuorum: number | null): GmQuorum {
  if (formFamily(legalForm) === 'company') {
    // Every company form the app knows is limited (by shares or by guarantee), so s318(1) applies.
    if (memberCount === 1) return { quorum: 1, source: SINGLE_MEMBER_QUORUM_SOURCE };
    const quorum = rulesQuorum ?? COMPANY_DEFAULT_GM_QUORUM;
    const source = rulesQuorum === null ? COMPANY_QUORUM_SOURCE : `your articles (${COMPANY_QUORUM_SOURCE})`;
    return withWarning({ quorum, source }, memberCount, 'the articles');
  }
  if (rulesQuorum === null) {
    return {
      quorum: null,
      source: 'your registered rules (CCBS Act 2014 s14 and Sch 1 para 5); the Act sets no quorum',
      warning: 'The CCBS Act 2014 sets no quorum for a society’s general meetings; enter the quorum your registered rules set.',
    };
  }
  return withWarning({ quorum: rulesQuorum, source: 'your registered rules (CCBS Act 2014 s14 and Sch 1 para 5)' }, memberCount, 'the rules');
}

function withWarning(q: GmQuorum, memberCount: number, document: string): GmQuorum {
  // Proxies are qualifying persons too, but s318(2) does not let two proxies of one member make a
  // quorum; a quorum above the number of members is almost always a mistake worth showing.
  if (q.quorum !== null && memberCount > 0 && q.quorum > memberCount) {
    return { ...q, warning: `The quorum of ${q.quorum} set by ${document} is more than the ${memberCount} members; check that a general meeting can ever be quorate.` };
  }
  return q;
}
