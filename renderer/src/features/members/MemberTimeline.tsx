import { useApiQuery } from '../../api/queries';
import { describeChange, visibleChanges } from '../../lib/changes';
import { formatInstant } from '../../lib/dates';

/** The entry's history from the audit log, newest first. */
export function MemberTimeline({ memberId }: { memberId: string }) {
  const history = useApiQuery('members.history', { id: memberId });
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      {history.error ? <p className="muted">{history.error.message}</p> : null}
      {!history.data && !history.error ? <p role="status">Loading…</p> : null}
      {history.data && history.data.length === 0 ? <p className="muted">Nothing has been recorded about this entry yet.</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="timeline" aria-label="Events, newest first">
          {history.data.map((e) => (
            <li key={e.seq}>
              <div className="when">
                <time dateTime={e.at}>{formatInstant(e.at)}</time> · {e.actor}
              </div>
              <div className="what">{e.summary}</div>
              {e.redacted ? (
                <div className="erased">Details erased under CA 2006 s121</div>
              ) : visibleChanges(e.changes).length > 0 ? (
                <ul className="changes">
                  {visibleChanges(e.changes).map((c) => (
                    <li key={c.field}>{describeChange(c)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
