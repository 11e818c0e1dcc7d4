import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { FilingDuty } from '../../../../shared/contract/filings';
import { dueWords } from '../../../../shared/rules/companies-house';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { MarkFiledDialog, NotRequiredDialog } from './FilingDialogs';
import './filings.css';

/**
 * Open Companies House filings, soonest due first: the form, what changed, when it is due (an
 * overdue one says so in words and is marked, not by colour alone), and the buttons to record
 * how it was met.
 */
export function OpenFilingsTable({ duties, caption, compact = false }: { duties: FilingDuty[]; caption: string; compact?: boolean }) {
  const [filing, setFiling] = useState<FilingDuty | null>(null);
  const [dismissing, setDismissing] = useState<FilingDuty | null>(null);
  const closeFiling = useCallback(() => setFiling(null), []);
  const closeDismissing = useCallback(() => setDismissing(null), []);
  const today = todayUk();
  const columns: ColumnDef<FilingDuty>[] = [
    {
      id: 'form',
      header: 'Form',
      meta: { rowHeader: true, nowrap: true },
      cell: ({ row: { original: d } }) => (
        <>
          <span className="filing-form">{d.form}</span>
          {compact ? null : <span className="board-sub">{d.formTitle}</span>}
        </>
      ),
    },
    {
      id: 'change',
      header: 'What changed',
      cell: ({ row: { original: d } }) => (
        <>
          {d.description}
          {d.blocker ? (
            <span className="filing-blocker">
              {d.blocker}{' '}
              {d.subjectType === 'officer' ? <Link to={`/officers/${d.subjectId}`}>Open their entry</Link> : null}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'due',
      header: 'Due by',
      cell: ({ row: { original: d } }) => (
        <>
          <span className="nowrap">{formatLegalDate(d.dueOn)}</span>
          <span className={d.overdue ? 'badge badge-danger filing-due' : 'board-sub'}>{d.overdue ? dueWords(d.dueOn, today).replace(/ \(was due .*\)$/, '') : dueWords(d.dueOn, today).replace(/ \(.*\)$/, '')}</span>
          {compact ? null : <span className="board-sub">{d.source}</span>}
        </>
      ),
    },
    {
      id: 'actions',
      header: 'Actions',
      meta: { headerHidden: true, className: 'board-row-action' },
      cell: ({ row: { original: d } }) => (
        <div className="filing-actions">
          <button type="button" className="btn btn-primary btn-small" onClick={() => setFiling(d)}>
            Mark filed<span className="visually-hidden">: {d.form}, {d.description}</span>
          </button>
          {compact ? null : (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setDismissing(d)}>
              Not needed<span className="visually-hidden">: {d.form}, {d.description}</span>
            </button>
          )}
        </div>
      ),
    },
  ];
  return (
    <>
      <DataTable
        data={duties}
        columns={columns}
        caption={caption}
        rowKey={(d) => d.id}
        className="board-table filings-table"
        rowProps={(d) => (d.overdue ? { className: 'filing-overdue' } : {})}
      />
      <MarkFiledDialog duty={filing} onClose={closeFiling} />
      <NotRequiredDialog duty={dismissing} onClose={closeDismissing} />
    </>
  );
}

/** Filings already met: filed (with the date and reference) or recorded as not needed. */
export function DoneFilingsTable({ duties }: { duties: FilingDuty[] }) {
  return (
    <DataTable
      data={duties}
      caption="Filings made or not needed, latest first"
      rowKey={(d) => d.id}
      className="board-table filings-table"
      columns={[
        { id: 'form', header: 'Form', meta: { rowHeader: true, nowrap: true }, cell: ({ row: { original: d } }) => <span className="filing-form">{d.form}</span> },
        { id: 'change', header: 'What changed', cell: ({ row: { original: d } }) => d.description },
        {
          id: 'outcome',
          header: 'Outcome',
          cell: ({ row: { original: d } }) =>
            d.outcome === 'filed' ? (
              <>
                Filed {formatLegalDate(d.outcomeOn!)}
                {d.outcomeOn! > d.dueOn ? <span className="board-sub">Late: it was due by {formatLegalDate(d.dueOn)}</span> : null}
                {d.reference ? <span className="board-sub">Reference {d.reference}</span> : null}
              </>
            ) : (
              <>
                Not needed ({formatLegalDate(d.outcomeOn!)})<span className="board-sub">{d.note}</span>
              </>
            ),
        },
      ]}
    />
  );
}
