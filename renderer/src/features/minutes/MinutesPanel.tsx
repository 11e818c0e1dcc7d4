import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { MINUTES_STATUSES, MINUTES_STATUS_LABEL, type Minutes, type MinutesStatus } from '../../../../shared/contract/minutes';
import { MEETING_STATUS_LABEL } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { useToast } from '../../ui/Toasts';
import { MinutesComments } from './MinutesComments';
import { MinutesEditor } from './MinutesEditor';
import { ApproveForm, CirculateForm, SignForm } from './MinutesSteps';
import { saveStateText } from './saved-at';
import { SealedMinutes } from './SealedMinutes';
import { useAutosave } from './useAutosave';
import './minutes.css';

/**
 * The minutes of one meeting, through their life: drafted from the meeting's records, the
 * narrative edited (saved as it is typed), circulated for comment, approved, signed by the
 * chair and then sealed (CA 2006 s248 board, s355 members), after which they only print,
 * verify and take corrections as new records.
 */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const minutes = useApiQuery('minutes.get', { meetingId });
  const meeting = useApiQuery('meetings.get', { id: meetingId });
  const headingId = useId();
  return (
    <section className="minutes-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Minutes</h2>
      {minutes.error ? (
        <Banner tone="error" title="The minutes could not be read">
          <p>{minutes.error.message}</p>
        </Banner>
      ) : minutes.data === undefined ? (
        <p role="status">Loading…</p>
      ) : minutes.data === null ? (
        <NoMinutes meetingId={meetingId} status={meeting.data?.meeting.status ?? null} />
      ) : (
        <>
          <Steps status={minutes.data.status} />
          {minutes.data.status === 'signed' ? (
            <SealedMinutes minutes={minutes.data} />
          ) : (
            <OpenMinutes key={minutes.data.id} minutes={minutes.data} chairName={meeting.data?.meeting.chairName ?? null} />
          )}
        </>
      )}
    </section>
  );
}

/** The four stages, the current one marked for screen readers (aria-current) and by a tick for the ones done. */
function Steps({ status }: { status: MinutesStatus }) {
  const at = MINUTES_STATUSES.indexOf(status);
  return (
    <ol className="minutes-steps" aria-label="Stages of the minutes">
      {MINUTES_STATUSES.map((s, i) => (
        <li key={s} className={i < at ? 'is-done' : i === at ? 'is-current' : undefined} aria-current={i === at ? 'step' : undefined}>
          <span className="minutes-step-mark" aria-hidden="true">
            {i < at || (i === at && s === 'signed') ? '✓' : i + 1}
          </span>
          {MINUTES_STATUS_LABEL[s]}
          {i < at ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}

function NoMinutes({ meetingId, status }: { meetingId: string; status: string | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const held = status === 'held' || status === 'minutes_approved';
  const draft = async () => {
    setBusy(true);
    setProblem(null);
    const result = await call('minutes.draft', { meetingId, regenerate: false });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast('Draft minutes generated from the meeting’s records.');
  };
  return (
    <div className="card minutes-empty">
      <p>No minutes yet. The draft is generated from what was recorded for the meeting: attendance and apologies, the quorum, declarations of interest, each item with its notes, the decisions with their votes and outcome, and the actions agreed. You then write the narrative around them.</p>
      {status !== null && !held ? (
        <Banner tone="info" title="Not yet: the meeting has not been held">
          <p>
            The meeting is {status === 'cancelled' ? 'cancelled' : `still ${MEETING_STATUS_LABEL[status as keyof typeof MEETING_STATUS_LABEL]?.toLowerCase() ?? status}`}. Mark it held once it has taken place, then draft the minutes from
            what it recorded.
          </p>
        </Banner>
      ) : null}
      {problem ? (
        <Banner tone="error" title="Not drafted">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <button type="button" className="btn btn-primary" onClick={() => void draft()} disabled={busy || (status !== null && !held)}>
        Draft the minutes from the meeting
      </button>
    </div>
  );
}

/** Draft, circulated or approved minutes: the generated facts, the narrative, comments and the next step. */
function OpenMinutes({ minutes, chairName }: { minutes: Minutes; chairName: string | null }) {
  const editable = minutes.status === 'draft' || minutes.status === 'circulated';
  const save = useAutosave(minutes.id, minutes.meetingId);
  const labelId = useId();
  const hintId = useId();
  return (
    <>
      {minutes.correctsMinutesId ? (
        <Banner tone="info" title="A correction">
          <p>These minutes record a correction to signed minutes of an earlier meeting; the original stays as it was signed.</p>
        </Banner>
      ) : null}
      <div className="minutes-layout">
        <Facts minutes={minutes} />
        <div className="minutes-narrative">
          <h3 id={labelId}>Narrative of the minutes</h3>
          <p className="hint" id={hintId}>
            {editable
              ? 'Write what was discussed around the facts. Saved as you type. Use the toolbar or Ctrl+B and Ctrl+I.'
              : 'Approved minutes are signed as approved, so the narrative can no longer be edited.'}
          </p>
          <MinutesEditor
            body={minutes.body}
            editable={editable}
            labelId={labelId}
            describedBy={hintId}
            toolbarLabel="Formatting the minutes"
            onChange={editable ? save.change : undefined}
            onBlur={editable ? () => void save.flush() : undefined}
            status={
              editable ? (
                <p className={`minutes-saved minutes-saved-${save.state.kind}`} role="status">
                  {save.state.kind === 'failed' ? <span aria-hidden="true">⚠ </span> : null}
                  {saveStateText(save.state)}
                </p>
              ) : null
            }
          />
        </div>
      </div>
      <MinutesComments minutes={minutes} />
      <div className="card minutes-next">
        {minutes.status === 'draft' ? <CirculateForm minutes={minutes} beforeSubmit={save.flush} /> : null}
        {minutes.status === 'circulated' ? <ApproveForm minutes={minutes} beforeSubmit={save.flush} /> : null}
        {minutes.status === 'approved' ? <SignForm minutes={minutes} chairName={chairName} /> : null}
      </div>
    </>
  );
}

/** The facts generated from the meeting's records: shown, never edited here. */
export function Facts({ minutes }: { minutes: Minutes }) {
  const id = useId();
  return (
    <aside className="minutes-facts" aria-labelledby={id}>
      <h3 id={id}>From the meeting’s records</h3>
      <p className="muted small">
        Generated from the attendance, quorum, declarations, decisions and actions recorded for the{' '}
        <Link to={`/meetings/${minutes.meetingId}`}>meeting of {formatLegalDate(minutes.heldOn)}</Link>. Change those records to change these.
      </p>
      {minutes.facts.length === 0 ? <p className="muted">Nothing recorded yet.</p> : null}
      {minutes.facts.map((f, i) => (
        <section key={`${i}-${f.heading}`} className="minutes-fact">
          <h4>{f.heading}</h4>
          <ul>
            {f.lines.map((line, j) => (
              <li key={j}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
