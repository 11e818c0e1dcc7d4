import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../../shared/contract/decisions';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/contract/meetings';
import { isLegalDate } from '../../../../shared/rules/legal-date';

/** What the register's filter boxes hold. */
export interface RegisterFilterValues {
  search: string;
  meetingKind: MeetingKind | '';
  from: string;
  to: string;
  organisation: string;
  /** An organisation on the list (issue 10): the decisions linked to it or naming it. */
  counterpartyId: string;
  outcome: DecisionOutcome | '';
}

/** A record id as the core's contract has it; anything else in the address is ignored. */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
  counterpartyId?: string;
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
    ...(v.counterpartyId ? { counterpartyId: v.counterpartyId } : {}),
    ...(v.outcome ? { outcome: v.outcome } : {}),
  };
}

export const NO_FILTERS: RegisterFilterValues = { search: '', meetingKind: '', from: '', to: '', organisation: '', counterpartyId: '', outcome: '' };

/** The address bar's names for the filters: /decisions?organisation=Riverside%20Borough%20Council&outcome=carried. */
const PARAMS = { search: 'q', meetingKind: 'meeting', from: 'from', to: 'to', organisation: 'organisation', counterpartyId: 'counterparty', outcome: 'outcome' } as const satisfies Record<keyof RegisterFilterValues, string>;

/**
 * The filters a link or the address bar gives (so another page can link to "decisions about
 * this organisation"); a meeting kind, outcome or date the register does not know is ignored.
 */
export function filtersFromParams(params: URLSearchParams): RegisterFilterValues {
  const get = (k: keyof RegisterFilterValues) => params.get(PARAMS[k]) ?? '';
  const kind = get('meetingKind');
  const outcome = get('outcome');
  const date = (v: string) => (isLegalDate(v) ? v : '');
  return {
    search: get('search'),
    meetingKind: (MEETING_KINDS as readonly string[]).includes(kind) ? (kind as MeetingKind) : '',
    from: date(get('from')),
    to: date(get('to')),
    organisation: get('organisation'),
    counterpartyId: RECORD_ID.test(get('counterpartyId')) ? get('counterpartyId') : '',
    outcome: (DECISION_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as DecisionOutcome) : '',
  };
}

/** The address for the filters as typed: empty boxes are left out, so the register with none is plain /decisions. */
export function paramsFromFilters(v: RegisterFilterValues): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of Object.keys(PARAMS) as (keyof RegisterFilterValues)[]) if (v[k] !== '') out.set(PARAMS[k], v[k]);
  return out;
}

/**
 * A link to the register filtered to the decisions about one organisation: one on the list by its
 * link (those linked to it or naming it), or words alone (those naming it).
 */
export function decisionsAbout(organisation: string | { counterpartyId: string }): string {
  const filters = typeof organisation === 'string' ? { ...NO_FILTERS, organisation } : { ...NO_FILTERS, counterpartyId: organisation.counterpartyId };
  return `/decisions?${paramsFromFilters(filters).toString()}`;
}
