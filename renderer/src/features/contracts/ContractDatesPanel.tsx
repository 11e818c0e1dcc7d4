import { Link } from 'react-router';
import type { TimelineEntry } from '../../../../shared/contract/contracts';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { addDays } from './contract-form';
import { OverdueBadge } from './ContractStatusBadge';
import './contracts.css';

const WINDOW_DAYS = 90;
const SHOWN = 8;

/**
 * The home screen's contract dates: every duty overdue, then what falls due in the next 90 days
 * (extension decisions, notice deadlines, KPI reports, price reviews, ends), each leading to its
 * contract, where it is recorded as done.
 */
export function ContractDatesPanel() {
  const today = todayUk();
  const timeline = useApiQuery('contracts.timeline', { from: today, to: addDays(today, WINDOW_DAYS), includeOverdue: true, limit: 200 });
  const all = useApiQuery('contracts.list', {});
  const t = timeline.data;
  const overdue = (t?.entries ?? []).filter((e) => e.overdue);
  const upcoming = (t?.entries ?? []).filter((e) => !e.overdue && !e.done);
  return (
    <section className="card ctr-home" aria-labelledby="ctr-home-h">
      <header>
        <h2 id="ctr-home-h">Contract dates</h2>
        <Link to="/contracts/calendar">Calendar</Link>
      </header>
      {timeline.error ? <p className="ctr-inline-error">{timeline.error.message}</p> : null}
      {!t ? (
        timeline.error ? null : <p role="status">Loading…</p>
      ) : all.data && all.data.length === 0 ? (
        <p>
          No contracts recorded yet. <Link to="/contracts/new">Record a contract</Link> and its extension decisions, notice deadlines and other dates will
          show here before they fall due.
        </p>
      ) : (
        <>
          <h3>Overdue</h3>
          {overdue.length === 0 ? (
            <p className="muted">Nothing overdue.</p>
          ) : (
            <EntryList entries={overdue.slice(0, SHOWN)} more={Math.max(t.overdueCount, overdue.length) - Math.min(SHOWN, overdue.length)} overdue />
          )}
          <h3>Due in the next {WINDOW_DAYS} days</h3>
          {upcoming.length === 0 ? (
            <p className="muted">Nothing due before {formatLegalDate(addDays(today, WINDOW_DAYS))}.</p>
          ) : (
            <EntryList entries={upcoming.slice(0, SHOWN)} more={upcoming.length - Math.min(SHOWN, upcoming.length) + (t.truncated ? 1 : 0)} />
          )}
        </>
      )}
    </section>
  );
}

function EntryList({ entries, more, overdue = false }: { entries: TimelineEntry[]; more: number; overdue?: boolean }) {
  return (
    <>
      <ul className="ctr-home-list">
        {entries.map((e) => (
          <li key={`${e.contractId}:${e.key}`}>
            <Link to={`/contracts/${e.contractId}`}>
              {e.title}: {e.contractTitle}
            </Link>
            <span className="ctr-sub">
              {e.counterpartyName}, {overdue ? 'was due' : 'due'} {formatLegalDate(e.dueOn)} {overdue ? <OverdueBadge count={1} /> : null}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="ctr-home-more">
          <Link to="/contracts/calendar">And {more.toLocaleString('en-GB')} more in the calendar</Link>
        </p>
      ) : null}
    </>
  );
}
