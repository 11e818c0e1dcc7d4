import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { OpenFilingsTable } from './FilingsTable';

/** The home screen's list of Companies House filings to make (companies only; nothing for a society). */
export function FilingsPanel() {
  const list = useApiQuery('filings.list', { status: 'open' });
  const data = list.data;
  if (!data || !data.applicable) return null;
  return (
    <section className="card filings-panel" aria-labelledby="filings-panel-h">
      <header>
        <h2 id="filings-panel-h">Companies House filings</h2>
        <Link to="/filings">All filings</Link>
      </header>
      {data.duties.length === 0 ? (
        <p>Nothing to file. Appointments, resignations and changes to the board or to people with significant control will appear here with the form and the day it is due.</p>
      ) : (
        <OpenFilingsTable duties={data.duties} caption="Companies House filings to make, soonest due first" compact />
      )}
      {data.trackedSince ? <p className="filings-note">Tracked for changes recorded since {formatLegalDate(data.trackedSince)}. Each is due within 14 days of the change.</p> : null}
    </section>
  );
}
