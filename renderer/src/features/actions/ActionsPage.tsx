import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useDebounced } from '../../lib/useDebounced';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { ActionsTable } from './ActionsTable';
import '../officers/officers.css';

const VIEWS = [
  { key: 'open', label: 'Open' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'closed', label: 'Done or dropped' },
  { key: 'all', label: 'All' },
] as const;
type View = (typeof VIEWS)[number]['key'];

/** The action tracker: every action agreed at any meeting, who owns it, when it is due, and where it was agreed. */
export function ActionsPage() {
  const [params] = useSearchParams();
  const view: View = VIEWS.find((v) => v.key === params.get('view'))?.key ?? 'open';
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), 300);
  const list = useApiQuery('actions.list', { status: view, ...(settled ? { search: settled } : {}), limit: 500 }, { placeholderData: (p) => p });
  const overdue = (list.data ?? []).filter((a) => a.overdue).length;
  return (
    <div className="page">
      <PageHeader title="Action tracker" lede="What each meeting agreed someone would do, by when. Open actions are carried to the next meeting’s matters arising." />
      <nav className="subnav" aria-label="Which actions">
        {VIEWS.map((v) => (
          <Link key={v.key} to={v.key === 'open' ? '/actions' : `/actions?view=${v.key}`} aria-current={view === v.key ? 'page' : undefined}>
            {v.label}
          </Link>
        ))}
      </nav>
      <div className="actions-toolbar">
        <Field id="action-search" label="Search actions" hint="Words in the action or the owner’s name.">
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </Field>
      </div>
      {list.error ? (
        <Banner tone="error" title="The actions could not be read">
          <p>{list.error.message}</p>
        </Banner>
      ) : null}
      {view !== 'closed' && overdue > 0 ? (
        <Banner tone="warning" title={overdue === 1 ? 'An action is overdue' : `${overdue} actions are overdue`}>
          <p>They are marked “Overdue” below. Ask the owner, then mark each done, change its due date or drop it with a note.</p>
        </Banner>
      ) : null}
      <section className="card board-table-card" aria-labelledby="actions-h">
        <h2 id="actions-h" className="visually-hidden">
          {VIEWS.find((v) => v.key === view)!.label} actions
        </h2>
        {list.data ? (
          <ActionsTable
            actions={list.data}
            caption={`${VIEWS.find((v) => v.key === view)!.label} actions`}
            empty={settled ? 'No action matches the search.' : view === 'overdue' ? 'No action is overdue.' : 'No action here yet.'}
          />
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>
      {list.data ? <p className="filings-note muted">{formatCount(list.data.length, 'action')} shown.</p> : null}
    </div>
  );
}
