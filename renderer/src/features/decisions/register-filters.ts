import type { DecisionOutcome } from '../../../../shared/contract/decisions';
import type { MeetingKind } from '../../../../shared/contract/meetings';
import { isLegalDate } from '../../../../shared/rules/legal-date';

/** What the register's filter boxes hold. */
export interface RegisterFilterValues {
  search: string;
  meetingKind: MeetingKind | '';
  from: string;
  to: string;
  organisation: string;
  outcome: DecisionOutcome | '';
}

/**
 * The register query's input from the filter boxes: empty boxes are left out (so the query key
 * is the same for "no filter" however it was reached) and a date is sent only once it is whole.
 */
export function registerFilters(v: RegisterFilterValues): {
  search?: string;
  meetingKind?: MeetingKind;
  from?: string;
  to?: string;
  organisation?: string;
  outcome?: DecisionOutcome;
} {
  const search = v.search.trim();
  const organisation = v.organisation.trim();
  return {
    ...(search ? { search } : {}),
    ...(v.meetingKind ? { meetingKind: v.meetingKind } : {}),
    ...(isLegalDate(v.from) ? { from: v.from } : {}),
    ...(isLegalDate(v.to) ? { to: v.to } : {}),
    ...(organisation ? { organisation } : {}),
    ...(v.outcome ? { outcome: v.outcome } : {}),
  };
}
