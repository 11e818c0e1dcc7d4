import { Link } from 'react-router';
import { INTEREST_CATEGORY_LABEL, type Interest } from '../../../../shared/contract/interests';
import { formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

/** Declarations of interest, newest first; with `showOfficer` for the board-wide view. */
export function InterestsTable({ interests, showOfficer, caption, onEnd }: { interests: Interest[]; showOfficer: boolean; caption: string; onEnd: (i: Interest) => void }) {
  const columns: ColumnDef<Interest>[] = [
    ...(showOfficer
      ? [{ id: 'officer', header: 'Director or officer', cell: ({ row }) => <Link to={`/officers/${row.original.officerId}`}>{row.original.officerName}</Link> } satisfies ColumnDef<Interest>]
      : []),
    {
      id: 'interest',
      header: 'Interest',
      cell: ({ row }) => (
        <>
          <span className="board-interest-nature">{row.original.nature}</span>
          <span className="board-sub">{INTEREST_CATEGORY_LABEL[row.original.category]}</span>
        </>
      ),
    },
    {
      id: 'related',
      header: 'Related organisation',
      // Linked to the organisations list (issue 10): its page, with the contracts the interest touches.
      cell: ({ row: { original: i } }) =>
        i.counterpartyId ? (
          <Link to={`/organisations/${i.counterpartyId}`}>{i.relatedOrganisation ?? 'The organisation'}</Link>
        ) : (
          (i.relatedOrganisation ?? <span className="muted">None given</span>)
        ),
    },
    { id: 'declared', header: 'Declared', meta: { nowrap: true }, cell: ({ row }) => formatLegalDate(row.original.declaredOn) },
    {
      id: 'ended',
      header: 'Ended',
      meta: { nowrap: true },
      cell: ({ row }) => (row.original.endedOn ? formatLegalDate(row.original.endedOn) : <span className="badge badge-success">Current</span>),
    },
    {
      id: 'actions',
      header: 'Actions',
      meta: { headerHidden: true, className: 'board-row-action' },
      cell: ({ row }) =>
        row.original.endedOn === null ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onEnd(row.original)}>
            End<span className="visually-hidden"> the interest “{row.original.nature}”</span>
          </button>
        ) : null,
    },
  ];
  return <DataTable data={interests} columns={columns} caption={caption} rowKey={(i) => i.id} className="board-table" />;
}
