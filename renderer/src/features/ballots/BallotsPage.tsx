import { Link } from 'react-router';
import { BALLOT_STATUS_LABEL, type BallotSummary } from '../../../../shared/contract/ballots';
import { useApiQuery } from '../../api/queries';
import { formatShortDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { statusBadge, turnoutWords } from './status';
import '../officers/officers.css';
import './ballots.css';

/** Ballots of members: being set up, open, awaiting the trustees, decided or cancelled. */
export function BallotsPage() {
  const list = useApiQuery('ballots.list', {});
  const columns: ColumnDef<BallotSummary>[] = [
    {
      id: 'title',
      header: 'Ballot',
      meta: { rowHeader: true },
      cell: ({ row: { original: b } }) => (
        <>
          <Link to={`/ballots/${b.id}`} className="ballot-link">
            {b.title}
          </Link>
          <span className="board-sub">
            {b.questions} {b.questions === 1 ? 'question' : 'questions'}
          </span>
        </>
      ),
    },
    { id: 'status', header: 'Status', meta: { nowrap: true }, cell: ({ row: { original: b } }) => statusBadge(b.status, BALLOT_STATUS_LABEL[b.status]) },
    { id: 'record', header: 'Record date', meta: { nowrap: true }, cell: ({ row: { original: b } }) => formatShortDate(b.recordDate) },
    { id: 'turnout', header: 'Turnout', cell: ({ row: { original: b } }) => turnoutWords(b.voted, b.rollCount) },
  ];
  const empty = list.data?.length === 0;
  return (
    <div className="page page-wide">
      <PageHeader
        title="Ballots"
        lede="Secret ballots of members on resolutions, elections and consultations, counted so that nobody can see how anyone voted, and checked by anyone with the verification file."
        actions={
          empty ? undefined : (
            <Link to="/ballots/new" className="btn btn-primary">
              Set up a ballot
            </Link>
          )
        }
      />
      {list.error ? (
        <Banner tone="error" title="The ballots could not be read">
          <p>{list.error.message}</p>
        </Banner>
      ) : null}
      {empty ? (
        <section className="card empty" aria-labelledby="ballots-empty-h">
          <h2 id="ballots-empty-h">No ballot yet</h2>
          <p>
            A ballot lets members vote in secret: on the resolutions of a general meeting (a poll), to elect staff or member directors, or in a consultation. They vote at a kiosk on this
            laptop, with a one-time code, on paper or by proxy, all counted in one result.
          </p>
          <p>Two or more trustees, such as the independent scrutineer and the chair, each hold a key: only together can they decrypt the total, and nobody ever sees a single vote.</p>
          <div className="empty-actions">
            <Link to="/ballots/new" className="btn btn-primary">
              Set up a ballot
            </Link>
          </div>
        </section>
      ) : (
        <section className="card board-table-card" aria-labelledby="ballots-h">
          <h2 id="ballots-h" className="visually-hidden">
            Ballots
          </h2>
          {list.data ? (
            <DataTable data={list.data} columns={columns} caption="Ballots, newest first" rowKey={(b) => b.id} className="ballot-table" />
          ) : list.isPending ? (
            <p role="status">Loading…</p>
          ) : null}
        </section>
      )}
    </div>
  );
}
