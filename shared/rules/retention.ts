import { addYears } from './legal-date';

/**
 * A former member's entry may be removed from the register only once ten years have passed
 * since they ceased to be a member (CA 2006 s121). The app proposes entries for removal from
 * that date and never earlier; UK GDPR then expects them to go (storage limitation).
 */
export const REMOVAL_AFTER_YEARS = 10;
export const REMOVAL_SOURCE = 'CA 2006 s121: an entry may be removed 10 years after the person ceased to be a member';

export function removableFrom(ceasedOn: string): string {
  return addYears(ceasedOn, REMOVAL_AFTER_YEARS);
}

export function isRemovable(ceasedOn: string | null, today: string): boolean {
  return ceasedOn !== null && removableFrom(ceasedOn) <= today;
}

/** The latest cessation date whose entry is removable on `today`. */
export function removableCeasedOnOrBefore(today: string): string {
  return addYears(today, -REMOVAL_AFTER_YEARS);
}
