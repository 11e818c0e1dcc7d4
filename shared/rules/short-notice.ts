/**
 * Agreement to hold a company's general meeting at short notice (CA 2006 s307(4)-(6)): a majority
 * in number of the members with a right to attend and vote, together holding at least the
 * requisite percentage of the nominal value of the shares giving that right (or, without a share
 * capital, of the total voting rights at the meeting). The percentage is 90% for a private
 * company, or more if the articles say so (at most 95%); 95% for a public company. A public
 * company's annual general meeting needs every member entitled to attend and vote (s337(2)).
 *
 * Our mutuals are private companies; the public-company rules are here so the app never applies
 * the private threshold where it does not belong. A society's rules decide whether it may meet
 * at short notice: the CCBS Act 2014 has no such rule.
 */
export const SHORT_NOTICE_SOURCE = 'CA 2006 s307(4)-(6)';
export const PUBLIC_AGM_SHORT_NOTICE_SOURCE = 'CA 2006 s337(2)';
export const PRIVATE_SHORT_NOTICE_PCT = 90;
export const MAX_SHORT_NOTICE_PCT = 95;

export interface ShortNoticeConsent {
  /** Defaults to a private company, which every mutual in the app is. */
  company?: 'private' | 'public';
  annualGeneralMeeting?: boolean;
  /** Members having a right to attend and vote at the meeting. */
  membersEntitled: number;
  /** Of those, the members who agreed to short notice. */
  membersAgreeing: number;
  /**
   * What the percentage is of: the nominal value of the shares giving a right to attend and vote
   * (excluding treasury shares), or the total voting rights where there is no share capital.
   */
  basis: 'nominal_value' | 'voting_rights';
  /** The whole of that basis, e.g. nominal value in pence, or votes. */
  total: number;
  /** The part held by the members who agreed. */
  agreeing: number;
  /** A private company's articles may require more than 90%, up to 95% (s307(6)(a)). */
  articlesPercentage?: number | null;
  /**
   * A registered society: the CCBS Act 2014 says nothing about short notice, so its registered
   * rules decide. The same test is applied as a safe check, and the message says so first rather
   * than citing company law as if it applied.
   */
  society?: boolean;
}

export interface ShortNoticeVerdict {
  ok: boolean;
  /** The percentage needed, or null where every member entitled must agree. */
  requiredPercentage: number | null;
  message: string;
  source: string;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${Number(((100 * part) / whole).toFixed(2))}%`;
}

function checkCounts(c: ShortNoticeConsent): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(c.membersEntitled) || !whole(c.membersAgreeing) || c.membersAgreeing > c.membersEntitled) {
    throw new RangeError('Members agreeing must be a whole number no greater than the members entitled.');
  }
  if (!(c.total >= 0) || !(c.agreeing >= 0) || c.agreeing > c.total) {
    throw new RangeError('The holding of those agreeing must be between nothing and the whole.');
  }
}

/**
 * Whether members' agreement lets a company's general meeting be held at short notice, with the
 * numbers and the provision, e.g. "Short notice needs a majority in number of the members entitled
 * to attend and vote, together holding at least 90% of the total voting rights (CA 2006
 * s307(4)-(6)); 8 of 10 members agreed, holding 80%."
 */
export function shortNoticeVerdict(c: ShortNoticeConsent): ShortNoticeVerdict {
  checkCounts(c);
  const members = `${c.membersAgreeing} of ${c.membersEntitled} member${c.membersEntitled === 1 ? '' : 's'}`;
  if (c.company === 'public' && c.annualGeneralMeeting) {
    const ok = c.membersEntitled > 0 && c.membersAgreeing === c.membersEntitled;
    return {
      ok,
      requiredPercentage: null,
      source: PUBLIC_AGM_SHORT_NOTICE_SOURCE,
      message: `Short notice of a public company's annual general meeting needs every member entitled to attend and vote (${PUBLIC_AGM_SHORT_NOTICE_SOURCE}); ${members} agreed.`,
    };
  }
  const required = requisitePercentage(c.company ?? 'private', c.articlesPercentage ?? null);
  const majority = 2 * c.membersAgreeing > c.membersEntitled;
  // Not less than the percentage: compare 100 × agreeing with required × total, no division.
  const enough = c.total > 0 && 100 * c.agreeing >= required * c.total;
  const of = c.basis === 'nominal_value' ? 'the nominal value of the shares giving a right to attend and vote' : 'the total voting rights';
  const source = c.articlesPercentage != null && c.company !== 'public' ? `${SHORT_NOTICE_SOURCE} and the articles` : SHORT_NOTICE_SOURCE;
  if (c.society) {
    return {
      ok: majority && enough,
      requiredPercentage: required,
      source: 'your registered rules',
      message: `Your registered rules decide whether a meeting may be held at shorter notice (the CCBS Act 2014 is silent). As a safe check the app asks what company law asks (${SHORT_NOTICE_SOURCE}): a majority in number of the members entitled to vote, together holding at least ${required}% of the votes; ${members} agreed, holding ${percent(c.agreeing, c.total)}.`,
    };
  }
  return {
    ok: majority && enough,
    requiredPercentage: required,
    source,
    message: `Short notice needs a majority in number of the members entitled to attend and vote, together holding at least ${required}% of ${of} (${source}); ${members} agreed, holding ${percent(c.agreeing, c.total)}.`,
  };
}

/** The requisite percentage (s307(6)): 90% or the articles' higher figure up to 95% (private), 95% (public). */
export function requisitePercentage(company: 'private' | 'public', articlesPercentage: number | null): number {
  if (company === 'public') return MAX_SHORT_NOTICE_PCT;
  if (articlesPercentage === null) return PRIVATE_SHORT_NOTICE_PCT;
  if (!(articlesPercentage >= PRIVATE_SHORT_NOTICE_PCT && articlesPercentage <= MAX_SHORT_NOTICE_PCT)) {
    throw new RangeError(`CA 2006 s307(6)(a) lets a private company's articles set between 90% and 95% for short notice; ${articlesPercentage}% given.`);
  }
  return articlesPercentage;
}
