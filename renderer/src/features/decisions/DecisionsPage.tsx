import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { DECISION_OUTCOMES, DECISION_OUTCOME_LABEL, type Decision, type DecisionOutcome } from '../../../../shared/contract/decisions';
import { MEETING_KINDS, MEETING_KIND_LABEL, type MeetingKind } from '../../../../shared/contract/meetings';
import { request, type ApiError } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatShortDate } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { DateFilter } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { isPositive } from './ItemDecisions';
import { filtersFromParams, NO_FILTERS, paramsFromFilters, registerFilters, type RegisterFilterValues } from './register-filters';
import '../officers/officers.css';
import './decisions.css';

const PAGE = 50;

/** Under the meeting's link: its kind where the title does not already say it, and the item. */
function whereDetail(d: Decision): string {
  const kind = d.meetingKind ? MEETING_KIND_LABEL[d.meetingKind] : null;
  const parts = [kind && d.meetingTitle !== kind ? kind : null, d.itemNumber ? `Item ${d.itemNumber}` : null].filter(Boolean);
  return parts.join(', ');
}

/**
 * The decisions register: every decision of the board, its committees and the members, at
 * meetings and in writing, newest first, searchable and filtered, read a page at a time. The
 * filters live in the address (?organisation=…&outcome=…), so a link can open it filtered and
 * Back returns to the same view.
 */
