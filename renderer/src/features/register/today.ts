import { ukDateOf } from '../../../../shared/rules/legal-date';

/** Today's date in the UK, as a legal date: the default for dates of things that have just happened. */
export function todayUk(): string {
  return ukDateOf(new Date());
}
