import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ACTION_STATUS_LABEL, type Action } from '../../../../shared/contract/actions';
import { call } from '../../api/client';
import { formatShortDate, todayUk } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { useToast } from '../../ui/Toasts';
import { useQueryClient } from '@tanstack/react-query';
import { ActionDialog, CloseActionDialog } from './ActionDialogs';
import { dueWords } from './due';
import './actions.css';

/**
 * Actions as a table: what, who, when due (overdue said in words and marked by a bar and an
 * icon, not by colour alone), the meeting that agreed it, and the buttons to change or close it.
 */
export function ActionsTable(props: { actions: Action[]; caption: string; showMeeting?: boolean; editable?: boolean; empty: string }) {
  const { actions, caption, showMeeting = true, editable = true } = props;
  const [editing, setEditing] = useState<Action | null>(null);
  const [closing, setClosing] = useState<{ action: Action; status: 'done' | 'dropped' } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const closeEdit = useCallback(() => setEditing(null), []);
  const closeClosing = useCallback(() => setClosing(null), []);
  const queryClient = useQueryClient();
  const toast = useToast();
  const today = todayUk();
  const reopen = async (a: Action) => {
    setProblem(null);
    const result = await call('actions.close', { id: a.id, status: 'open' });
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast('Action reopened.');
  };
  const columns: ColumnDef<Action>[] = [
    {
      id: 'description',
      header: 'Action',
      meta: { rowHeader: true },
      cell: ({ row: { original: a } }) => (
        <>
          <span className="action-text">{a.description}</span>
          {a.closedNote ? <span className="board-sub">{a.closedNote}</span> : null}
        </>
      ),
    },
    { id: 'owner', header: 'Owner', cell: ({ row: { original: a } }) => a.ownerName },
    {
      id: 'due',
      header: 'Due',
      cell: ({ row: { original: a } }) => {
        const due = dueWords(a, today);
        return due.overdue ? (
          <span className="action-overdue">
            <span aria-hidden="true">⚠ </span>
            {due.text}
          </span>
        ) : (
          <span className={a.status === 'open' ? undefined : 'muted'}>{due.text}</span>
        );
      },
    },
    ...(showMeeting
      ? [
          {
            id: 'meeting',
            header: 'Agreed at',
            cell: ({ row: { original: a } }) => (
              <>
                <Link to={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link>
                <span className="board-sub">
                  {formatShortDate(a.meetingHeldOn)}
                  {a.itemNumber ? `, item ${a.itemNumber}` : ''}
                </span>
              </>
            ),
          } satisfies ColumnDef<Action>,
        ]
      : []),
    { id: 'status', header: 'Status', cell: ({ row: { original: a } }) => <span className={`badge ${a.status === 'open' ? 'badge-warning' : 'badge-muted'}`}>{ACTION_STATUS_LABEL[a.status]}</span> },
    ...(editable
      ? [
          {
            id: 'buttons',
            header: 'Change',
            meta: { headerHidden: true, className: 'board-row-action' },
            cell: ({ row: { original: a } }) => (
              <div className="action-buttons">
                {a.status === 'open' ? (
                  <>
                    <button type="button" className="btn btn-primary btn-small" onClick={() => setClosing({ action: a, status: 'done' })}>
                      Mark done<span className="visually-hidden">: {a.description}</span>
                    </button>
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(a)}>
                      Change<span className="visually-hidden">: {a.description}</span>
                    </button>
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setClosing({ action: a, status: 'dropped' })}>
                      Drop<span className="visually-hidden">: {a.description}</span>
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => void reopen(a)}>
                    Reopen<span className="visually-hidden">: {a.description}</span>
                  </button>
                )}
              </div>
            ),
          } satisfies ColumnDef<Action>,
        ]
      : []),
  ];
  return (
    <>
      {problem ? (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <DataTable
        data={actions}
        columns={columns}
        caption={caption}
        rowKey={(a) => a.id}
        className="actions-table"
        rowProps={(a) => ({ className: a.overdue || dueWords(a, today).overdue ? 'action-row-overdue' : undefined })}
        empty={<p className="empty action-empty">{props.empty}</p>}
      />
      <ActionDialog meetingId={editing?.meetingId ?? ''} action={editing} open={editing !== null} onClose={closeEdit} />
      <CloseActionDialog action={closing?.action ?? null} status={closing?.status ?? 'done'} onClose={closeClosing} />
    </>
  );
}
