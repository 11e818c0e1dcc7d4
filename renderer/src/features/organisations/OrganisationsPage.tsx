import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { COUNTERPARTY_KINDS, COUNTERPARTY_KIND_LABEL, type Counterparty } from '../../../../shared/contract/counterparties';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { identifiersOf, isKind } from './organisation-form';
import './organisations.css';

/** The subnav shared by the organisations list and the names waiting to be linked. */
export function OrganisationsNav({ current }: { current: 'list' | 'names' }) {
  const names = useApiQuery('counterparties.unlinkedNames', {});
  const waiting = names.data?.length ?? 0;
  return (
    <nav className="subnav" aria-label="Organisations">
      <Link to="/organisations" aria-current={current === 'list' ? 'page' : undefined}>
        Organisations list
      </Link>
      <Link to="/organisations/names" aria-current={current === 'names' ? 'page' : undefined}>
        Names already used in records{waiting > 0 ? <span className="badge badge-warning org-nav-count">{waiting.toLocaleString('en-GB')}</span> : null}
      </Link>
    </nav>
  );
}

const COLUMNS: ColumnDef<Counterparty>[] = [
  {
    id: 'name',
    header: 'Organisation',
    accessorFn: (c) => c.name,
    enableSorting: true,
    meta: { rowHeader: true },
    cell: ({ row: { original: c } }) => (
      <>
        <Link to={`/organisations/${c.id}`} className="org-name">
          {c.name}
        </Link>
        {identifiersOf(c) ? <span className="org-sub">{identifiersOf(c)}</span> : null}
      </>
    ),
  },
  { id: 'kind', header: 'Kind', accessorFn: (c) => COUNTERPARTY_KIND_LABEL[c.kind], enableSorting: true, cell: ({ row: { original: c } }) => COUNTERPARTY_KIND_LABEL[c.kind] },
  {
    id: 'contact',
    header: 'Contact',
    cell: ({ row: { original: c } }) =>
      c.contactName || c.contactEmail ? (
        <>
          {c.contactName ?? ''}
          {c.contactEmail ? <span className="org-sub">{c.contactEmail}</span> : null}
        </>
      ) : (
        <span className="muted">None recorded</span>
      ),
  },
  {
    id: 'contracts',
    header: 'Contracts',
    accessorFn: (c) => c.contractCount,
    enableSorting: true,
    meta: { numeric: true },
    cell: ({ row: { original: c } }) => (c.contractCount === 0 ? <span className="muted">0</span> : c.contractCount.toLocaleString('en-GB')),
  },
  {
    id: 'interests',
    header: 'Current interests',
    accessorFn: (c) => c.currentInterestCount,
    enableSorting: true,
    meta: { numeric: true },
    cell: ({ row: { original: c } }) => (c.currentInterestCount === 0 ? <span className="muted">0</span> : c.currentInterestCount.toLocaleString('en-GB')),
  },
];

/** The organisations the mutual deals with (/organisations). */
export function OrganisationsPage() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const settled = useDebounced(search.trim(), 250);
  const list = useApiQuery('counterparties.list', { ...(settled ? { search: settled } : {}), ...(kind ? { kind } : {}) }, { placeholderData: (prev) => prev });
  const all = useApiQuery('counterparties.list', {});
  const filtered = settled !== '' || kind !== undefined;
  const setKind = (k: string) => {
    const next = new URLSearchParams(params);
    if (k) next.set('kind', k);
    else next.delete('kind');
    setParams(next, { replace: true });
  };
  return (
    <div className="page">
      <PageHeader
        title="Organisations"
        lede="Councils, NHS bodies, other mutuals and suppliers the mutual deals with: one list for contracts, declarations of interest, nominee directors and agenda items."
        actions={
          <Link className="btn btn-primary" to="/organisations/new">
            Add organisation
          </Link>
        }
      />
      <OrganisationsNav current="list" />
      {all.error ? (
        <Banner tone="error" title="The organisations could not be read">
          <p>{all.error.message}</p>
        </Banner>
      ) : null}
      {all.data && all.data.length === 0 ? (
        <section className="card empty" aria-labelledby="org-empty-h">
          <h2 id="org-empty-h">No organisations yet</h2>
          <p>
            Add the councils, NHS trusts and integrated care boards that commission the mutual’s services, and anyone else it deals with. Declarations of
            interest and nominations that already name an organisation in words can then be linked to it.
          </p>
          <p className="empty-actions">
            <Link className="btn btn-primary" to="/organisations/new">
              Add organisation
            </Link>
            <Link className="btn btn-secondary" to="/organisations/names">
              See names already used in records
            </Link>
          </p>
        </section>
      ) : (
        <>
          <div className="org-filters" role="search" aria-label="Find organisations">
            <div className="field">
              <label htmlFor="org-search">Search</label>
              <span className="hint" id="org-search-hint">
                Name, ODS code or Companies House number
              </span>
              <input id="org-search" type="search" aria-describedby="org-search-hint" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="org-kind">Kind</label>
              <select id="org-kind" value={kind ?? ''} onChange={(e) => setKind(e.target.value)}>
                <option value="">All kinds</option>
                {COUNTERPARTY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {COUNTERPARTY_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted org-count" role="status">
            {list.data ? (filtered ? `${formatCount(list.data.length, 'organisation')} found` : formatCount(list.data.length, 'organisation')) : 'Loading…'}
          </p>
          {list.data ? (
            <div className="card org-table-card">
              <DataTable
                data={list.data}
                columns={COLUMNS}
                caption="Organisations, by name"
                rowKey={(c) => c.id}
                initialSort={[{ id: 'name', desc: false }]}
                empty={<p className="empty">No organisation matches. Try fewer words, or another kind.</p>}
              />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
