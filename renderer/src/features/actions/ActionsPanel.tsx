import { useCallback, useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ActionDialog } from './ActionDialogs';
import { ActionsTable } from './ActionsTable';

/**
 * The actions on a meeting's page: those agreed at this meeting (add, change, close, reopen),
 * and the open actions carried from earlier meetings, for this meeting's matters arising.
 */
export function ActionsPanel({ meetingId }: { meetingId: string }) {
  const agreed = useApiQuery('actions.list', { meetingId, status: 'all' });
  const carried = useApiQuery('actions.list', { carriedTo: meetingId, status: 'open' });
  const [adding, setAdding] = useState(false);
  const closeAdding = useCallback(() => setAdding(false), []);
  const error = agreed.error ?? carried.error;
  return (
    <section className="actions-panel" aria-labelledby="actions-panel-h">
      <div className="board-section-head">
        <h2 id="actions-panel-h">Actions</h2>
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          Add an action
        </button>
      </div>
      {error ? (
        <Banner tone="error" title="The actions could not be read">
          <p>{error.message}</p>
        </Banner>
      ) : null}
      <h3 id="actions-agreed-h">Agreed at this meeting</h3>
      {agreed.data ? (
        <ActionsTable actions={agreed.data} caption="Actions agreed at this meeting" showMeeting={false} empty="No action has been recorded for this meeting yet." />
      ) : agreed.isPending ? (
        <p role="status">Loading…</p>
      ) : null}
      <h3 id="actions-carried-h">Carried from earlier meetings</h3>
      <p className="muted">Open actions agreed at earlier meetings, for matters arising. Close them here as the meeting hears they are done.</p>
      {carried.data ? (
        <ActionsTable actions={carried.data} caption="Open actions carried from earlier meetings" empty="Nothing is carried from earlier meetings." />
      ) : carried.isPending ? (
        <p role="status">Loading…</p>
      ) : null}
      <ActionDialog meetingId={meetingId} action={null} open={adding} onClose={closeAdding} />
    </section>
  );
}