export function DecisionsPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  // The boxes hold their own state (a box bound to the address alone can drop keys typed while
  // the router catches up); the address follows them, and a link to the register (the menu, an
  // organisation's page) sets them afresh.
  const [filters, setLocal] = useState<RegisterFilterValues>(() => filtersFromParams(params));
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    // Back and Forward (and an address typed) always set them from the address: the entry gone
    // back to was itself written by the boxes, so its state says so.
    if (navigationType === NavigationType.Pop || !(location.state as { fromFilters?: boolean } | null)?.fromFilters) setLocal(filtersFromParams(params));
  }
  const setFilters = (next: RegisterFilterValues) => {
    setLocal(next);
    // Replaced, not pushed: each key typed is not a page to go Back through.
    setParams(paramsFromFilters(next), { replace: true, state: { fromFilters: true } });
  };
  const set = (patch: Partial<RegisterFilterValues>) => setFilters({ ...filters, ...patch });
  // Typing settles before it asks the core; choices apply at once.
  const search = useDebounced(filters.search, 300);
  const organisation = useDebounced(filters.organisation, 300);
  const input = registerFilters({ ...filters, search, organisation });
  const pages = useInfiniteQuery<{ rows: Decision[]; next: { decidedOn: string; id: string } | null }, ApiError>({
    queryKey: ['decisions.register', input],
    queryFn: ({ pageParam }) => request('decisions.register', { ...input, limit: PAGE, ...(pageParam ? { after: pageParam as { decidedOn: string; id: string } } : {}) }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    placeholderData: (p) => p,
  });
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  // The organisation on the list the register is filtered to, named on its chip.
  const orgs = useApiQuery('counterparties.list', {}, { enabled: filters.counterpartyId !== '' });
  const chosenOrg = filters.counterpartyId ? (orgs.data?.find((o) => o.id === filters.counterpartyId) ?? null) : null;
  const chosenName = chosenOrg?.name ?? (orgs.isPending ? 'the organisation' : 'an organisation no longer on the list');
  const filtered = Object.values(input).some((v) => v !== undefined);
  const columns: ColumnDef<Decision>[] = [
    { id: 'date', header: 'Date', meta: { nowrap: true }, cell: ({ row: { original: d } }) => formatShortDate(d.decidedOn) },
    {
      id: 'decision',
      header: 'Decision',
      meta: { rowHeader: true },
      cell: ({ row: { original: d } }) => (
        <>
          <span className="register-text">{d.text}</span>
          {d.relatedOrganisation ? <span className="board-sub">Relates to {d.relatedOrganisation}</span> : null}
          {d.recordedNotQuorate ? <span className="badge badge-danger">Recorded as not quorate</span> : null}
        </>
      ),
    },
    {
      id: 'where',
      header: 'Where',
      cell: ({ row: { original: d } }) =>
        d.meetingId ? (
          <>
            <Link to={`/meetings/${d.meetingId}`}>{d.meetingTitle ?? 'The meeting'}</Link>
            <span className="board-sub">{whereDetail(d)}</span>
          </>
        ) : d.writtenResolutionId ? (
          <Link to={`/written-resolutions/${d.writtenResolutionId}`}>Written resolution</Link>
        ) : (
          '—'
        ),
    },
    {
      id: 'kind',
      header: 'Kind',
      cell: ({ row: { original: d } }) => (d.kind === 'board' ? 'Board decision' : d.kind === 'special' ? 'Special resolution' : 'Ordinary resolution'),
    },
    {
      id: 'votes',
      header: 'For / against / abstaining',
      meta: { numeric: true, nowrap: true },
      cell: ({ row: { original: d } }) => `${d.votesFor} / ${d.votesAgainst} / ${d.votesAbstain}`,
    },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: ({ row: { original: d } }) => (
        <span className={`badge ${isPositive(d) ? 'badge-success' : 'badge-warning'}`} title={d.outcomeMessage}>
          {DECISION_OUTCOME_LABEL[d.outcome]}
        </span>
      ),
    },
  ];
  return (
    <div className="page page-wide">
      <PageHeader title="Decisions register" lede="Every decision of the board, its committees and the members, at meetings and in writing, newest first." />
      <form className="card register-filters" role="search" aria-label="Search and filter decisions" onSubmit={(e) => e.preventDefault()}>
        {filters.counterpartyId ? (
          <div className="register-chip-row">
            <p className="register-chip">
              <span>
                About{' '}
                {chosenOrg ? <Link to={`/organisations/${chosenOrg.id}`}>{chosenOrg.name}</Link> : <strong>{chosenName}</strong>}
                <span className="muted">: decisions linked to it on the organisations list or naming it</span>
              </span>
              <button type="button" className="register-chip-remove" onClick={() => {
                  set({ counterpartyId: '' });
                  // The button goes with the chip: the focus goes on to the first box rather than the top of the page.
                  document.getElementById('decision-search')?.focus();
                }} aria-label={`Remove the filter: about ${chosenName}`}>
                Remove
              </button>
            </p>
          </div>
        ) : null}
        <div className="register-search">
          <Field id="decision-search" label="Search" hint="Words in the decision, a proposer’s name or an item.">
            <input type="search" value={filters.search} onChange={(e) => set({ search: e.target.value })} autoComplete="off" />
          </Field>
        </div>
        <Field id="decision-kind" label="Meeting">
          <select value={filters.meetingKind} onChange={(e) => set({ meetingKind: e.target.value as MeetingKind | '' })}>
            <option value="">Any meeting</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {MEETING_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="decision-outcome" label="Outcome">
          <select value={filters.outcome} onChange={(e) => set({ outcome: e.target.value as DecisionOutcome | '' })}>
            <option value="">Any outcome</option>
            {DECISION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {DECISION_OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="decision-organisation" label="Organisation" hint="A council, trust or supplier.">
          <input type="text" value={filters.organisation} onChange={(e) => set({ organisation: e.target.value })} autoComplete="off" />
        </Field>
        <div className="register-dates">
          <DateFilter id="decision-from" label="Decided from" value={filters.from} onChange={(v) => set({ from: v })} />
          <DateFilter id="decision-to" label="Decided up to" value={filters.to} onChange={(v) => set({ to: v })} />
          {filtered || filters.search ? (
            <button type="button" className="btn btn-secondary register-clear" onClick={() => setFilters(NO_FILTERS)}>
              Clear the filters
            </button>
          ) : null}
        </div>
      </form>
      {pages.error ? (
        <Banner tone="error" title="The register could not be read">
          <p>{pages.error.message}</p>
        </Banner>
      ) : null}
      <section className="card board-table-card" aria-labelledby="decisions-h">
        <h2 id="decisions-h" className="visually-hidden">
          Decisions
        </h2>
        {pages.data ? (
          <DataTable
            data={rows}
            columns={columns}
            caption={filtered ? 'Decisions matching the search and filters, newest first' : 'Decisions, newest first'}
            rowKey={(d) => d.id}
            className="decisions-table"
            empty={<p className="empty register-empty">{filtered ? 'No decision matches the search and filters.' : 'No decision has been recorded yet.'}</p>}
          />
        ) : pages.isPending ? (
          <p role="status">Loading…</p>
        ) : null}
      </section>
      <div className="register-more">
        <p className="muted" role="status">
          {pages.data ? `${rows.length.toLocaleString('en-GB')} ${rows.length === 1 ? 'decision' : 'decisions'} shown${pages.hasNextPage ? '; there are more' : ''}.` : ''}
        </p>
        {pages.hasNextPage ? (
          <button type="button" className="btn btn-secondary" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
