import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { formatDayDate, meetingKindWords, meetingWhen, meetingWhere, MINUTES_STATUS_WORDS } from './format';
import './meetings.css';

/** The home screen's meetings: the next meeting and its notice deadline, minutes awaiting approval or signature, overdue actions. */
export function MeetingsPanel() {
  const dash = useApiQuery('meetings.dashboard', {});
  const d = dash.data;
  return (
    <section className="card mtg-home" aria-labelledby="mtg-home-h">
      <header>
        <h2 id="mtg-home-h">Meetings</h2>
        <Link to="/meetings">All meetings</Link>
      </header>
      {dash.error ? <p className="mtg-inline-error">{dash.error.message}</p> : null}
      {!d ? (
        dash.error ? null : <p role="status">Loading…</p>
      ) : (
        <div className="mtg-home-grid">
          <div>
            <h3>Next meeting</h3>
            {d.next ? (
              <>
                <p className="mtg-home-next">
                  <Link to={`/meetings/${d.next.id}`}>{d.next.title}</Link>
                  {meetingKindWords(d.next) !== d.next.title ? <span className="board-sub">{meetingKindWords(d.next)}</span> : null}
                </p>
                <p>
                  {meetingWhen(d.next)}
                  <span className="board-sub">{meetingWhere(d.next)}</span>
                </p>
                {d.next.noticeDeadline ? (
                  <p className="mtg-home-deadline">
                    Send notice by <strong>{formatDayDate(d.next.noticeDeadline)}</strong>
                  </p>
                ) : null}
              </>
            ) : (
              <p>
                None planned. <Link to="/meetings/new">Plan the next board meeting</Link>.
              </p>
            )}
          </div>
          <div>
            <h3>Minutes awaiting approval or signature</h3>
            {d.minutesAwaiting.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="mtg-home-list">
                {d.minutesAwaiting.map((m) => (
                  <li key={m.minutesId}>
                    <Link to={`/meetings/${m.meetingId}?tab=minutes`}>
                      {m.title}, {formatLegalDate(m.heldOn)}
                    </Link>
                    <span className="board-sub">{MINUTES_STATUS_WORDS[m.status]}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3>Overdue actions</h3>
            {d.overdueActions.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="mtg-home-list">
                {d.overdueActions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/meetings/${a.meetingId}?tab=actions`}>{a.description}</Link>
                    <span className="board-sub">
                      {a.ownerName}, due {formatLegalDate(a.dueOn)} <span className="badge badge-danger">Overdue</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
