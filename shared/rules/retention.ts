import type { FormFamily } from '../domain/legal-form';
import { addDays, addYears } from './legal-date';

/**
 * When a former member's entry may be removed from the register, by legal form.
 *
 * Companies: an entry relating to a former member may be removed once ten years have passed
 * since they ceased to be a member (CA 2006 s121). The app proposes entries for removal from that
 * date and never earlier; UK GDPR then expects them to go (storage limitation, Article 5(1)(e)).
 *
 * Societies: the CCBS Act 2014 has no equivalent of s121. Its register (s30) records the date a
 * person ceased to be a member, and says nothing of removing the entry; the society's rules and
 * UK GDPR storage limitation decide. The app uses the rules' period where the secretary enters
 * one, and otherwise 10 years by analogy with s121, labelled as not statutory.
 */
export const REMOVAL_AFTER_YEARS = 10;
export const REMOVAL_SOURCE = 'CA 2006 s121: an entry may be removed 10 years after the person ceased to be a member';

export interface RetentionRule {
  /** Whole years after cessation from which the entry may be removed. */
  years: number;
  /** True only where a statute sets the period. */
  statutory: boolean;
  /** The rule in words, citing its source, for the secretary. */
  source: string;
}

export const COMPANY_RETENTION: RetentionRule = { years: REMOVAL_AFTER_YEARS, statutory: true, source: REMOVAL_SOURCE };

const SOCIETY_NO_PERIOD =
  'The CCBS Act 2014 sets no period after which a former member’s entry may be removed (s30 requires the register to show when a member ceased); the society’s rules decide, within UK GDPR storage limitation (Article 5(1)(e))';

/**
 * The removal rule for a legal-form family. For a society, pass the period its rules set (in
 * years), or null where they set none.
 *
 * @example
 * retentionRule('society', null).source // '… The app uses 10 years, by analogy with CA 2006 s121 for companies; this is not a statutory period.'
 */
export function retentionRule(family: FormFamily, rulesPeriodYears: number | null = null): RetentionRule {
  if (family === 'company') return COMPANY_RETENTION;
  if (rulesPeriodYears !== null) {
    if (!Number.isInteger(rulesPeriodYears) || rulesPeriodYears < 0) throw new RangeError(`A retention period is a whole number of years; ${rulesPeriodYears} given.`);
    return { years: rulesPeriodYears, statutory: false, source: `${SOCIETY_NO_PERIOD}. Your rules allow removal ${rulesPeriodYears} year${rulesPeriodYears === 1 ? '' : 's'} after a member ceases.` };
  }
  return {
    years: REMOVAL_AFTER_YEARS,
    statutory: false,
    source: `${SOCIETY_NO_PERIOD}. Your rules set no period, so the app uses 10 years, by analogy with CA 2006 s121 for companies; this is not a statutory period.`,
  };
}

/**
 * The first day a former member's entry may be removed. CA 2006 s121 allows removal "after the
 * expiration of ten years from the date on which he ceased to be a member": the period runs from
 * the day after cessation and expires at the end of the tenth anniversary, so removal may begin
 * the day after it (ceased 1 March 2016: removable from 2 March 2026; ceased 29 February 2016:
 * the period ends with 28 February 2026, removable from 1 March). A rules period counts the same way.
 */
export function removableFrom(ceasedOn: string, rule: RetentionRule = COMPANY_RETENTION): string {
  return addDays(addYears(ceasedOn, rule.years), 1);
}

export function isRemovable(ceasedOn: string | null, today: string, rule: RetentionRule = COMPANY_RETENTION): boolean {
  return ceasedOn !== null && removableFrom(ceasedOn, rule) <= today;
}

/**
 * The latest cessation date whose entry is removable on `today`, for a query of the form
 * `ceased_on <= cutoff`. Agrees with isRemovable: a member who ceased on 29 February is removable
 * on 1 March ten years on (the period ends with 28 February), so that day's cut-off is the 29th.
 */
export function removableCeasedOnOrBefore(today: string, rule: RetentionRule = COMPANY_RETENTION): string {
  // removableFrom is non-decreasing in the cessation date; step down from just above the answer.
  let c = addDays(addYears(addDays(today, -1), -rule.years), 2);
  while (removableFrom(c, rule) > today) c = addDays(c, -1);
  return c;
}
