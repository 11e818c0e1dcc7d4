import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABEL, type ContractStatus, type ContractSummary } from '../../../../shared/contract/contracts';
import { formatPence } from '../../../../shared/rules/shareholding';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, formatShortDate } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ContractStatusBadge, OverdueBadge } from './ContractStatusBadge';
import { ContractsNav } from './ContractsNav';
import './contracts.css';

const isStatus = (s: string | null): s is ContractStatus => s !== null && (CONTRACT_STATUSES as readonly string[]).includes(s);

const COLUMNS: ColumnDef<ContractSummary>[] = [
  {
    id: 'title',
    header: 'Contract',
    accessorFn: (c) => c.title,
    enableSorting: true,
    meta: { rowHeader: true },
    cell: ({ row: { original: c } }) => (
      <>
        <Link to={`/contracts/${c.id}`} className="ctr-name">
          {c.title}
        </Link>
        <span className="ctr-sub">{c.reference}</span>
      </>
    ),
  },
  {
    id: 'commissioner',
    header: 'Commissioner',
    accessorFn: (c) => c.counterpartyName,
    enableSorting: true,
    cell: ({ row: { original: c } }) => <Link to={`/organisations/${c.counterpartyId}`}>{c.counterpartyName}</Link>,
  },
  { id: 'status', header: 'Status', accessorFn: (c) => CONTRACT_STATUSES.indexOf(c.status), enableSorting: true, cell: ({ row: { original: c } }) => <ContractStatusBadge status={c.status} /> },
  {
    id: 'end',
    header: 'Current end',
    accessorFn: (c) => c.currentEndOn ?? '9999',
    enableSorting: true,
    meta: { nowrap: true },
    cell: ({ row: { original: c } }) => (c.currentEndOn ? formatShortDate(c.currentEndOn) : <span className="muted">Not set</span>),
  },
  {
    id: 'value',
    header: 'Annual value',
    accessorFn: (c) => c.annualValuePence ?? -1,
    enableSorting: true,
    meta: { numeric: true, nowrap: true },
    cell: ({ row: { original: c } }) => (c.annualValuePence === null ? <span className="muted">Not set</span> : formatPence(c.annualValuePence)),
  },
  {
    id: 'next',
    header: 'Next duty',
    accessorFn: (c) => c.nextDuty?.dueOn ?? '9999',
    enableSorting: true,
    cell: ({ row: { original: c } }) => (
      <>
        {c.nextDuty ? (
          <>
            {c.nextDuty.title}
            <span className="ctr-sub">{formatLegalDate(c.nextDuty.dueOn)}</span>
          </>
        ) : (
          <span className="muted">None</span>
        )}
        {c.overdueCount > 0 ? (
          <span className="ctr-overdue">
            <OverdueBadge count={c.overdueCount} />
          </span>
        ) : null}
      </>
    ),
  },
];

/** Contracts and bids (/contracts): status derived from their dates, the next duty and anything overdue. */
export function ContractsPage() {
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as ContractStatus) : undefined;
  const commissioner = params.get('commissioner') ?? '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const settled = useDebounced(search.trim(), 250);
  const input = { ...(status ? { status } : {}), ...(commissioner ? { counterpartyId: commissioner } : {}), ...(settled ? { search: settled } : {}) };
  const list = useApiQuery('contracts.list', input, { placeholderData: (prev) => prev });
  const all = useApiQuery('contracts.list', {});
  const orgs = useApiQuery('counterparties.list', {});
  const commissioners = (orgs.data ?? []).filter((o) => o.contractCount > 0 || o.id === commissioner);
  const filtered = Object.keys(input).length > 0;
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const overdue = (all.data ?? []).reduce((n, c) => n + c.overdueCount, 0);
  return (
    <div className="page page-wide">
      <PageHeader
        title="Contracts"
        lede="The mutual’s public service contracts and the bids in preparation: who commissions them, on what legal basis, for how long and how much, and what must happen when. Status comes from the dates, never typed in."
        actions={
          <Link className="btn btn-primary" to="/contracts/new">
            Record a contract
          </Link>
        }
      />
      <ContractsNav current="list" />
      {all.error ? (
        <Banner tone="error" title="The contracts could not be read">
          <p>{all.error.message}</p>
        </Banner>
      ) : null}
      {overdue > 0 ? (
        <Banner tone="error" title={overdue === 1 ? 'A contract duty is overdue' : `${overdue} contract duties are overdue`}>
          <p>
            Each stays flagged until it is recorded as done on its contract’s page. <Link to="/contracts/calendar">See them in the calendar</Link>
          </p>
        </Banner>
      ) : null}
      {all.data && all.data.length === 0 ? (
        <section className="card empty" aria-labelledby="ctr-empty-h">
          <h2 id="ctr-empty-h">No contracts recorded yet</h2>
          <p>
            Record each contract the mutual holds, and any bid it is preparing: the commissioner, the services, the procurement route, the dates and
            values, and the extension options. The app then works out the status, the maximum term and every date that needs action, and puts them on
            the home page before they fall due.
          </p>
          <p className="empty-actions">
            <Link className="btn btn-primary" to="/contracts/new">
              Record a contract
            </Link>
            <Link className="btn btn-secondary" to="/contracts/import">
              Import a spreadsheet
            </Link>
          </p>
        </section>
      ) : (
        <>
          <div className="ctr-filters" role="search" aria-label="Find contracts">
            <div className="field">
              <label htmlFor="ctr-search">Search</label>
              <span className="hint" id="ctr-search-hint">
                Title, reference or commissioner
              </span>
              <input id="ctr-search" type="search" aria-describedby="ctr-search-hint" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="ctr-status">Status</label>
              <select id="ctr-status" value={status ?? ''} onChange={(e) => setParam('status', e.target.value)}>
                <option value="">Any status</option>
                {CONTRACT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CONTRACT_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ctr-commissioner">Commissioner</label>
              <select id="ctr-commissioner" value={commissioner} onChange={(e) => setParam('commissioner', e.target.value)}>
                <option value="">Any commissioner</option>
                {commissioners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted ctr-count" role="status">
            {list.data ? `${formatCount(list.data.length, 'contract')}${filtered ? ' found' : ''}` : 'Loading…'}
          </p>
          {list.data ? (
            <div className="card ctr-table-card">
              <DataTable
                data={list.data}
                columns={COLUMNS}
                caption="Contracts and bids"
                rowKey={(c) => c.id}
                empty={
                  <div className="empty">
                    <p>No contract matches these filters.</p>
                    <p>
                      <button
                        type="button"
                        className="btn btn-secondary"
                        onClick={() => {
                          setSearch('');
                          setParams({}, { replace: true });
                        }}
                      >
                        Clear the filters
                      </button>
                    </p>
                  </div>
                }
              />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
