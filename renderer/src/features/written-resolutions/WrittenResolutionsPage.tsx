import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { WRITTEN_RESOLUTION_STATUS_LABEL, type WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { useApiQuery } from '../../api/queries';
import { formatShortDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { CirculateDialog } from './CirculateDialog';
import { statusBadge } from './status';
import '../officers/officers.css';
import './written-resolutions.css';

type Row = Omit<WrittenResolution, 'signatories'>;

/** Written resolutions of the board and of the members: circulating, passed, lapsed and withdrawn. */
export function WrittenResolutionsPage() {
  const [params] = useSearchParams();
  const which = params.get('body');
  const body = which === 'board' || which === 'members' ? which : undefined;
  const list = useApiQuery('writtenResolutions.list', body ? { body } : {});
  const [circulating, setCirculating] = useState(false);
  const close = useCallback(() => setCirculating(false), []);
  const columns: ColumnDef<Row>[] = [
    {
      id: 'text',
      header: 'Resolution',
      meta: { rowHeader: true },
      cell: ({ row: { original: r } }) => (
        <>
          <Link to={`/written-resolutions/${r.id}`} className="wr-link">
            {r.text.length > 140 ? `${r.text.slice(0, 140)}…` : r.text}
          </Link>
          <span className="board-sub wr-message">{r.message}</span>
        </>
      ),
    },
    {
      id: 'body',
      header: 'Of',
      cell: ({ row: { original: r } }) => (r.body === 'board' ? 'The board' : `Members (${r.kind === 'special' ? 'special' : 'ordinary'})`),
    },
    { id: 'circulated', header: 'Circulated', meta: { nowrap: true }, cell: ({ row: { original: r } }) => formatShortDate(r.circulatedOn) },
    { id: 'lapses', header: 'Lapses after', meta: { nowrap: true }, cell: ({ row: { original: r } }) => (r.lapsesAfter ? formatShortDate(r.lapsesAfter) : '—') },
    { id: 'status', header: 'Status', cell: ({ row: { original: r } }) => statusBadge(r.status, WRITTEN_RESOLUTION_STATUS_LABEL[r.status]) },
  ];
  return (
    <div className="page page-wide">
      <PageHeader
        title="Written resolutions"
        lede="Resolutions agreed in writing instead of at a meeting: the board’s where the articles allow it, and the members’ (CA 2006 s288-s300)."
        actions={
          <button type="button" className="btn btn-primary wr-circulate" onClick={() => setCirculating(true)}>
            Circulate a written resolution
          </button>
        }
      />
      <nav className="subnav" aria-label="Whose written resolutions">
        <Link to="/written-resolutions" aria-current={!body ? 'page' : undefined}>
          All
        </Link>
        <Link to="/written-resolutions?body=members" aria-current={body === 'members' ? 'page' : undefined}>
          Members
        </Link>
        <Link to="/written-resolutions?body=board" aria-current={body === 'board' ? 'page' : undefined}>
          Board
        </Link>
      </nav>
      {list.error ? (
        <Banner tone="error" title="The written resolutions could not be read">
          <p>{list.error.message}</p>
        </Banner>
      ) : null}
      <section className="card board-table-card" aria-labelledby="wr-h">
        <h2 id="wr-h" className="visually-hidden">
          Written resolutions
        </h2>
        {list.data ? (
          <DataTable
            data={list.data}
            columns={columns}
            caption="Written resolutions, newest first"
            rowKey={(r) => r.id}
            className="wr-table"
            empty={<p className="empty wr-empty">No written resolution has been circulated yet.</p>}
          />
        ) : list.isPending ? (
          <p role="status">Loading…</p>
        ) : null}
      </section>
      <CirculateDialog open={circulating} onClose={close} />
    </div>
  );
}
